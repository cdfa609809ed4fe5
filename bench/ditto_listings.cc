// Turns the records of entity-matching benchmark files (the Ditto form,
// recalls/er_benchmark.h) into marketplace listings (doc/listing-format.md),
// so that real product offers written by real shops can be matched against
// real recall notices.
//
//   ditto_listings NAME=FILE [NAME=FILE ...] > listings.jsonl
//
// Each distinct record (both sides of every pair, by its attributes and
// values, over all files) becomes one listing "NAME-k" from seller NAME, the
// first file it is met in. Attributes map by role:
// title; brand or manufacturer; modelno; price (a positive number, taken as
// USD: the ER-Magellan shops are American); every other value (description,
// category, ...) joins the description. The benchmark's categories are not
// conform's vocabulary, so a listing's category is left to be inferred.
// Labels are not used.
#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <unordered_set>

#include "conform/core/text.h"
#include "conform/recalls/er_benchmark.h"

namespace {

using conform::recalls::Record;

bool Is(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (conform::AsciiLower(name) == n) return true;
  }
  return false;
}

nlohmann::json ToListing(const Record& record, const std::string& seller, size_t k) {
  nlohmann::json out = {{"listing_id", seller + "-" + std::to_string(k)},
                        {"seller_id", seller},
                        {"target_markets", nlohmann::json::array({"US"})}};
  std::string title, description;
  for (const auto& [name, value] : record.fields) {
    if (value.empty()) continue;
    if (Is(name, {"title", "name"}) && title.empty()) {
      title = value;
    } else if (Is(name, {"brand", "manufacturer"}) && !out.contains("brand")) {
      out["brand"] = value;
    } else if (Is(name, {"modelno"}) && !out.contains("model")) {
      out["model"] = value;
    } else if (Is(name, {"price"})) {
      double amount = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), amount);
      if (ec == std::errc() && amount > 0) out["price"] = {{"amount", amount}, {"currency", "USD"}};
    } else {
      if (!description.empty()) description += ". ";
      description += value;
    }
  }
  // A record without a title (none in these sets) is named by its first value.
  if (title.empty()) title = description;
  out["title"] = title;
  if (!description.empty() && description != title) out["description"] = description;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ditto_listings NAME=FILE [NAME=FILE ...] > listings.jsonl\n";
    return 2;
  }
  size_t written = 0;
  // The same offer appears in many pairs, and in several files (a "small"
  // split inside a "medium" one): one listing per distinct record.
  std::unordered_set<std::string> seen;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    size_t eq = arg.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      std::cerr << "ditto_listings: argument " << i << " (" << arg << ") is not NAME=FILE\n";
      return 2;
    }
    std::string seller(arg.substr(0, eq));
    auto pairs = conform::recalls::ReadDittoPairs(std::string(arg.substr(eq + 1)));
    if (!pairs.ok()) {
      std::cerr << "ditto_listings: " << pairs.error().ToString() << "\n";
      return 2;
    }
    size_t k = 0;
    for (const auto& pair : pairs.value()) {
      for (const Record* record : {&pair.left, &pair.right}) {
        std::string key;
        for (const auto& [name, value] : record->fields) key += name + '\x1f' + value + '\x1e';
        if (!seen.insert(key).second) continue;
        std::cout << ToListing(*record, seller, k++).dump() << '\n';
        ++written;
      }
    }
    std::cerr << "ditto_listings: " << seller << ": " << k << " new distinct records in " << pairs.value().size() << " pairs\n";
  }
  std::cerr << "ditto_listings: " << written << " listings\n";
  return 0;
}
