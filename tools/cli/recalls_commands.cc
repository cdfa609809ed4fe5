#include "recalls_commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cli_files.h"
#include "cli_output.h"
#include "conform/core/text.h"
#include "conform/core/threads.h"
#include "conform/recalls/feed_import.h"
#include "conform/recalls/notice.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/product_kind.h"
#include "conform/recalls/recall_matcher.h"
#include "conform/screen/listing_reader.h"
#include "conform/store/listing_index.h"
#include "conform/store/notice_store.h"

namespace conform::cli {

namespace {

constexpr int kOk = 0, kSkipped = 1, kBadInput = 2;

int Report(const Error& e) {
  cli::PrintError(e);
  return kBadInput;
}

// A file none of whose records could be used: nothing usable came in
// (exit 2, as `screen` gives).
Error EveryRecordSkipped(const std::string& file, size_t skipped, std::string hint) {
  return Error(ErrorCode::kInvalidInput,
               {Diagnostic{file, 0, 0, fmt::format("none of its records could be used ({} skipped, reported above)", skipped), std::move(hint)}});
}

struct Args {
  std::string source;
  std::string listings;
  std::string model;
  std::vector<std::string> notice_ids;
  std::string notice_id, listing_id;  // explain
  bool corrections = false;           // import
  std::string feed;
  double takedown_at = 0.9;
  size_t max_block = 2000;
  std::vector<std::string> files;
  std::string db;
  std::string index;  // listing index (SQLite file)
  bool replace = false;
  std::string format = "table";
  std::string listings_format;  // match, index, affected, explain: --format
  std::string since;
  bool quiet = false;
  bool raw = false;
  unsigned threads = 0;  // 0: every core
};

int RunImport(const Args& args) {
  auto source = ParseNoticeSource(args.source);
  if (!source.ok()) return Report(source.error());
  // Every file is read and checked before the store is touched, so one bad
  // file leaves the store as it was.
  std::vector<Notice> notices;
  size_t skipped = 0;
  // Each file's counts are printed once the store has taken them: a run
  // refused prints none, as it stores none.
  std::vector<std::string> read_lines;
  std::error_code exists_error;
  const bool store_exists = std::filesystem::exists(args.db, exists_error) || exists_error;
  const auto refuse = [&args, store_exists](const Error& e, const char* then = "fix the file above and import the files again") {
    const int code = Report(e);
    // A store this run created and could not fill (a full disk) goes: the
    // next run would find it empty.
    if (!store_exists)
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ec;
        std::filesystem::remove(args.db + suffix, ec);
      }
    std::fprintf(stderr, "conform: nothing imported: %s %s (%s)\n", args.db.c_str(), store_exists ? "is unchanged" : "was not created", then);
    return code;
  };
  for (const auto& file : args.files) {
    auto text = ReadFileText(file);
    if (!text.ok()) return refuse(text.error());
    auto feed = ImportFeed(source.value(), text.value());
    if (!feed.ok()) {
      std::vector<Diagnostic> d = feed.error().diagnostics();
      for (auto& x : d) x.file = file;
      return refuse(Error(feed.error().code(), std::move(d)));
    }
    FeedImport& f = feed.value();
    for (const auto& p : f.problems)
      if (p.skipped || !args.quiet) cli::PrintNote(fmt::format("{}: {}", file, p.ToString()));
    read_lines.push_back(fmt::format("{}: {}, {}, {} skipped, {}", file, cli::Counted(f.records, "record"), cli::Counted(f.notices.size(), "notice"),
                                     f.skipped(), cli::Counted(f.warnings(), "warning")));
    if (f.notices.empty() && f.skipped() > 0)
      return refuse(EveryRecordSkipped(file, f.skipped(), fmt::format("fix the records, or check that the file is a feed of {}", args.source)));
    if (f.records == 0) cli::PrintNote(fmt::format("warning: {}: the feed holds no records", file));
    skipped += f.skipped();
    // Moved, not copied: a large feed's notices are held once.
    if (notices.empty()) notices = std::move(f.notices);
    else notices.insert(notices.end(), std::make_move_iterator(f.notices.begin()), std::make_move_iterator(f.notices.end()));
  }
  auto store = NoticeStore::Open(args.db);
  if (!store.ok()) return refuse(store.error(), "see above, then import the files again");
  auto counts = store.value().Import(notices, skipped, args.corrections);
  if (!counts.ok()) return refuse(counts.error(), "see above, then import the files again");
  const ImportCounts& c = counts.value();
  for (const auto& line : read_lines) std::printf("%s\n", line.c_str());
  for (const auto& m : c.kept_newer) cli::PrintNote(m);
  std::printf("%s: %zu new, %zu updated, %zu unchanged, %zu skipped, %zu older than stored, %zu less complete than stored, %s "
              "of stored (%s)\n",
              args.source.c_str(), c.added, c.updated, c.unchanged, c.skipped, c.older, c.less_complete,
              cli::Counted(c.other_language, "translation").c_str(), args.db.c_str());
  return c.skipped > 0 ? kSkipped : kOk;
}

// `s` cut to at most `width` characters (UTF-8 aware), with "…" when cut.
std::string Fit(std::string_view s, size_t width) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (chars == width) {
        // Make room for the ellipsis by dropping the last character.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty()) out.pop_back();
        return out + "…";
      }
      ++chars;
    }
    out.push_back(s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
  }
  return out;
}

std::string Pad(const std::string& s, size_t width) {
  size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  return s + std::string(chars < width ? width - chars : 0, ' ');
}

int RunList(const Args& args) {
  if (args.raw && args.format != "json")
    return Report(Error(ErrorCode::kInvalidInput, "--raw shows each feed record, which only --format json has room for",
                        "add --format json, or leave --raw out"));
  auto store = NoticeStore::OpenExisting(args.db);
  if (!store.ok()) return Report(store.error());
  Result<std::vector<Notice>> notices = std::vector<Notice>{};
  if (!args.since.empty()) {
    auto day = Date::Parse(args.since);
    if (!day.ok()) return Report(day.error());
    notices = store.value().Since(day.value());
  } else if (!args.source.empty()) {
    auto source = ParseNoticeSource(args.source);
    if (!source.ok()) return Report(source.error());
    notices = store.value().BySource(source.value());
  } else {
    notices = store.value().All();
  }
  if (!notices.ok()) return Report(notices.error());
  std::vector<const Notice*> shown;
  for (const auto& n : notices.value())
    if (args.source.empty() || NoticeSourceName(n.source) == args.source) shown.push_back(&n);
  // A notice without a date is neither before nor after --since: said, so
  // that it is not taken for absent.
  if (!args.since.empty()) {
    auto all = store.value().All();
    if (!all.ok()) return Report(all.error());
    size_t undated = 0;
    for (const auto& n : all.value())
      undated += !n.published && !n.updated && (args.source.empty() || NoticeSourceName(n.source) == args.source);
    if (undated > 0)
      cli::PrintNote(fmt::format("{} notice{} without a date (published or updated) not shown: list without --since to see {}", undated,
                                 undated == 1 ? "" : "s", undated == 1 ? "it" : "them"));
  }

  if (args.format == "json") {
    std::string out = "[";
    for (size_t i = 0; i < shown.size(); ++i) out += (i ? ",\n " : "\n ") + NoticeToJson(*shown[i], args.raw);
    out += shown.empty() ? "]\n" : "\n]\n";
    std::fputs(out.c_str(), stdout);
    return kOk;
  }
  std::printf("%s %s %s %s %s %s %s\n", Pad("SOURCE", 16).c_str(), Pad("ID", 14).c_str(), Pad("DATE", 10).c_str(), Pad("BRAND", 18).c_str(),
              Pad("PRODUCT", 32).c_str(), Pad("GTINS", 5).c_str(), "HAZARD");
  for (const Notice* n : shown) {
    // Published, or else last changed (Health Canada's open data gives only that).
    const std::string date = n->published ? n->published->ToString() : n->updated ? n->updated->ToString() : "-";
    // The feed's text, its control characters written out.
    const std::string hazard = ForTerminal(!n->hazard_types.empty() ? Join(n->hazard_types, ", ") : n->hazard_description);
    const std::string product = ForTerminal(!n->product_name.empty() ? n->product_name : n->title);
    std::printf("%s %s %s %s %s %s %s\n", Pad(std::string(NoticeSourceName(n->source)), 16).c_str(), Pad(Fit(ForTerminal(n->id), 14), 14).c_str(),
                Pad(date, 10).c_str(), Pad(Fit(ForTerminal(Join(n->brands, ", ")), 18), 18).c_str(), Pad(Fit(product, 32), 32).c_str(),
                // ASINs beside the GTINs ("0+1A"): a number a listing may match too.
                Pad(n->asins.empty() ? std::to_string(n->gtins.size()) : fmt::format("{}+{}A", n->gtins.size(), n->asins.size()), 5).c_str(),
                Fit(hazard, 40).c_str());
  }
  std::printf("%zu notice%s\n", shown.size(), shown.size() == 1 ? "" : "s");
  return kOk;
}


// The notices of a store and a featuriser fitted on them: the notices are
// the stable side, so both directions weigh words the same way.
struct NoticeSide {
  std::vector<Notice> notices;
  std::vector<recalls::MatchRecord> records;
  recalls::PairFeaturizer featurizer;
};

Result<std::unique_ptr<NoticeSide>> LoadNotices(const std::string& db, unsigned threads) {
  auto store = NoticeStore::OpenExisting(db);
  if (!store.ok()) return store.error();
  auto all = store.value().All();
  if (!all.ok()) return all.error();
  auto side = std::make_unique<NoticeSide>();
  side->notices = std::move(all).value();
  if (side->notices.empty())
    return Error(ErrorCode::kInvalidInput, fmt::format("{} holds no notices", db), "import a feed first: conform recalls import");
  for (const auto& n : side->notices) side->records.push_back(recalls::FromNotice(n));
  std::vector<const recalls::Record*> corpus;
  for (const auto& r : side->records) corpus.push_back(&r.record);
  side->featurizer.Fit(corpus, static_cast<int>(threads));
  return side;
}

Result<std::optional<recalls::MatchModel>> LoadModel(const std::string& path) {
  if (path.empty()) return std::optional<recalls::MatchModel>();
  auto model = recalls::MatchModel::Load(path);
  if (!model.ok()) return model.error();
  if (model.value().feature_count() != recalls::PairFeaturizer::FeatureCount())
    return Error(ErrorCode::kInvalidInput,
                 fmt::format("{} scores {} features, this build computes {}", path, model.value().feature_count(),
                             recalls::PairFeaturizer::FeatureCount()),
                 "train it again with conform match-eval DIR --model-out FILE");
  // Listings are matched on every core already; a model predicting on every
  // core as well makes the threads fight (10 to 20 times slower under load).
  if (Status st = model.value().SetThreads(1); !st.ok()) return st.error();
  return std::optional<recalls::MatchModel>(std::move(model).value());
}

// The featuriser computes the model's word evidence feature with the
// model's own learned weights.
void UseModel(NoticeSide* side, const std::optional<recalls::MatchModel>& model) {
  side->featurizer.set_word_evidence(model ? model->word_evidence() : nullptr);
}

// Which of `ids` (source, id) the notice id `given` names: "source:id",
// or the id alone when only one source has it. A CPSC recall number as
// CPSC writes it ("26-647") is the stored one ("26647"). Spaces around
// the id given are no part of it, and ids and source names compare
// without regard to ASCII case ("a12/03648/24", "US-CPSC:26647").
Result<size_t> FindNoticeIn(const std::vector<std::pair<NoticeSource, std::string>>& ids, const std::string& given, const std::string& db) {
  std::string_view trimmed = given;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.remove_prefix(1);
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.remove_suffix(1);
  const std::string wanted = AsciiLower(trimmed);
  // Whether `wanted` from byte `from` on is `id`.
  const auto same = [&wanted](std::string_view id, size_t from = 0) {
    return id.size() == wanted.size() - std::min(from, wanted.size()) && from <= wanted.size() &&
           std::equal(id.begin(), id.end(), wanted.begin() + static_cast<std::ptrdiff_t>(from), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
           });
  };
  // "source:id": source names are written in small letters.
  const auto same_qualified = [&](NoticeSource source, std::string_view id) {
    const std::string_view name = NoticeSourceName(source);
    return wanted.size() > name.size() && wanted.starts_with(name) && wanted[name.size()] == ':' && same(id, name.size() + 1);
  };
  const std::string cpsc_prefix = std::string(NoticeSourceName(NoticeSource::kUsCpsc)) + ":";
  std::string cpsc_number = wanted.starts_with(cpsc_prefix) ? wanted.substr(cpsc_prefix.size()) : wanted;
  cpsc_number.erase(std::remove(cpsc_number.begin(), cpsc_number.end(), '-'), cpsc_number.end());
  std::vector<size_t> hits;
  for (size_t i = 0; i < ids.size(); ++i) {
    const auto& [source, id] = ids[i];
    if (same_qualified(source, id) || same(id) || (source == NoticeSource::kUsCpsc && id == cpsc_number))
      hits.push_back(i);
  }
  if (hits.empty())
    return Error(ErrorCode::kNotFound, fmt::format("notice '{}' is not in {}", given, db), "conform recalls list shows the ids");
  if (hits.size() > 1) return Error(ErrorCode::kInvalidInput, fmt::format("notice id '{}' is in several sources", given), "write it as source:id");
  return hits[0];
}

// The same among the loaded notices: their index.
Result<size_t> FindNotice(const NoticeSide& n, const std::string& given, const std::string& db) {
  std::vector<std::pair<NoticeSource, std::string>> ids;
  ids.reserve(n.notices.size());
  for (const Notice& notice : n.notices) ids.emplace_back(notice.source, notice.id);
  return FindNoticeIn(ids, given, db);
}

// The matcher's settings from the command line; `brands` and `kinds` must
// outlive them.
recalls::RecallMatcherOptions MatcherOptions(const Args& args, const recalls::BrandAliases& brands, const recalls::ProductKinds& kinds) {
  recalls::RecallMatcherOptions options;
  options.takedown_at = args.takedown_at;
  options.max_block = args.max_block;
  options.brands = &brands;
  options.kinds = &kinds;
  options.threads = static_cast<int>(args.threads);
  return options;
}

// A reader of a listings file in the format its extension says (.jsonl,
// .json, .ndjson or none: JSON Lines; .csv: CSV), for recall matching: a
// listing needs its listing_id and title, not the seller and markets
// screening needs.
// `format` ("jsonl", "csv") overrides the extension: standard input ("-")
// and pipes have none.
Result<std::unique_ptr<ListingReader>> OpenListings(const std::string& path, const std::string& format_name) {
  const std::string ext = std::filesystem::path(path).extension().string();
  auto format = ListingFormatFromName(!format_name.empty() ? format_name : ext.empty() ? "jsonl" : ext.substr(1));
  if (!format.ok())
    return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("cannot tell the listings' format from the extension '{}'", ext),
                                                       "name the file .jsonl (JSON Lines) or .csv, or give --format jsonl or --format csv"}});
  return ListingReader::Open(path, format.value(), ListingUse::kRecallMatching);
}

void ReportSkipped(const Diagnostic& problem, size_t* skipped) {
  cli::PrintNote("skipped: " + problem.ToString());
  ++*skipped;
}

// A listings file read a batch at a time, each batch parsed on every core:
// memory stays bounded whatever the file's size. A batch holds kBatch
// records or kBatchBytes of them, whichever comes first, and a slot that
// held a large record gives its memory back, so that large records (up to
// the reader's 1 MiB) cost no more than small ones. Records that could not
// be read or parsed are reported, in the file's order, as the batch that
// holds them is read, and counted in skipped().
class ListingBatches {
 public:
  static constexpr size_t kBatch = 8192;
  static constexpr size_t kBatchBytes = size_t{32} << 20;

  ListingBatches(std::unique_ptr<ListingReader> reader, std::string path, unsigned threads)
      : reader_(std::move(reader)), path_(std::move(path)), threads_(threads), slots_(kBatch) {}

  // Reads and parses the next batch; false at the end of the file.
  bool Next() {
    for (size_t i = 0; i < filled_; ++i)
      if (SlotBytes(slots_[i]) > kLargeSlot) slots_[i] = Slot();
    filled_ = 0;
    size_t bytes = 0;
    while (!end_ && filled_ < slots_.size() && bytes < kBatchBytes) {
      Slot& s = slots_[filled_];
      s.state = reader_->ReadPending(&s.pending, &s.problem);
      if (s.state == ListingReader::Next::kEnd) {
        end_ = true;
      } else {
        bytes += SlotBytes(s);
        ++filled_;
      }
    }
    ParallelFor(filled_, threads_, [&](size_t i) {
      Slot& s = slots_[i];
      if (s.state == ListingReader::Next::kListing) s.state = ListingReader::Finish(&s.pending, path_, &s.listing, &s.problem, ListingUse::kRecallMatching);
    });
    for (size_t i = 0; i < filled_; ++i)
      if (slots_[i].state != ListingReader::Next::kListing) ReportSkipped(slots_[i].problem, &skipped_);
    return filled_ > 0;
  }
  // The batch's records, in the file's order; listing(i) is null for one
  // that was skipped.
  size_t size() const { return filled_; }
  const Listing* listing(size_t i) const { return slots_[i].state == ListingReader::Next::kListing ? &slots_[i].listing : nullptr; }
  size_t skipped() const { return skipped_; }

 private:
  struct Slot {
    ListingReader::Pending pending;
    ListingReader::Next state = ListingReader::Next::kListing;  // kBadRecord: `problem` says why
    Listing listing;
    Diagnostic problem;
  };
  // What a slot holds, roughly: its record's text, read and parsed.
  static constexpr size_t kLargeSlot = size_t{16} << 10;
  static size_t SlotBytes(const Slot& s) {
    const auto text = [](const Listing& l) {
      size_t n = l.title.capacity() + l.description.capacity() + l.brand.capacity() + l.model.capacity();
      for (const auto& [k, v] : l.attributes) n += k.capacity() + v.capacity();
      for (const auto& f : l.ignored_fields) n += f.capacity();
      return n;
    };
    return s.pending.raw.capacity() + text(s.pending.listing) + text(s.listing);
  }
  std::unique_ptr<ListingReader> reader_;
  std::string path_;
  unsigned threads_;
  std::vector<Slot> slots_;
  size_t filled_ = 0, skipped_ = 0;
  bool end_ = false;
};

std::string MatchJson(const Listing& listing, const Notice& notice, const recalls::RecallMatch& m) {
  nlohmann::json j;
  j["listing_id"] = listing.listing_id;
  // The record's line in the file read (none from a listing index): a
  // listing_id given twice is told apart by it.
  if (listing.line > 0) j["line"] = listing.line;
  j["notice"] = fmt::format("{}:{}", NoticeSourceName(notice.source), notice.id);
  j["action"] = std::string(recalls::RecallActionName(m.action));
  if (!std::isnan(m.probability)) j["probability"] = std::round(m.probability * 1000) / 1000;
  j["evidence"] = m.evidence;
  j["product"] = notice.product_name.empty() ? notice.title : notice.product_name;
  // Safety Gate's product is the kind ("Perfume"): the brand tells nine
  // perfume alerts apart, and the batches say what the recall is limited to.
  if (!notice.brands.empty()) j["notice_brands"] = notice.brands;
  if (!notice.batch_numbers.empty()) j["notice_batches"] = notice.batch_numbers;
  if (!notice.hazard_types.empty()) j["hazard"] = notice.hazard_types;
  // CPSC names the hazard in a sentence, not a type.
  if (!notice.hazard_description.empty()) j["hazard_description"] = notice.hazard_description;
  if (notice.published) j["published"] = notice.published->ToString();
  if (notice.updated) j["updated"] = notice.updated->ToString();
  if (!notice.url.empty()) j["url"] = notice.url;
  return j.dump();
}

// conform recalls match LISTINGS: every listing against every stored notice,
// the matches written in the file's order.
int RunMatch(const Args& args) {
  auto reader = OpenListings(args.listings, args.listings_format);
  if (!reader.ok()) return Report(reader.error());
  auto side = LoadNotices(args.db, args.threads);
  if (!side.ok()) return Report(side.error());
  auto model = LoadModel(args.model);
  if (!model.ok()) return Report(model.error());
  UseModel(side.value().get(), model.value());
  auto brands = recalls::BrandAliases::LoadDefault();
  if (!brands.ok()) return Report(brands.error());
  auto kinds = recalls::ProductKinds::LoadDefault();
  if (!kinds.ok()) return Report(kinds.error());
  const recalls::RecallMatcherOptions options = MatcherOptions(args, brands.value(), *kinds.value());
  const NoticeSide& n = *side.value();
  const recalls::RecallIndex index(n.records, /*indexed_are_notices=*/true, &n.featurizer,
                                   model.value() ? &*model.value() : nullptr, options);
  // A batch is read and parsed, matched on every core, and its matches
  // written in the file's order before the next is read.
  ListingBatches batches(std::move(reader).value(), args.listings, args.threads);
  std::vector<std::vector<recalls::RecallMatch>> found(ListingBatches::kBatch);
  size_t listings = 0, takedown = 0, review = 0, matched = 0;
  cli::RepeatedListingIds ids;
  while (batches.Next()) {
    for (size_t i = 0; i < batches.size(); ++i)
      if (const Listing* l = batches.listing(i)) ids.Add(l->listing_id, l->line);
    ParallelFor(batches.size(), args.threads, [&](size_t i) {
      const Listing* l = batches.listing(i);
      found[i] = l ? index.Match(recalls::FromListing(*l)) : std::vector<recalls::RecallMatch>();
    });
    for (size_t i = 0; i < batches.size(); ++i) {
      if (batches.listing(i) == nullptr) continue;
      ++listings;
      matched += found[i].empty() ? 0 : 1;
      for (const auto& m : found[i]) {
        (m.action == recalls::RecallAction::kTakedown ? takedown : review) += 1;
        std::printf("%s\n", MatchJson(*batches.listing(i), n.notices[m.indexed], m).c_str());
      }
    }
  }
  const size_t skipped = batches.skipped();
  ids.Warn(args.listings, "each is matched, and its matches give its line");
  // Matches are listing and notice pairs: a listing may match several notices.
  std::fprintf(stderr, "conform: %s against %s: %zu takedown, %zu review (matches) on %s; %s scored%s\n", cli::Counted(listings, "listing").c_str(),
               cli::Counted(n.notices.size(), "notice").c_str(), takedown, review, cli::Counted(matched, "listing").c_str(),
               cli::Counted(index.candidates_scored(), "candidate pair").c_str(),
               model.value() ? "" : " (no --model: GTIN, brand + model code and brand + product name evidence only)");
  if (listings == 0 && skipped > 0) return Report(EveryRecordSkipped(args.listings, skipped, "fix the records (doc/listing-format.md) and match again"));
  // An empty export would read as "no listing sells a recalled product".
  if (listings == 0)
    return Report(cli::NoListings(args.listings, "matches nothing"));
  return skipped > 0 ? kSkipped : kOk;
}

double Millis(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

// The key scheme a listing index is built under: how BlockingKeys works and
// the brand table it canonicalises with.
// "record:2": the stored listings keep a gtin field that holds several
// GTINs or an ASIN; indexes of the first form lost it, and are rebuilt.
std::string IndexKeyScheme(const recalls::BrandAliases& brands) {
  return fmt::format("{}+brands:{}+record:2", recalls::kBlockingKeyScheme, brands.Fingerprint());
}

// conform recalls index LISTINGS --index FILE [--replace]: keeps the live
// listings and their blocking keys, so that a new notice is answered
// without reading every listing.
int RunIndex(const Args& args) {
  auto reader = OpenListings(args.listings, args.listings_format);
  if (!reader.ok()) return Report(reader.error());
  auto brands = recalls::BrandAliases::LoadDefault();
  if (!brands.ok()) return Report(brands.error());
  const auto start = std::chrono::steady_clock::now();
  // A file made here is taken away again when nothing is written to it
  // (and one that cannot be looked at is taken to exist, and kept).
  std::error_code exists_error;
  const bool index_existed = std::filesystem::exists(args.index, exists_error) || exists_error;
  auto opened = ListingIndex::Open(args.index, IndexKeyScheme(brands.value()));
  if (!opened.ok()) return Report(opened.error());
  std::optional<ListingIndex> index(std::move(opened).value());
  auto writer = index->BeginPut(args.replace);
  if (!writer.ok()) return Report(writer.error());
  const auto fail = [&](const Error& error) {
    writer.value().Abandon();
    if (!index_existed) {
      index.reset();  // closed before its file goes
      std::filesystem::remove(args.index, exists_error);
    }
    return Report(error);
  };
  // Keys need codes, brands and title words only: no IDF weights, so the
  // featuriser is not fitted. Each batch is written inside the one
  // transaction as soon as it is keyed: memory holds a batch, not the file.
  const recalls::PairFeaturizer featurizer;
  ListingBatches batches(std::move(reader).value(), args.listings, args.threads);
  size_t given = 0;
  std::vector<IndexedListing> batch, entries;
  while (batches.Next()) {
    // Refused in the end (below): the rest of the file is only read, so
    // that every record that cannot be read is reported.
    if (args.replace && batches.skipped() > 0) continue;
    batch.assign(batches.size(), IndexedListing{});
    ParallelFor(batch.size(), args.threads, [&](size_t i) {
      const Listing* l = batches.listing(i);
      if (l == nullptr) return;
      // The description is read once, for the keys and for what is kept.
      const recalls::StatedIdentifiers described = recalls::ReadStatedIdentifiers(*l);
      const recalls::MatchRecord record = recalls::FromListing(*l, described);
      batch[i].listing.listing_id = l->listing_id;
      batch[i].listing.title = l->title;
      batch[i].listing.brand = l->brand;
      batch[i].listing.model = recalls::ListingModel(*l);
      batch[i].listing.category = l->category;
      // An ASIN the reader set aside from the GTIN field is kept there too.
      batch[i].listing.gtin = l->gtin.empty() && !record.asins.empty() ? record.asins[0] : l->gtin;
      // And a field of several GTINs as written, which the matcher reads.
      batch[i].listing.gtin_unreadable = l->gtin_unreadable;
      // Of the description and the documents, only what matching reads.
      batch[i].listing.description = recalls::IndexedDescription(*l, described);
      batch[i].keys = recalls::BlockingKeys(record, featurizer.Prepare(record.record, /*with_vectors=*/false), &brands.value());
    });
    entries.clear();
    for (size_t i = 0; i < batch.size(); ++i)
      if (batches.listing(i) != nullptr) entries.push_back(std::move(batch[i]));
    given += entries.size();
    if (Status st = writer.value().Add(entries); !st.ok()) return fail(st.error());
  }
  const size_t skipped = batches.skipped();
  // --replace takes the file for the whole live set: a listing whose line
  // could not be read would be removed as if delisted, and stop being found
  // by the notices that hit it.
  if (args.replace && skipped > 0)
    return fail(Error(ErrorCode::kInvalidInput,
                      {Diagnostic{args.listings, 0, 0,
                                  fmt::format("{} record{} could not be read; with --replace the listings they hold would be removed from the index", skipped,
                                              skipped == 1 ? "" : "s"),
                                  "the index was not changed: fix the records reported above and run again, or run without --replace to add and update the rest"}}));
  if (given == 0 && skipped > 0)
    return fail(EveryRecordSkipped(args.listings, skipped, "the index was not changed: fix the records (doc/listing-format.md) and index again"));
  if (args.replace && given == 0)
    return fail(Error(ErrorCode::kInvalidInput, {Diagnostic{args.listings, 0, 0, "holds no listings; with --replace every listing would be removed from the index",
                                                            "the index was not changed: check the file; to start an index afresh, delete its file"}}));
  if (given == 0)
    return fail(cli::NoListings(args.listings, "indexes nothing; the index was not changed"));
  auto counts = writer.value().Commit();
  if (!counts.ok()) return fail(counts.error());
  const IndexCounts& c = counts.value();
  if (c.repeated > 0)
    cli::PrintNote(fmt::format("warning: {}: {} listing{} replaced by a later one with the same listing_id ({}{}); the index keeps the last of "
                               "each, while recalls match judges every one: give each listing its own id",
                               args.listings, c.repeated, c.repeated == 1 ? " was" : "s were", Join(c.repeated_ids, ", "),
                               c.repeated_ids.size() == IndexCounts::kRepeatedIdsShown ? ", ..." : ""));
  std::printf("%s: %zu new, %zu updated, %zu unchanged, %zu removed, %zu skipped (%s, %.1f s)\n", args.listings.c_str(), c.added, c.updated,
              c.unchanged, c.removed, skipped, args.index.c_str(), Millis(start) / 1000);
  return skipped > 0 || c.repeated > 0 ? kSkipped : kOk;
}

// A notice's matches, each with the listing it was found on.
using AffectedListings = std::vector<std::pair<const Listing*, recalls::RecallMatch>>;

// Prints a notice's matches, takedowns first, each action's most probable
// first, as RecallIndex::Match orders them (ties in the order found);
// returns how many.
size_t PrintAffected(const Notice& notice, AffectedListings found) {
  const auto probability = [](const recalls::RecallMatch& m) { return std::isnan(m.probability) ? 0.0 : m.probability; };
  std::stable_sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
    if (a.second.action != b.second.action) return a.second.action > b.second.action;
    return probability(a.second) > probability(b.second);
  });
  for (const auto& [listing, m] : found) std::printf("%s\n", MatchJson(*listing, notice, m).c_str());
  return found.size();
}

// recalls affected: the listings that hold any key the notices' index
// blocks on for notice `notice` are each judged against it by that index
// (MatchWith): the answer recalls match gives for the same pairs, a key's
// holders and the codes shared too widely being counted over the notices
// in both directions.
size_t JudgeAffected(const recalls::RecallIndex& notices, const NoticeSide& n, size_t notice, const std::vector<const Listing*>& holders) {
  AffectedListings found;
  for (const Listing* listing : holders)
    for (auto& m : notices.MatchWith(recalls::FromListing(*listing), notice)) found.emplace_back(listing, std::move(m));
  return PrintAffected(n.notices[notice], std::move(found));
}

// The keys of notice `notice` the notices' index blocks on.
std::vector<std::string> UsableKeys(const recalls::RecallIndex& notices, const NoticeSide& n, size_t notice, const recalls::BrandAliases& brands) {
  std::vector<std::string> usable;
  for (auto& key : recalls::BlockingKeys(n.records[notice], n.featurizer.Prepare(n.records[notice].record, /*with_vectors=*/false), &brands))
    if (notices.KeyUsable(key)) usable.push_back(std::move(key));
  return usable;
}

// recalls affected --index: each notice's candidates are the stored
// listings holding its usable keys, all of them.
int AffectedFromIndex(const ListingIndex& index, const recalls::RecallIndex& notices, const NoticeSide& n, const std::vector<size_t>& asked,
                      const recalls::BrandAliases& brands) {
  auto held = index.Count();
  if (!held.ok()) return Report(held.error());
  if (held.value() == 0) std::fprintf(stderr, "conform: warning: the listing index holds no listings: nothing can be affected\n");
  for (size_t i : asked) {
    const auto start = std::chrono::steady_clock::now();
    auto found = index.Candidates(UsableKeys(notices, n, i, brands), [](std::string_view) { return SIZE_MAX; });
    if (!found.ok()) return Report(found.error());
    std::vector<const Listing*> holders;
    for (const auto& c : found.value().listings) holders.push_back(&c.listing);
    const size_t affected = JudgeAffected(notices, n, i, holders);
    cli::PrintNote(fmt::format("{}: {} affected listing{} of {} ({}), found in {:.2f} ms", n.records[i].id, affected, affected == 1 ? "" : "s", held.value(),
                               cli::Counted(holders.size(), "candidate"), Millis(start)));
  }
  return kOk;
}

// recalls affected --listings: the file is read a batch at a time, as
// recalls match reads it, its first batch already read. Each listing whose
// blocking keys meet a usable key of an asked notice is judged against that
// notice: the candidates the file's own index would give, without holding
// the file. Memory holds a batch and the matched listings.
int AffectedFromFile(ListingBatches* batches, const Args& args, const recalls::RecallIndex& notices, const NoticeSide& n,
                     const std::vector<size_t>& asked, const recalls::BrandAliases& brands) {
  const auto start = std::chrono::steady_clock::now();
  // Each usable key, and the asked notices (their places in `asked`) that
  // block on it.
  std::unordered_map<std::string, std::vector<uint32_t>> asked_by_key;
  for (size_t a = 0; a < asked.size(); ++a)
    for (auto& key : UsableKeys(notices, n, asked[a], brands)) {
      auto& by = asked_by_key[std::move(key)];
      if (by.empty() || by.back() != a) by.push_back(static_cast<uint32_t>(a));
    }
  struct Judged {
    std::vector<uint32_t> candidate_of;                              // the places of the asked notices it is a candidate of
    std::vector<std::pair<uint32_t, recalls::RecallMatch>> matches;  // the asked notice's place, the match
  };
  std::vector<Judged> judged(ListingBatches::kBatch);
  std::deque<Listing> matched;  // the listings that match, in the file's order: their addresses stay
  std::vector<AffectedListings> found(asked.size());
  std::vector<size_t> candidates(asked.size());
  size_t listings = 0;
  cli::RepeatedListingIds ids;
  do {
    ParallelFor(batches->size(), args.threads, [&](size_t i) {
      Judged& j = judged[i];
      j.candidate_of.clear();
      j.matches.clear();
      const Listing* l = batches->listing(i);
      if (l == nullptr) return;
      const recalls::MatchRecord r = recalls::FromListing(*l);
      std::vector<uint32_t>& hit = j.candidate_of;
      for (const auto& key : recalls::BlockingKeys(r, n.featurizer.Prepare(r.record, /*with_vectors=*/false), &brands))
        if (const auto it = asked_by_key.find(key); it != asked_by_key.end()) hit.insert(hit.end(), it->second.begin(), it->second.end());
      std::sort(hit.begin(), hit.end());
      hit.erase(std::unique(hit.begin(), hit.end()), hit.end());
      for (uint32_t a : hit)
        for (auto& m : notices.MatchWith(r, asked[a])) j.matches.emplace_back(a, std::move(m));
    });
    for (size_t i = 0; i < batches->size(); ++i) {
      const Listing* l = batches->listing(i);
      if (l == nullptr) continue;
      ++listings;
      ids.Add(l->listing_id, l->line);
      const Judged& j = judged[i];
      for (uint32_t a : j.candidate_of) ++candidates[a];
      const Listing* kept = nullptr;
      for (const auto& [a, m] : j.matches) {
        if (kept == nullptr) kept = &matched.emplace_back(*l);
        found[a].emplace_back(kept, m);
      }
    }
  } while (batches->Next());
  const size_t skipped = batches->skipped();
  ids.Warn(args.listings, "each is judged, and its matches give its line (a listing index keeps the last)");
  for (size_t a = 0; a < asked.size(); ++a) {
    const size_t affected = PrintAffected(n.notices[asked[a]], std::move(found[a]));
    cli::PrintNote(fmt::format("{}: {} affected listing{} of {} ({})", n.records[asked[a]].id, affected, affected == 1 ? "" : "s", listings,
                               cli::Counted(candidates[a], "candidate")));
  }
  std::fprintf(stderr, "conform: %s read and judged in %.0f ms (keep them with conform recalls index, and ask it with --index)\n",
               cli::Counted(listings, "listing").c_str(), Millis(start));
  return skipped > 0 ? kSkipped : kOk;
}

// conform recalls affected ID... --listings FILE | --index FILE: the live listings a notice hits.
int RunAffected(const Args& args) {
  // Everything the answer needs is opened and checked before a new feed is
  // stored, so a mistyped --index, --listings or --model changes nothing.
  auto model = LoadModel(args.model);
  if (!model.ok()) return Report(model.error());
  auto brands = recalls::BrandAliases::LoadDefault();
  if (!brands.ok()) return Report(brands.error());
  auto kinds = recalls::ProductKinds::LoadDefault();
  if (!kinds.ok()) return Report(kinds.error());
  std::optional<ListingIndex> listing_index;
  std::optional<ListingBatches> batches;
  size_t skipped = 0;
  if (!args.index.empty()) {
    auto opened = ListingIndex::OpenExisting(args.index, IndexKeyScheme(brands.value()));
    if (!opened.ok()) return Report(opened.error());
    listing_index.emplace(std::move(opened).value());
  } else {
    // The file is read a batch at a time (below); here only up to its first
    // listing, so that a file without any is refused before a feed is
    // stored.
    auto reader = OpenListings(args.listings, args.listings_format);
    if (!reader.ok()) return Report(reader.error());
    batches.emplace(std::move(reader).value(), args.listings, args.threads);
    bool any = false;
    while (!any && batches->Next())
      for (size_t i = 0; i < batches->size() && !any; ++i) any = batches->listing(i) != nullptr;
    if (!any && batches->skipped() > 0)
      return Report(EveryRecordSkipped(args.listings, batches->skipped(), "fix the records (doc/listing-format.md), or ask a listing index with --index"));
    // As for recalls match: an empty export would read as "no live listing
    // is affected", and a feed given with --feed is not stored.
    if (!any)
      return Report(cli::NoListings(args.listings, "is affected by nothing"));
  }

  // A feed that has just arrived is stored first (one transaction, as
  // `recalls import`, with its skipped records and warnings reported the
  // same way); then each of its notices is asked for.
  std::vector<std::string> wanted_ids = args.notice_ids;
  if (!args.feed.empty()) {
    if (args.source.empty()) return Report(Error(ErrorCode::kInvalidInput, "--feed needs --source: whose feed it is"));
    auto source = ParseNoticeSource(args.source);
    if (!source.ok()) return Report(source.error());
    auto text = ReadFileText(args.feed);
    if (!text.ok()) return Report(text.error());
    auto feed = ImportFeed(source.value(), text.value());
    if (!feed.ok()) {
      std::vector<Diagnostic> d = feed.error().diagnostics();
      for (auto& x : d) x.file = args.feed;
      return Report(Error(feed.error().code(), std::move(d)));
    }
    for (const auto& p : feed.value().problems) cli::PrintNote(fmt::format("{}: {}", args.feed, p.ToString()));
    if (feed.value().notices.empty() && feed.value().skipped() > 0)
      return Report(EveryRecordSkipped(args.feed, feed.value().skipped(),
                                       fmt::format("nothing was stored: fix the records, or check that the file is a feed of {}", args.source)));
    skipped += feed.value().skipped();
    // The notices asked by id are checked too, in the store and the feed
    // together, before the feed is stored: a mistyped id changes nothing
    // (nor makes a store that was not there).
    if (!args.notice_ids.empty()) {
      std::vector<std::pair<NoticeSource, std::string>> known;
      std::error_code exists_error;
      if (std::filesystem::exists(args.db, exists_error)) {
        auto existing = NoticeStore::OpenExisting(args.db);
        if (!existing.ok()) return Report(existing.error());
        auto ids = existing.value().Ids();
        if (!ids.ok()) return Report(ids.error());
        known = std::move(ids).value();
      }
      for (const Notice& notice : feed.value().notices) known.emplace_back(notice.source, notice.id);
      std::sort(known.begin(), known.end());
      known.erase(std::unique(known.begin(), known.end()), known.end());
      for (const std::string& wanted : args.notice_ids)
        if (auto at = FindNoticeIn(known, wanted, args.db); !at.ok()) return Report(at.error());
    }
    auto store = NoticeStore::Open(args.db);
    if (!store.ok()) return Report(store.error());
    auto counts = store.value().Import(feed.value());
    if (!counts.ok()) return Report(counts.error());
    const ImportCounts& c = counts.value();
    for (const auto& m : c.kept_newer) cli::PrintNote(m);
    std::fprintf(stderr,
                 "conform: %s: %zu new, %zu updated, %zu unchanged, %zu skipped, %zu older than stored, %zu less complete than stored, "
                 "%s of stored (stored in %s)\n",
                 args.feed.c_str(), c.added, c.updated, c.unchanged, c.skipped, c.older, c.less_complete,
                 cli::Counted(c.other_language, "translation").c_str(), args.db.c_str());
    for (const Notice& notice : feed.value().notices) wanted_ids.push_back(fmt::format("{}:{}", NoticeSourceName(notice.source), notice.id));
  }
  auto side = LoadNotices(args.db, args.threads);
  if (!side.ok()) return Report(side.error());
  UseModel(side.value().get(), model.value());
  const NoticeSide& n = *side.value();
  std::vector<size_t> asked;
  for (const std::string& wanted : wanted_ids) {
    auto at = FindNotice(n, wanted, args.db);
    if (!at.ok()) return Report(at.error());
    // A notice named twice is answered once.
    if (std::find(asked.begin(), asked.end(), at.value()) == asked.end()) asked.push_back(at.value());
  }
  const recalls::RecallMatcherOptions options = MatcherOptions(args, brands.value(), *kinds.value());
  const recalls::MatchModel* pair_model = model.value() ? &*model.value() : nullptr;
  // Every notice is indexed, as for recalls match and explain.
  const recalls::RecallIndex notices(n.records, /*indexed_are_notices=*/true, &n.featurizer, pair_model, options);
  if (listing_index) {
    const int rc = AffectedFromIndex(*listing_index, notices, n, asked, brands.value());
    return rc == kOk && skipped > 0 ? kSkipped : rc;
  }

  const int rc = AffectedFromFile(&*batches, args, notices, n, asked, brands.value());
  return rc == kOk && skipped > 0 ? kSkipped : rc;
}

// conform recalls explain NOTICE LISTING --db DB --listings FILE: how the
// matcher judges one pair, matched or not, with the rule that decided.
int RunExplain(const Args& args) {
  auto side = LoadNotices(args.db, args.threads);
  if (!side.ok()) return Report(side.error());
  auto model = LoadModel(args.model);
  if (!model.ok()) return Report(model.error());
  UseModel(side.value().get(), model.value());
  const NoticeSide& n = *side.value();
  auto at = FindNotice(n, args.notice_id, args.db);
  if (!at.ok()) return Report(at.error());
  // The whole file is read, keeping only the listings with that id: one
  // given twice is explained twice, as recalls match judges each.
  auto reader = OpenListings(args.listings, args.listings_format);
  if (!reader.ok()) return Report(reader.error());
  size_t skipped = 0;
  std::vector<Listing> listings;
  Listing read;
  Diagnostic problem;
  while (true) {
    const auto next = reader.value()->Read(&read, &problem);
    if (next == ListingReader::Next::kEnd) break;
    if (next == ListingReader::Next::kBadRecord) ReportSkipped(problem, &skipped);
    else if (read.listing_id == args.listing_id) listings.push_back(std::move(read));
  }
  if (listings.empty())
    return Report(Error(ErrorCode::kNotFound,
                        skipped == 0 ? fmt::format("listing {} is not in {}", args.listing_id, args.listings)
                                     : fmt::format("listing {} is not among the readable listings of {} ({} record{} skipped, reported above)",
                                                   args.listing_id, args.listings, skipped, skipped == 1 ? " was" : "s were"),
                        skipped == 0 ? "give the listing_id of a listing in the file" : "fix the skipped records, or give another listing_id"));
  if (listings.size() > 1) {
    std::vector<std::string> lines;
    for (const Listing& l : listings) lines.push_back(std::to_string(l.line));
    cli::PrintNote(fmt::format("warning: {}: listing {} is given {} times (lines {}): each is explained, in that order; recalls index keeps the "
                               "last",
                               args.listings, args.listing_id, listings.size(), Join(lines, ", ")));
  }
  auto brands = recalls::BrandAliases::LoadDefault();
  if (!brands.ok()) return Report(brands.error());
  auto kinds = recalls::ProductKinds::LoadDefault();
  if (!kinds.ok()) return Report(kinds.error());
  // Every notice is indexed, as for recalls match: whether a code is shared
  // too widely to identify anything depends on them all.
  const recalls::RecallIndex index(n.records, /*indexed_are_notices=*/true, &n.featurizer,
                                   model.value() ? &*model.value() : nullptr, MatcherOptions(args, brands.value(), *kinds.value()));
  for (const Listing& listing : listings) {
    const recalls::MatchRecord query = recalls::FromListing(listing);
    const auto judged = index.Explain(query);
    const auto it = std::find_if(judged.begin(), judged.end(), [&](const recalls::RecallMatch& m) { return m.indexed == at.value(); });
    if (it != judged.end()) {
      std::printf("%s\n", MatchJson(listing, n.notices[at.value()], *it).c_str());
      continue;
    }
    // Blocking never paired them: say what each side could be paired by.
    const auto keys_of = [&](const recalls::MatchRecord& r) {
      const auto keys = recalls::BlockingKeys(r, n.featurizer.Prepare(r.record, /*with_vectors=*/false), &brands.value());
      return keys.empty() ? std::string("none") : Join(keys, ", ");
    };
    recalls::RecallMatch none;
    none.indexed = at.value();
    none.evidence = {fmt::format("not a candidate: no GTIN, ASIN, model code or stem, nor a brand with a title word in common "
                                 "(the notice's keys: {}; the listing's: {})",
                                 keys_of(n.records[at.value()]), keys_of(query))};
    std::printf("%s\n", MatchJson(listing, n.notices[at.value()], none).c_str());
  }
  return skipped > 0 ? kSkipped : kOk;
}
}  // namespace

void AddRecallsCommands(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<Args>();
  std::vector<std::string> sources;
  for (NoticeSource s : AllNoticeSources()) sources.emplace_back(NoticeSourceName(s));

  auto* recalls = app.add_subcommand("recalls", "Recall and alert notices: import regulators' feeds, list what is stored");
  recalls->require_subcommand(1);

  auto* import = recalls->add_subcommand("import", "Import feed files into a notice store: exit 0 all imported, 1 some records skipped, 2 bad input");
  import->add_option("--source", args->source, "Whose feed the files are")->required()->check(CLI::IsMember(sources));
  import->add_option("files", args->files, "Feed files (JSON)")->required();
  import->add_option("--db", args->db, "Notice store (SQLite file; created if missing)")->required();
  import->add_flag("-q,--quiet", args->quiet, "Print skipped records only, not warnings");
  import->add_flag("--corrections", args->corrections,
                   "The files correct stored notices: a version that leaves out what the stored one has (a wrong GTIN taken out) "
                   "replaces it, rather than being kept out as a thinner form; an older dated version still does not");
  import->callback([args, exit_code] { *exit_code = RunImport(*args); });

  auto* list = recalls->add_subcommand("list", "List the notices in a store");
  list->add_option("--db", args->db, "Notice store (SQLite file)")->required();
  list->add_option("--source", args->source, "Only this source's notices")->check(CLI::IsMember(sources));
  list->add_option("--since", args->since, "Only notices published or updated on or after this date, YYYY-MM-DD (DATE shows the publication date, or the last update where the feed gives no publication date)");
  list->add_option("-f,--format", args->format, "Output format")->check(CLI::IsMember({"table", "json"}));
  list->add_flag("--raw", args->raw, "With --format json: include each feed record (as compact JSON, keys sorted)");
  list->callback([args, exit_code] { *exit_code = RunList(*args); });

  auto* match = recalls->add_subcommand("match", "Match listings against every stored notice: one JSON line per match (takedown or review); exit 0 every listing read, 1 some records skipped, 2 bad input");
  match->add_option("listings", args->listings, "Listings file (JSON Lines or CSV; - for standard input)")->required();
  match->add_option("--format", args->listings_format, "Listings format (default: from the file extension; JSON Lines for -, a pipe or a file without one)")
      ->check(CLI::IsMember({"jsonl", "json", "ndjson", "csv"}));
  match->add_option("--db", args->db, "Notice store (SQLite file)")->required();
  auto* match_model = match->add_option("--model", args->model, "Pair model from conform match-eval --model-out (without: GTIN and model-code evidence only)");
  match->add_option("--takedown-at", args->takedown_at, "Match probability a listing whose model code and brand agree with the notice needs for a takedown (below: review)")->check(CLI::Range(0.0, 1.0))->needs(match_model);
  match->add_option("--max-block", args->max_block, "Skip brand-word blocks larger than this")->check(CLI::Range(1, 1000000000));
  match->add_option("--threads", args->threads, "Worker threads (default: one per core)")->check(CLI::Range(0, 1024));
  match->callback([args, exit_code] { *exit_code = RunMatch(*args); });

  auto* index = recalls->add_subcommand("index", "Keep the live listings and their blocking keys for conform recalls affected --index: exit 0 all kept, "
                                                  "1 some records skipped or replaced by a later one with the same listing_id, 2 bad input");
  index->add_option("listings", args->listings, "Live listings (JSON Lines or CSV; - for standard input)")->required();
  index->add_option("--format", args->listings_format, "Listings format (default: from the file extension; JSON Lines for -, a pipe or a file without one)")
      ->check(CLI::IsMember({"jsonl", "json", "ndjson", "csv"}));
  index->add_option("--index", args->index, "Listing index (SQLite file; created if missing)")->required();
  index->add_flag("--replace", args->replace, "The file is the whole live set: listings not in it are removed");
  index->add_option("--threads", args->threads, "Worker threads (default: one per core)")->check(CLI::Range(0, 1024));
  index->callback([args, exit_code] { *exit_code = RunIndex(*args); });

  auto* affected = recalls->add_subcommand("affected", "The listings a notice hits: one JSON line per affected listing; exit 0 every listing read, 1 some records of --listings skipped, 2 bad input");
  affected->add_option("notices", args->notice_ids, "Notice ids (source:id, or the id alone)");
  auto* feed = affected->add_option("--feed", args->feed, "A feed file that has just arrived: stored, then each of its notices asked for");
  affected->add_option("--source", args->source, "Whose feed --feed is")->check(CLI::IsMember(sources))->needs(feed);
  affected->add_option("--db", args->db, "Notice store (SQLite file)")->required();
  auto* live = affected->add_option("--listings", args->listings, "Live listings (JSON Lines or CSV; - for standard input), read a batch at a time");
  affected->add_option("--format", args->listings_format, "Listings format (default: from the file extension; JSON Lines for -, a pipe or a file without one)")
      ->needs(live)->check(CLI::IsMember({"jsonl", "json", "ndjson", "csv"}));
  affected->add_option("--index", args->index, "Listing index from conform recalls index (instead of --listings)")->excludes(live);
  auto* affected_model = affected->add_option("--model", args->model, "Pair model from conform match-eval --model-out");
  affected->add_option("--takedown-at", args->takedown_at, "Match probability a listing whose model code and brand agree with the notice needs for a takedown (below: review)")->check(CLI::Range(0.0, 1.0))->needs(affected_model);
  affected->add_option("--max-block", args->max_block, "Skip brand-word blocks larger than this")->check(CLI::Range(1, 1000000000));
  affected->add_option("--threads", args->threads, "Worker threads (default: one per core)")->check(CLI::Range(0, 1024));
  affected->callback([args, exit_code] {
    if (args->notice_ids.empty() && args->feed.empty())
      return void(*exit_code = Report(Error(ErrorCode::kInvalidInput, "name notice ids, or a new feed with --feed FILE --source S")));
    if (args->listings.empty() && args->index.empty())
      return void(*exit_code = Report(Error(ErrorCode::kInvalidInput, "say where the live listings are: --listings FILE or --index FILE")));
    *exit_code = RunAffected(*args);
  });

  auto* explain = recalls->add_subcommand("explain", "How one notice and one listing are judged, matched or not: one JSON line (per record with that listing_id) whose evidence ends with the rule that decided; exit 0, 1 when other records of the file were skipped (one of them may have been meant), 2 bad input or no such notice or listing");
  explain->add_option("notice", args->notice_id, "Notice id (source:id, or the id alone)")->required();
  explain->add_option("listing", args->listing_id, "The listing's listing_id")->required();
  explain->add_option("--db", args->db, "Notice store (SQLite file)")->required();
  explain->add_option("--listings", args->listings, "Listings file (JSON Lines or CSV; - for standard input) holding the listing")->required();
  explain->add_option("--format", args->listings_format, "Listings format (default: from the file extension; JSON Lines for -, a pipe or a file without one)")
      ->check(CLI::IsMember({"jsonl", "json", "ndjson", "csv"}));
  auto* explain_model = explain->add_option("--model", args->model, "Pair model from conform match-eval --model-out");
  explain->add_option("--takedown-at", args->takedown_at, "Match probability a listing whose model code and brand agree with the notice needs for a takedown (below: review)")->check(CLI::Range(0.0, 1.0))->needs(explain_model);
  explain->add_option("--max-block", args->max_block, "Skip brand-word blocks larger than this")->check(CLI::Range(1, 1000000000));
  explain->add_option("--threads", args->threads, "Worker threads for fitting and indexing the notices (default: one per core)")->check(CLI::Range(0, 1024));
  explain->callback([args, exit_code] { *exit_code = RunExplain(*args); });
}

}  // namespace conform::cli
