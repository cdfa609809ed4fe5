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

namespace {

// Whatever `decode` takes must encode back to text it decodes to the same
// value. Returns the decoded value, if any.
template <typename Decode, typename Encode>
auto RoundTrip(std::string_view text, Decode decode, Encode encode) {
  auto value = decode(text);
  if (value.ok()) {
    auto back = decode(encode(value.value()));
    if (!back.ok() || back.value() != value.value()) __builtin_trap();
  }
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace conform;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > kMaxBase58Chars && Base58BtcDecode(text).ok()) __builtin_trap();
  (void)RoundTrip(text, Base58BtcDecode, Base58BtcEncode);
  if (auto b64 = RoundTrip(text, Base64UrlDecode, Base64UrlEncode); b64.ok()) (void)Hex(b64.value());
  (void)RoundTrip(text, MultibaseDecode, [](const Bytes& b) { return MultibaseEncode(b); });
  if (auto key = RoundTrip(text, DecodePublicKeyMultibase, EncodePublicKeyMultibase); key.ok()) (void)DidKeyVerificationMethod(key.value());
  (void)DecodeSecretKeyMultibase(text);
  (void)RoundTrip(text, PublicKeyFromDidKey, DidKey);
  return 0;
}
