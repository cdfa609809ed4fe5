// How far conform and the peer agree, row by row (listing x market), on
// BLOCK versus not BLOCK (conform's NEEDS_REVIEW, WARN and PASS count as not
// BLOCK), with the commonest reasons for disagreeing.
//
//   node agree.mjs CONFORM_OUT.jsonl PEER_OUT.jsonl
//
// Agreement is not expected to be total: conform also checks the GPSR listing
// duties, claims, implied attributes and standards editions, and reports a
// requirement whose condition depends on an unstated attribute as conditional
// (NEEDS_REVIEW) where json-rules-engine decides it with `undefined`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

if (process.argv.length !== 4) {
  console.error('usage: node agree.mjs CONFORM_OUT.jsonl PEER_OUT.jsonl');
  process.exit(2);
}
const [conformPath, peerPath] = process.argv.slice(2);
const lines = (path) => createInterface({ input: createReadStream(path), crlfDelay: Infinity });

const peer = new Map();
for await (const line of lines(peerPath)) {
  if (line === '') continue;
  const r = JSON.parse(line);
  peer.set(`${r.listing_id}\t${r.market}`, r);
}

const perMarket = new Map(); // market -> {rows, agree, bothBlock, conformOnly, peerOnly, sameFindings}
const conformOnlyWhy = new Map();
const peerOnlyWhy = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
let missing = 0;
for await (const line of lines(conformPath)) {
  if (line === '') continue;
  const c = JSON.parse(line);
  const key = `${c.listing_id}\t${c.market}`;
  const p = peer.get(key);
  if (!p) {
    ++missing;
    continue;
  }
  peer.delete(key);
  const s = perMarket.get(c.market) ?? { rows: 0, agree: 0, bothBlock: 0, conformOnly: 0, peerOnly: 0, sameFindings: 0 };
  perMarket.set(c.market, s);
  ++s.rows;
  const findings = c.findings ?? [];
  const cBlock = c.verdict === 'BLOCK';
  const pBlock = p.verdict === 'BLOCK';
  // Requirements conform blocks on for want of evidence (what the peer
  // reports; conditional ones are NEEDS_REVIEW in conform, left out).
  const cUnmet = new Set(findings.filter((f) => f.severity === 'block' && f.code?.startsWith('EVIDENCE_')).map((f) => f.requirement_id));
  if (cBlock === pBlock) {
    ++s.agree;
    if (cBlock) ++s.bothBlock;
  } else if (cBlock) {
    ++s.conformOnly;
    for (const f of findings) if (f.severity === 'block') bump(conformOnlyWhy, `${f.code} ${f.requirement_id ?? ''}`.trim());
  } else {
    ++s.peerOnly;
    for (const id of p.findings) {
      const f = findings.find((x) => x.requirement_id === id);
      bump(peerOnlyWhy, `${id}: conform ${f ? `${f.code}/${f.severity}${f.conditional ? ' (conditional)' : ''}` : 'does not apply it'}`);
    }
  }
  const pUnmet = new Set(p.findings);
  if (cUnmet.size === pUnmet.size && [...cUnmet].every((id) => pUnmet.has(id))) ++s.sameFindings;
}

const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const total = { rows: 0, agree: 0, bothBlock: 0, conformOnly: 0, peerOnly: 0, sameFindings: 0 };
const pad = (s, n) => String(s).padStart(n);
console.log(`${'market'.padEnd(6)} ${pad('rows', 9)} ${pad('agree', 7)} ${pad('both BLOCK', 10)} ${pad('conform-only BLOCK', 18)} ${pad('peer-only BLOCK', 15)} ${pad('same blocking reqs', 18)}`);
const row = (m, s) =>
  console.log(`${m.padEnd(6)} ${pad(s.rows, 9)} ${pad(pct(s.agree, s.rows), 7)} ${pad(s.bothBlock, 10)} ${pad(s.conformOnly, 18)} ${pad(s.peerOnly, 15)} ${pad(pct(s.sameFindings, s.rows), 18)}`);
for (const [m, s] of [...perMarket].sort()) {
  row(m, s);
  for (const k of Object.keys(total)) total[k] += s[k];
}
row('all', total);
if (missing > 0 || peer.size > 0) console.log(`rows only in conform's output: ${missing}; only in the peer's: ${peer.size}`);
const top = (m, title) => {
  if (m.size === 0) return;
  console.log(title);
  for (const [k, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${pad(n, 8)}  ${k}`);
};
top(conformOnlyWhy, 'commonest blocking findings where only conform blocks:');
top(peerOnlyWhy, 'commonest peer findings where only the peer blocks:');
