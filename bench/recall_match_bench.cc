// The recall-matching benchmark (bench/run_recall_bench.sh runs it).
//
//   recall_match_bench run --notices F --listings F --model F [--truth F]
//       [--threads N] [--model-threads 1] [--max-block 2000] [--limit N]
//       [--max-code-block 2000] [--max-code-brands 5] [--takedown-at 0.9]
//       [--review-unidentified-at 0.9]
//       [--export-pairs FILE] [--export-count 100000] [--breakdown N] [--seed 1] [--kinds on|off]
//       [--matches-out FILE] [--show-missed code|gtin|title]
//   recall_match_bench score --notices F --model F --pairs FILE [--chunk 10000] [--show-errors N]
//
// `run` does what `conform recalls match` does, timing each step: loads the
// notices (Notice JSON Lines), maps the listings file (JSON Lines) and
// finds its lines, fits the pair featuriser on the notices, loads the model
// and the brand aliases, builds the RecallIndex over the notices, and
// parses and matches every listing on N threads (default: every core;
// each listing is parsed by the thread that matches it, and none is kept),
// with the model predicting each listing's candidates on --model-threads
// threads (default 1; 0 is XGBoost's default, every core, which is what a
// loaded model starts with). Writing the matches out is not part of it.
// --limit N matches only the first N listings; --matches-out writes every
// match (listing, notice, action, probability, evidence), formatting them
// inside the timed loop.
// With --truth (recall_gen's truth.tsv) it scores the matches found against
// the planted pairs, and says for the planted pairs it missed which rule
// left each out (RecallIndex::Explain) or that blocking never paired them;
// --show-missed MODE prints those of one planting mode, one a line, on
// standard error. After the timed part, and not counted in it:
// --breakdown N times Match() for N random listings on one thread and
// replays its steps with a clock around each (preparing the listing,
// blocking, features, model, the rest); --export-pairs writes the
// candidate pairs of randomly chosen listings (all of each listing's
// candidates, until --export-count pairs) in the Ditto pair form
// (conform/recalls/er_benchmark.h): notice record, tab, listing record,
// tab, 1 when the pair is planted, else 0.
//
// `score` is the pure pair-scoring measurement on one thread: for every pair
// of the file, both records are prepared (normalised, vectorised, codes
// extracted), the features computed, and the model predicts the chunk. It
// is timed twice: once with nothing cached across pairs (the like-for-like
// figure against bench/peer/recall_peer.py) and once with each distinct
// record prepared once, as the matcher does.
//
// Figures go to standard output as "RESULT name value" lines (for the run
// script) after a readable report.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "conform/core/listing.h"
#include "conform/core/result.h"
#include "conform/core/threads.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/er_benchmark.h"
#include "conform/recalls/match_model.h"
#include "conform/recalls/notice.h"
#include "conform/recalls/pair_features.h"
#include "conform/recalls/product_kind.h"
#include "conform/recalls/recall_matcher.h"
#include "conform/screen/listing_reader.h"

namespace {

using namespace conform;
using namespace conform::recalls;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "recall_match_bench: %s\n", message.c_str());
  std::exit(2);
}

void Emit(const char* name, double value) { std::printf("RESULT %s %.6g\n", name, value); }

// The whole file in one read into a string of its size: a stream buffer
// that doubles as it fills copies a large file several times over.
std::string ReadFile(const std::string& path) {
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (in == nullptr) Die("cannot open " + path);
  std::string text;
  if (std::fseek(in, 0, SEEK_END) == 0) {
    const long size = std::ftell(in);
    if (size > 0) text.resize(static_cast<size_t>(size));
    std::rewind(in);
  }
  size_t got = std::fread(text.data(), 1, text.size(), in);
  text.resize(got);
  // Whatever the size said (a file still growing, a pipe), read to the end.
  char buffer[1 << 16];
  while ((got = std::fread(buffer, 1, sizeof buffer, in)) > 0) text.append(buffer, got);
  const bool failed = std::ferror(in) != 0;
  std::fclose(in);
  if (failed) Die("cannot read " + path);
  return text;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
    i = end + 1;
  }
  return lines;
}

struct Options {
  std::string mode;
  std::string notices, listings, model, truth, pairs, export_pairs, matches_out;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  size_t max_block = 2000;
  RecallMatcherOptions matcher;  // run: the decision thresholds and code-key limits
  size_t export_count = 100000;
  size_t breakdown = 0;
  size_t chunk = 10000;
  size_t show_errors = 0;
  std::string show_missed;  // run: print the missed planted pairs of this mode ("code", "gtin", "title")
  size_t limit = 0;        // run: only the first N listings (0: all)
  int model_threads = 1;   // run: threads XGBoost predicts on in each Match call (0: all cores)
  bool kinds = true;       // run: compare product kinds (rule 2b), as `conform recalls match` does
  uint64_t seed = 1;
};

Options ParseOptions(int argc, char** argv) {
  if (argc < 2 || (std::strcmp(argv[1], "run") != 0 && std::strcmp(argv[1], "score") != 0))
    Die("usage: recall_match_bench run --notices F --listings F --model F [--truth F] [--threads N] [--max-block N] "
        "[--model-threads N] [--max-code-block N] [--max-code-brands N] [--takedown-at P] [--review-unidentified-at P] "
        "[--limit N] [--export-pairs FILE] [--export-count N] [--breakdown N] [--seed N] [--matches-out FILE] [--kinds on|off] [--show-missed MODE]\n"
        "       recall_match_bench score --notices F --model F --pairs FILE [--chunk N]");
  Options o;
  o.mode = argv[1];
  for (int i = 2; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) Die(flag + " needs a value");
    const std::string value = argv[i + 1];
    const auto number = [&] {
      char* end = nullptr;
      const unsigned long long v = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0') Die(flag + " takes a number, not " + value);
      return static_cast<size_t>(v);
    };
    if (flag == "--notices") o.notices = value;
    else if (flag == "--listings") o.listings = value;
    else if (flag == "--model") o.model = value;
    else if (flag == "--truth") o.truth = value;
    else if (flag == "--pairs") o.pairs = value;
    else if (flag == "--export-pairs") o.export_pairs = value;
    else if (flag == "--matches-out") o.matches_out = value;
    else if (flag == "--show-missed") o.show_missed = value;
    else if (flag == "--threads") o.threads = static_cast<unsigned>(std::max<size_t>(1, number()));
    else if (flag == "--max-block") o.max_block = number();
    else if (flag == "--max-code-block") o.matcher.max_code_block = number();
    else if (flag == "--max-code-brands") o.matcher.max_code_brands = number();
    else if (flag == "--takedown-at") o.matcher.takedown_at = std::atof(value.c_str());
    else if (flag == "--review-unidentified-at") o.matcher.review_unidentified_at = std::atof(value.c_str());
    else if (flag == "--export-count") o.export_count = number();
    else if (flag == "--kinds") {
      if (value != "on" && value != "off") Die("--kinds takes on or off, not " + value);
      o.kinds = value == "on";
    }
    else if (flag == "--breakdown") o.breakdown = number();
    else if (flag == "--chunk") o.chunk = std::max<size_t>(1, number());
    else if (flag == "--seed") o.seed = number();
    else if (flag == "--show-errors") o.show_errors = number();
    else if (flag == "--limit") o.limit = number();
    else if (flag == "--model-threads") o.model_threads = static_cast<int>(number());
    else Die("unknown option " + flag);
  }
  if (o.notices.empty() || o.model.empty()) Die("--notices and --model are required");
  if (o.mode == "run" && o.listings.empty()) Die("run needs --listings");
  if (o.mode == "score" && o.pairs.empty()) Die("score needs --pairs");
  return o;
}

// One record per line, parsed on `threads` threads; any bad line is fatal.
template <typename T, typename Parse>
std::vector<T> LoadLines(const std::string& path, unsigned threads, const char* what, Parse parse) {
  const std::string text = ReadFile(path);
  const auto lines = Lines(text);
  std::vector<T> out(lines.size());
  std::atomic<size_t> bad{0};
  ParallelFor(lines.size(), threads, [&](size_t i) {
    auto r = parse(lines[i]);
    if (r.ok()) out[i] = std::move(r).value();
    else if (bad++ == 0) std::fprintf(stderr, "recall_match_bench: %s:%zu: %s\n", path.c_str(), i + 1, r.error().ToString().c_str());
  });
  if (bad > 0) Die(fmt::format("{} bad {} in {}", bad.load(), what, path));
  return out;
}

std::vector<Notice> LoadNotices(const std::string& path, unsigned threads) {
  return LoadLines<Notice>(path, threads, "notices", [](std::string_view line) { return NoticeFromJson(line); });
}

// The listings file kept as text, a listing parsed where it is needed:
// matching parses each on the thread that matches it, as a streaming
// reader would, so that a million listings never sit in memory as objects
// (gigabytes, and on some hosts seconds of first-touch page faults).
struct ListingFile {
  ListingFile() = default;
  ListingFile(const ListingFile&) = delete;
  ListingFile& operator=(const ListingFile&) = delete;
  ~ListingFile() {
    if (mapped != nullptr) munmap(mapped, mapped_size);
  }

  std::string path;
  // The file mapped read-only, its pages mapped in one call: read into
  // memory of our own, each of its pages would be a fault on first touch.
  void* mapped = nullptr;
  size_t mapped_size = 0;
  std::vector<std::string_view> lines;

  size_t size() const { return lines.size(); }
  Result<Listing> TryParse(size_t i) const { return ParseListingJson(lines[i]); }
  // For the untimed steps, after matching has parsed every line once.
  Listing Parse(size_t i) const {
    auto r = TryParse(i);
    if (!r.ok()) Die(fmt::format("{}:{}: {}", path, i + 1, r.error().ToString()));
    return std::move(r).value();
  }
};

void ReadListingFile(const std::string& path, ListingFile* f) {
  f->path = path;
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) Die("cannot open " + path);
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) Die(path + " is not a regular file");
  f->mapped_size = static_cast<size_t>(st.st_size);
  if (f->mapped_size > 0) {
    f->mapped = mmap(nullptr, f->mapped_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (f->mapped == MAP_FAILED) Die("cannot map " + path);
  }
  close(fd);
  f->lines = Lines(std::string_view(static_cast<const char*>(f->mapped), f->mapped_size));
}

// recall_gen's truth.tsv: listing_id -> (notice "source:id", how planted).
struct Truth {
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> by_listing;
  size_t pairs = 0;
  std::map<std::string, size_t> pairs_by_mode;

  const std::string* Mode(const std::string& listing, const std::string& notice) const {
    const auto it = by_listing.find(listing);
    if (it == by_listing.end()) return nullptr;
    for (const auto& [n, mode] : it->second)
      if (n == notice) return &mode;
    return nullptr;
  }
};

Truth LoadTruth(const std::string& path) {
  Truth t;
  const std::string text = ReadFile(path);
  for (std::string_view line : Lines(text)) {
    const size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string_view::npos || b == std::string_view::npos) Die("bad line in " + path + ": " + std::string(line));
    const std::string mode(line.substr(b + 1));
    t.by_listing[std::string(line.substr(0, a))].emplace_back(std::string(line.substr(a + 1, b - a - 1)), mode);
    ++t.pairs;
    ++t.pairs_by_mode[mode];
  }
  return t;
}

MatchModel LoadModel(const std::string& path) {
  auto model = MatchModel::Load(path);
  if (!model.ok()) Die(model.error().ToString());
  if (model.value().feature_count() != PairFeaturizer::FeatureCount())
    Die(fmt::format("{} scores {} features, this build computes {}", path, model.value().feature_count(), PairFeaturizer::FeatureCount()));
  return std::move(model).value();
}

// The notice side as the CLI builds it: records and a featuriser fitted on
// them.
struct NoticeSide {
  std::vector<MatchRecord> records;
  PairFeaturizer featurizer;
};

void FitNoticeSide(const std::vector<Notice>& notices, NoticeSide* side) {
  side->records.reserve(notices.size());
  for (const auto& n : notices) side->records.push_back(FromNotice(n));
  std::vector<const Record*> corpus;
  corpus.reserve(side->records.size());
  for (const auto& r : side->records) corpus.push_back(&r.record);
  side->featurizer.Fit(corpus);
}

// Every notice prepared, and the index's own blocking, for the breakdown
// and the pair export.
struct Blocking {
  std::vector<PreparedRecord> prepared;
  const RecallIndex* index = nullptr;

  Blocking(const NoticeSide& side, const RecallIndex& index_, unsigned threads) : index(&index_) {
    prepared.resize(side.records.size());
    ParallelFor(side.records.size(), threads, [&](size_t i) { prepared[i] = side.featurizer.Prepare(side.records[i].record); });
  }

  std::vector<uint32_t> Candidates(const MatchRecord& query, const PreparedRecord& q) const { return index->Candidates(query, q); }
};

// A field value on one Ditto line: no tabs or line breaks, single spaces,
// and no token that the format reserves.
std::string DittoValue(std::string_view v) {
  std::string out;
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
    size_t j = i;
    while (j < v.size() && !std::isspace(static_cast<unsigned char>(v[j]))) ++j;
    if (j > i) {
      std::string token(v.substr(i, j - i));
      if (token == "COL" || token == "VAL") token = "(" + token + ")";
      if (!out.empty()) out += ' ';
      out += token;
    }
    i = j;
  }
  return out;
}

std::string DittoRecord(const Record& r) {
  std::string out;
  for (const auto& [name, value] : r.fields) {
    if (!out.empty()) out += ' ';
    out += "COL " + name + " VAL " + DittoValue(value);
  }
  return out;
}

int Run(const Options& o) {
  const auto start = Clock::now();
  auto t = Clock::now();
  const std::vector<Notice> notices = LoadNotices(o.notices, o.threads);
  const double load_notices_s = Since(t);
  t = Clock::now();
  ListingFile listings;
  ReadListingFile(o.listings, &listings);
  if (o.limit > 0 && o.limit < listings.size()) listings.lines.resize(o.limit);
  const double load_listings_s = Since(t);
  t = Clock::now();
  NoticeSide side;
  FitNoticeSide(notices, &side);
  const double fit_s = Since(t);
  t = Clock::now();
  MatchModel model = LoadModel(o.model);
  side.featurizer.set_word_evidence(model.word_evidence());
  if (Status s = model.SetThreads(o.model_threads); !s.ok()) Die(s.error().ToString());
  auto brands = BrandAliases::LoadDefault();
  if (!brands.ok()) Die(brands.error().ToString());
  std::shared_ptr<const ProductKinds> kinds;
  if (o.kinds) {
    auto loaded = ProductKinds::LoadDefault();
    if (!loaded.ok()) Die(loaded.error().ToString());
    kinds = loaded.value();
  }
  const double model_s = Since(t);

  RecallMatcherOptions options = o.matcher;
  options.max_block = o.max_block;
  options.brands = &brands.value();
  options.kinds = kinds.get();
  t = Clock::now();
  const RecallIndex index(side.records, /*indexed_are_notices=*/true, &side.featurizer, &model, options);
  const double index_s = Since(t);

  // Matches are kept as (notice, action): at a million listings the full
  // RecallMatch objects, evidence strings and all, would take gigabytes.
  // With --matches-out each listing's matches are also formatted (inside
  // the timed loop, so leave it out when timing).
  struct Hit {
    uint32_t indexed;
    RecallAction action;
  };
  t = Clock::now();
  std::vector<std::vector<Hit>> found(listings.size());
  std::vector<std::string> ids(listings.size());
  std::vector<std::string> lines(o.matches_out.empty() ? 0 : listings.size());
  std::atomic<size_t> bad{0};
  ParallelFor(listings.size(), o.threads, [&](size_t i) {
    auto listing = listings.TryParse(i);
    if (!listing.ok()) {
      if (bad++ == 0) std::fprintf(stderr, "recall_match_bench: %s:%zu: %s\n", listings.path.c_str(), i + 1, listing.error().ToString().c_str());
      return;
    }
    ids[i] = listing.value().listing_id;
    const std::vector<RecallMatch> matches = index.Match(FromListing(listing.value()));
    found[i].reserve(matches.size());
    for (const auto& m : matches) {
      found[i].push_back({static_cast<uint32_t>(m.indexed), m.action});
      if (lines.empty()) continue;
      std::string evidence;
      for (const auto& e : m.evidence) evidence += (evidence.empty() ? "" : "; ") + e;
      lines[i] += fmt::format("{}\t{}\t{}\t{:.4f}\t{}\n", ids[i], index.record(m.indexed).id, RecallActionName(m.action),
                              m.probability, evidence);
    }
  });
  const double match_s = Since(t);
  const double total_s = Since(start);
  if (bad > 0) Die(fmt::format("{} bad listings in {}", bad.load(), listings.path));
  const size_t scored = index.candidates_scored();

  if (!o.matches_out.empty()) {
    std::FILE* out = std::fopen(o.matches_out.c_str(), "w");
    if (out == nullptr) Die("cannot write " + o.matches_out);
    for (const auto& line : lines) std::fwrite(line.data(), 1, line.size(), out);
    if (std::fclose(out) != 0) Die("writing " + o.matches_out + " failed");
    lines = {};
  }

  // Untimed: how many candidates blocking gives each listing.
  std::vector<uint32_t> per_listing(listings.size());
  ParallelFor(listings.size(), o.threads, [&](size_t i) {
    const MatchRecord query = FromListing(listings.Parse(i));
    per_listing[i] = static_cast<uint32_t>(index.Candidates(query, side.featurizer.Prepare(query.record)).size());
  });
  std::sort(per_listing.begin(), per_listing.end());
  const auto quantile = [&](double q) {
    return per_listing.empty() ? 0u : per_listing[std::min(per_listing.size() - 1, static_cast<size_t>(q * per_listing.size()))];
  };

  size_t takedown = 0, review = 0, listings_hit = 0;
  for (const auto& f : found) {
    listings_hit += !f.empty();
    for (const auto& m : f) (m.action == RecallAction::kTakedown ? takedown : review) += 1;
  }

  std::printf("recall matching: %zu listings against %zu notices on %u threads (model: %d rounds, threshold %.3f)\n", listings.size(),
              notices.size(), o.threads, model.best_rounds(), model.threshold());
  std::printf("  load notices      %8.2f s\n", load_notices_s);
  std::printf("  map listings      %8.2f s  (the file's lines; each listing is parsed as it is matched)\n", load_listings_s);
  std::printf("  fit featuriser    %8.2f s  (IDF weights over the notices)\n", fit_s);
  std::printf("  load model        %8.2f s  (and the brand alias table)\n", model_s);
  std::printf("  build index       %8.2f s  (prepare every notice, blocking keys; %zu code and stem keys dropped as shared)\n", index_s,
              index.hot_code_keys());
  std::printf("  parse and match   %8.2f s  (%.0f listings/s)\n", match_s, listings.size() / match_s);
  std::printf("  total             %8.2f s\n", total_s);
  std::printf("  candidate pairs judged: %zu (%.1f per listing), %.0f pairs/s on %u threads; %zu left to the model by the rules (%.1f per listing)\n",
              scored, static_cast<double>(scored) / listings.size(), scored / match_s, o.threads, index.pairs_modelled(),
              static_cast<double>(index.pairs_modelled()) / listings.size());
  std::printf("  candidates per listing: mean %.1f, median %u, p99 %u, max %u\n", static_cast<double>(scored) / listings.size(),
              quantile(0.5), quantile(0.99), per_listing.empty() ? 0u : per_listing.back());
  std::printf("  matches: %zu takedown, %zu review, on %zu listings\n", takedown, review, listings_hit);
  Emit("candidates_median", quantile(0.5));
  Emit("candidates_p99", quantile(0.99));
  Emit("candidates_max", per_listing.empty() ? 0 : per_listing.back());
  Emit("listings", static_cast<double>(listings.size()));
  Emit("notices", static_cast<double>(notices.size()));
  Emit("threads", o.threads);
  Emit("load_notices_s", load_notices_s);
  Emit("load_listings_s", load_listings_s);
  Emit("fit_s", fit_s);
  Emit("model_s", model_s);
  Emit("index_s", index_s);
  Emit("match_s", match_s);
  Emit("total_s", total_s);
  Emit("pairs_scored", static_cast<double>(scored));
  Emit("pairs_modelled", static_cast<double>(index.pairs_modelled()));
  Emit("pairs_per_s", scored / match_s);
  Emit("takedown", static_cast<double>(takedown));
  Emit("review", static_cast<double>(review));

  if (!o.truth.empty()) {
    Truth truth = LoadTruth(o.truth);
    if (truth.by_listing.size() > 0 && o.limit > 0) {
      // Only the planted pairs of the listings loaded.
      std::unordered_set<std::string> loaded;
      for (const auto& id : ids) loaded.insert(id);
      Truth kept;
      for (auto& [id, pairs] : truth.by_listing) {
        if (loaded.count(id) == 0) continue;
        for (const auto& [notice, mode] : pairs) ++kept.pairs, ++kept.pairs_by_mode[mode];
        kept.by_listing.emplace(id, std::move(pairs));
      }
      truth = std::move(kept);
    }
    size_t tp = 0, tp_takedown = 0;
    std::map<std::string, size_t> found_by_mode, takedown_by_mode;
    for (size_t i = 0; i < found.size(); ++i)
      for (const auto& m : found[i])
        if (const std::string* mode = truth.Mode(ids[i], index.record(m.indexed).id)) {
          ++tp;
          tp_takedown += m.action == RecallAction::kTakedown;
          ++found_by_mode[*mode];
          takedown_by_mode[*mode] += m.action == RecallAction::kTakedown;
        }
    const size_t matches = takedown + review;
    const double precision = matches ? static_cast<double>(tp) / matches : 0;
    const double recall = truth.pairs ? static_cast<double>(tp) / truth.pairs : 0;
    std::printf("  against the planted pairs (%zu): precision %.3f, recall %.3f (takedown precision %.3f)\n", truth.pairs, precision,
                recall, takedown ? static_cast<double>(tp_takedown) / takedown : 0.0);
    std::string by_mode;
    for (const auto& [mode, n] : truth.pairs_by_mode) {
      by_mode += fmt::format("{}{} {}/{} ({:.3f})", by_mode.empty() ? "" : ", ", mode, found_by_mode[mode], n,
                             static_cast<double>(found_by_mode[mode]) / n);
      Emit(("recall_" + mode).c_str(), static_cast<double>(found_by_mode[mode]) / n);
    }
    std::printf("  recall by how the listing names the product: %s\n", by_mode.c_str());
    std::string takedown_modes;
    for (const auto& [mode, n] : truth.pairs_by_mode)
      takedown_modes += fmt::format("{}{} {}/{} ({:.3f})", takedown_modes.empty() ? "" : ", ", mode, takedown_by_mode[mode], n,
                                    static_cast<double>(takedown_by_mode[mode]) / n);
    std::printf("  of which taken down: %s\n", takedown_modes.c_str());
    const size_t tp_review = tp - tp_takedown;
    std::printf("  takedown: %zu, %zu planted (precision %.3f); review: %zu, %zu planted (precision %.3f)\n", takedown, tp_takedown,
                takedown ? static_cast<double>(tp_takedown) / takedown : 0.0, review, tp_review,
                review ? static_cast<double>(tp_review) / review : 0.0);
    Emit("review_precision", review ? static_cast<double>(tp_review) / review : 0.0);

    // Why the planted pairs that were not found were left out (untimed):
    // the rule Explain names, or no candidate at all; per planting mode.
    std::map<std::string, std::map<std::string, size_t>> missed;
    std::unordered_map<std::string, size_t> listing_at;
    for (size_t i = 0; i < ids.size(); ++i) listing_at.emplace(ids[i], i);
    for (const auto& [listing_id, planted] : truth.by_listing) {
      const auto at = listing_at.find(listing_id);
      if (at == listing_at.end()) continue;
      std::vector<RecallMatch> explained;
      bool asked = false;
      for (const auto& [notice, mode] : planted) {
        bool was_found = false;
        for (const auto& h : found[at->second]) was_found = was_found || index.record(h.indexed).id == notice;
        if (was_found) continue;
        if (!asked) explained = index.Explain(FromListing(listings.Parse(at->second))), asked = true;
        std::string why = "not a candidate (blocking)";
        for (const auto& m : explained)
          if (index.record(m.indexed).id == notice) why = m.evidence.back();
        // The rule's words without the pair's particulars in brackets.
        std::string general;
        for (size_t k = 0, depth = 0; k < why.size(); ++k) {
          if (why[k] == '(') ++depth;
          if (depth == 0) general += why[k];
          if (why[k] == ')' && depth > 0) --depth;
        }
        while (!general.empty() && general.back() == ' ') general.pop_back();
        ++missed[mode][general];
        if (mode == o.show_missed)
          std::fprintf(stderr, "missed (%s): %s | %s | %s | %s\n", mode.c_str(), listing_id.c_str(), notice.c_str(),
                       listings.Parse(at->second).title.c_str(), why.c_str());
      }
    }
    for (const auto& [mode, rules] : missed) {
      std::printf("  planted by %s and not found, why:\n", mode.c_str());
      std::vector<std::pair<size_t, std::string>> sorted;
      for (const auto& [rule, n] : rules) sorted.emplace_back(n, rule);
      std::sort(sorted.rbegin(), sorted.rend());
      for (const auto& [n, rule] : sorted) std::printf("    %6zu  %s\n", n, rule.c_str());
    }
    Emit("truth_pairs", static_cast<double>(truth.pairs));
    Emit("precision", precision);
    Emit("recall", recall);
    Emit("takedown_precision", takedown ? static_cast<double>(tp_takedown) / takedown : 0.0);

    if (o.breakdown > 0 || !o.export_pairs.empty()) {
      // Untimed from here on: the blocking again, from public parts.
      const auto b_start = Clock::now();
      const Blocking blocking(side, index, o.threads);
      std::fprintf(stderr, "recall_match_bench: notices prepared again for the breakdown and the export in %.1f s\n", Since(b_start));
      std::vector<size_t> order(listings.size());
      std::iota(order.begin(), order.end(), 0);
      std::mt19937_64 rng(o.seed);
      std::shuffle(order.begin(), order.end(), rng);

      if (o.breakdown > 0) {
        // For each of a sample of listings, one thread, the model on one
        // thread: a whole Match() call, then the matcher's steps replayed
        // with a clock around each; what Match() took beyond the steps is
        // "the rest". Times are this thread's CPU time, which a loaded
        // machine inflates less than the wall clock, and the two runs of a
        // listing follow each other, so that both see the same machine.
        (void)model.SetThreads(1);
        const size_t n = std::min(o.breakdown, listings.size());
        double match_cpu = 0;
        double convert = 0, prepare = 0, block = 0, features = 0, predict = 0;
        size_t pairs = 0, max_candidates = 0;
        std::vector<size_t> per_listing;
        size_t modelled = 0;
        for (size_t k = 0; k < n; ++k) {
          const Listing listing = listings.Parse(order[k]);
          const size_t modelled_before = index.pairs_modelled();
          const double m0 = ThreadCpuSeconds();
          (void)index.Match(FromListing(listing));
          match_cpu += ThreadCpuSeconds() - m0;
          modelled += index.pairs_modelled() - modelled_before;
          const double c0 = ThreadCpuSeconds();
          const MatchRecord query = FromListing(listing);
          const double c1 = ThreadCpuSeconds();
          const PreparedRecord q = side.featurizer.Prepare(query.record);
          const double c2 = ThreadCpuSeconds();
          const auto candidates = blocking.Candidates(query, q);
          const double c3 = ThreadCpuSeconds();
          // What features and the model would cost for every candidate,
          // had the rules not settled most of them first (a reference).
          FeatureMatrix m(candidates.size(), PairFeaturizer::FeatureCount());
          for (size_t j = 0; j < candidates.size(); ++j) side.featurizer.Compute(blocking.prepared[candidates[j]], q, m.row(j));
          const double c4 = ThreadCpuSeconds();
          if (!candidates.empty()) (void)model.Predict(m);
          const double c5 = ThreadCpuSeconds();
          convert += c1 - c0;
          prepare += c2 - c1;
          block += c3 - c2;
          features += c4 - c3;
          predict += c5 - c4;
          pairs += candidates.size();
          max_candidates = std::max(max_candidates, candidates.size());
          per_listing.push_back(candidates.size());
        }
        std::sort(per_listing.begin(), per_listing.end());
        const double judged = match_cpu - (convert + prepare + block);
        const auto line = [&](const char* what, double s, const std::string& note) {
          std::printf("    %-44s %8.1f us/listing %5.1f%%  %s\n", what, 1e6 * s / n, 100 * s / match_cpu, note.c_str());
        };
        const auto per_pair = [&](double s, size_t count) { return fmt::format("{:.2f} us/pair", count ? 1e6 * s / count : 0.0); };
        std::printf("  where the time goes: %zu random listings, one calling thread, CPU time; %zu candidate pairs "
                    "(%.1f per listing; median %zu, p99 %zu, max %zu), %zu of them left to the model by the rules\n",
                    n, pairs, static_cast<double>(pairs) / n, per_listing[n / 2], per_listing[std::min(n - 1, n * 99 / 100)], max_candidates,
                    modelled);
        std::printf("    Match(), model on one thread:                %8.1f us/listing = 100%%, of which:\n", 1e6 * match_cpu / n);
        line("listing -> record (FromListing)", convert, "");
        line("prepare the listing (Prepare)", prepare, "normalise, 6 TF-IDF vectors, codes, specs");
        line("blocking (keys, postings, dedupe)", block, "");
        line("rules, features + model for what they leave", judged,
             fmt::format("{} per candidate; features + model on {} pairs, evidence", per_pair(judged, pairs), modelled));
        std::printf("    for reference, features + model on every candidate: %.1f us/listing (features %s, model %s)\n",
                    1e6 * (features + predict) / n, per_pair(features, pairs).c_str(), per_pair(predict, pairs).c_str());
        Emit("breakdown_listings", static_cast<double>(n));
        Emit("breakdown_pairs_per_listing", static_cast<double>(pairs) / n);
        Emit("breakdown_modelled_per_listing", static_cast<double>(modelled) / n);
        Emit("breakdown_match_us", 1e6 * match_cpu / n);
        Emit("breakdown_prepare_us", 1e6 * prepare / n);
        Emit("breakdown_block_us", 1e6 * block / n);
        Emit("breakdown_judge_us", 1e6 * judged / n);
        Emit("breakdown_all_features_us", 1e6 * features / n);
        Emit("breakdown_all_predict_us", 1e6 * predict / n);
      }

      if (!o.export_pairs.empty()) {
        std::FILE* out = std::fopen(o.export_pairs.c_str(), "w");
        if (out == nullptr) Die("cannot write " + o.export_pairs);
        size_t written = 0, positives = 0, from_listings = 0;
        for (size_t k = 0; k < order.size() && written < o.export_count; ++k) {
          const Listing l = listings.Parse(order[k]);
          const MatchRecord query = FromListing(l);
          const auto candidates = blocking.Candidates(query, side.featurizer.Prepare(query.record));
          if (!candidates.empty()) ++from_listings;
          const std::string right = DittoRecord(query.record);
          for (uint32_t c : candidates) {
            if (written == o.export_count) break;
            const bool planted = truth.Mode(l.listing_id, side.records[c].id) != nullptr;
            positives += planted;
            const std::string line = DittoRecord(side.records[c].record) + "\t" + right + "\t" + (planted ? "1" : "0") + "\n";
            std::fwrite(line.data(), 1, line.size(), out);
            ++written;
          }
        }
        if (std::fclose(out) != 0) Die("writing " + o.export_pairs + " failed");
        std::printf("  exported %zu candidate pairs (%zu planted) of %zu listings to %s\n", written, positives, from_listings,
                    o.export_pairs.c_str());
        Emit("exported_pairs", static_cast<double>(written));
      }
    }
  }
  return 0;
}

int Score(const Options& o) {
  const std::vector<Notice> notices = LoadNotices(o.notices, o.threads);
  NoticeSide side;
  FitNoticeSide(notices, &side);
  MatchModel model = LoadModel(o.model);
  side.featurizer.set_word_evidence(model.word_evidence());
  if (Status s = model.SetThreads(1); !s.ok()) Die(s.error().ToString());
  auto read = ReadDittoPairs(o.pairs);
  if (!read.ok()) Die(read.error().ToString());
  const std::vector<LabeledPair>& pairs = read.value();
  if (pairs.empty()) Die(o.pairs + " holds no pairs");
  const size_t cols = PairFeaturizer::FeatureCount();
  const PairFeaturizer& f = side.featurizer;

  // 1. Nothing cached: both records of every pair prepared for that pair.
  std::vector<float> probabilities;
  probabilities.reserve(pairs.size());
  double prepare_s = 0, vectors_s = 0, compute_s = 0, predict_s = 0;
  const auto start = Clock::now();
  const double cpu_start = ThreadCpuSeconds();
  for (size_t begin = 0; begin < pairs.size(); begin += o.chunk) {
    const size_t end = std::min(pairs.size(), begin + o.chunk);
    FeatureMatrix m(end - begin, cols);
    for (size_t i = begin; i < end; ++i) {
      // Prepare(r) is Prepare(r, false) and then AddVectors: the same work,
      // timed in two parts to show what the TF-IDF vectors cost.
      auto c0 = Clock::now();
      PreparedRecord left = f.Prepare(pairs[i].left, false), right = f.Prepare(pairs[i].right, false);
      auto cv = Clock::now();
      f.AddVectors(&left);
      f.AddVectors(&right);
      auto c1 = Clock::now();
      f.Compute(left, right, m.row(i - begin));
      auto c2 = Clock::now();
      prepare_s += std::chrono::duration<double>(c1 - c0).count();
      vectors_s += std::chrono::duration<double>(c1 - cv).count();
      compute_s += std::chrono::duration<double>(c2 - c1).count();
    }
    auto c3 = Clock::now();
    auto p = model.Predict(m);
    if (!p.ok()) Die(p.error().ToString());
    predict_s += Since(c3);
    probabilities.insert(probabilities.end(), p.value().begin(), p.value().end());
  }
  const double uncached_s = Since(start);
  const double uncached_cpu = ThreadCpuSeconds() - cpu_start;

  // 2. Each distinct record prepared once, as the matcher does.
  const auto start2 = Clock::now();
  const double cpu_start2 = ThreadCpuSeconds();
  // Distinct records by content: a hash of the fields finds the earlier
  // records that may be equal, and comparing the fields decides. No key
  // string is built per record. They are all found first and then prepared
  // into a vector sized once, as the recall index prepares its notices, so
  // that no prepared record is moved as the vector grows.
  std::unordered_map<uint64_t, std::vector<size_t>> seen;
  std::vector<const Record*> distinct;  // the first record of each content
  std::vector<std::pair<size_t, size_t>> refs(pairs.size());
  const auto hash_of = [](const Record& r) {
    uint64_t h = r.fields.size();
    for (const auto& [name, value] : r.fields) {
      h = (h ^ std::hash<std::string_view>()(name)) * 0x9e3779b97f4a7c15ULL;
      h = (h ^ std::hash<std::string_view>()(value)) * 0x9e3779b97f4a7c15ULL;
    }
    return h;
  };
  const auto prepared_once_start = Clock::now();
  seen.reserve(2 * pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    const Record* sides[2] = {&pairs[i].left, &pairs[i].right};
    size_t* slots[2] = {&refs[i].first, &refs[i].second};
    for (int s = 0; s < 2; ++s) {
      std::vector<size_t>& same_hash = seen[hash_of(*sides[s])];
      const auto found = std::find_if(same_hash.begin(), same_hash.end(),
                                      [&](size_t k) { return distinct[k]->fields == sides[s]->fields; });
      if (found != same_hash.end()) {
        *slots[s] = *found;
        continue;
      }
      same_hash.push_back(distinct.size());
      *slots[s] = distinct.size();
      distinct.push_back(sides[s]);
    }
  }
  std::vector<PreparedRecord> prepared(distinct.size());
  for (size_t k = 0; k < distinct.size(); ++k) prepared[k] = f.Prepare(*distinct[k]);
  const double prepared_once_s = Since(prepared_once_start);
  std::vector<float> probabilities2;
  probabilities2.reserve(pairs.size());
  for (size_t begin = 0; begin < pairs.size(); begin += o.chunk) {
    const size_t end = std::min(pairs.size(), begin + o.chunk);
    FeatureMatrix m(end - begin, cols);
    for (size_t i = begin; i < end; ++i) f.Compute(prepared[refs[i].first], prepared[refs[i].second], m.row(i - begin));
    auto p = model.Predict(m);
    if (!p.ok()) Die(p.error().ToString());
    probabilities2.insert(probabilities2.end(), p.value().begin(), p.value().end());
  }
  const double cached_s = Since(start2);
  const double cached_cpu = ThreadCpuSeconds() - cpu_start2;
  if (probabilities2 != probabilities) Die("the two passes gave different probabilities");

  std::vector<float> labels;
  for (const auto& p : pairs) labels.push_back(static_cast<float>(p.label));
  if (o.show_errors > 0) {
    // A sample of wrong decisions at the model's threshold, to see why.
    size_t fp = 0, fn = 0;
    for (size_t i = 0; i < pairs.size(); ++i) {
      const bool taken = probabilities[i] >= model.threshold();
      const bool planted = pairs[i].label == 1;
      if (taken == planted) continue;
      size_t& count = taken ? fp : fn;
      if (count++ >= o.show_errors) continue;
      std::fprintf(stderr, "%s p=%.3f\n  notice:  %s\n  listing: %s\n", taken ? "FALSE POSITIVE" : "FALSE NEGATIVE", probabilities[i],
                   DittoRecord(pairs[i].left).c_str(), DittoRecord(pairs[i].right).c_str());
    }
  }
  const BinaryScores s = ScoreAt(probabilities, labels, model.threshold());
  const double n = static_cast<double>(pairs.size());
  std::printf("pair scoring, one thread: %zu pairs (%zu planted), %zu features, model %d rounds, chunks of %zu pairs\n", pairs.size(),
              static_cast<size_t>(std::count(labels.begin(), labels.end(), 1.0f)), cols, model.best_rounds(), o.chunk);
  std::printf("  nothing cached:        %7.2f s wall, %7.2f s CPU: %8.0f pairs/s, %8.0f pairs per CPU second\n", uncached_s, uncached_cpu,
              n / uncached_s, n / uncached_cpu);
  std::printf("                         (wall per pair: prepare both records %.1f us, of which their TF-IDF vectors %.1f us; features %.1f us, predict %.1f us)\n",
              1e6 * prepare_s / n, 1e6 * vectors_s / n, 1e6 * compute_s / n, 1e6 * predict_s / n);
  std::printf("  records prepared once: %7.2f s wall, %7.2f s CPU: %8.0f pairs/s, %8.0f pairs per CPU second (%zu distinct records, %.2f s)\n",
              cached_s, cached_cpu, n / cached_s, n / cached_cpu, prepared.size(), prepared_once_s);
  std::printf("  at the model's threshold %.3f: %zu pairs taken, precision %.3f, recall %.3f against the planted pairs\n", model.threshold(),
              s.true_positives + s.false_positives, s.precision, s.recall);
  // The model learnt its probabilities where a tenth of the pairs match;
  // among candidates far fewer do.
  const Calibration c = CalibrationOf(probabilities, labels);
  double mean_probability = 0;
  for (float p : probabilities) mean_probability += p;
  mean_probability /= n;
  std::printf("  calibration against the planted pairs: Brier %.4f, ECE %.4f; mean probability %.4f, planted share %.4f\n", c.brier,
              c.ece, mean_probability, static_cast<double>(std::count(labels.begin(), labels.end(), 1.0f)) / n);
  Emit("score_brier", c.brier);
  Emit("score_ece", c.ece);
  Emit("score_pairs", n);
  Emit("score_uncached_s", uncached_s);
  Emit("score_uncached_pairs_per_s", n / uncached_s);
  Emit("score_uncached_cpu_s", uncached_cpu);
  Emit("score_uncached_pairs_per_cpu_s", n / uncached_cpu);
  Emit("score_cached_cpu_s", cached_cpu);
  Emit("score_cached_pairs_per_cpu_s", n / cached_cpu);
  Emit("score_prepare_us", 1e6 * prepare_s / n);
  Emit("score_vectors_us", 1e6 * vectors_s / n);
  Emit("score_features_us", 1e6 * compute_s / n);
  Emit("score_predict_us", 1e6 * predict_s / n);
  Emit("score_cached_s", cached_s);
  Emit("score_cached_pairs_per_s", n / cached_s);
  Emit("score_distinct_records", static_cast<double>(prepared.size()));
  Emit("score_precision", s.precision);
  Emit("score_recall", s.recall);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = ParseOptions(argc, argv);
  return o.mode == "run" ? Run(o) : Score(o);
}
