// conform: the command-line shell over libconform. It parses arguments,
// calls the library, prints. Exit codes: 0 success, 1 a check failed
// (pack tests), 2 bad input (arguments, packs, dates).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "conform/core/text.h"
#include "conform/knowledge/data_dir.h"
#include "conform/knowledge/knowledge_base.h"
#include "conform/knowledge/pack_test.h"
#include "conform/knowledge/product_input.h"
#include "conform/knowledge/requirements_report.h"
#include "cli_files.h"
#include "cli_output.h"
#include "credential_commands.h"
#include "match_eval_command.h"
#include "recalls_commands.h"
#include "conform/credentials/credential.h"
#include "conform/credentials/did_resolver.h"
#include "conform/credentials/schema_registry.h"
#include "conform/credentials/trust_list.h"
#include "conform/recalls/recall_screen.h"
#include "conform/store/notice_store.h"
#include "conform/screen/classifier.h"
#include "conform/screen/credential_evidence.h"
#include "conform/screen/html_report.h"
#include "conform/screen/listing_reader.h"
#include "conform/screen/screen_run.h"
#include "conform/screen/screener.h"

#include <unistd.h>

namespace {

// The first word of a command line its commands do not know: a subcommand
// where one is expected ("conform recalls lsit") or an option of none of
// the commands given ("--dbb"), with the closest known one; empty when
// every word is known.
std::string UnknownWord(CLI::App& app, int argc, char** argv) {
  CLI::App* at = &app;
  std::string path = "conform";
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") break;
    std::vector<std::string> subcommands;
    CLI::App* next = nullptr;
    for (CLI::App* sub : at->get_subcommands([](CLI::App*) { return true; })) {
      subcommands.push_back(sub->get_name());
      if (sub->get_name() == word) next = sub;
    }
    // A negative number is a value ("--max-block -1"), not an option.
    if (word.size() > 1 && word[0] == '-' && !(std::isdigit(static_cast<unsigned char>(word[1])) || word[1] == '.')) {
      const std::string name = word.substr(0, word.find('='));
      std::vector<std::string> options;
      const CLI::Option* known = nullptr;
      for (const CLI::Option* o : at->get_options()) {
        for (const std::string& l : o->get_lnames()) {
          options.push_back("--" + l);
          if (name == "--" + l) known = o;
        }
        for (const std::string& n : o->get_snames())
          if (name == "-" + n) known = o;
      }
      if (known == nullptr) return fmt::format("'{}' is no option of '{}' ({})", name, path, conform::SuggestionHint(name, options));
      // Its value, when not written after '=': whatever it is.
      if (known->get_items_expected_min() > 0 && name.size() == word.size()) ++i;
      continue;
    }
    if (next != nullptr) {
      at = next;
      path += " " + word;
      continue;
    }
    // A word where a subcommand is required.
    if (!subcommands.empty() && at->get_require_subcommand_min() > 0)
      return fmt::format("'{}' is no subcommand of '{}' ({})", word, path, conform::SuggestionHint(word, subcommands));
  }
  return {};
}

}  // namespace

namespace {

using namespace conform;

constexpr int kExitOk = 0;
constexpr int kExitCheckFailed = 1;
constexpr int kExitBadInput = 2;

int Report(const Error& e) {
  cli::PrintError(e);
  // Exit 1 means a check failed (a pack test, --fail-on): a file that cannot
  // be read or written is not one, and a script must be able to tell.
  return kExitBadInput;
}

std::string PacksDir(const std::string& data_dir) { return (std::filesystem::path(data_dir) / "packs").string(); }

Result<KnowledgeBase> LoadFromPacksDir(const std::string& packs_dir) {
  return KnowledgeBase::Load(VocabularyFor(packs_dir), packs_dir);
}

struct RequirementsArgs {
  std::vector<std::string> markets;
  std::string category;
  std::vector<std::string> attrs;
  std::string on;
  std::string format = "table";
  std::string packs;
};

int RunRequirements(const RequirementsArgs& args) {
  auto kb = LoadFromPacksDir(args.packs.empty() ? PacksDir(DefaultDataDir()) : args.packs);
  if (!kb.ok()) return Report(kb.error());
  RequirementsQuery q;
  // Split here rather than by the option parser, which dropped empty codes
  // ("-m EU," or "-m ,") without a word.
  std::vector<std::string> codes;
  for (const auto& given : args.markets) {
    for (size_t from = 0;;) {
      const size_t comma = given.find(',', from);
      const std::string code = given.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
      if (code.empty())
        return Report(Error(ErrorCode::kInvalidInput, fmt::format("--market '{}' has an empty market code", given),
                            "give codes separated by commas, e.g. -m EU,US"));
      codes.push_back(code);
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
  }
  for (const auto& code : codes) {
    auto m = kb.value().ResolveMarket(code);
    if (!m.ok()) return Report(m.error());
    // "-m EU -m eu" and "-m UK,GB" ask once.
    if (std::find(q.markets.begin(), q.markets.end(), m.value()) == q.markets.end()) q.markets.push_back(m.value());
  }
  for (const auto& a : args.attrs) {
    auto kv = SplitAttributeArgument(a);
    if (!kv.ok()) return Report(kv.error());
    q.attributes.push_back(kv.value());
  }
  auto product = MakeProduct(kb.value().vocabulary(), args.category, q.attributes);
  if (!product.ok()) return Report(product.error());
  q.category = args.category;
  q.product = std::move(product).value();
  if (args.on.empty()) {
    q.on = Date::Today();
  } else {
    auto d = Date::Parse(args.on);
    if (!d.ok()) return Report(d.error());
    q.on = d.value();
  }
  ReportFormat format = ReportFormat::kTable;
  if (args.format == "json") format = ReportFormat::kJson;
  else if (args.format == "markdown") format = ReportFormat::kMarkdown;
  const auto answer = AnswerRequirements(kb.value(), std::move(q));
  // Said on standard error too, so that a script reading JSON sees it.
  for (const MarketAnswer& ma : answer.markets)
    if (const std::string note = CoverageNote(kb.value().markets()[ma.market], answer.query.on); !note.empty())
      std::fprintf(stderr, "conform: warning: %s\n", note.c_str());
  std::fputs(RenderRequirements(kb.value(), answer, format).c_str(), stdout);
  return kExitOk;
}

int RunPacksValidate(const std::string& dir) {
  const std::string packs = dir.empty() ? PacksDir(DefaultDataDir()) : dir;
  auto kb = LoadFromPacksDir(packs);
  if (!kb.ok()) {
    std::fprintf(stderr, "conform: %zu problem(s) in %s:\n", kb.error().diagnostics().size(), packs.c_str());
    return Report(kb.error());
  }
  size_t wname = 0;
  for (const auto& m : kb.value().markets()) wname = std::max(wname, m.name.size());
  for (const auto& m : kb.value().markets()) {
    size_t n = 0, tests = 0;
    for (const auto& r : kb.value().requirements()) n += kb.value().markets()[r.market].code == m.code;
    for (const auto& t : kb.value().tests()) tests += kb.value().markets()[t.market].code == m.code;
    std::printf("ok  %-3s %-*s %3zu requirements  %3zu tests  %s\n", m.code.c_str(), static_cast<int>(wname), m.name.c_str(), n,
                tests, m.file.c_str());
  }
  return kExitOk;
}

int RunPacksTest(const std::string& dir) {
  const std::string packs = dir.empty() ? PacksDir(DefaultDataDir()) : dir;
  auto kb = LoadFromPacksDir(packs);
  if (!kb.ok()) return Report(kb.error());
  const auto outcomes = RunPackTests(kb.value());
  size_t passed = 0, failed = 0;
  for (const auto& o : outcomes) {
    if (o.failures.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    std::printf("FAIL %s:%d: %s\n", o.test->file.c_str(), o.test->line, o.test->name.c_str());
    for (const auto& f : o.failures) std::printf("     %s\n", f.c_str());
  }
  std::printf("packs: %zu passed, %zu failed\n", passed, failed);
  return failed == 0 ? kExitOk : kExitCheckFailed;
}

struct ScreenArgs {
  std::string input;
  std::string input_format;
  std::string output = "-";
  std::string output_format = "jsonl";
  std::string on;
  std::string packs;
  std::string fail_on = "never";
  unsigned threads = 0;
  size_t max_errors = 0;
  bool quiet = false;
  bool full = false;
  std::string html;
  std::string trust_list, status_lists, did_documents, schemas;
  std::string recalls, recall_model;
  // As recalls match's --takedown-at and --max-block.
  double recall_takedown_at = recalls::RecallMatcherOptions().takedown_at;
  size_t recall_max_block = recalls::RecallMatcherOptions().max_block;
  std::vector<std::string> anchors;
};

// Prints rows to the output, problems and progress to stderr.
class CliScreenObserver : public ScreenObserver {
 public:
  CliScreenObserver(FILE* out, bool progress, HtmlReport* report, std::string input)
      : out_(out), progress_(progress), report_(report), input_(std::move(input)) {}
  void OnRows(std::string_view rows) override { std::fwrite(rows.data(), 1, rows.size(), out_); }
  void OnScreened(const Listing& l, const ListingResult& r) override {
    if (report_) report_->Add(l, r);
    ids_.Add(l.listing_id, l.line);
    // Each ignored field once per run: a misspelt optional field
    // ("warning_languages") would otherwise be lost without a word.
    for (const std::string& name : l.ignored_fields) {
      if (!noted_.insert(name).second) continue;
      if (progress_) std::fputs("\r\033[K", stderr);
      const std::string close = ClosestMatch(name, ListingFieldNames());
      cli::PrintNote(fmt::format("{}:{}: '{}' is not a listing field and was ignored ({}); said once", input_, l.line, name,
                                 close.empty() ? "see doc/listing-format.md" : "did you mean '" + close + "'?"));
    }
  }
  void OnBadRecord(const Diagnostic& d) override {
    if (report_) report_->AddBadRecord(d);
    if (progress_) std::fputs("\r\033[K", stderr);
    cli::PrintNote("skipped: " + d.ToString());
  }
  void OnProgress(size_t listings, size_t bad) override {
    if (!progress_) return;
    std::fprintf(stderr, "\r\033[Kscreened %zu listings, %zu skipped", listings, bad);
  }
  void Finish() {
    if (progress_) std::fputs("\r\033[K", stderr);
    // A listing_id given twice is screened twice, and said.
    ids_.Warn(input_, "each is screened and written");
  }

 private:
  cli::RepeatedListingIds ids_;
  FILE* out_;
  bool progress_;
  HtmlReport* report_;
  std::string input_;
  std::unordered_set<std::string> noted_;  // ignored fields already reported
};

int RunScreenCommand(const ScreenArgs& args) {
  const std::string data = DefaultDataDir();
  auto kb = LoadFromPacksDir(args.packs.empty() ? PacksDir(data) : args.packs);
  if (!kb.ok()) return Report(kb.error());
  auto classifier = Classifier::Load(kb.value().vocabulary(), (std::filesystem::path(data) / "classify" / "hs.yaml").string(),
                                     (std::filesystem::path(data) / "classify" / "keywords.yaml").string());
  if (!classifier.ok()) return Report(classifier.error());
  Date on = Date::Today();
  if (!args.on.empty()) {
    auto d = Date::Parse(args.on);
    if (!d.ok()) return Report(d.error());
    on = d.value();
  }
  ScreenRunOptions options;
  options.input = args.input;
  std::string in_format = args.input_format;
  if (in_format.empty()) {
    const std::string ext = std::filesystem::path(args.input).extension().string();
    in_format = ext.empty() ? "jsonl" : ext.substr(1);
  }
  auto format = ListingFormatFromName(in_format);
  if (!format.ok()) return Report(format.error());
  options.input_format = format.value();
  options.output_format = args.output_format == "csv" ? VerdictFormat::kCsv : VerdictFormat::kJsonLines;
  options.detail = args.full ? VerdictDetail::kFull : VerdictDetail::kIssues;
  options.threads = args.threads;
  options.max_errors = args.max_errors;

  // Credentials offered as evidence count only when they verify against a
  // trust list the caller chose.
  const DidResolver dids(args.did_documents);
  SchemaRegistry schemas;
  std::optional<CredentialEvidence> credentials;
  if (!args.trust_list.empty()) {
    if (args.anchors.empty()) return Report(Error(ErrorCode::kInvalidInput, "--trust-list needs --anchor: the DID whose lists you trust"));
    std::ifstream in(args.trust_list, std::ios::binary);
    if (!in) return Report(Error(ErrorCode::kNotFound, fmt::format("cannot open {}", args.trust_list)));
    std::stringstream text;
    text << in.rdbuf();
    auto trust = LoadTrustList(text.str(), args.anchors, &dids);
    if (!trust.ok()) return Report(Error(ErrorCode::kInvalidInput, {Diagnostic{args.trust_list, 0, 0, trust.error().ToString(), ""}}));
    VerifyContext vctx;
    vctx.dids = &dids;
    if (!args.schemas.empty()) {
      if (Status st = schemas.AddDirectory(args.schemas); !st.ok()) return Report(st.error());
      vctx.schemas = &schemas;
    }
    vctx.now = static_cast<int64_t>(on.days_since_epoch()) * 86400 + 43200;  // midday of the screening date
    vctx.status_lists = LoadStatusListFiles(args.status_lists);
    credentials.emplace(args.input == "-" ? "." : std::filesystem::path(args.input).parent_path().string(), std::move(trust).value(),
                        std::move(vctx));
  }
  Screener screener(kb.value(), classifier.value(), on, /*explain_info=*/args.full, credentials ? &*credentials : nullptr);
  // Recall notices a listing matches become findings in their market.
  std::unique_ptr<recalls::RecallScreen> recall_screen;
  if (!args.recalls.empty()) {
    auto store = NoticeStore::OpenExisting(args.recalls);
    if (!store.ok()) return Report(store.error());
    auto notices = store.value().All();
    if (!notices.ok()) return Report(notices.error());
    // As recalls match: screening against no notices would find no recall
    // and say nothing of it.
    if (notices.value().empty())
      return Report(Error(ErrorCode::kInvalidInput, fmt::format("{} holds no notices", args.recalls), "import a feed first: conform recalls import"));
    std::optional<recalls::MatchModel> model;
    if (!args.recall_model.empty()) {
      auto loaded = recalls::MatchModel::Load(args.recall_model);
      if (!loaded.ok()) return Report(loaded.error());
      if (loaded.value().feature_count() != recalls::PairFeaturizer::FeatureCount())
        return Report(Error(ErrorCode::kInvalidInput, fmt::format("{} was trained on other features than this build computes", args.recall_model),
                            "train it again with conform match-eval DIR --model-out FILE"));
      // Listings are screened on every core already: one prediction thread each.
      if (Status st = loaded.value().SetThreads(1); !st.ok()) return Report(st.error());
      model = std::move(loaded).value();
    }
    auto brands = recalls::BrandAliases::LoadDefault();
    if (!brands.ok()) return Report(brands.error());
    auto kinds = recalls::ProductKinds::LoadDefault();
    if (!kinds.ok()) return Report(kinds.error());
    recalls::RecallMatcherOptions recall_options;
    recall_options.threads = static_cast<int>(args.threads);
    recall_options.takedown_at = args.recall_takedown_at;
    recall_options.max_block = args.recall_max_block;
    recall_screen = std::make_unique<recalls::RecallScreen>(std::move(notices).value(), std::move(model), std::move(brands).value(),
                                                            std::move(kinds).value(), recall_options);
    screener.set_recalls(recall_screen.get());
  }
  std::optional<HtmlReport> report;
  std::string report_template;
  if (!args.html.empty()) {
    const std::string tpath = (std::filesystem::path(data) / "templates" / "report.html.mustache").string();
    std::ifstream in(tpath);
    if (!in) return Report(Error(ErrorCode::kNotFound, fmt::format("report template {} not found", tpath), "reinstall the data files"));
    std::stringstream ss;
    ss << in.rdbuf();
    report_template = ss.str();
    report.emplace(kb.value());
  }
  // Outputs that would destroy what is read or each other, and an HTML
  // report that could not be written after the verdicts had replaced the
  // file before them, are refused before anything is written.
  {
    namespace fs = std::filesystem;
    std::error_code ec;
    // One regular file (or one to be made) named twice; a device such as
    // /dev/null may take both.
    const auto same_file = [&](const std::string& a, const std::string& b) {
      if (a == "-" || b == "-" || a.empty() || b.empty() || fs::weakly_canonical(a, ec) != fs::weakly_canonical(b, ec)) return false;
      const auto st = fs::status(a, ec);
      return ec || !fs::exists(st) || fs::is_regular_file(st);
    };
    if (same_file(args.output, args.input))
      return Report(Error(ErrorCode::kInvalidInput, {Diagnostic{args.output, 0, 0, "is the listings file being read: the verdicts would replace it",
                                                                "give -o another file"}}));
    if (same_file(args.html, args.input) || same_file(args.html, args.output))
      return Report(Error(ErrorCode::kInvalidInput,
                          {Diagnostic{args.html, 0, 0, fmt::format("is also {}: the report would replace it", same_file(args.html, args.input) ? "the listings file" : "the verdicts file (-o)"),
                                      "give --html a file of its own"}}));
    if (!args.html.empty())
      if (Status st = cli::CheckWritable(args.html, "HTML report"); !st.ok()) return Report(st.error());
    if (args.output != "-") {
      const auto st = fs::status(args.output, ec);
      if (ec || !fs::exists(st) || fs::is_regular_file(st))
        if (Status w = cli::CheckWritable(args.output, "verdicts"); !w.ok()) return Report(w.error());
    }
  }
  // The output is opened last, once everything the run needs has loaded, so
  // that a bad option leaves no file behind.
  FILE* out = stdout;
  std::string tmp;
  if (args.output != "-") {
    // A regular file is written under a temporary name and renamed at the
    // end, so a run that fails half-way leaves no half-written file behind.
    // Anything else (/dev/null, a pipe) is written directly: renaming over a
    // device would replace it.
    std::error_code ec;
    const auto st = std::filesystem::status(args.output, ec);
    if (!ec && std::filesystem::exists(st) && !std::filesystem::is_regular_file(st)) {
      out = std::fopen(args.output.c_str(), "wb");
      if (out == nullptr) return Report(Error(ErrorCode::kIo, fmt::format("cannot write {}: {}", args.output, std::strerror(errno))));
    } else {
      tmp = args.output + ".partial";
      out = std::fopen(tmp.c_str(), "wb");
      if (out == nullptr) return Report(Error(ErrorCode::kIo, fmt::format("cannot write {}: {}", tmp, std::strerror(errno))));
    }
  }
  if (options.output_format == VerdictFormat::kCsv) std::fputs(VerdictCsvHeader().c_str(), out);
  CliScreenObserver observer(out, !args.quiet && isatty(fileno(stderr)), report ? &*report : nullptr, args.input);
  auto stats = RunScreen(kb.value(), screener, options, &observer);
  observer.Finish();
  if (out != stdout) {
    const bool write_ok = std::fflush(out) == 0 && std::ferror(out) == 0;
    std::fclose(out);
    if (tmp.empty()) {
      if (!write_ok) return Report(Error(ErrorCode::kIo, fmt::format("cannot write {}", args.output)));
    } else if (!stats.ok() || !write_ok || (stats.value().listings == 0 && stats.value().bad_records == 0)) {
      std::remove(tmp.c_str());
      if (!write_ok) return Report(Error(ErrorCode::kIo, fmt::format("cannot write {}", tmp)));
    } else if (std::rename(tmp.c_str(), args.output.c_str()) != 0) {
      return Report(Error(ErrorCode::kIo, fmt::format("cannot rename {} to {}: {}", tmp, args.output, std::strerror(errno))));
    }
  } else {
    std::fflush(stdout);
  }
  if (!stats.ok()) return Report(stats.error());
  if (report) {
    auto html = report->Render(report_template, args.input, on);
    if (!html.ok()) return Report(html.error());
    if (Status st = cli::WriteFileAtomically(args.html, html.value()); !st.ok()) return Report(st.error());
  }
  const ScreenRunStats& s = stats.value();
  if (!args.quiet) {
    std::fprintf(stderr, "conform: screened %s (%s: %zu BLOCK, %zu NEEDS_REVIEW, %zu WARN, %zu PASS); %zu skipped%s\n",
                 cli::Counted(s.listings, "listing").c_str(), cli::Counted(s.rows, "row").c_str(), s.verdicts[3], s.verdicts[2], s.verdicts[1], s.verdicts[0], s.bad_records,
                 s.stopped_early ? " (stopped early: --max-errors reached)" : "");
  }
  // As for the recall commands: an empty export would read as "every
  // listing passes", also to --fail-on.
  if (s.listings == 0 && s.bad_records == 0)
    return Report(cli::NoListings(args.input, "screens nothing"));
  if (s.stopped_early) return kExitBadInput;
  // Nothing screened from a file of records: nothing usable came in.
  if (s.listings == 0 && s.bad_records > 0) return kExitBadInput;
  const int threshold = args.fail_on == "block" ? 3 : args.fail_on == "review" ? 2 : args.fail_on == "warn" ? 1 : 4;
  for (int v = threshold; v < 4; ++v)
    if (s.verdicts[static_cast<size_t>(v)] > 0) return kExitCheckFailed;
  // As for the recall commands: some records skipped, the rest used.
  return s.bad_records > 0 ? kExitCheckFailed : kExitOk;
}

int RunVocabulary(const std::string& dir) {
  const std::string packs = dir.empty() ? PacksDir(DefaultDataDir()) : dir;
  auto kb = LoadFromPacksDir(packs);
  if (!kb.ok()) return Report(kb.error());
  const Vocabulary& v = kb.value().vocabulary();
  std::printf("Markets:\n");
  for (const auto& m : kb.value().markets())
    std::printf("  %-4s %s%s: pack %s%s\n", m.code.c_str(), m.name.c_str(),
                m.aliases.empty() ? "" : fmt::format(" (also {})", Join(m.aliases, ", ")).c_str(), m.version.c_str(),
                m.covers_from ? fmt::format(", in full from {}", m.covers_from->ToString()).c_str() : "");
  std::printf("Categories:\n");
  for (size_t i = 0; i < v.category_count(); ++i) {
    const auto& c = v.category(static_cast<CategoryId>(i));
    std::printf("  %-22s %s\n", c.name.c_str(), c.description.c_str());
  }
  std::printf("Attributes:\n");
  for (size_t i = 0; i < v.attribute_count(); ++i) {
    const auto& a = v.attribute(static_cast<AttributeId>(i));
    std::string type = AttributeTypeName(a.type);
    if (a.type == AttributeType::kEnum) type += " " + Join(a.values, "|");
    if (!a.unit.empty()) type += " (" + a.unit + ")";
    std::printf("  %-18s %-34s %s\n", a.name.c_str(), type.c_str(), a.description.c_str());
  }
  return kExitOk;
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app{"conform: digital conformity assessment for cross-border e-commerce"};
  // "--on ''" would otherwise read as no date given, and mean today.
  const CLI::Validator kDateGiven([](std::string& text) -> std::string { return text.empty() ? "must be a date, YYYY-MM-DD" : ""; }, "DATE");
  app.require_subcommand(1);

  RequirementsArgs req;
  auto* requirements = app.add_subcommand("requirements", "List what a product must satisfy in markets on a date");
  requirements->add_option("-m,--market", req.markets, "Market code (EU, UK, US, CA, CN, ID); repeat or comma-separate")
      ->required();
  requirements->add_option("-c,--category", req.category, "Product category (see `conform vocabulary`)")->required();
  requirements->add_option("-a,--attr", req.attrs, "Product attribute name=value; repeat for more");
  requirements->add_option("--on", req.on, "Date YYYY-MM-DD (default: today)")->check(kDateGiven);
  requirements->add_option("-f,--format", req.format, "Output format")->check(CLI::IsMember({"table", "json", "markdown"}));
  requirements->add_option("--packs", req.packs, "Directory of rule packs (default: the shipped packs)");

  auto* packs = app.add_subcommand("packs", "Check rule packs");
  packs->require_subcommand(1);
  std::string validate_dir, test_dir;
  auto* validate = packs->add_subcommand("validate", "Load and validate every pack in DIR");
  validate->add_option("dir", validate_dir, "Directory of rule packs (default: the shipped packs)");
  auto* test = packs->add_subcommand("test", "Run the example products every pack carries");
  test->add_option("dir", test_dir, "Directory of rule packs (default: the shipped packs)");

  ScreenArgs scr;
  auto* screen = app.add_subcommand("screen", "Screen marketplace listings: one explained verdict per listing and market");
  screen->add_option("input", scr.input, "Listings file (JSON Lines or CSV; - for standard input)")->required();
  screen->add_option("--format", scr.input_format, "Input format (default: from the file extension)")
      ->check(CLI::IsMember({"jsonl", "json", "ndjson", "csv"}));
  screen->add_option("-o,--output", scr.output, "Where to write the verdicts (default: standard output)");
  screen->add_option("--output-format", scr.output_format, "Verdict format")->check(CLI::IsMember({"jsonl", "csv"}));
  screen->add_option("--on", scr.on, "Date to screen for, YYYY-MM-DD (default: today)")->check(kDateGiven);
  screen->add_option("--packs", scr.packs, "Directory of rule packs (default: the shipped packs)");
  screen->add_option("--fail-on", scr.fail_on, "Exit 1 when any verdict is this bad or worse")
      ->check(CLI::IsMember({"block", "review", "warn", "never"}));
  screen->add_option("--threads", scr.threads, "Worker threads (default: one per core)")->check(CLI::Range(0, 1024));
  screen->add_option("--max-errors", scr.max_errors, "Stop after this many bad records (default: never)");
  screen->add_flag("-q,--quiet", scr.quiet, "No progress or summary on standard error");
  screen->add_option("--html", scr.html, "Also write a self-contained HTML report to this file");
  screen->add_option("--trust-list", scr.trust_list, "Trust list credential: credentials offered as evidence count only when they verify against it");
  screen->add_option("--anchor", scr.anchors, "DID whose trust lists you accept (repeat for more)");
  screen->add_option("--status-lists", scr.status_lists, "Directory of status list credentials for credential evidence");
  screen->add_option("--did-documents", scr.did_documents, "Directory of DID documents for did:web issuers");
  auto* recalls_store =
      screen->add_option("--recalls", scr.recalls, "Notice store (conform recalls import): listings a recall notice matches get RECALLED_PRODUCT");
  auto* recall_model = screen->add_option("--recall-model", scr.recall_model,
                                          "Pair model for --recalls (conform match-eval --model-out); without: GTIN and model-code evidence only")
                           ->needs(recalls_store);
  screen->add_option("--recall-takedown-at", scr.recall_takedown_at,
                     "As recalls match --takedown-at: match probability a listing whose model code and brand agree with a notice needs for BLOCK "
                     "(below: NEEDS_REVIEW)")
      ->check(CLI::Range(0.0, 1.0))
      ->needs(recall_model);
  screen->add_option("--recall-max-block", scr.recall_max_block, "As recalls match --max-block: skip brand-word blocks larger than this")
      ->check(CLI::Range(1, 1000000000))
      ->needs(recalls_store);
  screen->add_option("--schemas", scr.schemas, "Directory of JSON Schemas for credential evidence (DIR/<kind>/v<version>/schema.json)");
  screen->add_flag("--full", scr.full, "Write every finding in full, satisfied requirements and obligations too");

  int credential_exit = -1;
  cli::AddCredentialCommands(app, &credential_exit);
  int match_eval_exit = -1;
  cli::AddMatchEvalCommand(app, &match_eval_exit);
  int recalls_exit = -1;
  cli::AddRecallsCommands(app, &recalls_exit);

  std::string vocab_dir;
  auto* vocabulary = app.add_subcommand("vocabulary", "List markets, categories and attributes");
  vocabulary->add_option("--packs", vocab_dir, "Directory of rule packs (default: the shipped packs)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // A misspelled subcommand or option is named, with the closest known
    // one; CLI11 would say only what is then missing.
    if (const std::string unknown = UnknownWord(app, argc, argv); !unknown.empty()) std::fprintf(stderr, "conform: error: %s\n", unknown.c_str());
    else std::fprintf(stderr, "conform: error: %s\n", e.what());
    std::fprintf(stderr, "Run 'conform --help' (or 'conform SUBCOMMAND --help') for usage.\n");
    return kExitBadInput;
  }

  if (requirements->parsed()) return RunRequirements(req);
  if (validate->parsed()) return RunPacksValidate(validate_dir);
  if (test->parsed()) return RunPacksTest(test_dir);
  if (vocabulary->parsed()) return RunVocabulary(vocab_dir);
  if (screen->parsed()) return RunScreenCommand(scr);
  if (credential_exit >= 0) return credential_exit;
  if (match_eval_exit >= 0) return match_eval_exit;
  if (recalls_exit >= 0) return recalls_exit;
  return kExitBadInput;
}

int main(int argc, char** argv) {
  // A data directory named by the environment that is not there: said as
  // such, not as a file of it that cannot be opened.
  if (const char* env = std::getenv("CONFORM_DATA"); env != nullptr && *env != '\0') {
    std::error_code ec;
    if (!std::filesystem::is_directory(env, ec)) {
      std::fprintf(stderr, "conform: error: CONFORM_DATA=%s is not a directory (set it to a data directory such as the repository's data/, "
                           "or unset it to use the shipped data)\n",
                   ForTerminal(env).c_str());
      return kExitBadInput;
    }
  }
  const int code = RunCli(argc, argv);
  // What was printed must have reached its reader: a full disk or a closed
  // pipe behind standard output is an error, not a success.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "conform: error: cannot write to standard output: %s (nothing printed can be trusted complete; check the disk or "
                         "the program reading it)\n",
                 std::strerror(errno));
    return code == 0 || code == 1 ? kExitBadInput : code;
  }
  return code;
}
