#include "cli_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>

#include "conform/core/text.h"

namespace conform::cli {

void PrintError(const Error& e) { std::fprintf(stderr, "conform: error: %s\n", ForTerminal(e.ToString(), /*keep_newlines=*/true).c_str()); }

void PrintNote(std::string_view line) { std::fprintf(stderr, "conform: %s\n", ForTerminal(line).c_str()); }

Error NoListings(const std::string& path, std::string_view outcome) {
  return Error(ErrorCode::kInvalidInput,
               {Diagnostic{path, 0, 0, "holds no listings", fmt::format("check the file: an export cut short or a header alone {}", outcome)}});
}

void RepeatedListingIds::Add(const std::string& listing_id, size_t line) { ids_.emplace_back(std::hash<std::string>{}(listing_id), line); }

void RepeatedListingIds::Warn(std::string_view input, std::string_view what) {
  std::sort(ids_.begin(), ids_.end());
  size_t repeated = 0;
  // The first repeat in the file, and the line it repeats.
  std::pair<size_t, size_t> first{0, 0};
  for (size_t i = 1; i < ids_.size(); ++i) {
    if (ids_[i].first != ids_[i - 1].first) continue;
    if (repeated++ == 0 || ids_[i].second < first.second) first = {ids_[i - 1].second, ids_[i].second};
  }
  if (repeated > 0)
    PrintNote(fmt::format("warning: {}: {} listing{} repeat{} a listing_id given before (the first at line {}, which repeats line {}): {}", input,
                          repeated, repeated == 1 ? "" : "s", repeated == 1 ? "s" : "", first.second, first.first, what));
}

std::string Counted(size_t n, std::string_view noun, std::string_view plural) {
  if (n == 1) return fmt::format("1 {}", noun);
  return plural.empty() ? fmt::format("{} {}s", n, noun) : fmt::format("{} {}", n, plural);
}

}  // namespace conform::cli
