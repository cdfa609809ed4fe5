// A SQLite file of recall notices (conform/recalls/notice.h), kept by
// source and notice id, for the matcher to read back.
//
// Imports are all or nothing: one transaction per Import() call, so a
// failure part-way leaves the file as it was. They are idempotent: a notice
// is keyed by (source, id); importing a notice identical to the stored one
// changes nothing (not even a timestamp), importing a changed one replaces
// it and keeps the previous version in its history. An older snapshot never
// replaces a newer notice: one whose `updated` date is strictly earlier
// than the stored one's (of the same day, whose Notice::updated_at is
// earlier, when both give one) is not written (counted as `older`, and
// named in `kept_newer`), whatever order the feeds are imported in. Nor does a
// thinner form of the same notice replace a fuller one (counted as
// `less_complete`, and named): a version without an `updated` date where
// the stored one has one and to which it adds nothing, or, on the same day or when neither is dated, a
// version that leaves empty what the stored one fills (its GTINs, model
// numbers, dates, hazard ...: a search result against the full record; a
// list that only loses some items is a correction, and taken).
// Otherwise, on the same day or undated, the imported notice is taken (feeds
// do not always move the date when they edit a notice), unless it is the
// stored notice read from another form of the feed, its raw record aside
// (counted as `unchanged`, nothing written). A feed's notice in two
// languages is one notice, kept in the feed's own language: a translation
// of the same day or undated does not replace it (counted as
// `other_language`), and it replaces a translation. So importing the forms
// of a feed again changes nothing, and a fuller form replaces a thinner.
// A dated and an undated form of one notice (Safety Gate's open data and
// weekly export) are merged, in either order: the dated form's fields, the
// identifiers (model numbers, GTINs, ASINs, batch numbers) only the other
// lists and the fields only it fills, and its record in
// Notice::other_form_raw (counted as `updated`, and named in
// `kept_newer`); a later dated version is merged with the other form
// again (read back from its record), so it keeps what that form adds but
// not what the older dated version listed and it drops. With
// `corrections`, no forms are merged.
//
// The schema is versioned with SQLite's user_version and migrated forward
// on Open (OpenExisting reads a version-1 store as it is); a file written
// by a newer schema is refused, not guessed at.
// One NoticeStore must not be used from two threads at once; several
// processes may share a file (writers wait up to five seconds for a lock).
// The file is kept in SQLite's write-ahead-log mode (Open sets it), so
// that commands reading the store answer from the last commit while an
// import is under way. While the store is open, SQLite keeps FILE-wal and
// FILE-shm beside it (removed when the last writing connection closes). A
// reader that may not write in the file's directory reads the file as it
// stands when no log is waiting beside it (OpenExisting).
#ifndef CONFORM_STORE_NOTICE_STORE_H_
#define CONFORM_STORE_NOTICE_STORE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conform/core/date.h"
#include "conform/core/result.h"
#include "conform/recalls/feed_import.h"
#include "conform/recalls/notice.h"

namespace conform {

namespace store {
struct SqliteDb;
}

struct ImportCounts {
  size_t added = 0;      // notices the store did not have
  size_t updated = 0;    // notices it had, with different content
  size_t unchanged = 0;  // notices it had, identical
  size_t older = 0;      // notices it had with a later `updated` date: the stored version is kept
  size_t less_complete = 0;  // thinner forms of notices it had (undated, or leaving fields out): the stored version is kept
  size_t other_language = 0;  // translations of notices it had in the feed's own language: the stored version is kept
  size_t skipped = 0;    // malformed records of the feed, not imported
  // One line per notice version not taken because a newer or fuller one was
  // kept: the `older` and `less_complete` ones, and an older or thinner copy
  // of a notice given after a newer or fuller one in one import (given
  // before it, the copy is replaced silently, as a later import would update
  // it): "eu-safety-gate A12/00009/25: the version dated 2025-01-01 is older
  // than the stored one of 2025-03-01; the stored version is kept".
  std::vector<std::string> kept_newer;
};

// A stored notice's earlier content, replaced at `replaced_at`.
struct NoticeVersion {
  std::string replaced_at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
  Notice notice;
};

class NoticeStore {
 public:
  // Opens the file at `path`, creating it (and its schema) if missing.
  // Errors: kIo when the file cannot be opened or written; kInvalidInput
  // when it is not a notice store, or one from a newer schema.
  static Result<NoticeStore> Open(const std::string& path);
  // Opens an existing store for commands that read one: never creates a
  // file or writes one, not even to migrate its schema (a version-1 store
  // is read as it is). kNotFound when `path` is missing, empty or an
  // SQLite file with no tables; otherwise as Open. A store in a directory
  // this user may not write to is read as it stands (see OpenStore in
  // src/store/sqlite_db.h).
  static Result<NoticeStore> OpenExisting(const std::string& path);

  NoticeStore(NoticeStore&&) noexcept;
  NoticeStore& operator=(NoticeStore&&) noexcept;
  ~NoticeStore();

  // The schema version this build writes.
  static int SchemaVersion();

  // Adds or updates every notice in one transaction. A notice id given twice
  // counts once: the copy that would replace the others as stored (the
  // latest `updated` date; of the same day, the fuller), ties going to the
  // later one (so `import new.json old.json` keeps the new). `skipped` is passed through to the counts (ImportFeed's skipped
  // records).
  // With `corrections`, the notices correct the stored ones: a version
  // that leaves out what the stored one has (a wrongly listed GTIN taken
  // out, no date where it had one) replaces it rather than being kept out
  // as a thinner form; an older dated version and a translation still do
  // not.
  Result<ImportCounts> Import(const std::vector<Notice>& notices, size_t skipped = 0, bool corrections = false);
  // The notices and skipped count of one or more feed imports.
  Result<ImportCounts> Import(const FeedImport& feed);

  // Read back, ordered by source, then notice date (undated last), then id.
  Result<std::vector<Notice>> All() const;
  Result<std::vector<Notice>> BySource(NoticeSource source) const;
  Result<std::optional<Notice>> Find(NoticeSource source, std::string_view id) const;
  // Notices published or updated on or after `day`. Notices the feed gave
  // no date are not returned (All() has them).
  Result<std::vector<Notice>> Since(Date day) const;
  // Notices carrying `gtin` (a GTIN-14, as NormalizeGtin makes it).
  Result<std::vector<Notice>> WithGtin(std::string_view gtin) const;
  // Earlier versions of a notice, oldest first.
  Result<std::vector<NoticeVersion>> History(NoticeSource source, std::string_view id) const;
  Result<size_t> Count() const;
  // The source and id of every stored notice, without reading the notices.
  Result<std::vector<std::pair<NoticeSource, std::string>>> Ids() const;

 private:
  explicit NoticeStore(std::unique_ptr<store::SqliteDb> db);
  std::unique_ptr<store::SqliteDb> db_;
};

}  // namespace conform

#endif  // CONFORM_STORE_NOTICE_STORE_H_
