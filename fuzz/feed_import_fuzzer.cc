// Recall feed importers (recalls/feed_import.h): the bytes are read as an EU
// Safety Gate, a US CPSC and a Health Canada feed in turn, as
// `conform recalls import` does with a downloaded feed file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "conform/recalls/feed_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto source : {conform::NoticeSource::kEuSafetyGate, conform::NoticeSource::kUsCpsc,
                      conform::NoticeSource::kCaHealthCanada}) {
    auto feed = conform::ImportFeed(source, text);
    if (!feed.ok()) continue;
    const auto& imported = feed.value();
    if (imported.notices.size() > imported.records) __builtin_trap();
    for (const auto& problem : imported.problems) (void)problem.ToString();
  }
  return 0;
}
