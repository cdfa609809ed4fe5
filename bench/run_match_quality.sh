#!/usr/bin/env bash
# Pair-matcher quality on the public entity-matching benchmarks (the four
# ER-Magellan sets), beside the published F1 of Magellan, DeepMatcher and
# Ditto on their test splits.
#
# Two figures per set:
#   1. `conform match-eval DIR`: trained on train.txt, early stopping and
#      threshold on valid.txt, F1 reported on valid.txt (and on test.txt
#      when the directory has one). On valid this is optimistic: the
#      threshold and the number of rounds were chosen on those very pairs.
#   2. A held-out estimate that uses valid.txt for nothing it is scored on:
#      valid.txt is split in two halves at random; trained on train.txt,
#      chosen on one half, scored on the other, then the halves swapped;
#      the decisions of both scored halves pooled into one F1. Repeated
#      for SEEDS random splits, the mean and range reported. It chooses on
#      half as many pairs as match-eval does, so if anything it is low.
#   3. A train-fold estimate, closer to how the published test F1 were
#      taken (threshold chosen on all of valid.txt, scored on pairs never
#      used): train.txt split in four quarters at random; trained on three,
#      early stopping and threshold on all of valid.txt, scored on the
#      fourth; the four scored quarters pooled (three times as many scored
#      pairs as valid.txt has). Trained on three quarters of the data, so
#      if anything it is low too.
#
#   bash bench/run_match_quality.sh
#
# Environment:
#   BUILD_DIR  build directory (default build); work files go to a temporary
#              directory inside it, removed at the end
#   TESTDATA   the shared test data (default ../shared/testdata)
#   SEEDS      random halvings per set (default 3)
#   FOLD_SEEDS random four-way splits of train.txt per set (default 1; 0: none)
#   SETS       the sets to run, by their folders under er_magellan (default
#              all four: "Textual/Abt-Buy Structured/Amazon-Google
#              Structured/Walmart-Amazon Dirty/Walmart-Amazon")
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
TESTDATA=${TESTDATA:-$ROOT/../shared/testdata}
SEEDS=${SEEDS:-3}
FOLD_SEEDS=${FOLD_SEEDS:-1}
SETS=${SETS:-Textual/Abt-Buy Structured/Amazon-Google Structured/Walmart-Amazon Dirty/Walmart-Amazon}
ER=$TESTDATA/er-benchmarks/data/er_magellan
die() { echo "run_match_quality: $*" >&2; exit 1; }
[[ $SEEDS =~ ^[0-9]+$ && $SEEDS -ge 1 ]] || die "SEEDS must be a number of at least 1"
[[ $FOLD_SEEDS =~ ^[0-9]+$ ]] || die "FOLD_SEEDS must be a number"
[[ -d $ER ]] || die "no ER-Magellan sets under $ER (set TESTDATA)"

cmake --build "$BUILD" --target conform_cli >&2
CONFORM=$BUILD/conform
WORK=$(mktemp -d "$BUILD/match-quality.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Published test-split F1 (Li et al., "Deep Entity Matching with
# Pre-Trained Language Models", VLDB 2021): Magellan, DeepMatcher, Ditto;
# and the aim: Ditto's level, Amazon-Google within three points of it.
declare -A PUBLISHED=(
  [Textual/Abt-Buy]="43.6 62.8 89.3 89.3"
  [Structured/Amazon-Google]="49.1 69.3 75.6 72.6"
  [Structured/Walmart-Amazon]="71.9 66.9 86.8 86.8"
  [Dirty/Walmart-Amazon]="37.4 53.8 85.7 85.7"
)

for set in $SETS; do
  [[ -n ${PUBLISHED[$set]:-} ]] || die "no set '$set' (SETS takes: ${!PUBLISHED[*]})"
done

# F1 (percent) of the pooled decisions of prediction files: split "test".
pooled_f1() {
  awk -F'\t' '$1 == "test" { tp += ($3 == 1 && $5 == 1); fp += ($3 == 0 && $5 == 1); fn += ($3 == 1 && $5 == 0) }
    END { printf "%.1f", (2 * tp + fp + fn) ? 200 * tp / (2 * tp + fp + fn) : 0 }' "$@"
}

# One random split of SOURCE in PARTS parts by a seeded die per pair:
# each part in turn goes to PART_NAME and the others to REST_NAME, beside
# FIXED_FILE linked as FIXED_NAME; match-eval scores test.txt each time.
# Prints the F1 of the pooled decisions.
#   pooled_split SOURCE PARTS SEED FIXED_NAME FIXED_FILE PART_NAME REST_NAME
pooled_split() {
  local source=$1 parts=$2 seed=$3 fixed_name=$4 fixed_file=$5 part_name=$6 rest_name=$7 k d
  for ((k = 0; k < parts; k++)); do
    d=$WORK/$seed.$parts.$k
    mkdir -p "$d"
    ln -sf "$fixed_file" "$d/$fixed_name"
    awk -v s="$seed" -v n="$parts" -v k="$k" -v part="$d/$part_name" -v rest="$d/$rest_name" \
      'BEGIN { srand(s) } { if (int(rand() * n) == k) print > part; else print > rest }' "$source"
    "$CONFORM" match-eval "$d" --threads 0 --split test --predictions "$d/predictions.tsv" >/dev/null
  done
  pooled_f1 "$WORK/$seed.$parts".*/predictions.tsv
  rm -rf "$WORK/$seed.$parts".*
}

# "mean (lowest-highest)" of the numbers given.
mean_range() {
  printf '%s\n' "$@" | awk '{ s += $1; if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1 }
    END { printf "%.1f (%.1f-%.1f)", s / NR, lo, hi }'
}

printf '| %-26s | %5s | %5s | %5s | %8s | %-22s | %-22s | %8s | %8s | %8s | %5s |\n' set P R F1 "test F1" \
  "held-out F1 (range)" "train-fold F1 (range)" Magellan DeepM. Ditto aim
printf '|%s|\n' "----------------------------|-------|-------|-------|----------|------------------------|------------------------|----------|----------|----------|-------"
for set in $SETS; do
  dir=$ER/$set
  [[ -f $dir/train.txt && -f $dir/valid.txt ]] || die "$dir lacks train.txt or valid.txt"
  out=$("$CONFORM" match-eval "$dir" --threads 0)
  read -r p r f < <(awk '$1 == "valid" { print $4, $5, $6 }' <<<"$out")
  test_f1=$(awk '$1 == "test" { print $6 }' <<<"$out")
  scores=()
  for seed in $(seq 1 "$SEEDS"); do
    scores+=("$(pooled_split "$dir/valid.txt" 2 "$seed" train.txt "$dir/train.txt" valid.txt test.txt)")
  done
  held=$(mean_range "${scores[@]}")
  folds=()
  for seed in $(seq 1 "$FOLD_SEEDS"); do
    folds+=("$(pooled_split "$dir/train.txt" 4 "$seed" valid.txt "$dir/valid.txt" test.txt train.txt)")
  done
  fold=-
  (( FOLD_SEEDS > 0 )) && fold=$(mean_range "${folds[@]}")
  read -r magellan deepmatcher ditto aim <<<"${PUBLISHED[$set]}"
  printf '| %-26s | %5s | %5s | %5s | %8s | %-22s | %-22s | %8s | %8s | %8s | %5s |\n' "$set" "$p" "$r" "$f" "${test_f1:--}" \
    "$held" "$fold" "$magellan" "$deepmatcher" "$ditto" "$aim"
done
echo "P, R, F1: on valid.txt, threshold chosen there; held-out: mean of $SEEDS random halvings of valid.txt (chosen on one half, scored on the other);"
echo "train-fold: mean of $FOLD_SEEDS random four-way splits of train.txt (trained on three quarters, chosen on valid.txt, scored on the fourth)"
