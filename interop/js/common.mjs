// What issue.mjs, verify.mjs and bench_verify.mjs share: an offline document
// loader (JSON-LD contexts from local packages, did:key resolved locally),
// the eddsa-jcs-2022 Data Integrity suites, and Multikey key files.
import {readFile} from 'node:fs/promises';
import {contexts} from '@digitalbazaar/credentials-context';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {createSignCryptosuite, createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';

const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
// multibase base58btc of the multicodec ed25519-pub header (0xed 0x01)
const ED25519_DID_KEY_PREFIX = 'z6Mk';

// The DID document of an Ed25519 did:key (W3C did:key method): one Multikey
// verification method whose fragment repeats the key.
function didKeyDocument(did) {
  const key = did.slice('did:key:'.length);
  if (!key.startsWith(ED25519_DID_KEY_PREFIX)) {
    throw new Error(`${did}: only Ed25519 did:key identifiers are resolved`);
  }
  const method = {
    id: `${did}#${key}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: key,
  };
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: [method],
    authentication: [method.id],
    assertionMethod: [method.id],
    capabilityDelegation: [method.id],
    capabilityInvocation: [method.id],
  };
}

// Never goes to the network: anything not served here is an error.
export async function documentLoader(url) {
  const context = contexts.get(url);
  if (context !== undefined) {
    return {contextUrl: null, documentUrl: url, document: context};
  }
  if (url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const doc = didKeyDocument(did);
    if (fragment === undefined) {
      return {contextUrl: null, documentUrl: url, document: doc};
    }
    const method = doc.verificationMethod.find(m => m.id === url);
    if (!method) {
      throw new Error(`${url}: the fragment of a did:key verification method must repeat the key`);
    }
    // Decoding checks that the key is a well-formed Ed25519 public key.
    await Ed25519Multikey.from(method);
    return {contextUrl: null, documentUrl: url, document: {'@context': MULTIKEY_CONTEXT, ...method}};
  }
  throw new Error(`${url} is not available offline`);
}

export function verifySuite() {
  return new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});
}

export function signSuite(keyPair, created) {
  return new DataIntegrityProof({signer: keyPair.signer(), date: created, cryptosuite: createSignCryptosuite()});
}

// A new Ed25519 key pair with its did:key identity.
export async function generateKeyPair() {
  const keyPair = await Ed25519Multikey.generate();
  const did = `did:key:${keyPair.publicKeyMultibase}`;
  return Ed25519Multikey.from({
    ...(await keyPair.export({publicKey: true, secretKey: true, canonicalize: true})),
    id: `${did}#${keyPair.publicKeyMultibase}`,
    controller: did,
  });
}

// A Multikey key pair file: publicKeyMultibase and secretKeyMultibase (the
// files `conform keys generate` writes are read too).
export async function readKeyPair(file) {
  const json = JSON.parse(await readFile(file, 'utf8'));
  const {publicKeyMultibase, secretKeyMultibase} = json;
  if (typeof publicKeyMultibase !== 'string' || typeof secretKeyMultibase !== 'string') {
    throw new Error(`${file}: a key pair file needs publicKeyMultibase and secretKeyMultibase`);
  }
  const did = `did:key:${publicKeyMultibase}`;
  return Ed25519Multikey.from({
    type: 'Multikey',
    id: `${did}#${publicKeyMultibase}`,
    controller: did,
    publicKeyMultibase,
    secretKeyMultibase,
  });
}

export async function keyPairJson(keyPair) {
  const exported = await keyPair.export({publicKey: true, secretKey: true, includeContext: true, canonicalize: true});
  return JSON.stringify(exported, null, 2) + '\n';
}

// The messages of an error and of the errors it wraps, on one line.
export function reasons(error) {
  if (!error) return 'unknown error';
  const list = Array.isArray(error) ? error : error.errors ?? [error];
  return list.map(e => (e.errors ? reasons(e) : e.message ?? String(e))).join('; ');
}
