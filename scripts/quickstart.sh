#!/usr/bin/env bash
# Quick start: install what is missing, build, and run the main job on the
# embedded default: validate the shipped rule packs and answer a requirements
# query for a power bank in six markets.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
./build/conform packs validate
echo
./build/conform requirements --market EU,UK,US,CA,CN,ID --category power_bank \
  --attr battery_wh=37 --attr output_voltage_dc=5 --attr radio=false --attr connectable=false
