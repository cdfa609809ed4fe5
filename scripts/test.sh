#!/usr/bin/env bash
# Runs every test: unit tests, the rule packs' own tests, and the CLI checks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
