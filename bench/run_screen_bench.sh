#!/usr/bin/env bash
# Side-by-side screening benchmark: conform against json-rules-engine (npm),
# the JavaScript rules engine a team would otherwise pick, in one run, on the
# same listings and the same rules (exported for it by build/bench/export_jre).
#
#   bash bench/run_screen_bench.sh [PEER_LISTINGS] [BIG_LISTINGS]
#
#   PEER_LISTINGS  listings screened by both conform and the peer (default 100000)
#   BIG_LISTINGS   listings screened by conform alone, on two threads (default 1000000)
#
# Environment: BENCH_DATE (the date screened for, default 2026-01-01),
# BENCH_REPEAT (runs of each PEER_LISTINGS measurement, the fastest reported;
# default 1), BUILD_DIR (default build), TMPDIR (where the generated data go;
# needs about 12 KB per big listing for conform's output file, which is
# skipped otherwise).
#
# What it does:
#  1. builds conform, listing_gen and export_jre (cmake --build; a no-op when
#     up to date) and installs the peer from its lock file (npm ci) if needed;
#  2. generates listings with every category stated and all six markets
#     (--stated-category-share 1 --all-markets), so the peer, which cannot
#     infer categories, sees the same facts, and exports the rules in force on
#     BENCH_DATE as json-rules-engine rules;
#  3. on the PEER_LISTINGS file: times conform screen --threads 1 and the
#     peer in one node process, both pinned to one core (taskset -c 0), then
#     conform screen --threads 2 and the peer in two node processes on the two
#     halves of the file (the two-core figures);
#  4. on the BIG_LISTINGS file: times conform screen --threads 2 writing a file,
#     then writing to /dev/null (to separate the output I/O), and --threads 1
#     on one core writing to /dev/null;
#  5. prints a table (listings/s, listing x market rows/s), the ratios
#     conform/peer on one core and on two, the machine, and how far the two
#     agree on BLOCK versus not BLOCK (bench/peer/agree.mjs).
# Every figure is one timed run, or the fastest of BENCH_REPEAT (wall clock,
# date +%s.%N; CPU and peak memory from /usr/bin/time); nothing is asserted.
# Generated data live in a temporary directory that is removed at the end.
# See bench/RESULTS.md.
set -euo pipefail

PEER_N=${1:-100000}
BIG_N=${2:-1000000}
ON=${BENCH_DATE:-2026-01-01}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
REPS=${BENCH_REPEAT:-1}
PEER_REPS=$REPS
PEER_DIR=$ROOT/bench/peer
SEED=1

die() { echo "run_screen_bench: $*" >&2; exit 1; }
[[ $PEER_N =~ ^[0-9]+$ && $PEER_N -ge 2 ]] || die "PEER_LISTINGS must be a number >= 2"
[[ $BIG_N =~ ^[0-9]+$ && $BIG_N -ge 1 ]] || die "BIG_LISTINGS must be a number >= 1"
[[ $REPS =~ ^[0-9]+$ && $REPS -ge 1 ]] || die "BENCH_REPEAT must be a number >= 1"
command -v node >/dev/null || die "node is needed for the peer"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed (apt-get install time)"
[[ -c /dev/null ]] || die "/dev/null is not a character device"

echo "== build" >&2
cmake --build "$BUILD" --target conform_cli listing_gen export_jre >&2
CONFORM=$BUILD/conform
GEN=$BUILD/bench/listing_gen
EXPORT=$BUILD/bench/export_jre
for b in "$CONFORM" "$GEN" "$EXPORT"; do [[ -x $b ]] || die "$b is missing after the build"; done
if [[ ! -d $PEER_DIR/node_modules/json-rules-engine ]]; then
  echo "== npm ci (bench/peer)" >&2
  (cd "$PEER_DIR" && npm ci --no-audit --no-fund) >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/conform-screen-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "== data: $PEER_N and $BIG_N listings, rules in force on $ON" >&2
"$GEN" "$PEER_N" "$SEED" --stated-category-share 1 --all-markets >"$WORK/peer.jsonl"
"$GEN" "$BIG_N" "$SEED" --stated-category-share 1 --all-markets >"$WORK/big.jsonl"
"$EXPORT" "$ON" >"$WORK/rules.json"
half=$((PEER_N / 2))
head -n "$half" "$WORK/peer.jsonl" >"$WORK/peer.a.jsonl"
tail -n +"$((half + 1))" "$WORK/peer.jsonl" >"$WORK/peer.b.jsonl"

# measure NAME LISTINGS ROWS CMD...: runs CMD REPS times and records the
# fastest run's wall seconds, CPU seconds (user + system, children included)
# and the peak RSS of the largest process. ROWS: the output file whose lines are the rows, "=N" for N
# rows, or "-" for the rows of the previous measurement (runs to /dev/null).
declare -a NAMES=() LISTINGS=() ROWS=() WALL=() CPU=() RSS=()
measure() {
  local name=$1 n=$2 rows_file=$3
  shift 3
  echo "== $name (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  local t0 t1 wall best='' k
  for ((k = 0; k < REPS; ++k)); do
    t0=$(date +%s.%N)
    /usr/bin/time -f '%U %S %M' -o "$WORK/time" "$@"
    t1=$(date +%s.%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    if [[ -z $best ]] || awk -v w="$wall" -v b="$best" 'BEGIN { exit !(w < b) }'; then
      best=$wall
      cp "$WORK/time" "$WORK/time.best"
    fi
  done
  local rows
  case $rows_file in
    -) rows=${ROWS[-1]} ;;
    =*) rows=${rows_file#=} ;;
    *) rows=$(wc -l <"$rows_file") ;;
  esac
  NAMES+=("$name")
  LISTINGS+=("$n")
  ROWS+=("$rows")
  WALL+=("$best")
  CPU+=("$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/time.best")")
  RSS+=("$(awk '{ printf "%.0f", $3 / 1024 }' "$WORK/time.best")")
}
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / t }'; }

# The one-core figures run on one core: conform --threads 1 still has a reader
# and a writer thread, and node its helper threads.
if command -v taskset >/dev/null; then
  ONE_CORE=(taskset -c 0)
  pinned=", 1 core"
else
  ONE_CORE=()
  pinned=""
  echo "run_screen_bench: no taskset; the one-core runs are not pinned" >&2
fi

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

measure "conform --threads 1$pinned" "$PEER_N" "$WORK/conform.t1.jsonl" \
  "${ONE_CORE[@]}" "$CONFORM" screen "$WORK/peer.jsonl" --on "$ON" --threads 1 -q -o "$WORK/conform.t1.jsonl"
measure "conform --threads 2" "$PEER_N" "$WORK/conform.t2.jsonl" \
  "$CONFORM" screen "$WORK/peer.jsonl" --on "$ON" --threads 2 -q -o "$WORK/conform.t2.jsonl"
measure "peer, 1 node process$pinned" "$PEER_N" "$WORK/peer.1.jsonl" \
  "${ONE_CORE[@]}" node "$PEER_DIR/screen_jre.mjs" "$WORK/rules.json" "$WORK/peer.jsonl" "$ON" --out "$WORK/peer.1.jsonl"
# shellcheck disable=SC2016 # expanded by the inner bash
measure "peer, 2 node processes" "$PEER_N" "$WORK/peer.2.jsonl" \
  bash -c 'node "$1" "$2" "$3.a.jsonl" "$4" --out "$5.a" & a=$!
           node "$1" "$2" "$3.b.jsonl" "$4" --out "$5.b" & b=$!
           wait "$a" && wait "$b" && cat "$5.a" "$5.b" > "$5"' _ \
  "$PEER_DIR/screen_jre.mjs" "$WORK/rules.json" "$WORK/peer" "$ON" "$WORK/peer.2.jsonl"

# Same verdicts whatever the parallelism? Then how far conform and the peer
# agree (not timed).
echo "== agreement" >&2
SAME_CONFORM=no; cmp -s "$WORK/conform.t1.jsonl" "$WORK/conform.t2.jsonl" && SAME_CONFORM=yes
SAME_PEER=no; cmp -s "$WORK/peer.1.jsonl" "$WORK/peer.2.jsonl" && SAME_PEER=yes
AGREE=$(node "$PEER_DIR/agree.mjs" "$WORK/conform.t1.jsonl" "$WORK/peer.1.jsonl")
rm -f "$WORK"/conform.t*.jsonl "$WORK"/peer.*

REPS=1  # the big runs once

# conform's output, explanations included, is about 11 KB per listing of six
# markets; write it to a file only where it fits.
need_kb=$((BIG_N * 12))
free_kb=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
BIG_OUT_MB=
if ((free_kb > need_kb)); then
  BIG=${#NAMES[@]}
  measure "conform --threads 2, big, to a file" "$BIG_N" "$WORK/big.out.jsonl" \
    "$CONFORM" screen "$WORK/big.jsonl" --on "$ON" --threads 2 -q -o "$WORK/big.out.jsonl"
  BIG_OUT_MB=$(($(stat -c %s "$WORK/big.out.jsonl") / 1048576))
  rm -f "$WORK/big.out.jsonl"
  big_rows=-
else
  echo "run_screen_bench: only $((free_kb / 1024)) MB free in $WORK, $((need_kb / 1024)) MB needed: big run to a file skipped" >&2
  BIG=$((${#NAMES[@]}))
  big_rows="=$((BIG_N * 6))"  # --all-markets: six rows a listing
fi
# Standard output to /dev/null: the cheapest sink, and the same for every run.
measure "conform --threads 2, big, to /dev/null" "$BIG_N" "$big_rows" \
  "$CONFORM" screen "$WORK/big.jsonl" --on "$ON" --threads 2 -q >/dev/null
measure "conform --threads 1$pinned, big, to /dev/null" "$BIG_N" - \
  "${ONE_CORE[@]}" "$CONFORM" screen "$WORK/big.jsonl" --on "$ON" --threads 1 -q >/dev/null
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
[[ -c /dev/null ]] || die "/dev/null is no longer a character device (restore: mknod -m 666 /dev/null c 1 3)"

# ---------------------------------------------------------------- report
cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- src include tools 2>/dev/null || commit="$commit (+ uncommitted changes in src/include/tools)"
jre=$(node -p 'require(process.argv[1]).version' "$PEER_DIR/node_modules/json-rules-engine/package.json")
rules=$(node -p 'Object.values(require(process.argv[1]).markets).reduce((n, r) => n + r.length, 0)' "$WORK/rules.json")

echo
echo "conform screening benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $cpu_model, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "load average at start: $LOAD_START; at end: $LOAD_END"
echo "conform $commit; node $(node --version), json-rules-engine $jre"
echo "runs on the $PEER_N listings: fastest of $PEER_REPS; big runs: one each"
echo "rules in force on $ON: $rules requirements over 6 markets; listings: listing_gen seed $SEED, --stated-category-share 1 --all-markets"
echo
printf '| %-46s | %9s | %9s | %8s | %7s | %7s | %11s | %10s |\n' run listings rows "wall s" "CPU s" "RSS MB" listings/s rows/s
echo "|------------------------------------------------|----------:|----------:|---------:|--------:|--------:|------------:|-----------:|"
declare -a RATE=()
for i in "${!NAMES[@]}"; do
  RATE[i]=$(rate "${ROWS[i]}" "${WALL[i]}")
  printf '| %-46s | %9d | %9d | %8.2f | %7.2f | %7d | %11d | %10d |\n' "${NAMES[i]}" "${LISTINGS[i]}" "${ROWS[i]}" "${WALL[i]}" \
    "${CPU[i]}" "${RSS[i]}" "$(rate "${LISTINGS[i]}" "${WALL[i]}")" "${RATE[i]}"
done
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
echo "conform / peer, rows/s, one core  (conform --threads 1 vs 1 node process$pinned):  $(ratio "${RATE[0]}" "${RATE[2]}")"
echo "conform / peer, rows/s, two cores (conform --threads 2 vs 2 node processes): $(ratio "${RATE[1]}" "${RATE[3]}")   (aim: 20x or more)"
echo "conform / peer, rows per CPU second: $(awk -v a="${ROWS[0]}" -v ca="${CPU[0]}" -v b="${ROWS[2]}" -v cb="${CPU[2]}" 'BEGIN { printf "%.1fx", (a / ca) / (b / cb) }')"
echo "big run: $BIG_N listings x 6 markets on two threads in ${WALL[BIG]} s$([[ -n $BIG_OUT_MB ]] && echo " writing $BIG_OUT_MB MB of verdicts") (aim: well under 60 s)"
echo
echo "agreement on BLOCK vs not BLOCK, per listing x market, conform --threads 1 vs the peer on the $PEER_N listings"
echo "(conform's NEEDS_REVIEW, WARN and PASS count as not BLOCK; 'same blocking reqs': conform's blocking"
echo "evidence findings are exactly the peer's findings):"
echo "$AGREE"
echo "identical output, conform --threads 1 and 2: $SAME_CONFORM; peer in 1 and in 2 processes: $SAME_PEER"
