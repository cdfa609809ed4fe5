#!/usr/bin/env bash
# False alarms on real shop offers: conform's recall matcher run over every
# distinct product record of the public entity-matching benchmarks (real
# offers of American and European shops: electronics, software, cameras,
# computers, shoes, watches), against
#   1. the 353 real EU Safety Gate alerts of the shared test data, and
#   2. the notices recall_gen writes (invented brands and codes).
# In 1 and 2, no notice names a product these shops sold (the alerts are
# mostly motor vehicles, cosmetics and unbranded toys; the generated brands
# do not exist), so every match printed is a false alarm, to be read by
# hand: what this measures is how often real listings trip the rules, not
# recall. 3 measures both on real pairs: the labelled validation pairs of
# the ER-Magellan sets, one side as notices, the other as listings.
#
#   bash bench/run_real_false_alarms.sh
#
# Environment:
#   BUILD_DIR   build directory (default build); work files go to a temporary
#               directory inside it, removed at the end unless KEEP_WORK=1
#   TESTDATA    the shared test data (default ../shared/testdata)
#   NOTICES     generated notices (default 100000)
#   SEED        recall_gen seed (default 1)
#   MODEL       a model from conform match-eval --model-out; without, one is
#               trained on the ER-Magellan Walmart-Amazon split (about 15 s)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
TESTDATA=${TESTDATA:-$ROOT/../shared/testdata}
NOTICES=${NOTICES:-100000}
SEED=${SEED:-1}
MODEL=${MODEL:-}
ER=$TESTDATA/er-benchmarks/data
ALERTS=$TESTDATA/recalls-eu-safetygate-sample/safetygate_alerts_353.json

die() { echo "run_real_false_alarms: $*" >&2; exit 1; }
[[ $NOTICES =~ ^[0-9]+$ && $NOTICES -ge 1 ]] || die "NOTICES must be a number of at least 1"
[[ -d $ER/er_magellan && -d $ER/wdc ]] || die "no entity-matching benchmarks under $ER (set TESTDATA)"
[[ -f $ALERTS ]] || die "no Safety Gate sample at $ALERTS (set TESTDATA)"

cmake --build "$BUILD" --target conform_cli ditto_listings recall_gen recall_match_bench >&2
CONFORM=$BUILD/conform
WORK=$(mktemp -d "$BUILD/real-false-alarms.XXXXXX")
[[ ${KEEP_WORK:-0} == 1 ]] || trap 'rm -rf "$WORK"' EXIT

# Every file of both benchmark families; a record met in several files is
# one listing, named after the first.
args=()
for f in "$ER"/er_magellan/*/*/*.txt "$ER"/wdc/*/*.txt.*; do
  name=${f#"$ER"/}
  name=${name#er_magellan/}
  name=${name//\//-}
  args+=("${name/.txt/}=$f")
done
"$BUILD/bench/ditto_listings" "${args[@]}" >"$WORK/listings.jsonl" 2>"$WORK/listings.txt"
echo "real listings: $(tail -n 1 "$WORK/listings.txt" | sed 's/^ditto_listings: //') from ${#args[@]} files"

if [[ -z $MODEL ]]; then
  "$CONFORM" match-eval "$ER/er_magellan/Structured/Walmart-Amazon" --model-out "$WORK/model.json" >"$WORK/match-eval.txt"
  MODEL=$WORK/model.json
fi

echo
echo "== 1. the 353 real Safety Gate alerts"
"$CONFORM" recalls import --source eu-safety-gate --db "$WORK/alerts.db" --quiet "$ALERTS" >/dev/null
for with_model in yes no; do
  model_args=()
  [[ $with_model == yes ]] && model_args=(--model "$MODEL")
  "$CONFORM" recalls match "$WORK/listings.jsonl" --db "$WORK/alerts.db" "${model_args[@]}" \
    >"$WORK/alerts-matches.jsonl" 2>"$WORK/alerts-match.txt"
  echo "with the model: $with_model: $(tail -n 1 "$WORK/alerts-match.txt" | sed 's/^conform: //')"
  cat "$WORK/alerts-matches.jsonl"
done

echo
echo "== 2. $NOTICES generated notices (recall_gen seed $SEED)"
mkdir "$WORK/gen"
"$BUILD/bench/recall_gen" "$NOTICES" 1 "$WORK/gen" --seed "$SEED" 2>/dev/null
"$BUILD/bench/recall_match_bench" run --notices "$WORK/gen/notices.jsonl" --listings "$WORK/listings.jsonl" --model "$MODEL" \
  --matches-out "$WORK/gen-matches.tsv" >"$WORK/gen-run.txt"
grep -E '^  (candidate pairs judged|matches):' "$WORK/gen-run.txt"
# listing, notice, action, probability, evidence: with the listing's title
# and the notice's product name beside them, for reading.
/usr/bin/python3 - "$WORK/gen-matches.tsv" "$WORK/listings.jsonl" "$WORK/gen/notices.jsonl" <<'EOF'
import json, sys
matches, listings, notices = sys.argv[1:4]
wanted = [line.rstrip("\n").split("\t") for line in open(matches, encoding="utf-8") if line.strip()]
ids = {m[0] for m in wanted} | {m[1].split(":", 1)[1] for m in wanted}
names = {}
for path, key in ((listings, "listing_id"), (notices, "id")):
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r[key] in ids:
            names[r[key]] = r.get("title") or r.get("product_name") or ""
for listing, notice, action, probability, evidence in wanted:
    print(f"{action} {probability}  listing {listing}: {names.get(listing, '')[:90]}")
    print(f"    notice {notice}: {names.get(notice.split(':', 1)[1], '')[:90]}")
    print(f"    {evidence}")
EOF

echo
echo "== 3. real product pairs: each ER-Magellan validation split as notices (left records) and listings (right)"
# Every match is read against the split's labels: a labelled match, a
# labelled non-match, or a pair nobody labelled (most are the same product
# again: the shops list many items twice).
for split in Structured/Walmart-Amazon Dirty/Walmart-Amazon Textual/Abt-Buy Structured/Amazon-Google; do
  name=${split//\//-}
  "$BUILD/bench/ditto_listings" --pairs "$name=$ER/er_magellan/$split/valid.txt" "$WORK/$name" 2>/dev/null
  "$BUILD/bench/recall_match_bench" run --notices "$WORK/$name/notices.jsonl" --listings "$WORK/$name/listings.jsonl" \
    --model "$MODEL" --matches-out "$WORK/$name/matches.tsv" >/dev/null
  /usr/bin/python3 - "$WORK/$name" "$name" <<'EOF2'
import collections, sys
d, name = sys.argv[1:3]
labels = {}
for line in open(f"{d}/labels.tsv", encoding="utf-8"):
    listing, notice, label = line.rstrip("\n").split("\t")
    labels[(listing, notice)] = int(label)
seen = collections.Counter()
for line in open(f"{d}/matches.tsv", encoding="utf-8"):
    listing, notice, action = line.split("\t")[:3]
    seen[(action, labels.get((listing, notice), "unlabelled"))] += 1
matches = sum(labels.values())
found = seen[("takedown", 1)] + seen[("review", 1)]
print(f"{name}: {found} of {matches} labelled matches found ({found / matches:.3f});"
      f" takedowns {seen[('takedown', 1)]} matches, {seen[('takedown', 0)]} non-matches, {seen[('takedown', 'unlabelled')]} unlabelled;"
      f" reviews {seen[('review', 1)]} / {seen[('review', 0)]} / {seen[('review', 'unlabelled')]}")
EOF2
done
