#include "conform/store/listing_index.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "conform/store/notice_store.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

IndexedListing Make(std::string id, std::string title, std::vector<std::string> keys) {
  IndexedListing l;
  l.listing.listing_id = std::move(id);
  l.listing.title = std::move(title);
  l.listing.brand = "Acme";
  l.listing.model = "QC-65A";
  l.listing.category = "charger";
  l.listing.gtin = "4006381333931";
  l.keys = std::move(keys);
  return l;
}

class ListingIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / fmt::format("conform_listing_index_{}_{}.db", ::getpid(),
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    fs::remove(path_);
  }
  void TearDown() override { fs::remove(path_); }

  ListingIndex Open(std::string_view scheme = "v1") {
    auto s = ListingIndex::Open(path_, scheme);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().ToString());
    if (!s.ok()) std::abort();
    return std::move(s).value();
  }
  std::string path_;
};

TEST_F(ListingIndexTest, PutThenLookUpByKey) {
  ListingIndex index = Open();
  auto counts = index.Put({Make("L1", "Acme charger QC-65A", {"c:QC65A", "b:acme|charger"}), Make("L2", "Acme kettle", {"b:acme|kettle"})}, false);
  ASSERT_TRUE(counts.ok()) << counts.error().ToString();
  EXPECT_EQ(counts.value().added, 2u);
  auto holders = index.Holders("c:QC65A", 10);
  ASSERT_TRUE(holders.ok());
  EXPECT_EQ(holders.value(), std::vector<std::string>{"L1"});
  auto got = index.Get({"L2", "L1", "missing"});
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got.value().size(), 2u);
  EXPECT_EQ(got.value()[0].listing.listing_id, "L1");
  EXPECT_EQ(got.value()[0].listing.title, "Acme charger QC-65A");
  EXPECT_EQ(got.value()[0].listing.gtin, "4006381333931");
  EXPECT_EQ(got.value()[0].keys, (std::vector<std::string>{"b:acme|charger", "c:QC65A"}));
}

// A gtin field that holds several GTINs, or an ASIN, is kept as written:
// the matcher reads the identifiers from it.
TEST_F(ListingIndexTest, AGtinFieldOfSeveralGtinsIsKept) {
  ListingIndex index = Open();
  IndexedListing two = Make("L1", "Acme perfume", {"g:08055348167320", "g:04006381333931"});
  two.listing.gtin.clear();
  two.listing.gtin_unreadable = "8055348167320 / 4006381333931";
  ASSERT_TRUE(index.Put({two, Make("L2", "Acme kettle", {"b:acme|kettle"})}, false).ok());
  auto got = index.Get({"L1", "L2"});
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got.value().size(), 2u);
  EXPECT_EQ(got.value()[0].listing.gtin_unreadable, "8055348167320 / 4006381333931");
  EXPECT_EQ(got.value()[1].listing.gtin_unreadable, "");
}

TEST_F(ListingIndexTest, HoldersStopsAtTheLimit) {
  ListingIndex index = Open();
  std::vector<IndexedListing> many;
  for (int i = 0; i < 50; ++i) many.push_back(Make(fmt::format("L{:02}", i), "Acme charger", {"b:acme|charger"}));
  ASSERT_TRUE(index.Put(many, false).ok());
  auto holders = index.Holders("b:acme|charger", 11);
  ASSERT_TRUE(holders.ok());
  EXPECT_EQ(holders.value().size(), 11u);
  EXPECT_EQ(holders.value().front(), "L00");
}

TEST_F(ListingIndexTest, CandidatesSkipKeysOverTheirLimit) {
  ListingIndex index = Open();
  std::vector<IndexedListing> live;
  for (int i = 0; i < 5; ++i) live.push_back(Make(fmt::format("L{}", i), "lamp", {"c:GU10", fmt::format("c:LX{}", i)}));
  ASSERT_TRUE(index.Put(live, false).ok());
  const auto limit = [](std::string_view key) -> size_t { return key == "c:GU10" ? 4 : SIZE_MAX; };
  auto found = index.Candidates({"c:GU10", "c:LX3", "c:LX1", "c:none"}, limit);
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  ASSERT_EQ(found.value().listings.size(), 2u);
  EXPECT_EQ(found.value().listings[0].listing.listing_id, "L1");
  EXPECT_EQ(found.value().listings[1].listing.listing_id, "L3");
  EXPECT_EQ(found.value().over_limit, std::unordered_set<std::string>{"c:GU10"});
  // At the limit exactly, the key is used.
  auto at_limit = index.Candidates({"c:GU10"}, [](std::string_view) -> size_t { return 5; });
  ASSERT_TRUE(at_limit.ok());
  EXPECT_EQ(at_limit.value().listings.size(), 5u);
  EXPECT_TRUE(at_limit.value().over_limit.empty());
}

TEST_F(ListingIndexTest, PuttingTheSameListingsAgainChangesNothing) {
  ListingIndex index = Open();
  const std::vector<IndexedListing> live = {Make("L1", "a", {"k1", "k2"}), Make("L2", "b", {"k2"})};
  ASSERT_TRUE(index.Put(live, false).ok());
  auto again = index.Put(live, false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().unchanged, 2u);
  EXPECT_EQ(again.value().added + again.value().updated, 0u);
}

TEST_F(ListingIndexTest, AChangedListingReplacesItsKeys) {
  ListingIndex index = Open();
  ASSERT_TRUE(index.Put({Make("L1", "old title", {"k-old"})}, false).ok());
  auto c = index.Put({Make("L1", "new title", {"k-new"})}, false);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().updated, 1u);
  EXPECT_TRUE(index.Holders("k-old", 10).value().empty());
  EXPECT_EQ(index.Holders("k-new", 10).value(), std::vector<std::string>{"L1"});
}

TEST_F(ListingIndexTest, ReplaceAllRemovesWhatIsNoLongerLive) {
  ListingIndex index = Open();
  ASSERT_TRUE(index.Put({Make("L1", "a", {"k"}), Make("L2", "b", {"k"}), Make("L3", "c", {"k"})}, false).ok());
  auto c = index.Put({Make("L2", "b", {"k"})}, /*replace_all=*/true);
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ(c.value().removed, 2u);
  EXPECT_EQ(c.value().unchanged, 1u);
  EXPECT_EQ(index.Count().value(), 1u);
  EXPECT_EQ(index.Holders("k", 10).value(), std::vector<std::string>{"L2"});
  auto r = index.Remove({"L2", "never-there"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().removed, 1u);
  EXPECT_TRUE(index.Holders("k", 10).value().empty());
}

TEST_F(ListingIndexTest, AListingWithoutIdIsRefusedAndNothingIsWritten) {
  ListingIndex index = Open();
  auto c = index.Put({Make("L1", "a", {"k"}), Make("", "b", {"k"})}, false);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().ToString().find("listing_id"), std::string::npos);
  EXPECT_EQ(index.Count().value(), 0u);
}

TEST_F(ListingIndexTest, ListingsKeyedUnderAnotherSchemeAreRefusedUntilReplaced) {
  {
    ListingIndex index = Open("v1");
    ASSERT_TRUE(index.Put({Make("L1", "a", {"k"})}, false).ok());
  }
  ListingIndex index = Open("v2");
  auto holders = index.Holders("k", 10);
  ASSERT_FALSE(holders.ok());
  EXPECT_NE(holders.error().ToString().find("--replace"), std::string::npos);
  EXPECT_FALSE(index.Get({"L1"}).ok());
  EXPECT_FALSE(index.Put({Make("L2", "b", {"k2"})}, false).ok());
  EXPECT_FALSE(index.Remove({"L1"}).ok());
  auto rekeyed = index.Put({Make("L2", "b", {"k2"})}, /*replace_all=*/true);
  ASSERT_TRUE(rekeyed.ok()) << rekeyed.error().ToString();
  EXPECT_EQ(rekeyed.value().added, 1u);
  EXPECT_TRUE(index.Holders("k", 10).value().empty());
  EXPECT_EQ(index.Holders("k2", 10).value(), std::vector<std::string>{"L2"});
  ListingIndex reopened = Open("v2");
  EXPECT_TRUE(reopened.Holders("k2", 10).ok());
  EXPECT_FALSE(Open("v1").Holders("k2", 10).ok());
}

TEST_F(ListingIndexTest, AnEmptyIndexTakesTheNewScheme) {
  { ListingIndex index = Open("v1"); }
  ListingIndex index = Open("v2");
  EXPECT_TRUE(index.Put({Make("L1", "a", {"k"})}, false).ok());
}

TEST_F(ListingIndexTest, ANoticeStoreIsNotAListingIndex) {
  ASSERT_TRUE(NoticeStore::Open(path_).ok());
  auto index = ListingIndex::Open(path_, "v1");
  ASSERT_FALSE(index.ok());
  EXPECT_NE(index.error().ToString().find("not a listing index"), std::string::npos);
  fs::remove(path_);
  ASSERT_TRUE(ListingIndex::Open(path_, "v1").ok());
  auto store = NoticeStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().ToString().find("not a notice store"), std::string::npos);
}

TEST_F(ListingIndexTest, OpenExistingNeverCreatesAFile) {
  for (const bool empty_file : {false, true}) {
    fs::remove(path_);
    if (empty_file) std::ofstream(path_).close();
    auto index = ListingIndex::OpenExisting(path_, "v1");
    ASSERT_FALSE(index.ok());
    EXPECT_EQ(index.error().code(), ErrorCode::kNotFound);
    EXPECT_NE(index.error().ToString().find("no listing index here"), std::string::npos) << index.error().ToString();
    EXPECT_NE(index.error().ToString().find("conform recalls index"), std::string::npos);
    // Nothing was written: a missing file stays missing, an empty one empty.
    EXPECT_EQ(fs::exists(path_), empty_file);
    if (empty_file) {
      EXPECT_EQ(fs::file_size(path_), 0u);
    }
  }
  { ListingIndex index = Open("v1"); }
  EXPECT_TRUE(ListingIndex::OpenExisting(path_, "v1").ok());
}

TEST_F(ListingIndexTest, AnEmptyPathIsRefused) {
  // SQLite would take "" for a temporary database that vanishes on close.
  auto index = ListingIndex::Open("", "v1");
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.error().code(), ErrorCode::kInvalidInput);
  EXPECT_NE(index.error().ToString().find("--index"), std::string::npos);
  auto store = NoticeStore::Open("");
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().ToString().find("--db"), std::string::npos);
}

TEST_F(ListingIndexTest, AFileThatIsNotSqliteIsNamedAsSuch) {
  std::ofstream(path_) << "{\"listing_id\": \"L1\"}\n";
  auto index = ListingIndex::Open(path_, "v1");
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.error().code(), ErrorCode::kInvalidInput);
  EXPECT_NE(index.error().ToString().find("is not a listing index: not an SQLite file"), std::string::npos) << index.error().ToString();
  auto store = NoticeStore::OpenExisting(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().ToString().find("is not a notice store"), std::string::npos) << store.error().ToString();
}

// Many keys into an empty index go in without the index by listing id,
// which is built after them: it must be there, and serve, afterwards.
TEST_F(ListingIndexTest, ABulkFirstPutKeepsTheIndexByListingId) {
  ListingIndex index = Open();
  std::vector<IndexedListing> many;
  for (int i = 0; i < 3000; ++i)
    many.push_back(Make(fmt::format("L{}", i), "t", {fmt::format("a{}", i % 7), fmt::format("b{}", i), fmt::format("c{}", i % 11), "d", "e"}));
  auto c = index.Put(many, false);
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ(c.value().added, 3000u);
  EXPECT_EQ(index.Holders("b1234", 10).value(), std::vector<std::string>{"L1234"});
  EXPECT_EQ(index.Holders("d", 5000).value().size(), 3000u);
  // A changed listing drops its old keys, a removed one all of its own.
  ASSERT_TRUE(index.Put({Make("L1234", "t", {"z"})}, false).ok());
  EXPECT_TRUE(index.Holders("b1234", 10).value().empty());
  ASSERT_TRUE(index.Remove({"L7"}).ok());
  EXPECT_TRUE(index.Holders("b7", 10).value().empty());
  EXPECT_EQ(index.Holders("d", 5000).value().size(), 2998u);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'listing_keys_id'", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW) << "the index by listing id is missing";
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "CREATE INDEX listing_keys_id ON listing_keys(id)");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

// Listings already held, their keys not yet: the bulk path runs while a
// listing read back is the same, and leaves the index whole.
TEST_F(ListingIndexTest, ABulkPutAfterKeylessListingsKeepsTheIndexByListingId) {
  ListingIndex index = Open();
  std::vector<IndexedListing> keyless, keyed;
  for (int i = 0; i < 3000; ++i) {
    keyless.push_back(Make(fmt::format("L{}", i), "t", {}));
    keyed.push_back(Make(fmt::format("L{}", i), "t", {fmt::format("b{}", i), "c", "d", "e"}));
  }
  keyed.push_back(Make("L0", "t", {}));  // the later copy wins: unchanged, and read back last
  ASSERT_TRUE(index.Put(keyless, false).ok());
  auto c = index.Put(keyed, false);
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ(c.value().updated, 2999u);
  EXPECT_EQ(c.value().unchanged, 1u);
  ASSERT_TRUE(index.Remove({"L7"}).ok());
  EXPECT_TRUE(index.Holders("b7", 10).value().empty());
  EXPECT_EQ(index.Holders("c", 5000).value().size(), 2998u);
}

// The keys `index` holds for `id`, sorted.
std::vector<std::string> KeysOf(const ListingIndex& index, const std::string& id) {
  auto got = index.Get({id});
  if (!got.ok() || got.value().empty()) return {};
  return got.value()[0].keys;
}

TEST_F(ListingIndexTest, AWriterTakesTheListingsInBatchesAsOnePut) {
  ListingIndex index = Open();
  ASSERT_TRUE(index.Put({Make("L1", "a", {"k1"}), Make("L2", "b", {"k2"}), Make("L9", "z", {"k9"})}, false).ok());
  auto writer = index.BeginPut(/*replace_all=*/true);
  ASSERT_TRUE(writer.ok()) << writer.error().ToString();
  ASSERT_TRUE(writer.value().Add({Make("L1", "a", {"k1"}), Make("L2", "b changed", {"k2", "k2b"})}).ok());
  ASSERT_TRUE(writer.value().Add({}).ok());
  ASSERT_TRUE(writer.value().Add({Make("L3", "c", {"k3", "k1"})}).ok());
  auto c = writer.value().Commit();
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ(c.value().unchanged, 1u);
  EXPECT_EQ(c.value().updated, 1u);
  EXPECT_EQ(c.value().added, 1u);
  EXPECT_EQ(c.value().removed, 1u);
  EXPECT_EQ(index.Count().value(), 3u);
  EXPECT_EQ(index.Holders("k1", 10).value(), (std::vector<std::string>{"L1", "L3"}));
  EXPECT_EQ(KeysOf(index, "L2"), (std::vector<std::string>{"k2", "k2b"}));
  EXPECT_TRUE(index.Holders("k9", 10).value().empty());
  // Ended: the writer refuses more, and the index serves again.
  EXPECT_FALSE(writer.value().Add({Make("L4", "d", {"k4"})}).ok());
  EXPECT_FALSE(writer.value().Commit().ok());
  EXPECT_EQ(index.Count().value(), 3u);
}

// A listing given again in a later batch: its last copy is what stays,
// with that copy's keys only, and it counts once, against what the index
// held before the put.
TEST_F(ListingIndexTest, AListingGivenAgainInALaterBatchCountsOnceAsItsLastCopy) {
  ListingIndex index = Open();
  ASSERT_TRUE(index.Put({Make("OLD1", "same", {"s"}), Make("OLD2", "held", {"h"}), Make("OLD3", "kept", {"p"})}, false).ok());
  auto writer = index.BeginPut(false);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer.value().Add({Make("NEW", "first", {"n1", "shared"}), Make("OLD1", "same", {"s"}), Make("OLD2", "changed", {"h2"}),
                                  Make("OLD3", "kept", {"p"})})
                  .ok());
  // NEW changed again, OLD1 changed after an identical copy, OLD2 changed
  // back to what the index held, OLD3 the same again.
  ASSERT_TRUE(writer.value().Add({Make("NEW", "second", {"n2", "shared"}), Make("OLD1", "other", {"s2"}), Make("OLD3", "kept", {"p"})}).ok());
  ASSERT_TRUE(writer.value().Add({Make("OLD2", "held", {"h"})}).ok());
  auto c = writer.value().Commit();
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ(c.value().added, 1u);      // NEW
  EXPECT_EQ(c.value().updated, 1u);    // OLD1
  EXPECT_EQ(c.value().unchanged, 2u);  // OLD2, OLD3
  EXPECT_EQ(c.value().repeated, 4u);   // NEW, OLD1, OLD3 once, OLD2 once
  EXPECT_EQ(c.value().repeated_ids, (std::vector<std::string>{"NEW", "OLD1", "OLD3", "OLD2"}));
  EXPECT_EQ(index.Count().value(), 4u);
  EXPECT_EQ(KeysOf(index, "NEW"), (std::vector<std::string>{"n2", "shared"}));
  EXPECT_EQ(index.Get({"NEW"}).value()[0].listing.title, "second");
  EXPECT_TRUE(index.Holders("n1", 10).value().empty());
  EXPECT_EQ(index.Holders("shared", 10).value(), std::vector<std::string>{"NEW"});
  EXPECT_EQ(KeysOf(index, "OLD1"), std::vector<std::string>{"s2"});
  EXPECT_TRUE(index.Holders("s", 10).value().empty());
  EXPECT_EQ(KeysOf(index, "OLD2"), std::vector<std::string>{"h"});
  EXPECT_TRUE(index.Holders("h2", 10).value().empty());
  EXPECT_EQ(index.Holders("p", 10).value(), std::vector<std::string>{"OLD3"});
}

TEST_F(ListingIndexTest, AWriterEndedWithoutCommitLeavesTheIndexAsItWas) {
  ListingIndex index = Open();
  ASSERT_TRUE(index.Put({Make("L1", "a", {"k1"})}, false).ok());
  {
    auto writer = index.BeginPut(/*replace_all=*/true);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer.value().Add({Make("L2", "b", {"k2"}), Make("L1", "a changed", {"k1b"})}).ok());
  }  // destroyed without Commit
  EXPECT_EQ(index.Count().value(), 1u);
  EXPECT_EQ(KeysOf(index, "L1"), std::vector<std::string>{"k1"});
  {
    auto writer = index.BeginPut(false);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer.value().Add({Make("L3", "c", {"k3"})}).ok());
    writer.value().Abandon();
    EXPECT_FALSE(writer.value().Commit().ok());
  }
  EXPECT_EQ(index.Count().value(), 1u);
  // A bad listing in a later batch takes back the earlier batches too.
  auto writer = index.BeginPut(false);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer.value().Add({Make("L4", "d", {"k4"})}).ok());
  const Status bad = writer.value().Add({Make("L5", "e", {"k5"}), Make("", "no id", {"k"})});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().ToString().find("give every listing an id; the index was left as it was"), std::string::npos) << bad.error().ToString();
  EXPECT_FALSE(writer.value().Commit().ok());
  EXPECT_EQ(index.Count().value(), 1u);
  EXPECT_TRUE(index.Holders("k4", 10).value().empty());
  // And the index takes a put again.
  auto c = index.Put({Make("L4", "d", {"k4"})}, false);
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ(c.value().added, 1u);
}

// A reader opened while a put is under way answers from the index as it
// was, and sees the put once it is committed.
TEST_F(ListingIndexTest, ReadersSeeTheLastCommittedIndexWhileAPutIsUnderWay) {
  ListingIndex index = Open();
  ASSERT_TRUE(index.Put({Make("L1", "a", {"k1"})}, false).ok());
  auto writer = index.BeginPut(/*replace_all=*/true);
  ASSERT_TRUE(writer.ok());
  std::vector<IndexedListing> many;
  for (int i = 0; i < 20000; ++i) many.push_back(Make(fmt::format("N{}", i), "t", {fmt::format("n{}", i), "shared"}));
  ASSERT_TRUE(writer.value().Add(many).ok());
  {
    auto reader = ListingIndex::OpenExisting(path_, "v1");
    ASSERT_TRUE(reader.ok()) << reader.error().ToString();
    auto count = reader.value().Count();
    ASSERT_TRUE(count.ok()) << count.error().ToString();
    EXPECT_EQ(count.value(), 1u);
    EXPECT_EQ(reader.value().Holders("k1", 10).value(), std::vector<std::string>{"L1"});
    EXPECT_TRUE(reader.value().Holders("shared", 10).value().empty());
  }
  ASSERT_TRUE(writer.value().Commit().ok());
  auto reader = ListingIndex::OpenExisting(path_, "v1");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader.value().Count().value(), 20000u);
  EXPECT_TRUE(reader.value().Holders("k1", 10).value().empty());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

// Runs one SQL statement on the index file behind the class's back, as a
// damaged or hand-edited file would be.
void Tamper(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST_F(ListingIndexTest, ListingsWithNoRecordedSchemeAreStale) {
  { ASSERT_TRUE(Open("v1").Put({Make("L1", "a", {"k"})}, false).ok()); }
  Tamper(path_, "DELETE FROM meta WHERE name = 'key_scheme'");
  auto holders = Open("v1").Holders("k", 10);
  ASSERT_FALSE(holders.ok());
  EXPECT_NE(holders.error().ToString().find("(none recorded)"), std::string::npos) << holders.error().ToString();
}

TEST_F(ListingIndexTest, KeysNamingAMissingListingAreADamagedIndex) {
  { ASSERT_TRUE(Open("v1").Put({Make("L1", "a", {"k"}), Make("L2", "b", {"k"})}, false).ok()); }
  Tamper(path_, "PRAGMA foreign_keys = OFF; DELETE FROM listings WHERE id = 'L2'");
  ListingIndex index = Open("v1");
  auto found = index.Candidates({"k"}, [](std::string_view) { return SIZE_MAX; });
  ASSERT_FALSE(found.ok());
  EXPECT_NE(found.error().ToString().find("damaged"), std::string::npos) << found.error().ToString();
}

}  // namespace
}  // namespace conform
