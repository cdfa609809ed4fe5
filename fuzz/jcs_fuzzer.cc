// I-JSON parsing and RFC 8785 canonicalisation (credentials/jcs.h), which
// every signature check hashes. Besides looking for crashes it checks that
// canonical text parses again, canonicalises to itself and compares equal.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "conform/credentials/jcs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size == sizeof(double)) {
    double number;
    std::memcpy(&number, data, sizeof number);
    (void)conform::SerializeJcsNumber(number);
  }
  auto parsed = conform::ParseIJson(text);
  auto direct = conform::CanonicalizeJson(text);
  if (parsed.ok() != direct.ok()) __builtin_trap();
  if (!parsed.ok()) return 0;
  const std::string canonical = conform::Canonicalize(parsed.value());
  if (canonical != direct.value()) __builtin_trap();
  std::string appended;
  conform::AppendCanonical(parsed.value(), &appended);
  if (appended != canonical) __builtin_trap();
  auto again = conform::ParseIJson(canonical);
  if (!again.ok()) __builtin_trap();
  if (!(again.value() == parsed.value())) __builtin_trap();
  if (conform::Canonicalize(again.value()) != canonical) __builtin_trap();
  // The proof is hashed without its own "proof" member.
  (void)conform::Canonicalize(parsed.value(), "proof");
  return 0;
}
