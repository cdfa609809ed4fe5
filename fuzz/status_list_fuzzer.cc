// Bitstring Status List decoding (credentials/status_list.h): base64url,
// then GZIP, then the size checks. The input is the compressed bytes, which
// the target wraps as an encodedList ("u" + base64url) so that mutations hit
// the GZIP reader; the raw input is also tried as an encodedList.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "conform/credentials/multibase.h"
#include "conform/credentials/status_list.h"

namespace {

void Check(std::string_view encoded) {
  auto list = conform::BitstringStatusList::Decode(encoded);
  if (!list.ok()) return;
  const auto& bits = list.value();
  if (bits.size() < conform::BitstringStatusList::kMinimumEntries ||
      bits.size() / 8 > conform::BitstringStatusList::kMaximumBytes)
    __builtin_trap();
  (void)bits.Get(0);
  (void)bits.Get(bits.size() - 1);
  auto again = conform::BitstringStatusList::Decode(bits.Encode());
  if (!again.ok() || again.value().size() != bits.size()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Check("u" + conform::Base64UrlEncode(conform::Bytes(data, data + size)));
  Check(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
