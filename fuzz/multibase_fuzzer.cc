// Multibase, base58btc, base64url and did:key decoding
// (credentials/multibase.h): what a verifier reads from a credential's
// proofValue and verificationMethod. Decoded bytes must encode back to
// text that decodes to the same bytes, and base58 text longer than
// kMaxBase58Chars must be refused undecoded (decoding it costs time
// quadratic in its length).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "conform/credentials/multibase.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > conform::kMaxBase58Chars && conform::Base58BtcDecode(text).ok()) __builtin_trap();
  if (auto b58 = conform::Base58BtcDecode(text); b58.ok()) {
    auto back = conform::Base58BtcDecode(conform::Base58BtcEncode(b58.value()));
    if (!back.ok() || back.value() != b58.value()) __builtin_trap();
  }
  if (auto b64 = conform::Base64UrlDecode(text); b64.ok()) {
    auto back = conform::Base64UrlDecode(conform::Base64UrlEncode(b64.value()));
    if (!back.ok() || back.value() != b64.value()) __builtin_trap();
    (void)conform::Hex(b64.value());
  }
  if (auto mb = conform::MultibaseDecode(text); mb.ok()) {
    auto back = conform::MultibaseDecode(conform::MultibaseEncode(mb.value()));
    if (!back.ok() || back.value() != mb.value()) __builtin_trap();
  }
  if (auto key = conform::DecodePublicKeyMultibase(text); key.ok()) {
    auto back = conform::DecodePublicKeyMultibase(conform::EncodePublicKeyMultibase(key.value()));
    if (!back.ok() || back.value() != key.value()) __builtin_trap();
    (void)conform::DidKeyVerificationMethod(key.value());
  }
  (void)conform::DecodeSecretKeyMultibase(text);
  if (auto key = conform::PublicKeyFromDidKey(text); key.ok()) {
    auto back = conform::PublicKeyFromDidKey(conform::DidKey(key.value()));
    if (!back.ok() || back.value() != key.value()) __builtin_trap();
  }
  return 0;
}
