#!/usr/bin/env bash
# Installs the JavaScript packages of the interoperability test and the
# verification benchmark (interop/js) from their lock file, with npm ci (and
# npm itself from Debian when it is missing). Does nothing when they are
# installed and the lock file has not changed since.
# Without node or npm, or when npm ci fails, it warns and exits 0 (the
# interoperability test is then skipped), except in CI (CI=true), where it
# fails.
set -euo pipefail
cd "$(dirname "$0")/../interop/js"

problem() {
  echo "install-js: $*" >&2
  if [[ ${CI:-} == true ]]; then exit 1; fi
  echo "install-js: the JavaScript interoperability test will be skipped" >&2
  exit 0
}

# npm ci records what it installed in node_modules/.package-lock.json.
if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]]; then
  exit 0
fi
command -v node >/dev/null || problem "node is missing (bash scripts/install-deps.sh installs it)"
if ! command -v npm >/dev/null; then
  # Debian's nodejs comes without npm (a separate package); Node.js from
  # elsewhere usually brings its own.
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  echo "install-js: installing npm" >&2
  export DEBIAN_FRONTEND=noninteractive
  { $sudo apt-get install -y -qq --no-install-recommends npm >&2 &&
    command -v npm >/dev/null; } || problem "npm is missing and could not be installed"
fi
echo "install-js: npm ci in interop/js" >&2
npm ci --no-audit --no-fund --loglevel=error >&2 || problem "npm ci failed in interop/js"
