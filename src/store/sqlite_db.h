// What the SQLite stores share: a prepared-statement handle, a connection
// that turns SQLite errors into conform errors naming the file, and opening
// a file as a store of one kind with its schema migrated forward.
//
// Internal to src/store; the public headers are the stores themselves.
#ifndef CONFORM_STORE_SQLITE_DB_H_
#define CONFORM_STORE_SQLITE_DB_H_

#include <fmt/format.h>
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/result.h"

namespace conform::store {

// A prepared statement, finalized on scope exit.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, std::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<Date>& d) {
    if (d) return Bind(i, std::string_view(d->ToString()));
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

// What kind of store a file is: PRAGMA application_id, so that another
// program's SQLite file (or the other kind of store) is refused rather than
// written into; the schema as migrations, migrations[i] taking version i to
// i + 1 (PRAGMA user_version); names for messages.
struct StoreKind {
  int application_id = 0;
  std::vector<const char*> migrations;
  const char* name = "";     // "notice store"
  const char* option = "";   // the command-line option that names such a file, for hints
  const char* create = "";   // how such a file is made, for hints ("conform recalls import ...")
  // The oldest schema version a read-only open (OpenMode::kExisting) reads
  // as it is, the later migrations adding nothing a reader needs (an index,
  // say); 0: the latest only.
  int64_t readable_from = 0;
};

// Whether OpenStore may create the store: commands that only read one must
// not leave an empty file behind a mistyped path and answer from it.
enum class OpenMode {
  kCreate,    // create the file and its schema when missing
  kExisting,  // the file must exist and hold a store of the kind; for reading
};

struct SqliteDb {
  sqlite3* handle = nullptr;
  std::string path;
  SqliteDb() = default;
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  ~SqliteDb() { sqlite3_close(handle); }

  // An error naming the file and SQLite's last message. Corrupt files and
  // files that are not databases are bad input; everything else is I/O.
  Error Fail(std::string_view what) const;
  Status Exec(const char* sql, std::string_view what) const;
  Result<int64_t> QueryInt(const char* sql) const;

  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; on any failure rolls back
  // and returns the error with `rolled_back_hint` put before every
  // diagnostic's hint.
  template <typename Body>
  Status Transaction(std::string_view what, std::string_view rolled_back_hint, Body&& body) {
    if (Status st = Exec("BEGIN IMMEDIATE", what); !st.ok()) return st;
    Status st = body();
    if (st.ok()) st = Exec("COMMIT", what);
    if (st.ok()) return st;
    sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
    std::vector<Diagnostic> d = st.error().diagnostics();
    for (auto& x : d) x.hint = x.hint.empty() ? std::string(rolled_back_hint) : fmt::format("{}; {}", rolled_back_hint, x.hint);
    return Error(st.error().code(), std::move(d));
  }
};

// Opens the file at `path` as a store of `kind`. Refuses an empty path,
// another kind's file, a file that is not SQLite or is damaged, and a
// schema newer than this build's.
//
// kCreate creates the file when missing, migrates its schema forward and
// puts it in write-ahead-log mode (kept in the file): readers then answer
// from the last commit while a write is under way, and SQLite keeps
// FILE-wal and FILE-shm beside the file while it is open.
//
// kExisting opens for reading: it writes nothing itself, and it refuses
// a missing file and an empty one (kNotFound), and a schema older than
// kind.readable_from (a kCreate open migrates it). A reader shares the
// log's index (FILE-shm) with writers, creating it when missing. Where it
// cannot (a directory it may not write to: a store published read-only,
// or written by another user), it shares an index that exists; failing
// that, with no log waiting to be folded into the file (no FILE-wal), no
// connection has the file open and it is read as it stands, without
// locks, which a write begun during the read by a user who may write there
// could tear. With a FILE-wal it cannot read, the open is refused with
// what to do.
Result<std::unique_ptr<SqliteDb>> OpenStore(const std::string& path, const StoreKind& kind, OpenMode mode = OpenMode::kCreate);

// Now, UTC, "YYYY-MM-DDTHH:MM:SSZ".
std::string NowUtc();

}  // namespace conform::store

#endif  // CONFORM_STORE_SQLITE_DB_H_
