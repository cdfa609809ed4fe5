// The peer for conform's screening benchmark: the same rules, exported by
// `build/bench/export_jre DATE`, run through json-rules-engine (npm), the
// JavaScript rules engine a team would otherwise pick, on the same listings.
//
//   node screen_jre.mjs rules.json listings.jsonl DATE [--out FILE]
//
// Writes one JSON line per listing and target market:
//   {"listing_id", "market", "verdict": "BLOCK" | "PASS", "findings": [ids of unmet requirements]}
//
// What it does, per listing and market: runs the market's engine (built once)
// with the facts {category, ...attributes}, then, for each fired requirement
// that names documents, looks for a piece of evidence that meets it, with the
// same tests as conform's core (src/screen/screener.cc, EvaluateRequirement):
// the kind is one of the requirement's documents, the evidence is for this
// market (when it lists markets), it covers the requirement's legal act (when
// it lists acts; normalised act names, one containing the other), it covers
// the listed model (when both give models), it has not expired (expires >= on)
// and is not issued after `on`. Any unmet requirement makes the row BLOCK.
//
// What it does NOT do, and conform does (so conform does more work per row and
// the comparison is conservative for conform): no category inference (the
// benchmark states every category), no implied attributes, no three-valued
// logic (an unstated attribute is `undefined` to json-rules-engine, so
// `notEqual` holds and every other comparison fails, where conform reports the
// requirement as conditional, NEEDS_REVIEW), no GPSR Art. 19 listing checks,
// no claim or mark checks, no standards-edition checks, no credential
// checks, and no explanations (reasons, remedies) in the output.
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Engine } from 'json-rules-engine';

function usage(message) {
  if (message) console.error(`screen_jre: ${message}`);
  console.error('usage: node screen_jre.mjs rules.json listings.jsonl YYYY-MM-DD [--out FILE]');
  process.exit(2);
}

const positional = [];
let outPath = null;
for (let i = 2; i < process.argv.length; ++i) {
  const a = process.argv[i];
  if (a === '--out') outPath = process.argv[++i] ?? usage('--out needs a file');
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else positional.push(a);
}
if (positional.length !== 3) usage();
const [rulesPath, listingsPath, on] = positional;
if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) usage(`bad date ${on}`);

// ---------------------------------------------------------------- normalisation (as conform's core)

// NFKC and case folding; the ASCII fast path is what conform does too.
const normalize = (s) => s.normalize('NFKC').toLowerCase();

// "Directive 2014/35/EU" and "2014/35/EU" name the same act; so do
// "47 CFR Part 15" and "47 cfr 15" (conform: ActKey).
const ACT_NOISE = ['directive', 'regulation', '(eu)', '(ec)', 'part', 'no.', 'no ', 'commission', 'delegated', 'implementing'];
function actKey(act) {
  let s = normalize(act);
  for (const noise of ACT_NOISE) {
    while (s.includes(noise)) s = s.replace(noise, '');
  }
  return s.replace(/[ ,]/g, '');
}

// conform: ModelKey.
const modelKey = (m) => normalize(m).replace(/[ \-_/.]/g, '');

// ---------------------------------------------------------------- engines, one per market

const exported = JSON.parse(readFileSync(rulesPath, 'utf8'));
if (exported.on && exported.on !== on) console.error(`screen_jre: warning: rules are for ${exported.on}, screening on ${on}`);
const engines = new Map();
// Requirement id -> what its evidence must satisfy.
const requirements = new Map();
for (const [market, rules] of Object.entries(exported.markets)) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of rules) {
    engine.addRule(rule);
    const { id, scope, documents = [], legal_acts: acts = [] } = rule.event.params;
    requirements.set(id, { scope, documents, actKeys: acts.map(actKey) });
  }
  engines.set(market, engine);
}

// ---------------------------------------------------------------- evidence

// What each piece of evidence says, worked out once per listing.
function evidenceFacts(listing) {
  const listed = listing.model ? modelKey(listing.model) : '';
  return (listing.evidence ?? []).map((e) => ({
    kind: e.kind,
    markets: e.markets ?? [],
    actKeys: (e.legal_acts ?? []).map(actKey),
    modelOk: !(e.models?.length && listed) || e.models.some((m) => modelKey(m) === listed),
    issued: e.issued ?? null,
    expires: e.expires ?? null,
  }));
}

function satisfies(ef, req, market) {
  if (!req.documents.includes(ef.kind)) return false;
  if (ef.markets.length > 0 && !ef.markets.includes(market)) return false;
  if (ef.actKeys.length > 0) {
    const covers = ef.actKeys.some((k) => req.actKeys.some((want) => k !== '' && want !== '' && (want.includes(k) || k.includes(want))));
    if (!covers) return false;
  }
  if (!ef.modelOk) return false;
  if (ef.expires !== null && ef.expires < on) return false; // YYYY-MM-DD compares as text
  if (ef.issued !== null && on < ef.issued) return false;
  return true;
}

// ---------------------------------------------------------------- the run

const out = outPath ? createWriteStream(outPath) : process.stdout;
const write = async (s) => {
  if (!out.write(s)) await once(out, 'drain');
};

const input = createInterface({ input: createReadStream(listingsPath), crlfDelay: Infinity });
let lineNo = 0;
let bad = 0;
for await (const line of input) {
  ++lineNo;
  if (line.trim() === '') continue;
  let listing;
  try {
    listing = JSON.parse(line);
  } catch (err) {
    console.error(`screen_jre: ${listingsPath}:${lineNo}: ${err.message}`);
    ++bad;
    continue;
  }
  const facts = { category: listing.category, ...(listing.attributes ?? {}) };
  const evidence = evidenceFacts(listing);
  for (const market of listing.target_markets ?? []) {
    const engine = engines.get(market);
    const findings = [];
    if (engine) {
      const { events } = await engine.run(facts);
      for (const event of events) {
        const req = requirements.get(event.params.id);
        if (req.scope !== 'product' || req.documents.length === 0) continue; // an obligation: nothing to prove
        if (!evidence.some((ef) => satisfies(ef, req, market))) findings.push(event.params.id);
      }
    }
    const verdict = !engine ? 'UNKNOWN_MARKET' : findings.length > 0 ? 'BLOCK' : 'PASS';
    await write(JSON.stringify({ listing_id: listing.listing_id, market, verdict, findings }) + '\n');
  }
}
if (out !== process.stdout) {
  out.end();
  await once(out, 'finish');
}
if (bad > 0) process.exitCode = 1;
