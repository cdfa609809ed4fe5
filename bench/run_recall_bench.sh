#!/usr/bin/env bash
# Recall-matching benchmark: conform matching a million listings against a
# hundred thousand recall notices, and conform's candidate-pair scoring side
# by side with a Python peer doing the same kind of scoring
# (bench/peer/recall_peer.py), in one run.
#
#   bash bench/run_recall_bench.sh
#
# Environment:
#   LISTINGS       listings to match (default 1000000)
#   NOTICES        notices to match against (default 100000)
#   SAMPLE_PAIRS   candidate pairs in the one-core pair-scoring sample (default 100000)
#   THREADS        threads for the matching run (default: every core)
#   BREAKDOWN      listings replayed step by step for the time breakdown (default 2000)
#   SEED           recall_gen seed (default 1)
#   BUILD_DIR      build directory (default build); the generated data go to a
#                  temporary directory inside it, removed at the end unless KEEP_WORK=1
#   ER_DIR         the labelled pairs the model is trained on (default: the
#                  ER-Magellan Walmart-Amazon split under /work/shared/testdata)
#   MODEL          a model file from conform match-eval --model-out; without,
#                  one is trained on ER_DIR (about 15 s)
#
# The peer needs /usr/bin/python3 with Debian's python3-sklearn,
# python3-levenshtein, python3-numpy and python3-xgboost (bookworm:
# apt-get install python3-sklearn python3-levenshtein python3-numpy python3-xgboost).
#
# What it does:
#  1. builds conform, recall_gen and recall_match_bench (a no-op when up to date);
#  2. generates NOTICES notices and LISTINGS listings with planted matches
#     (build/bench/recall_gen; about 1% of the listings sell a notified product);
#  3. trains the pair model (conform match-eval ER_DIR --model-out) unless MODEL is given;
#  4. recall_match_bench run: loads the notices, maps the listings file, fits
#     the featuriser on the notices, builds the index, and parses and matches
#     every listing on THREADS threads (none kept), timing each step;
#     scores the matches against the planted pairs; replays BREAKDOWN listings
#     step by step on one thread (where the time goes); exports SAMPLE_PAIRS
#     candidate pairs of random listings (Ditto form);
#  5. on that sample, pinned to one core (taskset -c 0): recall_match_bench
#     score (conform) and then the peer, each timed with nothing cached across
#     pairs and with each distinct record prepared once;
#  6. prints a table: the matching run's times, pairs per second of both on
#     one core, and the ratios.
# Every figure is one timed run (wall clock, and CPU time where given). See
# bench/RESULTS.md.
set -euo pipefail

LISTINGS=${LISTINGS:-1000000}
NOTICES=${NOTICES:-100000}
SAMPLE_PAIRS=${SAMPLE_PAIRS:-100000}
THREADS=${THREADS:-$(nproc)}
BREAKDOWN=${BREAKDOWN:-2000}
SEED=${SEED:-1}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
ER_DIR=${ER_DIR:-/work/shared/testdata/er-benchmarks/data/er_magellan/Structured/Walmart-Amazon}
MODEL=${MODEL:-}
PYTHON=/usr/bin/python3

die() { echo "run_recall_bench: $*" >&2; exit 1; }
for v in LISTINGS NOTICES SAMPLE_PAIRS THREADS BREAKDOWN SEED; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a number"
done
((LISTINGS >= 1 && NOTICES >= 1 && SAMPLE_PAIRS >= 1 && THREADS >= 1)) || die "LISTINGS, NOTICES, SAMPLE_PAIRS and THREADS must be at least 1"
[[ -x $PYTHON ]] || die "$PYTHON is needed for the peer"
$PYTHON -c 'import sklearn, Levenshtein, numpy, xgboost' 2>/dev/null ||
  die "the peer needs python3-sklearn, python3-levenshtein, python3-numpy and python3-xgboost (apt-get install ...)"
if [[ -z $MODEL ]]; then
  [[ -f $ER_DIR/train.txt && -f $ER_DIR/valid.txt ]] || die "no train.txt and valid.txt in $ER_DIR (set ER_DIR, or MODEL)"
fi

echo "== build" >&2
cmake --build "$BUILD" --target conform_cli recall_gen recall_match_bench >&2
CONFORM=$BUILD/conform
GEN=$BUILD/bench/recall_gen
BENCH=$BUILD/bench/recall_match_bench
for b in "$CONFORM" "$GEN" "$BENCH"; do [[ -x $b ]] || die "$b is missing after the build"; done

WORK=$(mktemp -d "$BUILD/recall-bench.XXXXXX")
[[ ${KEEP_WORK:-0} == 1 ]] || trap 'rm -rf "$WORK"' EXIT

if command -v taskset >/dev/null; then
  ONE_CORE=(taskset -c 0)
  pinned="1 core (taskset -c 0)"
else
  ONE_CORE=()
  pinned="1 thread (not pinned: no taskset)"
fi
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
RUN_START=$(date +%s)

echo "== data: $NOTICES notices, $LISTINGS listings (seed $SEED)" >&2
"$GEN" "$NOTICES" "$LISTINGS" "$WORK" --seed "$SEED" 2>"$WORK/gen.txt"
cat "$WORK/gen.txt" >&2

if [[ -z $MODEL ]]; then
  echo "== model: conform match-eval $ER_DIR" >&2
  "$CONFORM" match-eval "$ER_DIR" --model-out "$WORK/model.json" | tee "$WORK/match-eval.txt" >&2
  MODEL=$WORK/model.json
fi

echo "== conform: match $LISTINGS listings against $NOTICES notices on $THREADS threads (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
"$BENCH" run --notices "$WORK/notices.jsonl" --listings "$WORK/listings.jsonl" --model "$MODEL" --truth "$WORK/truth.tsv" \
  --threads "$THREADS" --breakdown "$BREAKDOWN" --export-pairs "$WORK/pairs.txt" --export-count "$SAMPLE_PAIRS" --seed "$SEED" \
  >"$WORK/run.txt"
grep -v '^RESULT ' "$WORK/run.txt" >&2

echo "== conform: pair scoring on $pinned (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
"${ONE_CORE[@]}" "$BENCH" score --notices "$WORK/notices.jsonl" --model "$MODEL" --pairs "$WORK/pairs.txt" >"$WORK/score.txt"
grep -v '^RESULT ' "$WORK/score.txt" >&2

echo "== peer: pair scoring on $pinned (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 "${ONE_CORE[@]}" "$PYTHON" "$ROOT/bench/peer/recall_peer.py" \
  --train "$ER_DIR/train.txt" --valid "$ER_DIR/valid.txt" --notices "$WORK/notices.jsonl" --pairs "$WORK/pairs.txt" >"$WORK/peer.txt"
grep -v '^RESULT ' "$WORK/peer.txt" >&2
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
RUN_END=$(date +%s)

# ---------------------------------------------------------------- report
get() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$WORK/run.txt" "$WORK/score.txt" "$WORK/peer.txt" | head -n 1; }
f() { awk -v x="$1" -v d="${2:-2}" 'BEGIN { printf "%.*f", d, x }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }

cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- src include tools bench 2>/dev/null || commit="$commit (+ uncommitted changes)"
pyver=$($PYTHON -c 'import sys, sklearn, xgboost, numpy, Levenshtein; print(f"python {sys.version.split()[0]}, sklearn {sklearn.__version__}, xgboost {xgboost.__version__}, numpy {numpy.__version__}")')

echo
echo "conform recall-matching benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $cpu_model, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "load average at start: $LOAD_START; at end: $LOAD_END; whole script $((RUN_END - RUN_START)) s"
echo "conform $commit; peer: $pyver"
echo "data: recall_gen seed $SEED: $(f "$(get notices)" 0) notices, $(f "$(get listings)" 0) listings, $(f "$(get truth_pairs)" 0) planted listing x notice pairs"
conform_f1=$(awk '$1 == "valid" { print $6 / 100 }' "$WORK/match-eval.txt" 2>/dev/null || true)
echo "$(grep -o 'model: [0-9]* rounds, threshold [0-9.]*' "$WORK/run.txt" | head -n 1)${conform_f1:+, validation F1 $conform_f1} ($MODEL)"
echo
echo "Matching run (conform, $(f "$(get threads)" 0) threads):"
printf '| %-40s | %12s |\n' step seconds
echo "|------------------------------------------|-------------:|"
printf '| %-40s | %12s |\n' "load notices" "$(f "$(get load_notices_s)")"
printf '| %-40s | %12s |\n' "map the listings file, find its lines" "$(f "$(get load_listings_s)")"
printf '| %-40s | %12s |\n' "fit the featuriser on the notices" "$(f "$(get fit_s)")"
printf '| %-40s | %12s |\n' "load the model and brand aliases" "$(f "$(get model_s)")"
printf '| %-40s | %12s |\n' "build the notice index" "$(f "$(get index_s)")"
printf '| %-40s | %12s |\n' "parse and match every listing" "$(f "$(get match_s)")"
printf '| %-40s | %12s |\n' "**total wall time**" "**$(f "$(get total_s)")**"
echo
echo "candidate pairs judged: $(f "$(get pairs_scored)" 0) ($(f "$(awk -v a="$(get pairs_scored)" -v b="$(get listings)" 'BEGIN { print a / b }')" 1) per listing), $(f "$(get pairs_per_s)" 0) pairs/s on $(f "$(get threads)" 0) threads; left to the model by the rules: $(f "$(get pairs_modelled)" 0)"
echo "matches: $(f "$(get takedown)" 0) takedown, $(f "$(get review)" 0) review"
echo "against the planted pairs: precision $(f "$(get precision)" 3), recall $(f "$(get recall)" 3) (by GTIN $(f "$(get recall_gtin)" 3), model code $(f "$(get recall_code)" 3), title only $(f "$(get recall_title)" 3)); takedown precision $(f "$(get takedown_precision)" 3)"
echo
echo "Pair scoring on $pinned, the same $(f "$(get score_pairs)" 0) candidate pairs (from featurising both records to the model's probability):"
printf '| %-52s | %10s | %10s | %14s |\n' run "wall s" "pairs/s" "pairs/CPU s"
echo "|------------------------------------------------------|-----------:|-----------:|---------------:|"
printf '| %-52s | %10s | %10s | %14s |\n' "conform, nothing cached" "$(f "$(get score_uncached_s)")" "$(f "$(get score_uncached_pairs_per_s)" 0)" \
  "$(f "$(get score_uncached_pairs_per_cpu_s)" 0)"
printf '| %-52s | %10s | %10s | %14s |\n' "conform, each distinct record prepared once" "$(f "$(get score_cached_s)")" \
  "$(f "$(get score_cached_pairs_per_s)" 0)" "$(f "$(get score_cached_pairs_per_cpu_s)" 0)"
printf '| %-52s | %10s | %10s | %14s |\n' "peer (Python), nothing cached" "$(f "$(get peer_s)")" "$(f "$(get peer_pairs_per_s)" 0)" \
  "$(f "$(get peer_pairs_per_cpu_s)" 0)"
printf '| %-52s | %10s | %10s | %14s |\n' "peer (Python), each distinct record prepared once" "$(f "$(get peer_cached_s)")" \
  "$(f "$(get peer_cached_pairs_per_s)" 0)" "$(f "$(get peer_cached_pairs_per_cpu_s)" 0)"
echo
echo "conform / peer, pairs/s on one core, nothing cached:        $(ratio "$(get score_uncached_pairs_per_s)" "$(get peer_pairs_per_s)")   (aim: 50x)"
echo "conform / peer, pairs/s on one core, records prepared once: $(ratio "$(get score_cached_pairs_per_s)" "$(get peer_cached_pairs_per_s)")"
echo "conform / peer, pairs per CPU second, nothing cached:       $(ratio "$(get score_uncached_pairs_per_cpu_s)" "$(get peer_pairs_per_cpu_s)")"
echo "features: conform $(grep -o '[0-9]* features' "$WORK/score.txt" | head -n 1), peer $(f "$(get peer_features)" 0) (same kinds, not the same ones; see bench/peer/recall_peer.py);"
echo "models: conform's $(grep -o 'model [0-9]* rounds' "$WORK/score.txt" | head -n 1 | cut -d' ' -f2-)${conform_f1:+ (validation F1 $conform_f1)}, the peer's own $(f "$(get peer_rounds)" 0) rounds (validation F1 $(f "$(get peer_valid_f1)" 3)): same settings, split and XGBoost library"
echo "whole matching run: $(f "$(get total_s)" 1) s for $(f "$(get listings)" 0) listings x $(f "$(get notices)" 0) notices   (aim: under 60 s on two cores)"
