// Barcode parsing: GTIN normalisation and check digits (core/gtin.h) and the
// recall feeds' barcode field scanner (recalls/gtin.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "conform/core/date.h"
#include "conform/core/gtin.h"
#include "conform/recalls/gtin.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto gtin = conform::NormalizeGtin(text);
  if (gtin.ok()) {
    (void)conform::GtinCheckDigit(gtin.value());
    (void)conform::IsRestrictedCirculationGtin(gtin.value());
  }
  (void)conform::ExtractGtins(text);
  auto date = conform::Date::Parse(text);
  if (date.ok()) {
    auto again = conform::Date::Parse(date.value().ToString());
    if (!again.ok() || again.value() != date.value()) __builtin_trap();
  }
  return 0;
}
