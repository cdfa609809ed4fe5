// Multibase (base58btc, prefix 'z') and Multikey encodings of Ed25519 keys,
// and did:key identifiers, as W3C Data Integrity uses them.
#ifndef CONFORM_CREDENTIALS_MULTIBASE_H_
#define CONFORM_CREDENTIALS_MULTIBASE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/result.h"

namespace conform {

using Bytes = std::vector<uint8_t>;

std::string Base58BtcEncode(const Bytes& bytes);
// The longest base58btc text Base58BtcDecode takes. Decoding base58 costs
// time quadratic in the length (every digit multiplies the whole number so
// far), so a credential with a megabyte-long proofValue would hold a
// verifier for minutes. Keys and signatures are under 100 characters;
// larger data is written in base64url (multibase 'u').
inline constexpr size_t kMaxBase58Chars = 1024;
// Error on a character outside the base58btc alphabet, and on text longer
// than kMaxBase58Chars.
Result<Bytes> Base58BtcDecode(std::string_view text);

// base64url without padding (RFC 4648 section 5).
std::string Base64UrlEncode(const Bytes& bytes);
Result<Bytes> Base64UrlDecode(std::string_view text);

// "z" + base58btc (MultibaseEncode) or "u" + base64url (MultibaseEncodeBase64Url).
// Decode accepts both and refuses other prefixes by name.
std::string MultibaseEncode(const Bytes& bytes);
std::string MultibaseEncodeBase64Url(const Bytes& bytes);
Result<Bytes> MultibaseDecode(std::string_view text);

std::string Hex(const Bytes& bytes);

using Ed25519PublicKey = std::array<uint8_t, 32>;
using Ed25519Seed = std::array<uint8_t, 32>;

// Multikey: multibase of the multicodec prefix (0xed01 for an Ed25519 public
// key, 0x8026 for an Ed25519 private key seed) and the 32 key bytes.
std::string EncodePublicKeyMultibase(const Ed25519PublicKey& key);
Result<Ed25519PublicKey> DecodePublicKeyMultibase(std::string_view text);
std::string EncodeSecretKeyMultibase(const Ed25519Seed& seed);
Result<Ed25519Seed> DecodeSecretKeyMultibase(std::string_view text);

// "did:key:z6Mk..." and its verification method "did:key:z6Mk...#z6Mk...".
std::string DidKey(const Ed25519PublicKey& key);
std::string DidKeyVerificationMethod(const Ed25519PublicKey& key);
// The public key in a did:key identifier or verification method URL.
Result<Ed25519PublicKey> PublicKeyFromDidKey(std::string_view did_or_method);

}  // namespace conform

#endif  // CONFORM_CREDENTIALS_MULTIBASE_H_
