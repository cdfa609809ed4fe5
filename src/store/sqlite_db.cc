#include "sqlite_db.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <system_error>
#include <thread>

namespace conform::store {

namespace {

// How long a connection waits for another's lock (the headers' "five seconds").
constexpr int kBusyTimeoutMs = 5000;

// How to mend what SQLite's primary result code says went wrong.
std::string HintFor(int code) {
  switch (code & 0xFF) {
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return "this user may not write the file, or its directory, where SQLite keeps FILE-wal and FILE-shm while the file is open: "
             "run as a user who may write both, or copy the file to a directory this user may write";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "another process held the file's lock for more than 5 s (an import or an index update under way): run the command again when "
             "it has ended";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "the file is damaged: make it again in a new file";
    case SQLITE_FULL: return "the disk is full: free some space and run the command again";
    case SQLITE_CANTOPEN: return "check the path and its directory's permissions";
    case SQLITE_IOERR: return "check the disk and that the path names a regular file on it";
    default: return "";
  }
}

}  // namespace

Error SqliteDb::Fail(std::string_view what) const {
  const int code = sqlite3_errcode(handle);
  const ErrorCode ec = code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? ErrorCode::kInvalidInput : ErrorCode::kIo;
  return Error(ec, {Diagnostic{path, 0, 0, fmt::format("{}: {}", what, sqlite3_errmsg(handle)), HintFor(sqlite3_extended_errcode(handle))}});
}

Status SqliteDb::Exec(const char* sql, std::string_view what) const {
  if (sqlite3_exec(handle, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return Fail(what);
  return Status::Ok();
}

Result<int64_t> SqliteDb::QueryInt(const char* sql) const {
  Stmt s(handle, sql);
  if (!s.ok() || s.Step() != SQLITE_ROW) return Fail(sql);
  return s.Int(0);
}

namespace {

// `path` as an SQLite URI naming the same file ("file:///abs/path"), its
// '%', '?' and '#' escaped.
std::string FileUri(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  std::string uri = "file://";
  for (const char c : ec ? path : absolute.string()) {
    if (c == '%') uri += "%25";
    else if (c == '?') uri += "%3F";
    else if (c == '#') uri += "%23";
    else uri += c;
  }
  return uri;
}

// Whether an open for reading failed because SQLite could not create the
// log's index beside a store in write-ahead-log mode.
bool CannotShareTheLog(int rc) {
  rc &= 0xFF;  // the primary code of an extended one
  return rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN;
}

}  // namespace

Result<std::unique_ptr<SqliteDb>> OpenStore(const std::string& path, const StoreKind& kind, OpenMode mode) {
  const auto missing = [&](std::string_view what) {
    return Error(ErrorCode::kNotFound, {Diagnostic{path, 0, 0, fmt::format("no {} here: {}", kind.name, what), fmt::format("create one with {}", kind.create)}});
  };
  // SQLite takes "" and ":memory:" for databases that vanish on close: an
  // import into one would be lost without a word.
  if (path.empty())
    return Error(ErrorCode::kInvalidInput, {Diagnostic{"", 0, 0, fmt::format("no file named for the {}", kind.name), fmt::format("give {} a file path", kind.option)}});
  if (path == ":memory:")
    return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("is SQLite's name for a database in memory, gone when the command ends; a {} is a file", kind.name),
                                                       fmt::format("give {} a file path (./:memory: for a file of that name)", kind.option)}});
  {
    // SQLite would take a device or a pipe as the file and leave its
    // journal beside it ("/dev/null-journal").
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
      return Error(ErrorCode::kInvalidInput,
                   {Diagnostic{path, 0, 0, fmt::format("is {}; a {} is a regular file", std::filesystem::is_directory(status) ? "a directory" : "a device or other special file", kind.name),
                               fmt::format("give {} a file path", kind.option)}});
  }
  if (mode != OpenMode::kExisting) {
    // SQLite says only "unable to open database file".
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::exists(dir, ec) && !ec)
      return Error(ErrorCode::kIo,
                   {Diagnostic{path, 0, 0, fmt::format("cannot make the {} here: the directory {} does not exist", kind.name, dir.string()),
                               fmt::format("create the directory first, or give {} a path in one that exists", kind.option)}});
  }
  if (mode == OpenMode::kExisting) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return missing("the file does not exist");
    if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0 && !ec) return missing("the file is empty");
  }
  const bool read_only = mode == OpenMode::kExisting;
  const auto open = [&](const std::string& name, int flags) -> Result<std::unique_ptr<SqliteDb>> {
    auto db = std::make_unique<SqliteDb>();
    db->path = path;
    if (sqlite3_open_v2(name.c_str(), &db->handle, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
      return Error(ErrorCode::kIo, {Diagnostic{path, 0, 0,
                                               fmt::format("cannot open the {}: {}", kind.name, db->handle ? sqlite3_errmsg(db->handle) : "out of memory"),
                                               "check the path and its directory's permissions"}});
    sqlite3_busy_timeout(db->handle, kBusyTimeoutMs);
    return db;
  };
  // Read and write even to read: the last connection to close folds the
  // log into the file and removes FILE-wal and FILE-shm, which a read-only
  // one cannot do. Reading opens write nothing themselves.
  auto opened = open(path, SQLITE_OPEN_READWRITE | (read_only ? 0 : SQLITE_OPEN_CREATE));
  if (!opened.ok()) return opened.error();
  std::unique_ptr<SqliteDb> db = std::move(opened).value();
  // The first read of the file is where SQLite finds it is not a database
  // or is damaged: say so in those words, with what to do.
  auto app = db->QueryInt("PRAGMA application_id");
  if (!app.ok() && read_only && CannotShareTheLog(sqlite3_extended_errcode(db->handle))) {
    // A store in write-ahead-log mode, in a directory this user may not
    // write to: SQLite could not create the log's index. Read-only, SQLite
    // shares one that exists; failing that, with no log waiting (so no
    // connection has the file open) the file holds every commit.
    opened = open(path, SQLITE_OPEN_READONLY);
    if (!opened.ok()) return opened.error();
    db = std::move(opened).value();
    app = db->QueryInt("PRAGMA application_id");
  }
  if (!app.ok() && read_only && CannotShareTheLog(sqlite3_extended_errcode(db->handle))) {
    std::error_code ec;
    const std::filesystem::path log = path + "-wal";
    const bool log_waiting = std::filesystem::exists(log, ec) && (std::filesystem::file_size(log, ec) > 0 || ec);
    if (log_waiting || ec)
      return Error(ErrorCode::kIo,
                   {Diagnostic{path, 0, 0,
                               fmt::format("cannot read the {}: its write-ahead log ({}-wal) may hold commits not yet in the file, "
                                           "and this user may not open the log's index ({}-shm) beside it",
                                           kind.name, path, path),
                               "read it as a user who may write in its directory; any command such a user runs on it folds the log "
                               "into the file when it ends"}});
    opened = open(FileUri(path) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    if (!opened.ok()) return opened.error();
    db = std::move(opened).value();
    app = db->QueryInt("PRAGMA application_id");
  }
  if (!app.ok()) {
    const int rc = sqlite3_errcode(db->handle);
    if (rc == SQLITE_NOTADB)
      return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("is not a {}: not an SQLite file", kind.name),
                                                         read_only ? fmt::format("give a {} made with {}", kind.name, kind.create)
                                                                   : fmt::format("give {} a {} made with {}, or a new file", kind.option,
                                                                                 kind.name, kind.create)}});
    if (rc == SQLITE_CORRUPT)
      return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("the {} is damaged: {}", kind.name, sqlite3_errmsg(db->handle)),
                                                         fmt::format("make it again in a new file with {}", kind.create)}});
    return db->Fail(fmt::format("cannot read the {}", kind.name));
  }
  if (Status st = db->Exec("PRAGMA foreign_keys = ON", fmt::format("cannot set up the {}", kind.name)); !st.ok()) return st.error();
  // The three read at once, in one snapshot: another process may be
  // creating the store's schema meanwhile.
  Result<int64_t> version = int64_t{0}, tables = int64_t{0};
  {
    Stmt s(db->handle,
           "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), "
           "(SELECT count(*) FROM sqlite_master)");
    if (!s.ok() || s.Step() != SQLITE_ROW) return db->Fail(fmt::format("cannot read the {}", kind.name));
    app = s.Int(0);
    version = s.Int(1);
    tables = s.Int(2);
  }
  const int64_t latest = static_cast<int64_t>(kind.migrations.size());
  const bool fresh = app.value() == 0 && version.value() == 0 && tables.value() == 0;
  if (fresh && mode == OpenMode::kExisting) return missing("an SQLite file with no tables");
  if (!fresh && app.value() != kind.application_id)
    return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("is an SQLite file, but not a {}", kind.name),
                                                       read_only ? fmt::format("give a {} made with {}", kind.name, kind.create)
                                                                 : fmt::format("give {} a new file or an existing {}", kind.option, kind.name)}});
  if (version.value() > latest)
    return Error(ErrorCode::kInvalidInput,
                 {Diagnostic{path, 0, 0, fmt::format("the {} has schema version {}; this build knows versions up to {}", kind.name, version.value(), latest),
                             "use a newer conform"}});
  if (read_only && version.value() < latest) {
    const int64_t readable = kind.readable_from > 0 ? kind.readable_from : latest;
    if (version.value() < readable)
      return Error(ErrorCode::kInvalidInput,
                   {Diagnostic{path, 0, 0,
                               fmt::format("the {} has schema version {}, which this build reads only once it is migrated to version {}",
                                           kind.name, version.value(), latest),
                               fmt::format("migrate it by writing to it once ({}); reading commands never write", kind.create)}});
    return db;  // the later migrations add nothing a reader needs
  }
  if (version.value() < latest) {
    // Another process may be creating or migrating the same file: the
    // version read above is read again under the write lock, and the
    // migrations it still needs run in that one transaction, so each is
    // applied once and a failure leaves the file as it was.
    const std::string what = fmt::format("schema migration to version {} failed", latest);
    Status st = db->Transaction(what, "the file was left as it was", [&]() -> Status {
      auto now_app = db->QueryInt("PRAGMA application_id");
      if (!now_app.ok()) return now_app.error();
      auto now_version = db->QueryInt("PRAGMA user_version");
      if (!now_version.ok()) return now_version.error();
      if (now_app.value() != 0 && now_app.value() != kind.application_id)
        return Error(ErrorCode::kInvalidInput, {Diagnostic{path, 0, 0, fmt::format("became an SQLite file, but not a {}, while it was opened", kind.name),
                                                           fmt::format("give {} a new file or an existing {}", kind.option, kind.name)}});
      if (now_version.value() > latest)
        return Error(ErrorCode::kInvalidInput,
                     {Diagnostic{path, 0, 0, fmt::format("the {} has schema version {}; this build knows versions up to {}", kind.name, now_version.value(), latest),
                                 "use a newer conform"}});
      for (int64_t v = now_version.value(); v < latest; ++v)
        if (Status s = db->Exec(kind.migrations[static_cast<size_t>(v)], fmt::format("schema migration to version {} failed", v + 1)); !s.ok()) return s;
      const std::string set = fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", kind.application_id, latest);
      return db->Exec(set.c_str(), "cannot record the schema version");
    });
    if (!st.ok()) return st.error();
  }
  // Written ahead to a log, so that readers answer from the last commit
  // while a long write (an import, a put of the whole live set) is under
  // way; in SQLite's rollback journal they would wait for it and fail after
  // the busy timeout. The mode is kept in the file: whoever opens it to
  // write sets it.
  // Changing the mode takes the file to itself and SQLite does not wait
  // for that: while another process is in the file (creating the same new
  // store, say) it is tried again, for as long as a lock is waited for.
  if (mode == OpenMode::kCreate) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    for (auto pause = std::chrono::milliseconds(1);; pause = std::min(pause * 2, std::chrono::milliseconds(100))) {
      Status st = db->Exec("PRAGMA journal_mode = WAL", fmt::format("cannot set up the {}", kind.name));
      if (st.ok()) break;
      const int rc = sqlite3_errcode(db->handle) & 0xFF;
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || std::chrono::steady_clock::now() >= give_up) return st.error();
      std::this_thread::sleep_for(pause);
    }
  }
  return db;
}

std::string NowUtc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace conform::store
