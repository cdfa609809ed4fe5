#include "conform/credentials/multibase.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace conform {

namespace {
constexpr char kAlphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr uint8_t kEd25519Pub[] = {0xed, 0x01};
constexpr uint8_t kEd25519Priv[] = {0x80, 0x26};

Error Bad(std::string what) { return Error(ErrorCode::kInvalidInput, std::move(what), ""); }

// A limb times a chunk's scale, plus the carry, fits in 128 bits.
__extension__ typedef unsigned __int128 Wide;
}  // namespace

std::string Base58BtcEncode(const Bytes& bytes) {
  // Big-number division by 58, on base-58 digits kept little-endian.
  std::vector<uint8_t> digits;
  for (uint8_t b : bytes) {
    uint32_t carry = b;
    for (auto& d : digits) {
      carry += static_cast<uint32_t>(d) << 8;
      d = static_cast<uint8_t>(carry % 58);
      carry /= 58;
    }
    while (carry > 0) {
      digits.push_back(static_cast<uint8_t>(carry % 58));
      carry /= 58;
    }
  }
  std::string out;
  for (size_t i = 0; i < bytes.size() && bytes[i] == 0; ++i) out += '1';  // leading zero bytes
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) out += kAlphabet[*it];
  return out;
}

Result<Bytes> Base58BtcDecode(std::string_view text) {
  // Digit values by character (-1: not in the alphabet), built once.
  static const std::array<int8_t, 256> kValue = [] {
    std::array<int8_t, 256> v{};
    v.fill(-1);
    for (int i = 0; i < 58; ++i) v[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int8_t>(i);
    return v;
  }();
  if (text.size() > kMaxBase58Chars)
    return Bad(fmt::format("base58btc text of {} characters, longer than the {} this verifier decodes: a key or signature is under 100; "
                           "larger data is written in base64url (multibase 'u')",
                           text.size(), kMaxBase58Chars));
  // The number in 64-bit limbs, least significant first, with ten digits
  // taken at a time (58^10 < 2^59): a signature is nine steps over at most
  // eight limbs, and keys and signatures are decoded on every verify.
  std::vector<uint64_t> limbs;
  limbs.reserve(text.size() / 10 + 2);
  for (size_t i = 0; i < text.size();) {
    uint64_t chunk = 0, scale = 1;
    for (const size_t end = std::min(text.size(), i + 10); i < end; ++i) {
      const int digit = kValue[static_cast<unsigned char>(text[i])];
      if (digit < 0) return Bad(fmt::format("'{}' is not a base58btc character", text[i]));
      chunk = chunk * 58 + static_cast<uint64_t>(digit);
      scale *= 58;
    }
    Wide carry = chunk;
    for (auto& limb : limbs) {
      carry += static_cast<Wide>(limb) * scale;
      limb = static_cast<uint64_t>(carry);
      carry >>= 64;
    }
    if (carry > 0) limbs.push_back(static_cast<uint64_t>(carry));
  }
  Bytes out;
  size_t zeros = 0;
  while (zeros < text.size() && text[zeros] == '1') ++zeros;
  // One allocation, not one per doubling as the bytes are pushed.
  out.reserve(zeros + 8 * limbs.size());
  out.assign(zeros, 0);
  bool leading = true;  // skip the high limb's zero bytes
  for (auto it = limbs.rbegin(); it != limbs.rend(); ++it)
    for (int shift = 56; shift >= 0; shift -= 8) {
      const auto b = static_cast<uint8_t>(*it >> shift);
      if (leading && b == 0) continue;
      leading = false;
      out.push_back(b);
    }
  return out;
}

std::string Base64UrlEncode(const Bytes& bytes) {
  static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], kB64[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    const uint32_t v = bytes[i] << 16;
    out += {kB64[v >> 18], kB64[(v >> 12) & 63]};
  } else if (i + 2 == bytes.size()) {
    const uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63]};
  }
  return out;
}

Result<Bytes> Base64UrlDecode(std::string_view text) {
  const auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
  };
  if (text.size() % 4 == 1) return Bad("base64url text has an impossible length");
  Bytes out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const int v = value(c);
    if (v < 0) return Bad(fmt::format("'{}' is not a base64url character", c));
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<uint8_t>((acc >> bits) & 0xff));
    }
  }
  return out;
}

std::string MultibaseEncode(const Bytes& bytes) { return "z" + Base58BtcEncode(bytes); }
std::string MultibaseEncodeBase64Url(const Bytes& bytes) { return "u" + Base64UrlEncode(bytes); }

Result<Bytes> MultibaseDecode(std::string_view text) {
  if (text.empty()) return Bad("empty multibase value");
  if (text[0] == 'z') return Base58BtcDecode(text.substr(1));
  if (text[0] == 'u') return Base64UrlDecode(text.substr(1));
  return Bad(fmt::format("multibase prefix '{}' is not supported (expected 'z' base58btc or 'u' base64url)", text[0]));
}

std::string Hex(const Bytes& bytes) {
  std::string out;
  for (uint8_t b : bytes) out += fmt::format("{:02x}", b);
  return out;
}

namespace {
template <size_t N>
std::string EncodeKey(const uint8_t (&prefix)[2], const std::array<uint8_t, N>& key) {
  Bytes b(prefix, prefix + 2);
  b.insert(b.end(), key.begin(), key.end());
  return MultibaseEncode(b);
}

template <size_t N>
Result<std::array<uint8_t, N>> DecodeKey(const uint8_t (&prefix)[2], std::string_view text, const char* what) {
  auto b = MultibaseDecode(text);
  if (!b.ok()) return b.error();
  const Bytes& v = b.value();
  if (v.size() != N + 2 || v[0] != prefix[0] || v[1] != prefix[1])
    // A secret key's text is not repeated: messages end up in logs.
    return Bad(std::string_view(what) == "private key" ? fmt::format("the text given is not an Ed25519 {} Multikey (not shown here)", what)
                                                       : fmt::format("'{}' is not an Ed25519 {} Multikey", text, what));
  std::array<uint8_t, N> key{};
  std::copy(v.begin() + 2, v.end(), key.begin());
  return key;
}
}  // namespace

std::string EncodePublicKeyMultibase(const Ed25519PublicKey& key) { return EncodeKey(kEd25519Pub, key); }
Result<Ed25519PublicKey> DecodePublicKeyMultibase(std::string_view text) { return DecodeKey<32>(kEd25519Pub, text, "public key"); }
std::string EncodeSecretKeyMultibase(const Ed25519Seed& seed) { return EncodeKey(kEd25519Priv, seed); }
Result<Ed25519Seed> DecodeSecretKeyMultibase(std::string_view text) { return DecodeKey<32>(kEd25519Priv, text, "private key"); }

std::string DidKey(const Ed25519PublicKey& key) { return "did:key:" + EncodePublicKeyMultibase(key); }

std::string DidKeyVerificationMethod(const Ed25519PublicKey& key) {
  const std::string mb = EncodePublicKeyMultibase(key);
  return "did:key:" + mb + "#" + mb;
}

Result<Ed25519PublicKey> PublicKeyFromDidKey(std::string_view did) {
  constexpr std::string_view kPrefix = "did:key:";
  if (did.substr(0, kPrefix.size()) != kPrefix) return Bad(fmt::format("'{}' is not a did:key", did));
  std::string_view rest = did.substr(kPrefix.size());
  const size_t hash = rest.find('#');
  const std::string_view id = rest.substr(0, hash);
  if (hash != std::string_view::npos && rest.substr(hash + 1) != id)
    return Bad(fmt::format("'{}': the fragment of a did:key verification method must repeat the key", did));
  return DecodePublicKeyMultibase(id);
}

}  // namespace conform
