// Turns the records of entity-matching benchmark files (the Ditto form,
// recalls/er_benchmark.h) into marketplace listings (doc/listing-format.md),
// so that real product offers written by real shops can be matched against
// real recall notices.
//
//   ditto_listings NAME=FILE [NAME=FILE ...] > listings.jsonl
//
// Each distinct record (both sides of every pair, by its attributes and
// values, over all files) becomes one listing "NAME-k" from seller NAME, the
// first file it is met in. Attributes map by role: title; brand or
// manufacturer; modelno; price (a positive number, taken as USD: the
// ER-Magellan shops are American; the WDC offers give none); every other
// value (description, category, ...) joins the description. The
// benchmark's categories are not conform's vocabulary, so a listing's
// category is left to be inferred. Labels are not used.
//
//   ditto_listings --pairs NAME=FILE OUT_DIR
//
// Turns labelled pairs into a matching problem instead: each distinct left
// record becomes a notice (OUT_DIR/notices.jsonl: product name, brand,
// model number, description as a regulator would give them; source
// eu-safety-gate, id "NAME-nK"), each distinct right record a listing
// "NAME-lK" (OUT_DIR/listings.jsonl), and every pair a line of
// OUT_DIR/labels.tsv: listing id, notice "source:id", label. The recall
// matcher can then be run over real product records and its matches read
// against the labels.
#include <nlohmann/json.hpp>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>

#include "conform/core/text.h"
#include "conform/recalls/er_benchmark.h"
#include "conform/recalls/notice.h"

namespace {

using conform::recalls::Record;

bool Is(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (conform::AsciiLower(name) == n) return true;
  }
  return false;
}

nlohmann::json ToListing(const Record& record, const std::string& listing_id, const std::string& seller) {
  nlohmann::json out = {{"listing_id", listing_id},
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

std::string Key(const Record& record) {
  std::string key;
  for (const auto& [name, value] : record.fields) key += name + '\x1f' + value + '\x1e';
  return key;
}

conform::Notice ToNotice(const Record& record, const std::string& id) {
  conform::Notice n;
  n.source = conform::NoticeSource::kEuSafetyGate;
  n.id = id;
  for (const auto& [name, value] : record.fields) {
    if (value.empty()) continue;
    if (Is(name, {"title", "name"}) && n.product_name.empty()) n.product_name = value;
    else if (Is(name, {"brand", "manufacturer"}) && n.brands.empty()) n.brands.push_back(value);
    else if (Is(name, {"modelno"}) && n.model_numbers.empty()) n.model_numbers.push_back(value);
    else if (!Is(name, {"price"})) n.description += (n.description.empty() ? "" : ". ") + value;
  }
  return n;
}

int Pairs(std::string_view arg, const std::filesystem::path& out_dir) {
  const size_t eq = arg.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    std::cerr << "ditto_listings: " << arg << " is not NAME=FILE\n";
    return 2;
  }
  const std::string name(arg.substr(0, eq));
  auto pairs = conform::recalls::ReadDittoPairs(std::string(arg.substr(eq + 1)));
  if (!pairs.ok()) {
    std::cerr << "ditto_listings: " << pairs.error().ToString() << "\n";
    return 2;
  }
  std::filesystem::create_directories(out_dir);
  std::ofstream notices(out_dir / "notices.jsonl"), listings(out_dir / "listings.jsonl"), labels(out_dir / "labels.tsv");
  std::map<std::string, std::string> notice_ids, listing_ids;  // record key -> id
  size_t positives = 0;
  for (const auto& pair : pairs.value()) {
    auto [n, new_notice] = notice_ids.emplace(Key(pair.left), name + "-n" + std::to_string(notice_ids.size()));
    if (new_notice) notices << conform::NoticeToJson(ToNotice(pair.left, n->second), false) << '\n';
    auto [l, new_listing] = listing_ids.emplace(Key(pair.right), name + "-l" + std::to_string(listing_ids.size()));
    if (new_listing) listings << ToListing(pair.right, l->second, name).dump() << '\n';
    labels << l->second << "\teu-safety-gate:" << n->second << '\t' << pair.label << '\n';
    positives += pair.label;
  }
  std::cerr << "ditto_listings: " << name << ": " << pairs.value().size() << " pairs (" << positives << " matches), "
            << notice_ids.size() << " notices, " << listing_ids.size() << " listings in " << out_dir.string() << "\n";
  return notices && listings && labels ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string_view(argv[1]) == "--pairs") return Pairs(argv[2], argv[3]);
  if (argc < 2) {
    std::cerr << "usage: ditto_listings NAME=FILE [NAME=FILE ...] > listings.jsonl\n"
                 "       ditto_listings --pairs NAME=FILE OUT_DIR\n";
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
        if (!seen.insert(Key(*record)).second) continue;
        std::cout << ToListing(*record, seller + "-" + std::to_string(k++), seller).dump() << '\n';
        ++written;
      }
    }
    std::cerr << "ditto_listings: " << seller << ": " << k << " new distinct records in " << pairs.value().size() << " pairs\n";
  }
  std::cerr << "ditto_listings: " << written << " listings\n";
  return 0;
}
