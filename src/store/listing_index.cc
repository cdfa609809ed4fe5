#include "conform/store/listing_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
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
  // A gtin field of several GTINs ("EAN 805... / 400...") or an ASIN is
  // kept as written: the matcher reads them from it.
  if (!l.listing.gtin_unreadable.empty()) j["gtin_unreadable"] = l.listing.gtin_unreadable;
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
  l.listing.gtin_unreadable = j.value("gtin_unreadable", "");
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

// Rolls back the transaction open on `db` and returns `st`'s error saying
// so, each diagnostic's own hint kept before that.
Error RolledBack(const store::SqliteDb& db, const Status& st) {
  sqlite3_exec(db.handle, "ROLLBACK", nullptr, nullptr, nullptr);
  std::vector<Diagnostic> d = st.error().diagnostics();
  for (auto& x : d) x.hint = x.hint.empty() ? "the index was left as it was" : x.hint + "; the index was left as it was";
  return Error(st.error().code(), std::move(d));
}

// A Writer used after its Commit, Abandon or an error: the caller's bug.
Error Ended(const store::SqliteDb& db) {
  return Error(ErrorCode::kInternal, {Diagnostic{db.path, 0, 0, "this index update has already ended", "begin another with BeginPut"}});
}

}  // namespace

// What a Put remembers across batches lives in two temporary tables of the
// connection, so that memory does not grow with the listings:
//   put_live: every id given, with the seq of its latest copy, whether the
//     index held it before, and, once a copy has changed it, the record it
//     held before (to count a listing given twice once);
//   put_keys: the keys of every listing written, tagged with the seq of the
//     copy they belong to, written to listing_keys at Commit in key order.
struct ListingIndex::Writer::State {
  ListingIndex* index;
  bool replace_all;
  bool repeats = false;  // some id was given twice
  IndexCounts counts;
  int64_t seq = 0;     // listings given so far
  size_t staged = 0;   // key rows in put_keys
  std::string now;
  Stmt select, upsert, drop_keys, stage_key, live_get, live_add, live_set;

  State(ListingIndex* i, bool replace)
      : index(i),
        replace_all(replace),
        now(store::NowUtc()),
        select(i->db_->handle, "SELECT record FROM listings WHERE id = ?1"),
        upsert(i->db_->handle, "INSERT OR REPLACE INTO listings (id, record, indexed) VALUES (?1, ?2, ?3)"),
        drop_keys(i->db_->handle, "DELETE FROM listing_keys WHERE id = ?1"),
        stage_key(i->db_->handle, "INSERT INTO put_keys (key, id, seq) VALUES (?1, ?2, ?3)"),
        live_get(i->db_->handle, "SELECT existed, original FROM put_live WHERE id = ?1"),
        live_add(i->db_->handle, "INSERT INTO put_live (id, seq, existed, original) VALUES (?1, ?2, ?3, ?4)"),
        live_set(i->db_->handle, "UPDATE put_live SET seq = ?2, original = ?3 WHERE id = ?1") {}

  bool Prepared() const {
    for (const Stmt* st : {&select, &upsert, &drop_keys, &stage_key, &live_get, &live_add, &live_set})
      if (!st->ok()) return false;
    return true;
  }
  void ResetAll() {
    for (Stmt* st : {&select, &upsert, &drop_keys, &stage_key, &live_get, &live_add, &live_set}) st->Reset();
  }

  // Ends the transaction with `st`'s error (RolledBack).
  Error Fail(const Status& st) {
    ResetAll();
    return RolledBack(*index->db_, st);
  }

  // The record stored for `id` now, if any.
  Result<std::optional<std::string>> Stored(const std::string& id) {
    select.Reset();
    select.Bind(1, id);
    const int rc = select.Step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return index->db_->Fail(fmt::format("cannot read listing {}", id));
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    return std::optional<std::string>(select.Text(0));
  }

  // Writes `record` for `id`, its stored keys out and its new ones staged.
  Status Write(const IndexedListing& l, const std::string& record, bool had_keys) {
    const std::string& id = l.listing.listing_id;
    if (had_keys) {
      drop_keys.Reset();
      drop_keys.Bind(1, id);
      if (drop_keys.Step() != SQLITE_DONE) return index->db_->Fail(fmt::format("cannot update listing {}", id));
    }
    upsert.Reset();
    upsert.Bind(1, id).Bind(2, record).Bind(3, now);
    if (upsert.Step() != SQLITE_DONE) return index->db_->Fail(fmt::format("cannot write listing {}", id));
    for (const auto& key : l.keys) {
      stage_key.Reset();
      stage_key.Bind(1, key).Bind(2, id).Bind(3, seq);
      if (stage_key.Step() != SQLITE_DONE) return index->db_->Fail(fmt::format("cannot write the keys of listing {}", id));
      ++staged;
    }
    return Status::Ok();
  }

  Status AddOne(const IndexedListing& l) {
    const std::string& id = l.listing.listing_id;
    if (id.empty())
      return Error(ErrorCode::kInvalidInput, {Diagnostic{index->db_->path, 0, 0, "a listing without listing_id cannot be indexed", "give every listing an id"}});
    ++seq;
    const std::string record = RecordJson(l, l.keys);
    live_get.Reset();
    live_get.Bind(1, id);
    const int given = live_get.Step();
    if (given != SQLITE_ROW && given != SQLITE_DONE) return index->db_->Fail(fmt::format("cannot read listing {}", id));
    if (given == SQLITE_ROW) {
      const bool existed = live_get.Int(0) != 0;
      std::optional<std::string> original;  // what the index held before the put, once a copy changed it
      if (!live_get.IsNull(1)) original = live_get.Text(1);
      return AddAgain(l, record, existed, std::move(original));
    }
    auto stored = Stored(id);
    if (!stored.ok()) return stored.error();
    const bool exists = stored.value().has_value();
    live_add.Reset();
    live_add.Bind(1, id).Bind(2, seq).Bind(3, int64_t{exists ? 1 : 0});
    if (exists && *stored.value() == record) {
      ++counts.unchanged;
    } else {
      if (Status st = Write(l, record, exists); !st.ok()) return st;
      ++(exists ? counts.updated : counts.added);
      if (exists) live_add.Bind(4, std::string_view(*stored.value()));
    }
    if (live_add.Step() != SQLITE_DONE) return index->db_->Fail(fmt::format("cannot write listing {}", id));
    return Status::Ok();
  }

  // A listing given before in this put: the later copy wins, and the
  // listing counts once, by how its last copy compares with what the index
  // held before the put.
  Status AddAgain(const IndexedListing& l, const std::string& record, bool existed, std::optional<std::string> original) {
    repeats = true;
    const std::string& id = l.listing.listing_id;
    ++counts.repeated;
    if (counts.repeated_ids.size() < IndexCounts::kRepeatedIdsShown &&
        std::find(counts.repeated_ids.begin(), counts.repeated_ids.end(), id) == counts.repeated_ids.end())
      counts.repeated_ids.push_back(id);
    live_get.Reset();
    auto stored = Stored(id);
    if (!stored.ok()) return stored.error();
    const std::string current = stored.value().value_or("");
    if (current == record) return Status::Ok();
    if (existed && !original) original = current;  // the earlier copy left it as it was
    if (existed) {
      --(current == *original ? counts.unchanged : counts.updated);
      ++(record == *original ? counts.unchanged : counts.updated);
    }
    if (Status st = Write(l, record, /*had_keys=*/true); !st.ok()) return st;
    live_set.Reset();
    live_set.Bind(1, id).Bind(2, seq);
    if (original) live_set.Bind(3, std::string_view(*original));
    if (live_set.Step() != SQLITE_DONE) return index->db_->Fail(fmt::format("cannot write listing {}", id));
    return Status::Ok();
  }
};

// A writer's state (its statements) lives while its transaction is open
// and goes when it ends, so that nothing holds the connection open after.
ListingIndex::Writer::Writer(ListingIndex* index, std::unique_ptr<State> state) : index_(index), state_(std::move(state)) {}
ListingIndex::Writer::Writer(Writer&&) noexcept = default;
ListingIndex::Writer& ListingIndex::Writer::operator=(Writer&& other) noexcept {
  if (this != &other) {
    Abandon();
    index_ = other.index_;
    state_ = std::move(other.state_);
  }
  return *this;
}
ListingIndex::Writer::~Writer() { Abandon(); }

void ListingIndex::Writer::Abandon() {
  if (state_ == nullptr) return;
  state_->ResetAll();
  sqlite3_exec(index_->db_->handle, "ROLLBACK", nullptr, nullptr, nullptr);
  state_.reset();
}

Status ListingIndex::Writer::Add(const std::vector<IndexedListing>& listings) {
  if (state_ == nullptr) return Ended(*index_->db_);
  for (const IndexedListing& l : listings) {
    if (Status st = state_->AddOne(l); !st.ok()) {
      Error error = state_->Fail(st);
      state_.reset();
      return error;
    }
  }
  return Status::Ok();
}

Result<IndexCounts> ListingIndex::Writer::Commit() {
  if (state_ == nullptr) return Ended(*index_->db_);
  State& s = *state_;
  const store::SqliteDb& db = *index_->db_;
  s.ResetAll();  // a statement left reading would keep the schema from changing
  auto run = [&]() -> Status {
    // The index by listing id would take the keys in no order at all: into
    // an empty table, many keys go in without it and it is built afterwards
    // in one sorted pass.
    bool rebuild_id_index = false;
    if (s.staged >= kBulkKeyRows) {
      auto any = db.QueryInt("SELECT count(*) FROM (SELECT 1 FROM listing_keys LIMIT 1)");
      if (!any.ok()) return any.error();
      rebuild_id_index = any.value() == 0;
    }
    if (rebuild_id_index)
      if (Status st = db.Exec("DROP INDEX listing_keys_id", "cannot update the listing index"); !st.ok()) return st;
    // Keys go in in key order: appending to the B-tree instead of writing
    // all over it is several times faster for a large index. Of a listing
    // given twice, only its last copy's keys.
    const char* const insert_keys =
        s.repeats ? "INSERT OR IGNORE INTO listing_keys (key, id) SELECT key, id FROM put_keys k "
                    "WHERE seq = (SELECT seq FROM put_live l WHERE l.id = k.id) ORDER BY key, id"
                  : "INSERT OR IGNORE INTO listing_keys (key, id) SELECT key, id FROM put_keys ORDER BY key, id";
    if (Status st = db.Exec(insert_keys, "cannot write the listings' keys"); !st.ok()) return st;
    if (rebuild_id_index)
      if (Status st = db.Exec("CREATE INDEX listing_keys_id ON listing_keys(id)", "cannot update the listing index"); !st.ok()) return st;
    if (s.replace_all) {
      // Everything not given is no longer live.
      if (Status st = db.Exec("DELETE FROM listing_keys WHERE id NOT IN (SELECT id FROM put_live)", "cannot remove listings no longer live"); !st.ok())
        return st;
      if (Status st = db.Exec("DELETE FROM listings WHERE id NOT IN (SELECT id FROM put_live)", "cannot remove listings no longer live"); !st.ok())
        return st;
      s.counts.removed = static_cast<size_t>(sqlite3_changes(db.handle));
    }
    if (Status st = db.Exec("DELETE FROM put_live; DELETE FROM put_keys;", "cannot update the listing index"); !st.ok()) return st;
    return db.Exec("COMMIT", "cannot update the listing index");
  };
  if (Status st = run(); !st.ok()) {
    Error error = s.Fail(st);
    state_.reset();
    return error;
  }
  const IndexCounts counts = s.counts;
  state_.reset();
  index_->stale_scheme_.clear();
  return counts;
}

Result<ListingIndex::Writer> ListingIndex::BeginPut(bool replace_all) {
  if (!replace_all)
    if (Status st = RefuseStale(); !st.ok()) return st.error();
  if (Status st = db_->Exec("BEGIN IMMEDIATE", "cannot update the listing index"); !st.ok()) return st.error();
  auto fail = [&](const Status& st) { return RolledBack(*db_, st); };
  if (!stale_scheme_.empty()) {
    // Re-keyed from scratch, in the same transaction as the new keys.
    if (Status st = db_->Exec("DELETE FROM listing_keys; DELETE FROM listings;", "cannot re-key the listing index"); !st.ok()) return fail(st);
    Stmt set(db_->handle, "INSERT OR REPLACE INTO meta (name, value) VALUES ('key_scheme', ?1)");
    if (!set.ok()) return fail(db_->Fail("cannot write the listing index"));
    set.Bind(1, key_scheme_);
    if (set.Step() != SQLITE_DONE) return fail(db_->Fail("cannot write the listing index"));
  }
  // The temporary tables get a page cache of their own, as large as the
  // index's: the keys of a large put are sorted out of put_keys at Commit.
  if (Status st = db_->Exec("PRAGMA temp.cache_size = -131072;"
                            "CREATE TEMP TABLE IF NOT EXISTS put_live (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, existed INTEGER NOT NULL, original TEXT) WITHOUT ROWID;"
                            "CREATE TEMP TABLE IF NOT EXISTS put_keys (key TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL);"
                            "DELETE FROM put_live; DELETE FROM put_keys;",
                            "cannot update the listing index");
      !st.ok())
    return fail(st);
  auto state = std::make_unique<Writer::State>(this, replace_all);
  if (!state->Prepared()) {
    Error e = db_->Fail("cannot prepare the index update");
    state.reset();
    return fail(e);
  }
  return Writer(this, std::move(state));
}

Result<IndexCounts> ListingIndex::Put(const std::vector<IndexedListing>& listings, bool replace_all) {
  auto writer = BeginPut(replace_all);
  if (!writer.ok()) return writer.error();
  if (Status st = writer.value().Add(listings); !st.ok()) return st.error();
  return writer.value().Commit();
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
