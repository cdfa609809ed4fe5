// Credential verification speed of @digitalbazaar/vc, for comparison with
// conform's verify_bench (bench/verify_bench.cc): the same credential shape
// (a Digital Conformity Credential with a BitstringStatusListEntry in a
// 131,072-entry revocation list), signed here with eddsa-jcs-2022, then
// verified N times in a row (parse the JSON text, then verifyCredential:
// structure, proof, issuer binding, validity, status lookup). Like conform,
// the status list is verified and decoded once, then looked up per
// credential.
//
//   node bench_verify.mjs [N]      (default 20000; a tenth as many warm up first)
//
// Prints one line of JSON: {"verifier", "credentials", "seconds", "cpu_seconds"
// (the process's, user + system), "credentials_per_second",
// "credentials_per_cpu_second"}.
import {readFileSync} from 'node:fs';
import {gunzipSync, gzipSync} from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import {documentLoader, generateKeyPair, signSuite, verifySuite} from './common.mjs';

const n = Number(process.argv[2] ?? 20000);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: node bench_verify.mjs [N]');
  process.exit(2);
}

const created = new Date('2026-06-01T00:00:00Z');
const now = created;
const listId = 'https://cb.example/status/1';
const keyPair = await generateKeyPair();

const list = await vc.issue({
  credential: {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: listId,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: keyPair.controller,
    validFrom: '2026-06-01T00:00:00Z',
    credentialSubject: {
      id: `${listId}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: 'u' + gzipSync(Buffer.alloc(131072 / 8)).toString('base64url'),
    },
  },
  suite: signSuite(keyPair, created),
  documentLoader,
});
// The credential of bench/verify_bench.cc (keep the two in step): a UNTP
// Digital Conformity Credential of ordinary size, one assessment of one
// product against one standard; issuer, validFrom and credentialStatus as
// `conform credential issue` adds them.
const credentialText = JSON.stringify(await vc.issue({
  credential: {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['DigitalConformityCredential', 'VerifiableCredential'],
    id: 'https://cb.example/credentials/7781',
    validUntil: '2028-01-01T00:00:00Z',
    credentialSubject: {
      type: ['ConformityAttestation', 'Attestation'],
      id: 'https://cb.example/attestations/7781',
      assessorLevel: '3rdParty',
      assessmentLevel: 'Accredited',
      attestationType: 'certification',
      issuedToParty: {type: ['Party'], id: 'https://maker.example/', name: 'Example Power Co., Ltd.'},
      authorisation: [{
        type: ['Endorsement'], id: 'https://cnas.example/accreditations/L1234', name: 'Accreditation L1234',
        issuingAuthority: {type: ['Identifier'], id: 'https://cnas.example/', name: 'Example Accreditation Service'},
      }],
      assessment: [{
        type: ['ConformityAssessment', 'Declaration'],
        id: 'https://cb.example/attestations/7781/1',
        assessmentDate: '2026-02-20',
        referenceStandard: {
          type: ['Standard'],
          id: 'https://std.example/GB-4943.1-2022',
          name: 'GB 4943.1-2022',
          issuingParty: {type: ['Identifier'], id: 'https://www.sac.gov.cn/', name: 'Standardization Administration of China'},
        },
        conformance: true,
        conformityTopic: 'social.safety',
        assessedProduct: [{
          type: ['Product'], id: 'https://id.gs1.org/01/06901234567892', name: '20000 mAh power bank PB-20', batchNumber: '2026-02',
        }],
      }],
    },
    issuer: {type: ['CredentialIssuer'], id: keyPair.controller, name: 'Example Certification Body'},
    validFrom: '2026-06-01T00:00:00Z',
    credentialStatus: {
      id: `${listId}#4242`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '4242',
      statusListCredential: listId,
    },
  },
  suite: signSuite(keyPair, created),
  documentLoader,
}));

// Status lists available locally, by id; each verified and decoded on first use.
const lists = new Map([[listId, JSON.stringify(list)]]);
const decoded = new Map();
async function checkStatus({credential, suite}) {
  const entry = credential.credentialStatus;
  const id = entry?.statusListCredential;
  let bits = decoded.get(id);
  if (!bits) {
    if (!lists.has(id)) return {verified: false, error: new Error(`status list ${id} is not available locally`)};
    const listCredential = JSON.parse(lists.get(id));
    const result = await vc.verifyCredential({credential: listCredential, suite, documentLoader, now});
    if (!result.verified) return {verified: false, error: result.error};
    const subject = listCredential.credentialSubject;
    bits = {purpose: subject.statusPurpose, bytes: gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'))};
    decoded.set(id, bits);
  }
  const index = Number(entry.statusListIndex);
  if (bits.purpose !== entry.statusPurpose || !(index < bits.bytes.length * 8)) {
    return {verified: false, error: new Error('status entry does not match its list')};
  }
  const set = (bits.bytes[index >> 3] >> (7 - (index & 7))) & 1;
  return {verified: set === 0};
}

const suite = verifySuite();
async function verifyMany(count) {
  for (let i = 0; i < count; ++i) {
    const result = await vc.verifyCredential({
      credential: JSON.parse(credentialText), suite, documentLoader, now, checkStatus,
    });
    if (!result.verified) throw new Error(`the credential did not verify: ${result.error?.message}`);
  }
}

await verifyMany(Math.max(1, Math.floor(n / 10)));
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
await verifyMany(n);
const cpu = process.cpuUsage(cpu0);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const version = JSON.parse(readFileSync(new URL('./node_modules/@digitalbazaar/vc/package.json', import.meta.url))).version;
console.log(JSON.stringify({
  verifier: `@digitalbazaar/vc ${version}, node ${process.versions.node}`,
  credentials: n,
  seconds: Number(seconds.toFixed(3)),
  cpu_seconds: Number(cpuSeconds.toFixed(3)),
  credentials_per_second: Math.round(n / seconds),
  credentials_per_cpu_second: Math.round(n / cpuSeconds),
}));
