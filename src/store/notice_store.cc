#include "conform/store/notice_store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "conform/recalls/feed_import.h"
#include "sqlite_db.h"
#include <map>
#include <utility>

namespace conform {

namespace {

using store::Stmt;

// "cnfN": a notice store.
const store::StoreKind& Kind() {
  static const store::StoreKind kind{0x636E664E,
                                     {
      // 1: notices keyed by (source, id), their GTINs for lookups, and the
      // versions an update replaced.
      R"sql(
        CREATE TABLE notices (
          source TEXT NOT NULL,
          id TEXT NOT NULL,
          published TEXT,
          updated TEXT,
          notice TEXT NOT NULL,
          first_imported TEXT NOT NULL,
          last_changed TEXT NOT NULL,
          PRIMARY KEY (source, id)
        ) WITHOUT ROWID;
        CREATE INDEX notices_published ON notices(published);
        CREATE INDEX notices_updated ON notices(updated);
        CREATE TABLE notice_gtins (
          gtin TEXT NOT NULL,
          source TEXT NOT NULL,
          id TEXT NOT NULL,
          PRIMARY KEY (gtin, source, id),
          FOREIGN KEY (source, id) REFERENCES notices(source, id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE TABLE notice_versions (
          source TEXT NOT NULL,
          id TEXT NOT NULL,
          replaced_at TEXT NOT NULL,
          notice TEXT NOT NULL
        );
        CREATE INDEX notice_versions_key ON notice_versions(source, id);
      )sql",
      // 2: a notice's GTIN rows found by the notice, for the update that
      // replaces them (and the cascade of a delete); by the table's key
      // alone, which starts with the GTIN, each update read every row.
      R"sql(
        CREATE INDEX notice_gtins_notice ON notice_gtins(source, id);
      )sql",
      // 3: notices in a rowid table, their key in an index of its own. In
      // the version-2 table the key shared its b-tree with the notice
      // text, and a key search that met a notice spilling onto overflow
      // pages copied the whole text to compare: a GTIN row's foreign-key
      // check did so against its own notice, so a notice of 40 000
      // barcodes took seconds to import. The GTIN table is made again to
      // refer to the new one; dropping the children first keeps the
      // parents' drop from cascading into them.
      R"sql(
        CREATE TABLE notices_v3 (
          source TEXT NOT NULL,
          id TEXT NOT NULL,
          published TEXT,
          updated TEXT,
          notice TEXT NOT NULL,
          first_imported TEXT NOT NULL,
          last_changed TEXT NOT NULL,
          PRIMARY KEY (source, id)
        );
        INSERT INTO notices_v3 (source, id, published, updated, notice, first_imported, last_changed)
          SELECT source, id, published, updated, notice, first_imported, last_changed FROM notices ORDER BY source, id;
        CREATE TABLE notice_gtins_v3 (
          gtin TEXT NOT NULL,
          source TEXT NOT NULL,
          id TEXT NOT NULL,
          PRIMARY KEY (gtin, source, id),
          FOREIGN KEY (source, id) REFERENCES notices_v3(source, id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        INSERT INTO notice_gtins_v3 (gtin, source, id) SELECT gtin, source, id FROM notice_gtins;
        DROP TABLE notice_gtins;
        DROP TABLE notices;
        ALTER TABLE notices_v3 RENAME TO notices;
        ALTER TABLE notice_gtins_v3 RENAME TO notice_gtins;
        CREATE INDEX notices_published ON notices(published);
        CREATE INDEX notices_updated ON notices(updated);
        CREATE INDEX notice_gtins_notice ON notice_gtins(source, id);
      )sql",
                                     },
                                     "notice store",
                                     "--db",
                                     "conform recalls import --source S FEED --db FILE",
                                     /*readable_from=*/1};
  return kind;
}

// What `incoming` leaves out that `stored` says: the names of the fields
// and lists `stored` fills and `incoming` leaves empty. A version that says
// less is a thinner form of the same notice (a search result against the
// full record, a weekly export without dates against the open data), not
// an edit. A list that only drops some of its items is a correction (a
// wrongly listed GTIN taken out), and no thinner.
std::vector<std::string_view> LeftOut(const Notice& stored, const Notice& incoming) {
  std::vector<std::string_view> out;
  const auto emptied = [&](std::string_view name, const auto& a, const auto& b) {
    if (!a.empty() && b.empty()) out.push_back(name);
  };
  const auto date = [&](std::string_view name, const std::optional<Date>& a, const std::optional<Date>& b) {
    if (a && !b) out.push_back(name);
  };
  date("publication date", stored.published, incoming.published);
  date("date of last change", stored.updated, incoming.updated);
  date("start date", stored.started, incoming.started);
  emptied("title", stored.title, incoming.title);
  emptied("product name", stored.product_name, incoming.product_name);
  emptied("description", stored.description, incoming.description);
  emptied("category", stored.category, incoming.category);
  emptied("brands", stored.brands, incoming.brands);
  emptied("companies", stored.companies, incoming.companies);
  emptied("model numbers", stored.model_numbers, incoming.model_numbers);
  emptied("GTINs", stored.gtins, incoming.gtins);
  emptied("ASINs", stored.asins, incoming.asins);
  emptied("batch numbers", stored.batch_numbers, incoming.batch_numbers);
  emptied("hazard types", stored.hazard_types, incoming.hazard_types);
  emptied("hazard description", stored.hazard_description, incoming.hazard_description);
  emptied("risk level", stored.risk_level, incoming.risk_level);
  emptied("measures", stored.measures, incoming.measures);
  emptied("countries", stored.market_countries, incoming.market_countries);
  emptied("URL", stored.url, incoming.url);
  return out;
}

// `dated` with what `other`, another form of the same notice, adds: the
// model numbers, GTINs, ASINs and batch numbers it lists that `dated` does
// not, and the fields and lists `dated` leaves empty. Safety Gate's open
// data and weekly export give one alert with different barcodes, a
// description or an origin only one of them has: a listing carrying any of
// them sells the recalled product. Returns the names of what was added
// (none: `merged` is `dated`).
std::vector<std::string_view> MergeForms(const Notice& dated, const Notice& other, Notice* merged) {
  *merged = dated;
  merged->other_form_raw = other.other_form_raw.empty() ? other.raw : other.other_form_raw;
  std::vector<std::string_view> added;
  const auto items = [&](std::string_view name, std::vector<std::string>* to, const std::vector<std::string>& from) {
    bool any = false;
    for (const auto& item : from)
      if (std::find(to->begin(), to->end(), item) == to->end()) {
        to->push_back(item);
        any = true;
      }
    if (any) added.push_back(name);
  };
  items("model numbers", &merged->model_numbers, other.model_numbers);
  items("GTINs", &merged->gtins, other.gtins);
  items("ASINs", &merged->asins, other.asins);
  items("batch numbers", &merged->batch_numbers, other.batch_numbers);
  const auto fill = [&](std::string_view name, auto* to, const auto& from) {
    if (to->empty() && !from.empty()) {
      *to = from;
      added.push_back(name);
    }
  };
  fill("title", &merged->title, other.title);
  fill("product name", &merged->product_name, other.product_name);
  fill("description", &merged->description, other.description);
  fill("category", &merged->category, other.category);
  fill("production period", &merged->production_period, other.production_period);
  fill("brands", &merged->brands, other.brands);
  fill("companies", &merged->companies, other.companies);
  fill("company recall code", &merged->company_recall_code, other.company_recall_code);
  fill("hazard types", &merged->hazard_types, other.hazard_types);
  fill("hazard description", &merged->hazard_description, other.hazard_description);
  fill("risk level", &merged->risk_level, other.risk_level);
  fill("measures", &merged->measures, other.measures);
  fill("origin countries", &merged->origin_countries, other.origin_countries);
  fill("notifying country", &merged->notifying_country, other.notifying_country);
  fill("countries", &merged->market_countries, other.market_countries);
  fill("sold at", &merged->sold_at, other.sold_at);
  fill("units", &merged->units, other.units);
  fill("URL", &merged->url, other.url);
  fill("related URLs", &merged->related_urls, other.related_urls);
  if (added.empty()) merged->other_form_raw = dated.other_form_raw;
  return added;
}

// A dated notice's last change for messages: its instant when the two
// compared give one, else its day.
std::string WhenChanged(const Notice& n) { return n.updated_at.empty() ? n.updated->ToString() : n.updated_at; }

// A notice's language for messages: its code, or the feeds' own.
std::string LanguageName(const std::string& code) { return code.empty() ? "English" : fmt::format("\"{}\"", code); }

// Whether `incoming` is to replace `kept`, the version stored or met
// earlier in the import, and why not.
// kMerge: `merged` (MergeForms) is to replace `kept`, and `left_out` names
// what the other form added.
enum class Succession { kTake, kSameNotice, kOlder, kUndated, kTranslation, kLessComplete, kMerge };

// With `corrections`, what a thinner form would be is taken, and forms are
// not merged. A dated form and an undated one are two forms of the notice
// (Notice::other_form_raw), whichever comes first: merged, the dated one's
// fields first. A later dated version of a merged notice is merged with
// the undated form again, not with the older dated one.
Succession Succeeds(const Notice& kept, const Notice& incoming, std::vector<std::string_view>* left_out, bool corrections, Notice* merged) {
  const auto merge = [&](const Notice& dated, const Notice& other) {
    *left_out = MergeForms(dated, other, merged);
    return !left_out->empty();
  };
  // The dated form a merged notice was made of, again.
  if (!kept.other_form_raw.empty() && incoming.raw == kept.raw && incoming.updated == kept.updated) return Succession::kSameNotice;
  if (kept.updated && incoming.updated) {
    // Of one day, the times when both give one (a feed's draft and final
    // version of a morning and an afternoon).
    const bool timed = *kept.updated == *incoming.updated && !kept.updated_at.empty() && !incoming.updated_at.empty();
    if (*incoming.updated < *kept.updated || (timed && incoming.updated_at < kept.updated_at)) return Succession::kOlder;
    if (!corrections && !kept.other_form_raw.empty()) {
      // Merged with the undated form alone, read again from its record:
      // what the older dated form listed and this one drops goes.
      auto undated = NoticeOfRecord(kept.source, kept.other_form_raw);
      const bool reread = undated.ok() && undated.value().id == kept.id && !undated.value().updated;
      if (merge(incoming, reread ? undated.value() : kept)) {
        merged->other_form_raw = kept.other_form_raw;
        return Succession::kMerge;
      }
    }
    if (*kept.updated < *incoming.updated || (timed && kept.updated_at < incoming.updated_at)) return Succession::kTake;
  } else if (kept.updated) {
    if (corrections) return Succession::kTake;
    if (incoming.raw == kept.other_form_raw) return Succession::kSameNotice;
    return merge(kept, incoming) ? Succession::kMerge : Succession::kUndated;
  } else if (incoming.updated) {
    return !corrections && merge(incoming, kept) ? Succession::kMerge : Succession::kTake;
  }
  // The same day, or neither dated. A feed that gives a notice in two
  // languages (Health Canada's English and French open data) gives one
  // notice: the feed's own language is kept, and replaces a translation.
  if (kept.language != incoming.language) return incoming.language.empty() ? Succession::kTake : Succession::kTranslation;
  // Feeds do not always move the date when
  // they edit, so an edit is taken; the same notice read from another form
  // of the feed (its raw record aside) is no change, and a thinner form
  // does not replace a fuller one.
  if (NoticeToJson(kept, /*with_raw=*/false) == NoticeToJson(incoming, /*with_raw=*/false)) return Succession::kSameNotice;
  if (corrections) return Succession::kTake;
  *left_out = LeftOut(kept, incoming);
  return left_out->empty() ? Succession::kTake : Succession::kLessComplete;
}

}  // namespace

NoticeStore::NoticeStore(std::unique_ptr<store::SqliteDb> db) : db_(std::move(db)) {}
NoticeStore::NoticeStore(NoticeStore&&) noexcept = default;
NoticeStore& NoticeStore::operator=(NoticeStore&&) noexcept = default;
NoticeStore::~NoticeStore() = default;

int NoticeStore::SchemaVersion() { return static_cast<int>(Kind().migrations.size()); }

Result<NoticeStore> NoticeStore::Open(const std::string& path) {
  auto db = store::OpenStore(path, Kind());
  if (!db.ok()) return db.error();
  return NoticeStore(std::move(db).value());
}

Result<NoticeStore> NoticeStore::OpenExisting(const std::string& path) {
  auto db = store::OpenStore(path, Kind(), store::OpenMode::kExisting);
  if (!db.ok()) return db.error();
  return NoticeStore(std::move(db).value());
}

Result<ImportCounts> NoticeStore::Import(const FeedImport& feed) { return Import(feed.notices, feed.skipped()); }

Result<ImportCounts> NoticeStore::Import(const std::vector<Notice>& notices, size_t skipped, bool corrections) {
  sqlite3* h = db_->handle;
  ImportCounts counts;
  counts.skipped = skipped;
  // A notice given twice counts once: the copy that succeeds the others
  // (Succeeds), ties going to the later one.
  std::map<std::pair<NoticeSource, std::string>, size_t> last;
  // Two forms of a notice merged in this import: the merged notice, under
  // the later one's index.
  // What the other form added is named when the store changes.
  std::map<size_t, std::pair<Notice, std::vector<std::string_view>>> merged_forms;
  const auto at = [&](size_t i) -> const Notice& {
    const auto m = merged_forms.find(i);
    return m == merged_forms.end() ? notices[i] : m->second.first;
  };
  const auto merge_note = [](const std::string& name, const std::vector<std::string_view>& added) {
    return fmt::format("{}: a dated and an undated form of the notice differ; the notice keeps the {} only the other form gives (and both "
                       "records)",
                       name, fmt::join(added, ", "));
  };
  for (size_t i = 0; i < notices.size(); ++i) {
    const Notice& n = notices[i];
    const auto [it, inserted] = last.emplace(std::make_pair(n.source, n.id), i);
    if (inserted) continue;
    const Notice& kept = at(it->second);
    const std::string name = fmt::format("{} {}", NoticeSourceName(n.source), n.id);
    std::vector<std::string_view> left_out;
    Notice merged;
    switch (Succeeds(kept, n, &left_out, corrections, &merged)) {
      case Succession::kTake:
        // Of the same time (or both undated), the one given later is
        // taken: said, as a feed's own repeats are; not for a fuller form
        // that replaces a thinner.
        if (kept.updated == n.updated && kept.updated_at == n.updated_at && kept.language == n.language && LeftOut(n, kept).empty())
          counts.kept_newer.push_back(fmt::format("{}: two versions of the same {} differ in this import; the one given later is kept", name,
                                                  n.updated ? "date" : "undated form"));
        it->second = i;
        break;
      case Succession::kSameNotice:
        // The same notice again, or one of the two forms a merged notice
        // was made of: the one met first stays, as a stored one does.
        break;
      case Succession::kMerge:
        merged_forms[i] = {std::move(merged), std::move(left_out)};
        it->second = i;
        break;
      case Succession::kOlder:
        counts.kept_newer.push_back(fmt::format("{}: a version dated {} comes after one dated {} in this import; the newer is kept", name,
                                                WhenChanged(n), WhenChanged(kept)));
        break;
      case Succession::kUndated:
        counts.kept_newer.push_back(fmt::format("{}: a version without a date comes after one dated {} in this import; the dated one is kept",
                                                name, kept.updated->ToString()));
        break;
      case Succession::kTranslation:
        counts.kept_newer.push_back(fmt::format("{}: a version in another language (\"{}\") comes after the {} in this import; the {} is "
                                                "kept",
                                                name, n.language, LanguageName(kept.language), LanguageName(kept.language)));
        break;
      case Succession::kLessComplete:
        counts.kept_newer.push_back(fmt::format("{}: a version that leaves out the {} of an earlier one in this import comes after it; the "
                                                "fuller one is kept",
                                                name, fmt::join(left_out, ", ")));
        break;
    }
  }

  const std::string now = store::NowUtc();
  auto run = [&]() -> Status {
    Stmt select(h, "SELECT notice, updated FROM notices WHERE source = ?1 AND id = ?2");
    Stmt insert(h, "INSERT INTO notices (source, id, published, updated, notice, first_imported, last_changed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
    Stmt update(h, "UPDATE notices SET published = ?3, updated = ?4, notice = ?5, last_changed = ?6 WHERE source = ?1 AND id = ?2");
    Stmt keep(h, "INSERT INTO notice_versions (source, id, replaced_at, notice) VALUES (?1, ?2, ?3, ?4)");
    Stmt drop_gtins(h, "DELETE FROM notice_gtins WHERE source = ?1 AND id = ?2");
    Stmt add_gtin(h, "INSERT OR IGNORE INTO notice_gtins (gtin, source, id) VALUES (?1, ?2, ?3)");
    for (Stmt* s : {&select, &insert, &update, &keep, &drop_gtins, &add_gtin})
      if (!s->ok()) return db_->Fail("cannot prepare the import");
    for (size_t i = 0; i < notices.size(); ++i) {
      if (last[{notices[i].source, notices[i].id}] != i) continue;
      Notice merged;
      const Notice& n = at(i);
      const Notice* written = &n;  // n, or n merged with the stored form
      const std::string source(NoticeSourceName(n.source));
      std::string json = NoticeToJson(*written, /*with_raw=*/true);
      select.Reset();
      select.Bind(1, source).Bind(2, n.id);
      const int rc = select.Step();
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_->Fail(fmt::format("cannot read notice {} {}", source, n.id));
      const bool exists = rc == SQLITE_ROW;
      const std::string previous = exists ? select.Text(0) : "";
      if (exists && previous == json) {
        ++counts.unchanged;
        continue;
      }
      if (exists) {
        auto stored = NoticeFromJson(previous);
        if (!stored.ok())
          return Error(ErrorCode::kInvalidInput, {Diagnostic{db_->path, 0, 0,
                                                             fmt::format("the stored notice {} {} is unreadable: {}", source, n.id,
                                                                         stored.error().ToString()),
                                                             "restore the store from a copy, or import into a new one"}});
        std::vector<std::string_view> left_out;
        const Succession succession = Succeeds(stored.value(), n, &left_out, corrections, &merged);
        const std::string name = fmt::format("{} {}", source, n.id);
        if (succession == Succession::kMerge) {
          json = NoticeToJson(merged, /*with_raw=*/true);
          if (json == previous) {
            ++counts.unchanged;
            continue;
          }
          counts.kept_newer.push_back(merge_note(name, left_out));
          written = &merged;
        }
        if (succession == Succession::kSameNotice) {
          ++counts.unchanged;
          continue;
        }
        if (succession == Succession::kOlder) {
          ++counts.older;
          counts.kept_newer.push_back(fmt::format("{}: the version dated {} is older than the stored one of {}; the stored version is kept", name,
                                                  WhenChanged(n), WhenChanged(stored.value())));
          continue;
        }
        if (succession == Succession::kUndated) {
          ++counts.less_complete;
          counts.kept_newer.push_back(
              fmt::format("{}: the version imported has no date, the stored one is dated {}; the stored version is kept (import with "
                          "--corrections if it corrects the stored one)",
                          name, stored.value().updated->ToString()));
          continue;
        }
        if (succession == Succession::kTranslation) {
          ++counts.other_language;
          counts.kept_newer.push_back(fmt::format("{}: the version imported is in another language (\"{}\") than the stored one, in {}; the "
                                                  "stored version is kept",
                                                  name, n.language, LanguageName(stored.value().language)));
          continue;
        }
        if (succession == Succession::kLessComplete) {
          ++counts.less_complete;
          counts.kept_newer.push_back(fmt::format("{}: the version imported leaves out the {} of the stored one; the stored version is kept, "
                                                  "and matched on as it is (import with --corrections if it corrects the stored one)",
                                                  name, fmt::join(left_out, ", ")));
          continue;
        }
        // Neither dated: nothing tells an edit from an older snapshot
        // imported again. Taken as an edit; identifiers it drops are said.
        if (succession == Succession::kTake && !n.updated && !stored.value().updated) {
          size_t dropped = 0;
          for (std::vector<std::string> Notice::*list : {&Notice::gtins, &Notice::model_numbers, &Notice::asins})
            for (const auto& id : stored.value().*list)
              dropped += std::find((n.*list).begin(), (n.*list).end(), id) == (n.*list).end();
          if (dropped > 0)
            counts.kept_newer.push_back(fmt::format("{}: the version imported, undated as the stored one, drops {} of its GTINs, ASINs or model "
                                                    "numbers; taken as the feed's edit (import the snapshot meant last to undo it)",
                                                    name, dropped));
        }
      }
      if (const auto m = merged_forms.find(i); m != merged_forms.end() && written == &n)
        counts.kept_newer.push_back(merge_note(fmt::format("{} {}", source, n.id), m->second.second));
      if (exists) {
        keep.Reset();
        keep.Bind(1, source).Bind(2, n.id).Bind(3, now).Bind(4, previous);
        if (keep.Step() != SQLITE_DONE) return db_->Fail(fmt::format("cannot keep the previous version of notice {} {}", source, n.id));
        drop_gtins.Reset();
        drop_gtins.Bind(1, source).Bind(2, n.id);
        if (drop_gtins.Step() != SQLITE_DONE) return db_->Fail(fmt::format("cannot update notice {} {}", source, n.id));
      }
      Stmt& write = exists ? update : insert;
      write.Reset();
      write.Bind(1, source).Bind(2, n.id).Bind(3, written->published).Bind(4, written->updated).Bind(5, json).Bind(6, now);
      if (write.Step() != SQLITE_DONE) return db_->Fail(fmt::format("cannot write notice {} {}", source, n.id));
      for (const auto& g : written->gtins) {
        add_gtin.Reset();
        add_gtin.Bind(1, g).Bind(2, source).Bind(3, n.id);
        if (add_gtin.Step() != SQLITE_DONE) return db_->Fail(fmt::format("cannot index the GTINs of notice {} {}", source, n.id));
      }
      ++(exists ? counts.updated : counts.added);
    }
    return Status::Ok();
  };
  if (Status st = db_->Transaction("cannot import", "nothing was imported", run); !st.ok()) return st.error();
  return counts;
}

namespace {

Result<std::vector<Notice>> ReadNotices(sqlite3* h, const std::string& path, const char* sql, const std::vector<std::string>& args) {
  Stmt s(h, sql);
  if (!s.ok()) return Error(ErrorCode::kIo, {Diagnostic{path, 0, 0, fmt::format("cannot read notices: {}", sqlite3_errmsg(h)), ""}});
  for (size_t i = 0; i < args.size(); ++i) s.Bind(static_cast<int>(i + 1), args[i]);
  std::vector<Notice> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    auto n = NoticeFromJson(s.Text(0));
    if (!n.ok()) return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("a stored notice is unreadable: {}", n.error().ToString()), ""}});
    out.push_back(std::move(n).value());
  }
  if (rc != SQLITE_DONE) return Error(ErrorCode::kIo, {Diagnostic{path, 0, 0, fmt::format("cannot read notices: {}", sqlite3_errmsg(h)), ""}});
  return out;
}

constexpr const char* kOrder = " ORDER BY n.source, n.published IS NULL, n.published, n.id";

}  // namespace

Result<std::vector<Notice>> NoticeStore::All() const {
  return ReadNotices(db_->handle, db_->path, fmt::format("SELECT n.notice FROM notices n{}", kOrder).c_str(), {});
}

Result<std::vector<Notice>> NoticeStore::BySource(NoticeSource source) const {
  return ReadNotices(db_->handle, db_->path, fmt::format("SELECT n.notice FROM notices n WHERE n.source = ?1{}", kOrder).c_str(),
                     {std::string(NoticeSourceName(source))});
}

Result<std::optional<Notice>> NoticeStore::Find(NoticeSource source, std::string_view id) const {
  auto r = ReadNotices(db_->handle, db_->path, "SELECT n.notice FROM notices n WHERE n.source = ?1 AND n.id = ?2",
                       {std::string(NoticeSourceName(source)), std::string(id)});
  if (!r.ok()) return r.error();
  if (r.value().empty()) return std::optional<Notice>();
  return std::optional<Notice>(std::move(r.value().front()));
}

Result<std::vector<Notice>> NoticeStore::Since(Date day) const {
  return ReadNotices(db_->handle, db_->path,
                     fmt::format("SELECT n.notice FROM notices n WHERE n.published >= ?1 OR n.updated >= ?1{}", kOrder).c_str(), {day.ToString()});
}

Result<std::vector<Notice>> NoticeStore::WithGtin(std::string_view gtin) const {
  return ReadNotices(db_->handle, db_->path,
                     fmt::format("SELECT n.notice FROM notices n JOIN notice_gtins g ON g.source = n.source AND g.id = n.id WHERE g.gtin = ?1{}", kOrder).c_str(),
                     {std::string(gtin)});
}

Result<std::vector<NoticeVersion>> NoticeStore::History(NoticeSource source, std::string_view id) const {
  Stmt s(db_->handle, "SELECT replaced_at, notice FROM notice_versions WHERE source = ?1 AND id = ?2 ORDER BY rowid");
  if (!s.ok()) return db_->Fail("cannot read the notice's history");
  s.Bind(1, NoticeSourceName(source)).Bind(2, id);
  std::vector<NoticeVersion> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    auto n = NoticeFromJson(s.Text(1));
    if (!n.ok()) return Error(ErrorCode::kInvalidInput, {Diagnostic{db_->path, 0, 0, fmt::format("a stored version is unreadable: {}", n.error().ToString()), ""}});
    out.push_back({s.Text(0), std::move(n).value()});
  }
  if (rc != SQLITE_DONE) return db_->Fail("cannot read the notice's history");
  return out;
}

Result<size_t> NoticeStore::Count() const {
  auto n = db_->QueryInt("SELECT count(*) FROM notices");
  if (!n.ok()) return n.error();
  return static_cast<size_t>(n.value());
}

Result<std::vector<std::pair<NoticeSource, std::string>>> NoticeStore::Ids() const {
  Stmt s(db_->handle, "SELECT source, id FROM notices");
  if (!s.ok()) return db_->Fail("cannot read the notices' ids");
  std::vector<std::pair<NoticeSource, std::string>> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    auto source = ParseNoticeSource(s.Text(0));
    if (!source.ok())
      return Error(ErrorCode::kInvalidInput, {Diagnostic{db_->path, 0, 0, fmt::format("a stored notice has an unknown source '{}'", s.Text(0)), ""}});
    out.emplace_back(source.value(), std::string(s.Text(1)));
  }
  if (rc != SQLITE_DONE) return db_->Fail("cannot read the notices' ids");
  return out;
}

}  // namespace conform
