// Signs unsigned VC Data Model 2.0 credentials with @digitalbazaar/vc
// (DataIntegrityProof, eddsa-jcs-2022), offline.
//
//   node issue.mjs (--key KEY.json | --new-key KEY.json) [--created DATETIME] [--out-dir DIR] FILE...
//
// --key reads a Multikey key pair (publicKeyMultibase, secretKeyMultibase;
// `conform keys generate` files are read too); --new-key makes one and writes
// it there. A credential without an issuer gets the key's did:key. Each
// FILE.json is written, signed, to DIR/FILE.signed.json (default: beside it).
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import * as vc from '@digitalbazaar/vc';
import {documentLoader, generateKeyPair, keyPairJson, readKeyPair, reasons, signSuite} from './common.mjs';

const usage = 'usage: node issue.mjs (--key KEY.json | --new-key KEY.json) [--created DATETIME] [--out-dir DIR] FILE...';
let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      'key': {type: 'string'},
      'new-key': {type: 'string'},
      'created': {type: 'string'},
      'out-dir': {type: 'string'},
    },
  });
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
const {values: opt, positionals: files} = args;
if (files.length === 0 || !opt.key === !opt['new-key']) {
  console.error(usage);
  process.exit(2);
}

let keyPair;
if (opt.key) {
  keyPair = await readKeyPair(opt.key);
} else {
  keyPair = await generateKeyPair();
  await writeFile(opt['new-key'], await keyPairJson(keyPair), {mode: 0o600});
}
const created = opt.created ? new Date(opt.created) : new Date();
if (Number.isNaN(created.getTime())) {
  console.error(`--created: '${opt.created}' is not a date-time`);
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  const out = path.join(opt['out-dir'] ?? path.dirname(file), path.basename(file, '.json') + '.signed.json');
  try {
    const credential = JSON.parse(await readFile(file, 'utf8'));
    credential.issuer ??= keyPair.controller;
    const signed = await vc.issue({credential, suite: signSuite(keyPair, created), documentLoader});
    await writeFile(out, JSON.stringify(signed, null, 2) + '\n');
    console.log(`${file}: signed by ${keyPair.controller} -> ${out}`);
  } catch (e) {
    console.log(`${file}: error: ${reasons(e)}`);
    ++failed;
  }
}
process.exit(failed === 0 ? 0 : 1);
