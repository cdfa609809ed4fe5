#!/usr/bin/env bash
# Interoperability with an independent implementation: Digital Bazaar's
# JavaScript Verifiable Credentials libraries (interop/js), both ways.
#
#   bash tests/interop_js.sh CONFORM WORK_DIR
#
#  A. conform issues a Digital Conformity Credential (did:key from
#     `conform keys generate`); the JavaScript verifier accepts it.
#  B. the JavaScript issuer signs the same credential with a key it made;
#     `conform credential verify` accepts it, every check passing (a trust
#     list signed with conform names both issuers).
#  C. given conform's key file, the JavaScript issuer signs the credential
#     and a document of RFC 8785 edge cases (numbers, escapes, key order)
#     with the same proofValue as conform (Ed25519 is deterministic), and
#     each side verifies the other's edge-case document.
#  D. negative controls: a credential with one field changed after signing
#     is rejected by each side, for its proof.
#  E. proof sets: each side adds a proof to the other's signed credential
#     (a co-signature, VC Data Integrity 1.0, 4.3); the other verifies every
#     proof; with the same key and time both add the same proof.
# Without node or interop/js/node_modules (bash scripts/install-js.sh) the
# test is skipped (exit 77), except in CI (CI=true), where it fails.
set -euo pipefail

CONFORM=$(realpath "$1")
WORK=$(realpath -m "$2")
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JS=$ROOT/interop/js
DATA=$ROOT/tests/data/interop
NOW=2026-06-01T00:00:00Z
CREATED=2026-01-15T09:30:00Z

fail() { echo "FAIL: $*" >&2; exit 1; }
if ! command -v node >/dev/null || [[ ! -f $JS/node_modules/@digitalbazaar/vc/package.json ]]; then
  why="node or interop/js/node_modules is missing (run: bash scripts/install-js.sh)"
  [[ ${CI:-} == true ]] && fail "$why"
  echo "SKIP: $why"
  exit 77
fi

rm -rf "$WORK"
mkdir -p "$WORK/conform" "$WORK/js" "$WORK/same-key"
cd "$WORK"

# expect_ok NAME CMD...: CMD must exit 0; its output is shown.
expect_ok() {
  local name=$1
  shift
  echo "== $name"
  "$@" || fail "$name"
}
# expect_rejected NAME PATTERN CMD...: CMD must exit 1 and print PATTERN.
expect_rejected() {
  local name=$1 pattern=$2 out rc=0
  shift 2
  echo "== $name"
  out=$("$@" 2>&1) || rc=$?
  echo "$out"
  [[ $rc -eq 1 ]] || fail "$name: exit $rc, expected 1"
  grep -q -- "$pattern" <<<"$out" || fail "$name: the output does not say '$pattern'"
}
# tamper IN OUT: the product's GTIN replaced by another valid one, so that
# only the proof can tell.
tamper() {
  sed 's/06901234567892/06901234567908/' "$1" >"$2"
  ! cmp -s "$1" "$2" || fail "tampering $1 changed nothing"
}
# field FILE EXPR: a value of a JSON file (EXPR in JavaScript, on j).
field() { node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(eval(process.argv[2]))' "$1" "$2"; }

# Keys: conform's certification body and trust anchor; the JavaScript side
# makes its own.
"$CONFORM" keys generate -o cb.key.json
"$CONFORM" keys generate -o anchor.key.json
node "$JS/issue.mjs" --new-key js.key.json --created "$CREATED" --out-dir js "$DATA/dcc.json"
CB_DID=did:key:$(field cb.key.json j.publicKeyMultibase)
JS_DID=did:key:$(field js.key.json j.publicKeyMultibase)
ANCHOR_DID=did:key:$(field anchor.key.json j.publicKeyMultibase)

# A trust list, signed by the anchor: both issuers are accredited for the
# credential's standard.
cat >trust.json <<EOF
{
  "@context": ["https://www.w3.org/ns/credentials/v2"],
  "type": ["VerifiableCredential", "TrustList"],
  "credentialSubject": {
    "type": "TrustList",
    "accreditationBodies": [{"id": "did:example:accreditation-body", "name": "Example Accreditation Service"}],
    "accreditations": [
      {"certificationBody": "$CB_DID", "accreditedBy": "did:example:accreditation-body",
       "validFrom": "2025-01-01T00:00:00Z", "scope": {"standards": ["https://webstore.iec.ch/publication/68540"]}},
      {"certificationBody": "$JS_DID", "accreditedBy": "did:example:accreditation-body",
       "validFrom": "2025-01-01T00:00:00Z", "scope": {"standards": ["https://webstore.iec.ch/publication/68540"]}}
    ]
  }
}
EOF
"$CONFORM" credential issue trust.json --key anchor.key.json --created "$CREATED" -o trust.signed.json
verify_conform() {
  "$CONFORM" credential verify "$@" --now "$NOW" --trust-list trust.signed.json --anchor "$ANCHOR_DID" --threads 1
}

# A. conform issues, JavaScript verifies.
"$CONFORM" credential issue "$DATA/dcc.json" --key cb.key.json --created "$CREATED" -o conform/dcc.signed.json
expect_ok "conform's own check of its credential" verify_conform conform/dcc.signed.json
expect_ok "JavaScript verifies conform's credential" node "$JS/verify.mjs" --now "$NOW" conform/dcc.signed.json

# B. JavaScript issues, conform verifies (every check: json, structure,
# content, proof, issuer, trust, validity, status).
expect_ok "JavaScript's own check of its credential" node "$JS/verify.mjs" --now "$NOW" js/dcc.signed.json
expect_ok "conform verifies JavaScript's credential" verify_conform js/dcc.signed.json
verify_conform js/dcc.signed.json --format json >js/report.json
[[ $(field js/report.json 'j[0].checks.find(c => c.check === "proof").passed') == true ]] ||
  fail "conform's JSON report does not show the JavaScript credential's proof passing"

# C. Same key, same document, same time: the same signature.
node "$JS/issue.mjs" --key cb.key.json --created "$CREATED" --out-dir same-key "$DATA/dcc.json" "$DATA/jcs_edge.json"
"$CONFORM" credential issue "$DATA/jcs_edge.json" --key cb.key.json --created "$CREATED" -o conform/jcs_edge.signed.json
for f in dcc jcs_edge; do
  echo "== same proofValue from both issuers: $f"
  ours=$(field "conform/$f.signed.json" j.proof.proofValue)
  theirs=$(field "same-key/$f.signed.json" j.proof.proofValue)
  echo "conform:    $ours"
  echo "JavaScript: $theirs"
  [[ $ours == z* && $ours == "$theirs" ]] || fail "$f: conform and JavaScript sign the same document differently"
done
expect_ok "JavaScript verifies conform's RFC 8785 edge cases" node "$JS/verify.mjs" --now "$NOW" conform/jcs_edge.signed.json
# The edge-case document certifies nothing, so no accreditation covers it:
# its JSON, structure, proof and issuer checks must pass.
expect_signed_ok() {
  local name=$1 file=$2 out
  echo "== $name"
  out=$("$CONFORM" credential verify "$file" --now "$NOW" --threads 1 || true)
  echo "$out"
  for check in json structure proof issuer; do
    grep -Eq "^  $check +ok " <<<"$out" || fail "$name: the $check check"
  done
}
expect_signed_ok "conform verifies JavaScript's RFC 8785 edge cases" same-key/jcs_edge.signed.json

# D. Negative controls: one field changed after signing.
tamper conform/dcc.signed.json conform/dcc.tampered.json
tamper js/dcc.signed.json js/dcc.tampered.json
expect_rejected "JavaScript rejects a tampered conform credential" "Invalid signature" \
  node "$JS/verify.mjs" --now "$NOW" conform/dcc.tampered.json
expect_rejected "conform rejects a tampered JavaScript credential" "signature does not verify" \
  verify_conform js/dcc.tampered.json
verify_conform js/dcc.tampered.json --format json >js/tampered.report.json || true
failed=$(field js/tampered.report.json 'j[0].checks.filter(c => !c.passed).map(c => c.check).join()')
[[ $failed == proof ]] || fail "conform should reject the tampered credential for its proof alone, not for: $failed"

# E. Proof sets. JavaScript co-signs conform's credential, conform
# JavaScript's; each verifies the other's set, every proof.
mkdir -p sets/js sets/same-key
node "$JS/issue.mjs" --key js.key.json --created "$NOW" --out-dir sets/js conform/dcc.signed.json
expect_ok "conform verifies the set JavaScript made of its credential" verify_conform sets/js/dcc.signed.signed.json
[[ $(field sets/js/dcc.signed.signed.json 'j.proof.length') == 2 ]] || fail "JavaScript did not add a second proof"
"$CONFORM" credential add-proof js/dcc.signed.json --key anchor.key.json --created "$NOW" -o sets/dcc.js.cosigned.json
expect_ok "conform's own check of the set it made" verify_conform sets/dcc.js.cosigned.json
"$CONFORM" credential add-proof conform/dcc.signed.json --key cb.key.json --created "$NOW" -o sets/dcc.twice.json
expect_ok "JavaScript verifies every proof of conform's set" node "$JS/verify.mjs" --now "$NOW" --every-proof sets/dcc.twice.json
# --every-proof can fail: the library takes a proof by another key than the
# issuer's for a failed one (its issuance purpose check), though the set
# passes its default policy (one proof verified).
expect_rejected "JavaScript, every proof: the anchor's co-signature is not the issuer's" "1 of 2 proofs verified" \
  node "$JS/verify.mjs" --now "$NOW" --every-proof sets/dcc.js.cosigned.json
node "$JS/issue.mjs" --key cb.key.json --created "$NOW" --out-dir sets/same-key conform/dcc.signed.json
echo "== the same second proof from both sides"
ours=$(field sets/dcc.twice.json 'JSON.stringify(j.proof[1], Object.keys(j.proof[1]).sort())')
theirs=$(field sets/same-key/dcc.signed.signed.json 'JSON.stringify(j.proof[1], Object.keys(j.proof[1]).sort())')
echo "conform:    $ours"
echo "JavaScript: $theirs"
[[ $ours == *proofValue* && $ours == "$theirs" ]] || fail "conform and JavaScript add a proof to a set differently"
tamper sets/dcc.twice.json sets/dcc.twice.tampered.json
expect_rejected "JavaScript rejects a tampered set" "Invalid signature" \
  node "$JS/verify.mjs" --now "$NOW" sets/dcc.twice.tampered.json
expect_rejected "conform rejects a tampered set, naming the proof" "proof 1 of 2" verify_conform sets/dcc.twice.tampered.json

echo "interop with @digitalbazaar/vc: all checks passed"
