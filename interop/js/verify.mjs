// Verifies credentials with @digitalbazaar/vc verifyCredential
// (DataIntegrityProof, eddsa-jcs-2022), offline: its structure checks, the
// proof, that the issuer controls the signing key, and the validity period.
//
//   node verify.mjs [--now DATETIME] [--every-proof] FILE...
//
// Prints "FILE: ok" or "FILE: error: REASON" per file; exits 0 only when
// every file verifies (1 otherwise, 2 on bad usage). Status lists are not
// read: a credential with credentialStatus is reported as an error.
// Of a credential with several proofs, the library accepts it when one
// verifies; --every-proof asks that each one does.
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import * as vc from '@digitalbazaar/vc';
import {documentLoader, reasons, verifySuite} from './common.mjs';

const usage = 'usage: node verify.mjs [--now DATETIME] [--every-proof] FILE...';
let args;
try {
  args = parseArgs({allowPositionals: true, options: {'now': {type: 'string'}, 'every-proof': {type: 'boolean'}}});
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
const {values: opt, positionals: files} = args;
if (files.length === 0) {
  console.error(usage);
  process.exit(2);
}
const now = opt.now ? new Date(opt.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now: '${opt.now}' is not a date-time`);
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  let reason = null;
  try {
    const credential = JSON.parse(readFileSync(file, 'utf8'));
    const result = await vc.verifyCredential({credential, suite: verifySuite(), documentLoader, now});
    if (!result.verified) {
      const errors = [result.error, ...(result.results ?? []).flatMap(r => [r.error, r.purposeResult?.error])]
        .filter(Boolean);
      reason = [...new Set(errors.map(reasons))].join('; ') || 'not verified';
    } else if (opt['every-proof']) {
      const proofs = [credential.proof].flat().length;
      const verified = (result.results ?? []).filter(r => r.verified).length;
      if (verified !== proofs) reason = `${verified} of ${proofs} proofs verified`;
    }
  } catch (e) {
    reason = reasons(e);
  }
  console.log(reason === null ? `${file}: ok` : `${file}: error: ${reason}`);
  if (reason !== null) ++failed;
}
process.exit(failed === 0 ? 0 : 1);
