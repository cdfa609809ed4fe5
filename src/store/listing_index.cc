#include "conform/store/listing_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "sqlite_db.h"

namespace conform {

namespace {

using store::Stmt;

// "cnfL": a listing index.
const store::StoreKind& Kind() {
  static const store::StoreKind kind{0x636E664C,
                                     {
                                         // 1: listings by id with what matching reads (JSON), their
                                         // blocking keys, and the key scheme they were made under.
                                         // Keys are deleted with their listing by the code, not by a
                                         // foreign key: checking one per key row halves bulk writes.
                                         R"sql(
        CREATE TABLE meta (
          name TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE listings (
          id TEXT PRIMARY KEY,
          record TEXT NOT NULL,
          indexed TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE listing_keys (
          key TEXT NOT NULL,
          id TEXT NOT NULL,
          PRIMARY KEY (key, id)
        ) WITHOUT ROWID;
        CREATE INDEX listing_keys_id ON listing_keys(id);
      )sql",
                                     },
                                     "listing index",
                                     "--index",
                                     "conform recalls index LISTINGS --index FILE"};
  return kind;
}

// The stored form: fields and keys in one JSON text, keys sorted, so that
// "unchanged" is a string comparison.
std::string RecordJson(const IndexedListing& l, std::vector<std::string> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  nlohmann::json j;
  j["title"] = l.listing.title;
  j["brand"] = l.listing.brand;
  j["model"] = l.listing.model;
  j["category"] = l.listing.category;
  j["gtin"] = l.listing.gtin;
  if (!l.listing.description.empty()) j["description"] = l.listing.description;
  j["keys"] = keys;
  // Invalid UTF-8 in a listing is replaced, not a reason to lose the listing.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<IndexedListing> RecordFromJson(const std::string& id, const std::string& text, const std::string& path) {
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object())
    return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("the stored listing {} is unreadable", id), "index the listings again with --replace"}});
  IndexedListing l;
  l.listing.listing_id = id;
  l.listing.title = j.value("title", "");
  l.listing.brand = j.value("brand", "");
  l.listing.model = j.value("model", "");
  l.listing.category = j.value("category", "");
  l.listing.gtin = j.value("gtin", "");
  l.listing.description = j.value("description", "");
  if (auto k = j.find("keys"); k != j.end() && k->is_array())
    for (const auto& key : *k)
      if (key.is_string()) l.keys.push_back(key.get<std::string>());
  return l;
}

}  // namespace

ListingIndex::ListingIndex(std::unique_ptr<store::SqliteDb> db, std::string key_scheme, std::string stale_scheme)
    : db_(std::move(db)), key_scheme_(std::move(key_scheme)), stale_scheme_(std::move(stale_scheme)) {}
ListingIndex::ListingIndex(ListingIndex&&) noexcept = default;
ListingIndex& ListingIndex::operator=(ListingIndex&&) noexcept = default;
ListingIndex::~ListingIndex() = default;

int ListingIndex::SchemaVersion() { return static_cast<int>(Kind().migrations.size()); }

Result<ListingIndex> ListingIndex::Open(const std::string& path, std::string_view key_scheme) {
  return OpenIn(path, key_scheme, /*create=*/true);
}

Result<ListingIndex> ListingIndex::OpenExisting(const std::string& path, std::string_view key_scheme) {
  return OpenIn(path, key_scheme, /*create=*/false);
}

Result<ListingIndex> ListingIndex::OpenIn(const std::string& path, std::string_view key_scheme, bool create) {
  auto opened = store::OpenStore(path, Kind(), create ? store::OpenMode::kCreate : store::OpenMode::kExisting);
  if (!opened.ok()) return opened.error();
  std::unique_ptr<store::SqliteDb> db = std::move(opened).value();
  Stmt get(db->handle, "SELECT value FROM meta WHERE name = 'key_scheme'");
  if (!get.ok()) return db->Fail("cannot read the listing index");
  const int rc = get.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db->Fail("cannot read the listing index");
  const std::string stored = rc == SQLITE_ROW ? get.Text(0) : "";
  std::string stale;  // the other scheme the held listings were keyed under
  if (stored != key_scheme) {
    auto held = db->QueryInt("SELECT count(*) FROM listings");
    if (!held.ok()) return held.error();
    if (held.value() > 0) {
      // Listings with no recorded scheme were keyed by who knows what.
      stale = stored.empty() ? "(none recorded)" : stored;
    } else if (create) {  // an empty index just takes the new scheme
      Stmt set(db->handle, "INSERT OR REPLACE INTO meta (name, value) VALUES ('key_scheme', ?1)");
      if (!set.ok()) return db->Fail("cannot write the listing index");
      set.Bind(1, key_scheme);
      if (set.Step() != SQLITE_DONE) return db->Fail("cannot write the listing index");
    }
  }
  // A large index is written and read in big batches: a 128 MiB page cache
  // instead of SQLite's 2 MiB.
  if (Status st = db->Exec("PRAGMA cache_size = -131072", "cannot set up the listing index"); !st.ok()) return st.error();
  return ListingIndex(std::move(db), std::string(key_scheme), std::move(stale));
}

Status ListingIndex::RefuseStale() const {
  if (stale_scheme_.empty()) return Status::Ok();
  // Keys made another way would answer wrongly.
  return Error(ErrorCode::kInvalidInput,
               {Diagnostic{db_->path, 0, 0, fmt::format("the listings here were indexed with blocking keys \"{}\"; this build makes \"{}\"", stale_scheme_, key_scheme_),
                           "index the live listings again: conform recalls index LISTINGS --index FILE --replace"}});
}

namespace {

// Key rows from which a Put into an empty key table builds the index by
// listing id after the rows rather than row by row.
constexpr size_t kBulkKeyRows = 10000;

}  // namespace

Result<IndexCounts> ListingIndex::Put(const std::vector<IndexedListing>& listings, bool replace_all) {
  if (!replace_all)
    if (Status st = RefuseStale(); !st.ok()) return st.error();
  sqlite3* h = db_->handle;
  std::map<std::string_view, size_t> last;  // a listing given twice: the later copy
  for (size_t i = 0; i < listings.size(); ++i) last[listings[i].listing.listing_id] = i;
  IndexCounts counts;
  const std::string now = store::NowUtc();
  std::vector<std::pair<std::string_view, std::string_view>> key_rows;  // key, listing id
  auto run = [&]() -> Status {
    if (!stale_scheme_.empty()) {
      // Re-keyed from scratch, in the same transaction as the new keys.
      if (Status st = db_->Exec("DELETE FROM listing_keys; DELETE FROM listings;", "cannot re-key the listing index"); !st.ok()) return st;
      Stmt set(h, "INSERT OR REPLACE INTO meta (name, value) VALUES ('key_scheme', ?1)");
      if (!set.ok()) return db_->Fail("cannot write the listing index");
      set.Bind(1, key_scheme_);
      if (set.Step() != SQLITE_DONE) return db_->Fail("cannot write the listing index");
    }
    Stmt select(h, "SELECT record FROM listings WHERE id = ?1");
    Stmt upsert(h, "INSERT OR REPLACE INTO listings (id, record, indexed) VALUES (?1, ?2, ?3)");
    Stmt drop_keys(h, "DELETE FROM listing_keys WHERE id = ?1");
    Stmt add_key(h, "INSERT OR IGNORE INTO listing_keys (key, id) VALUES (?1, ?2)");
    for (Stmt* s : {&select, &upsert, &drop_keys, &add_key})
      if (!s->ok()) return db_->Fail("cannot prepare the index update");
    for (size_t i = 0; i < listings.size(); ++i) {
      const IndexedListing& l = listings[i];
      const std::string& id = l.listing.listing_id;
      if (id.empty()) return Error(ErrorCode::kInvalidInput, {Diagnostic{db_->path, 0, 0, "a listing without listing_id cannot be indexed", "give every listing an id"}});
      if (last[id] != i) continue;
      const std::string record = RecordJson(l, l.keys);
      select.Reset();
      select.Bind(1, id);
      const int rc = select.Step();
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_->Fail(fmt::format("cannot read listing {}", id));
      const bool exists = rc == SQLITE_ROW;
      if (exists && select.Text(0) == record) {
        ++counts.unchanged;
        continue;
      }
      if (exists) {
        drop_keys.Reset();
        drop_keys.Bind(1, id);
        if (drop_keys.Step() != SQLITE_DONE) return db_->Fail(fmt::format("cannot update listing {}", id));
      }
      upsert.Reset();
      upsert.Bind(1, id).Bind(2, record).Bind(3, now);
      if (upsert.Step() != SQLITE_DONE) return db_->Fail(fmt::format("cannot write listing {}", id));
      for (const auto& key : l.keys) key_rows.emplace_back(key, id);
      ++(exists ? counts.updated : counts.added);
    }
    // Keys go in in key order: appending to the B-tree instead of writing
    // all over it is several times faster for a large index.
    std::sort(key_rows.begin(), key_rows.end());
    key_rows.erase(std::unique(key_rows.begin(), key_rows.end()), key_rows.end());
    // The index by listing id, though, would take them in no order at all:
    // into an empty table, many keys go in without it and it is built
    // afterwards in one sorted pass (inside the same transaction).
    bool rebuild_id_index = false;
    if (key_rows.size() >= kBulkKeyRows) {
      Stmt any(h, "SELECT 1 FROM listing_keys LIMIT 1");
      if (!any.ok()) return db_->Fail("cannot read the listing index");
      const int rc = any.Step();
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_->Fail("cannot read the listing index");
      rebuild_id_index = rc == SQLITE_DONE;
    }
    if (rebuild_id_index) {
      select.Reset();  // a statement left reading would keep the schema from changing
      if (Status st = db_->Exec("DROP INDEX listing_keys_id", "cannot update the listing index"); !st.ok()) return st;
    }
    for (const auto& [key, id] : key_rows) {
      add_key.Reset();
      add_key.Bind(1, key).Bind(2, id);
      if (add_key.Step() != SQLITE_DONE) return db_->Fail(fmt::format("cannot write the keys of listing {}", id));
    }
    if (rebuild_id_index)
      if (Status st = db_->Exec("CREATE INDEX listing_keys_id ON listing_keys(id)", "cannot update the listing index"); !st.ok()) return st;
    if (!replace_all) return Status::Ok();
    // Everything not given is no longer live.
    if (Status st = db_->Exec("CREATE TEMP TABLE IF NOT EXISTS live (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM live;", "cannot update the index");
        !st.ok())
      return st;
    Stmt live(h, "INSERT OR IGNORE INTO live (id) VALUES (?1)");
    if (!live.ok()) return db_->Fail("cannot update the index");
    for (const auto& [id, i] : last) {
      live.Reset();
      live.Bind(1, id);
      if (live.Step() != SQLITE_DONE) return db_->Fail("cannot update the index");
    }
    if (Status st = db_->Exec("DELETE FROM listing_keys WHERE id NOT IN (SELECT id FROM live)", "cannot remove listings no longer live"); !st.ok())
      return st;
    if (Status st = db_->Exec("DELETE FROM listings WHERE id NOT IN (SELECT id FROM live)", "cannot remove listings no longer live"); !st.ok())
      return st;
    counts.removed = static_cast<size_t>(sqlite3_changes(h));
    return db_->Exec("DELETE FROM live", "cannot update the index");
  };
  if (Status st = db_->Transaction("cannot update the listing index", "the index was left as it was", run); !st.ok()) return st.error();
  stale_scheme_.clear();
  return counts;
}

Result<IndexCounts> ListingIndex::Remove(const std::vector<std::string>& listing_ids) {
  if (Status st = RefuseStale(); !st.ok()) return st.error();
  IndexCounts counts;
  auto run = [&]() -> Status {
    Stmt drop(db_->handle, "DELETE FROM listings WHERE id = ?1");
    Stmt drop_keys(db_->handle, "DELETE FROM listing_keys WHERE id = ?1");
    if (!drop.ok() || !drop_keys.ok()) return db_->Fail("cannot prepare the removal");
    for (const auto& id : listing_ids) {
      drop.Reset();
      drop.Bind(1, id);
      if (drop.Step() != SQLITE_DONE) return db_->Fail(fmt::format("cannot remove listing {}", id));
      counts.removed += static_cast<size_t>(sqlite3_changes(db_->handle));
      drop_keys.Reset();
      drop_keys.Bind(1, id);
      if (drop_keys.Step() != SQLITE_DONE) return db_->Fail(fmt::format("cannot remove listing {}", id));
    }
    return Status::Ok();
  };
  if (Status st = db_->Transaction("cannot update the listing index", "the index was left as it was", run); !st.ok()) return st.error();
  return counts;
}

Result<std::vector<std::string>> ListingIndex::Holders(std::string_view key, size_t limit) const {
  if (Status st = RefuseStale(); !st.ok()) return st.error();
  Stmt s(db_->handle, "SELECT id FROM listing_keys WHERE key = ?1 ORDER BY id LIMIT ?2");
  if (!s.ok()) return db_->Fail("cannot read the listing index");
  s.Bind(1, key).Bind(2, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
  std::vector<std::string> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out.push_back(s.Text(0));
  if (rc != SQLITE_DONE) return db_->Fail("cannot read the listing index");
  return out;
}

Result<CandidateListings> ListingIndex::Candidates(const std::vector<std::string>& keys,
                                                   const std::function<size_t(std::string_view)>& limit) const {
  CandidateListings out;
  std::vector<std::string> ids;
  for (const auto& key : keys) {
    const size_t most = limit(key);
    // One more than the limit tells "too many" from "exactly".
    auto holders = Holders(key, most == SIZE_MAX ? SIZE_MAX : most + 1);
    if (!holders.ok()) return holders.error();
    if (holders.value().size() > most) {
      out.over_limit.insert(key);
      continue;
    }
    ids.insert(ids.end(), holders.value().begin(), holders.value().end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto listings = Get(ids);
  if (!listings.ok()) return listings.error();
  // Every key row names a held listing (one transaction writes both): a
  // key whose listing is gone, or a blank one, is a damaged file, and
  // answering without those listings would hide them.
  if (listings.value().size() != ids.size() || (!ids.empty() && ids.front().empty()))
    return Error(ErrorCode::kInvalidInput,
                 {Diagnostic{db_->path, 0, 0, "the listing index is damaged: blocking keys name listings it does not hold",
                             "index the live listings again in a new file: conform recalls index LISTINGS --index FILE"}});
  out.listings = std::move(listings).value();
  return out;
}

Result<std::vector<IndexedListing>> ListingIndex::Get(const std::vector<std::string>& listing_ids) const {
  if (Status st = RefuseStale(); !st.ok()) return st.error();
  std::vector<std::string> ids = listing_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  Stmt s(db_->handle, "SELECT record FROM listings WHERE id = ?1");
  if (!s.ok()) return db_->Fail("cannot read the listing index");
  std::vector<IndexedListing> out;
  out.reserve(ids.size());
  for (const auto& id : ids) {
    s.Reset();
    s.Bind(1, id);
    const int rc = s.Step();
    if (rc == SQLITE_DONE) continue;
    if (rc != SQLITE_ROW) return db_->Fail(fmt::format("cannot read listing {}", id));
    auto l = RecordFromJson(id, s.Text(0), db_->path);
    if (!l.ok()) return l.error();
    out.push_back(std::move(l).value());
  }
  return out;
}

Result<size_t> ListingIndex::Count() const {
  auto n = db_->QueryInt("SELECT count(*) FROM listings");
  if (!n.ok()) return n.error();
  return static_cast<size_t>(n.value());
}

}  // namespace conform
