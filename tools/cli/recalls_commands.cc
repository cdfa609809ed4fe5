#include "recalls_commands.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli_files.h"
#include "conform/core/text.h"
#include "conform/recalls/feed_import.h"
#include "conform/recalls/notice.h"
#include "conform/store/notice_store.h"

namespace conform::cli {

namespace {

constexpr int kOk = 0, kSkipped = 1, kBadInput = 2;

int Report(const Error& e) {
  std::fprintf(stderr, "conform: error: %s\n", e.ToString().c_str());
  return kBadInput;
}

struct Args {
  std::string source;
  std::vector<std::string> files;
  std::string db;
  std::string format = "table";
  std::string since;
  bool quiet = false;
  bool raw = false;
};

int RunImport(const Args& args) {
  auto source = ParseNoticeSource(args.source);
  if (!source.ok()) return Report(source.error());
  // Every file is read and checked before the store is touched, so one bad
  // file leaves the store as it was.
  std::vector<Notice> notices;
  size_t skipped = 0;
  for (const auto& file : args.files) {
    auto text = ReadFileText(file);
    if (!text.ok()) return Report(text.error());
    auto feed = ImportFeed(source.value(), text.value());
    if (!feed.ok()) {
      std::vector<Diagnostic> d = feed.error().diagnostics();
      for (auto& x : d) x.file = file;
      return Report(Error(feed.error().code(), std::move(d)));
    }
    const FeedImport& f = feed.value();
    for (const auto& p : f.problems)
      if (p.skipped || !args.quiet) std::fprintf(stderr, "conform: %s: %s\n", file.c_str(), p.ToString().c_str());
    std::printf("%s: %zu records, %zu notices, %zu skipped, %zu warnings\n", file.c_str(), f.records, f.notices.size(), f.skipped(), f.warnings());
    skipped += f.skipped();
    notices.insert(notices.end(), f.notices.begin(), f.notices.end());
  }
  auto store = NoticeStore::Open(args.db);
  if (!store.ok()) return Report(store.error());
  auto counts = store.value().Import(notices, skipped);
  if (!counts.ok()) return Report(counts.error());
  const ImportCounts& c = counts.value();
  std::printf("%s: %zu new, %zu updated, %zu unchanged, %zu skipped (%s)\n", args.source.c_str(), c.added, c.updated, c.unchanged, c.skipped,
              args.db.c_str());
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
  if (!std::filesystem::exists(args.db))
    return Report(Error(ErrorCode::kNotFound, {Diagnostic{args.db, 0, 0, "no notice store here", "create one with `conform recalls import`"}}));
  auto store = NoticeStore::Open(args.db);
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
    const std::string date = n->published ? n->published->ToString() : "-";
    const std::string hazard = !n->hazard_types.empty() ? Join(n->hazard_types, ", ") : n->hazard_description;
    const std::string product = !n->product_name.empty() ? n->product_name : n->title;
    std::printf("%s %s %s %s %s %s %s\n", Pad(std::string(NoticeSourceName(n->source)), 16).c_str(), Pad(Fit(n->id, 14), 14).c_str(),
                Pad(date, 10).c_str(), Pad(Fit(Join(n->brands, ", "), 18), 18).c_str(), Pad(Fit(product, 32), 32).c_str(),
                Pad(std::to_string(n->gtins.size()), 5).c_str(), Fit(hazard, 40).c_str());
  }
  std::printf("%zu notice%s\n", shown.size(), shown.size() == 1 ? "" : "s");
  return kOk;
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
  import->callback([args, exit_code] { *exit_code = RunImport(*args); });

  auto* list = recalls->add_subcommand("list", "List the notices in a store");
  list->add_option("--db", args->db, "Notice store (SQLite file)")->required();
  list->add_option("--source", args->source, "Only this source's notices")->check(CLI::IsMember(sources));
  list->add_option("--since", args->since, "Only notices published or updated on or after this date, YYYY-MM-DD");
  list->add_option("-f,--format", args->format, "Output format")->check(CLI::IsMember({"table", "json"}));
  list->add_flag("--raw", args->raw, "With --format json: include each feed record as it came");
  list->callback([args, exit_code] { *exit_code = RunList(*args); });
}

}  // namespace conform::cli
