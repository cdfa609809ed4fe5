#!/usr/bin/env bash
# Installs the Debian 12 packages conform builds and tests with. Does nothing
# when they are all present; otherwise runs apt-get (as root, or via sudo).
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config git
  libfmt-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libsimdjson-dev libutf8proc-dev libicu-dev libkainjow-mustache-dev libsodium-dev libssl-dev zlib1g-dev
  libsqlite3-dev libxgboost-dev liblinear-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # The JSON Schema specification's own test suite, for the schema validator's tests.
  json-schema-test-suite
  # Node.js runs the independent JavaScript credential implementation in the interoperability test.
  nodejs
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: need root (or sudo) to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
