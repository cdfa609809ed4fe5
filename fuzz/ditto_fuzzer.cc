// Ditto-format entity-resolution pairs (recalls/er_benchmark.h): "COL name
// VAL value ..." records, two per line with a 0/1 label, as read by
// `conform recalls match-eval`.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "conform/recalls/er_benchmark.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)conform::recalls::ParseDittoRecord(text);
  auto pairs = conform::recalls::ParseDittoPairs(text, "fuzz.txt");
  if (pairs.ok())
    for (const auto& pair : pairs.value())
      if (pair.label != 0 && pair.label != 1) __builtin_trap();
  return 0;
}
