#!/usr/bin/env bash
# Runs every test: unit tests, the rule packs' own tests, the CLI checks and
# the interoperability test with the JavaScript credential libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/install-js.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
