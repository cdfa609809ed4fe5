// A SQLite file of the live listings and their blocking keys, so that a new
// recall notice finds the listings it may hit without reading every listing
// (`conform recalls index` writes it, `conform recalls affected --index`
// reads it).
//
// A listing is kept by listing_id with what recall matching reads (title,
// brand, model, category, GTIN, and of its description what the caller
// keeps: recalls::StatedIdentifiersText) and the blocking keys the matcher computed
// for it (recalls::BlockingKeys). Keys depend on how the matcher blocks, so
// the file records the key scheme it was built with. Listings keyed under
// another scheme are stale: every call but Put(..., replace_all) refuses
// them, rather than answering from stale keys, and that Put re-keys the
// whole index in its one transaction.
//
// Writes are all or nothing (one transaction per Put/Remove) and idempotent:
// putting a listing identical to the stored one changes nothing. The schema
// is versioned like the notice store's. One ListingIndex must not be used
// from two threads at once.
//
// The file is kept in SQLite's write-ahead-log mode (Open sets it): other
// processes read the last committed index while a put, however long, is
// under way, so a new notice is answered during a refresh of the live set.
// While the index is open, SQLite keeps FILE-wal and FILE-shm beside it
// and removes them when the last writing connection closes. A reader that
// may not write in the file's directory reads the file as it stands when
// no log is waiting beside it (OpenExisting).
#ifndef CONFORM_STORE_LISTING_INDEX_H_
#define CONFORM_STORE_LISTING_INDEX_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "conform/core/listing.h"
#include "conform/core/result.h"

namespace conform {

namespace store {
struct SqliteDb;
}

struct IndexedListing {
  Listing listing;  // listing_id, title, brand, model, category, gtin, description only
  std::vector<std::string> keys;  // blocking keys, distinct
};

struct IndexCounts {
  size_t added = 0;      // listings the index did not have
  size_t updated = 0;    // listings it had, with different fields or keys
  size_t unchanged = 0;  // listings it had, identical
  size_t removed = 0;    // listings taken out (no longer live)
  // Copies replaced by a later copy of the same listing id in the same put,
  // and the first few such ids, for a warning: a file that gives an id
  // twice is often two listings under one id.
  size_t repeated = 0;
  std::vector<std::string> repeated_ids;  // at most kRepeatedIdsShown, in the order met
  static constexpr size_t kRepeatedIdsShown = 10;
};

// A query's candidates, read by its blocking keys.
struct CandidateListings {
  std::vector<IndexedListing> listings;  // in id order
  // Keys held by more listings than their limit: none of their holders
  // were taken for them (a matcher treats them as too common).
  std::unordered_set<std::string> over_limit;
};

class ListingIndex {
 public:
  // Opens the file at `path`, creating it if missing. `key_scheme` names how
  // the keys are made (see above for listings keyed under another). Errors
  // as NoticeStore::Open.
  static Result<ListingIndex> Open(const std::string& path, std::string_view key_scheme);
  // Opens an existing index for commands that read one: never creates or
  // writes the file. kNotFound when `path` is missing, empty or
  // an SQLite file with no tables; otherwise as Open. An index in a
  // directory this user may not write to is read as it stands (see
  // OpenStore in src/store/sqlite_db.h).
  static Result<ListingIndex> OpenExisting(const std::string& path, std::string_view key_scheme);

  ListingIndex(ListingIndex&&) noexcept;
  ListingIndex& operator=(ListingIndex&&) noexcept;
  ~ListingIndex();

  static int SchemaVersion();

  // Adds or replaces the given listings in one transaction; a listing id
  // given twice counts once, the later copy winning. With `replace_all`,
  // listings not given are removed: the given ones are the whole live set.
  // The same as BeginPut, one Add and Commit.
  Result<IndexCounts> Put(const std::vector<IndexedListing>& listings, bool replace_all);

  // A Put whose listings come in batches, so that a live set larger than
  // memory can be written: what Put does, in one transaction that is open
  // from BeginPut to Commit. Nothing is visible to other connections, and
  // nothing stays, until Commit succeeds; an error from Add or Commit, or a
  // Writer destroyed without Commit, leaves the index as it was. Between
  // BeginPut and the end of its Writer the ListingIndex must stay where it
  // is and serve no other call. Memory does not grow with the listings:
  // what Put must remember across batches (the ids given, their new keys)
  // waits in temporary tables of the same connection, which SQLite keeps
  // in files of its temporary directory (SQLITE_TMPDIR or TMPDIR, else
  // /var/tmp) once they outgrow their page cache. Other connections read
  // the index as it was before BeginPut until Commit succeeds.
  class Writer {
   public:
    Writer(Writer&&) noexcept;
    Writer& operator=(Writer&&) noexcept;
    ~Writer();  // rolls back unless committed

    // Writes one batch, in order, a listing given again (in this batch or
    // an earlier one) replacing its earlier copy. After an error the Writer
    // has rolled back and refuses everything.
    Status Add(const std::vector<IndexedListing>& listings);
    // Writes the keys of the listings added and, with replace_all, removes
    // the listings not given; then commits. The counts are Put's.
    Result<IndexCounts> Commit();
    // Rolls back now; the index is as it was before BeginPut.
    void Abandon();

   private:
    friend class ListingIndex;
    struct State;
    Writer(ListingIndex* index, std::unique_ptr<State> state);
    ListingIndex* index_;
    std::unique_ptr<State> state_;  // null once ended
  };
  Result<Writer> BeginPut(bool replace_all);
  // Takes listings out (delisted); ids not held are ignored.
  Result<IndexCounts> Remove(const std::vector<std::string>& listing_ids);

  // The ids of listings holding `key`, in id order, at most `limit` of them:
  // ask for one more than you would use to tell "too many" from "exactly".
  Result<std::vector<std::string>> Holders(std::string_view key, size_t limit) const;
  // The listings holding any of `keys`, each key's holders taken only when
  // there are at most limit(key) of them (SIZE_MAX: no limit).
  Result<CandidateListings> Candidates(const std::vector<std::string>& keys, const std::function<size_t(std::string_view)>& limit) const;
  // The listings with these ids (missing ids are left out), in id order.
  Result<std::vector<IndexedListing>> Get(const std::vector<std::string>& listing_ids) const;
  Result<size_t> Count() const;
  // The key scheme this index keys under.
  const std::string& key_scheme() const { return key_scheme_; }

 private:
  static Result<ListingIndex> OpenIn(const std::string& path, std::string_view key_scheme, bool create);
  ListingIndex(std::unique_ptr<store::SqliteDb> db, std::string key_scheme, std::string stale_scheme);
  friend class Writer;
  // kInvalidInput when the held listings were keyed under another scheme.
  Status RefuseStale() const;
  std::unique_ptr<store::SqliteDb> db_;
  std::string key_scheme_;
  std::string stale_scheme_;  // empty unless the held listings are stale
};

}  // namespace conform

#endif  // CONFORM_STORE_LISTING_INDEX_H_
