#!/usr/bin/env bash
# Credential verification speed, in one run: conform (build/bench/verify_bench)
# beside the floor the cryptography sets (a raw Ed25519 verification) and
# beside Digital Bazaar's JavaScript implementation (@digitalbazaar/vc,
# interop/js/bench_verify.mjs), on the same credential shape: a UNTP Digital
# Conformity Credential with a status list entry.
#
#   bash bench/run_verify_bench.sh [JS_CREDENTIALS]
#
#   JS_CREDENTIALS  credentials the JavaScript verifier verifies (default 20000)
#
# Environment: BUILD_DIR (default build), BENCH_MIN_TIME (seconds each C++
# benchmark runs at least, default 2).
#
# Builds nothing: build verify_bench first (cmake --build build --target
# verify_bench) and install the JavaScript packages (bash scripts/install-js.sh).
# Everything runs on one core (taskset -c 0 when there is taskset). Rates are
# per wall-clock second and per CPU second (conform: the benchmark thread's
# CPU time; JavaScript: the node process's, helper threads included); on a
# busy machine the CPU-second figures are the steadier. Nothing is asserted.
#
# What conform's full verify does per credential: parse (strict I-JSON),
# VC 2.0 structure, UNTP DCC content, the eddsa-jcs-2022 proof, issuer
# binding, the trust list, validity, the status list lookup (the list verified
# and decoded once). The JavaScript verifier: its structure checks, the
# proof, issuer binding (the proof purpose), validity, and the status lookup
# (the list likewise verified and decoded once); it has no DCC content or
# trust list checks.
set -euo pipefail

JS_N=${1:-20000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
MIN_TIME=${BENCH_MIN_TIME:-2}
BENCH=$BUILD/bench/verify_bench
JS=$ROOT/interop/js

die() { echo "run_verify_bench: $*" >&2; exit 1; }
[[ $JS_N =~ ^[0-9]+$ && $JS_N -ge 1 ]] || die "JS_CREDENTIALS must be a number >= 1"
[[ -x $BENCH ]] || die "$BENCH is missing: cmake --build ${BUILD#"$ROOT"/} --target verify_bench"
command -v node >/dev/null || die "node is needed for the JavaScript verifier"
[[ -f $JS/node_modules/@digitalbazaar/vc/package.json ]] || die "interop/js/node_modules is missing: bash scripts/install-js.sh"

if command -v taskset >/dev/null; then
  ONE_CORE=(taskset -c 0)
else
  ONE_CORE=()
  echo "run_verify_bench: no taskset; the runs are not pinned to one core" >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/conform-verify-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== conform verify_bench (one thread, at least ${MIN_TIME} s each)" >&2
"${ONE_CORE[@]}" "$BENCH" --benchmark_format=json --benchmark_min_time="$MIN_TIME" \
  --benchmark_filter='^(BM_RawEd25519Verify|BM_VerifyProof|BM_VerifyCredential/real_time/threads:1)$' >"$WORK/cpp.json"
echo "== conform verify_bench --alternate (raw and full verifications in alternating bursts)" >&2
ALTERNATE=$("${ONE_CORE[@]}" "$BENCH" --alternate=400)
ALTERNATE_DISTINCT=$("${ONE_CORE[@]}" "$BENCH" --alternate-distinct=400)
echo "== @digitalbazaar/vc, $JS_N credentials" >&2
"${ONE_CORE[@]}" node "$JS/bench_verify.mjs" "$JS_N" >"$WORK/js.json"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# One line per run: name, per wall second, per CPU second.
node - "$WORK/cpp.json" "$WORK/js.json" >"$WORK/rates.tsv" <<'EOF'
const fs = require('fs');
const cpp = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const js = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const perNs = {ns: 1, us: 1e3, ms: 1e6, s: 1e9};
const rows = [
  ['BM_RawEd25519Verify', 'raw Ed25519 verify (libsodium)'],
  ['BM_VerifyProof', 'conform, proof only (parse, RFC 8785, SHA-256, Ed25519)'],
  ['BM_VerifyCredential/real_time/threads:1', 'conform, full verify (all checks)'],
];
for (const [name, label] of rows) {
  const b = cpp.benchmarks.find(x => x.name === name);
  if (!b) throw new Error(`${name} is not in verify_bench's output`);
  if (b.error_occurred) throw new Error(`${name}: ${b.error_message}`);
  const unit = perNs[b.time_unit];
  console.log([label, 1e9 / (b.real_time * unit), 1e9 / (b.cpu_time * unit)].join('\t'));
}
console.log([`${js.verifier}, verifyCredential`, js.credentials_per_second, js.credentials_per_cpu_second].join('\t'));
EOF

mapfile -t LABEL < <(cut -f1 "$WORK/rates.tsv")
mapfile -t WALL < <(cut -f2 "$WORK/rates.tsv")
mapfile -t CPU < <(cut -f3 "$WORK/rates.tsv")
RAW=0 PROOF=1 FULL=2 PEER=3

cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- src include bench 2>/dev/null || commit="$commit (+ uncommitted changes in src/include/bench)"

echo
echo "conform credential verification benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $cpu_model, $(uname -sr); runs pinned to one core: $([[ ${#ONE_CORE[@]} -gt 0 ]] && echo yes || echo no)"
echo "load average at start: $LOAD_START; at end: $LOAD_END"
echo "conform $commit; $(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1])).verifier' "$WORK/js.json")"
echo "conform: Google Benchmark, at least $MIN_TIME s a run; JavaScript: $JS_N credentials after a tenth as many to warm up"
echo
printf '| %-70s | %12s | %14s |\n' run "per second" "per CPU second"
echo "|------------------------------------------------------------------------|-------------:|---------------:|"
for i in "${!LABEL[@]}"; do
  printf '| %-70s | %12.0f | %14.0f |\n' "${LABEL[i]}" "${WALL[i]}" "${CPU[i]}"
done
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
echo "conform full verify / raw Ed25519:  $(ratio "${CPU[FULL]}" "${CPU[RAW]}") per CPU second, $(ratio "${WALL[FULL]}" "${WALL[RAW]}") per second"
echo "conform proof only / raw Ed25519:   $(ratio "${CPU[PROOF]}" "${CPU[RAW]}") per CPU second, $(ratio "${WALL[PROOF]}" "${WALL[RAW]}") per second"
echo "conform full verify / JavaScript:   $(ratio "${CPU[FULL]}" "${CPU[PEER]}") per CPU second, $(ratio "${WALL[FULL]}" "${WALL[PEER]}") per second"
echo "conform full verify / raw Ed25519, in alternating bursts (the steadiest on a shared machine): $ALTERNATE"
echo "the same over distinct signatures and credentials: $ALTERNATE_DISTINCT"
