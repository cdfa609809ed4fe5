#include "conform/store/notice_store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "conform/recalls/feed_import.h"
#include "../recalls/test_feeds.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

class NoticeStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / fmt::format("conform_notice_store_{}_{}.db", ::getpid(),
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    fs::remove(path_);
  }
  void TearDown() override { fs::remove(path_); }

  NoticeStore Open() {
    auto s = NoticeStore::Open(path_);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().ToString());
    if (!s.ok()) std::abort();
    return std::move(s).value();
  }
  std::string FileBytes() const { return ReadTestFile(path_); }
  void Sql(const std::string& sql) const {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }

  // The last column of the rows `sql` gives (for EXPLAIN QUERY PLAN, the
  // step), joined by newlines.
  std::string Query(const std::string& sql) const {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    std::string out;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, sqlite3_column_count(st) - 1));
      if (!out.empty()) out += '\n';
      if (text) out += text;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  }

  // Takes a store of this build back to the tables of schema version 2:
  // notices in a WITHOUT ROWID table, as stores written before version 3
  // have them.
  void BackToVersionTwo() const {
    Sql(R"sql(
      PRAGMA foreign_keys = OFF;
      BEGIN;
      CREATE TABLE notices_v2 (source TEXT NOT NULL, id TEXT NOT NULL, published TEXT, updated TEXT, notice TEXT NOT NULL,
                               first_imported TEXT NOT NULL, last_changed TEXT NOT NULL, PRIMARY KEY (source, id)) WITHOUT ROWID;
      INSERT INTO notices_v2 SELECT source, id, published, updated, notice, first_imported, last_changed FROM notices;
      CREATE TABLE notice_gtins_v2 (gtin TEXT NOT NULL, source TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (gtin, source, id),
                                    FOREIGN KEY (source, id) REFERENCES notices(source, id) ON DELETE CASCADE) WITHOUT ROWID;
      INSERT INTO notice_gtins_v2 SELECT gtin, source, id FROM notice_gtins;
      DROP TABLE notice_gtins;
      DROP TABLE notices;
      ALTER TABLE notices_v2 RENAME TO notices;
      ALTER TABLE notice_gtins_v2 RENAME TO notice_gtins;
      CREATE INDEX notices_published ON notices(published);
      CREATE INDEX notices_updated ON notices(updated);
      CREATE INDEX notice_gtins_notice ON notice_gtins(source, id);
      PRAGMA user_version = 2;
      COMMIT;
    )sql");
  }

  std::string path_;
};

FeedImport SafetyGateFixture() { return MustImport(NoticeSource::kEuSafetyGate, RecallFixture("safetygate_sample.json")); }

TEST_F(NoticeStoreTest, ImportsOnceAndReimportingChangesNothing) {
  const FeedImport feed = SafetyGateFixture();
  {
    NoticeStore store = Open();
    auto first = store.Import(feed);
    ASSERT_TRUE(first.ok()) << first.error().ToString();
    EXPECT_EQ(first.value().added, 11u);
    EXPECT_EQ(first.value().updated, 0u);
    EXPECT_EQ(first.value().unchanged, 0u);
    EXPECT_EQ(first.value().skipped, 0u);
  }
  const std::string before = FileBytes();
  {
    NoticeStore store = Open();
    auto again = store.Import(feed);
    ASSERT_TRUE(again.ok()) << again.error().ToString();
    EXPECT_EQ(again.value().added, 0u);
    EXPECT_EQ(again.value().updated, 0u);
    EXPECT_EQ(again.value().unchanged, 11u);
    EXPECT_EQ(store.Count().value(), 11u);
    // The ids alone, as the notices read back have them.
    auto ids = store.Ids();
    ASSERT_TRUE(ids.ok()) << ids.error().ToString();
    std::vector<std::pair<NoticeSource, std::string>> from_notices;
    const auto all = store.All();
    ASSERT_TRUE(all.ok());
    for (const Notice& n : all.value()) from_notices.emplace_back(n.source, n.id);
    std::sort(ids.value().begin(), ids.value().end());
    std::sort(from_notices.begin(), from_notices.end());
    EXPECT_EQ(ids.value(), from_notices);
  }
  EXPECT_EQ(FileBytes(), before) << "re-importing the same feed wrote to the store";
}

TEST_F(NoticeStoreTest, AChangedRecordUpdatesTheNoticeAndKeepsTheOldVersion) {
  FeedImport feed = SafetyGateFixture();
  NoticeStore store = Open();
  ASSERT_TRUE(store.Import(feed).ok());
  Notice& car = feed.notices[1];
  ASSERT_EQ(car.id, "A12/00017/20");
  const std::vector<std::string> old_hazards = car.hazard_types;
  car.hazard_types.push_back("Burns");
  auto counts = store.Import(feed);
  ASSERT_TRUE(counts.ok()) << counts.error().ToString();
  EXPECT_EQ(counts.value().added, 0u);
  EXPECT_EQ(counts.value().updated, 1u);
  EXPECT_EQ(counts.value().unchanged, 10u);

  auto now = store.Find(NoticeSource::kEuSafetyGate, "A12/00017/20");
  ASSERT_TRUE(now.ok() && now.value());
  EXPECT_EQ(now.value()->hazard_types.back(), "Burns");
  auto history = store.History(NoticeSource::kEuSafetyGate, "A12/00017/20");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history.value().size(), 1u);
  EXPECT_EQ(history.value()[0].notice.hazard_types, old_hazards);
  EXPECT_EQ(history.value()[0].replaced_at.size(), 20u);  // "YYYY-MM-DDTHH:MM:SSZ"
  EXPECT_TRUE(store.History(NoticeSource::kEuSafetyGate, "A12/0912/19").value().empty());
}

TEST_F(NoticeStoreTest, AFailedImportLeavesTheStoreAsItWas) {
  FeedImport feed = SafetyGateFixture();
  {
    NoticeStore store = Open();
    ASSERT_TRUE(store.Import(feed).ok());
  }
  // A failure injected into the database itself, at the third notice: the
  // first is an update and the second an addition, both to be undone.
  Sql("CREATE TRIGGER injected_failure BEFORE INSERT ON notices WHEN NEW.id = 'BOOM' "
      "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
  const std::string before = FileBytes();
  std::vector<Notice> batch = {feed.notices[1], feed.notices[0], feed.notices[0], feed.notices[0]};
  batch[0].hazard_types = {"Changed"};
  batch[1].id = "A12/99999/24";
  batch[2].id = "BOOM";
  batch[3].id = "A12/99998/24";
  {
    NoticeStore store = Open();
    auto r = store.Import(batch);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().ToString().find("injected failure"), std::string::npos) << r.error().ToString();
    EXPECT_NE(r.error().ToString().find("nothing was imported"), std::string::npos);
    EXPECT_EQ(store.Count().value(), 11u);
    EXPECT_FALSE(store.Find(NoticeSource::kEuSafetyGate, "A12/99999/24").value());
    EXPECT_EQ(store.Find(NoticeSource::kEuSafetyGate, "A12/00017/20").value()->hazard_types, (std::vector<std::string>{"Fire", "Injuries"}));
    EXPECT_TRUE(store.History(NoticeSource::kEuSafetyGate, "A12/00017/20").value().empty());
    EXPECT_EQ(FileBytes(), before);
    // The store still works after the failure.
    batch.erase(batch.begin() + 2);
    auto ok = store.Import(batch);
    ASSERT_TRUE(ok.ok()) << ok.error().ToString();
    EXPECT_EQ(ok.value().added, 2u);
    EXPECT_EQ(ok.value().updated, 1u);
  }
  EXPECT_NE(FileBytes(), before);
}

TEST_F(NoticeStoreTest, ReadsBackBySourceIdDateAndGtin) {
  NoticeStore store = Open();
  ASSERT_TRUE(store.Import(SafetyGateFixture()).ok());
  ASSERT_TRUE(store.Import(MustImport(NoticeSource::kUsCpsc, RecallFixture("cpsc_recalls.json"))).ok());
  ASSERT_TRUE(store.Import(MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_details.json"))).ok());

  auto all = store.All();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value().size(), 16u);
  // By source name, then date (undated last), then id.
  EXPECT_EQ(all.value()[0].id, "RA-66524");
  EXPECT_EQ(all.value()[1].id, "RA-76611");
  EXPECT_EQ(all.value()[2].source, NoticeSource::kEuSafetyGate);
  EXPECT_EQ(all.value()[13].id, "18110");
  EXPECT_EQ(all.value()[15].id, "26645");

  EXPECT_EQ(store.BySource(NoticeSource::kUsCpsc).value().size(), 3u);
  auto found = store.Find(NoticeSource::kUsCpsc, "18143");
  ASSERT_TRUE(found.ok() && found.value());
  EXPECT_EQ(found.value()->product_name, "Petit Collage musical jumbo wooden xylophones");
  EXPECT_NE(found.value()->raw.find("\"RecallID\":8308"), std::string::npos);  // provenance kept
  EXPECT_FALSE(store.Find(NoticeSource::kUsCpsc, "A12/00017/20").value());

  auto since = store.Since(Date::Parse("2018-04-01").value());
  ASSERT_TRUE(since.ok());
  std::vector<std::string> ids;
  for (const auto& n : since.value()) ids.push_back(n.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"RA-66524", "18143", "26645"}));

  auto helmet = store.WithGtin("08055186669932");
  ASSERT_TRUE(helmet.ok());
  ASSERT_EQ(helmet.value().size(), 1u);
  EXPECT_EQ(helmet.value()[0].id, "A12/01135/24");
  EXPECT_EQ(store.WithGtin("00036000291452").value().size(), 1u);  // the Health Canada fixture's UPC
  EXPECT_TRUE(store.WithGtin("00000000000000").value().empty());
}

TEST_F(NoticeStoreTest, ANoticeGivenTwiceInOneImportCountsOnce) {
  FeedImport feed = SafetyGateFixture();
  std::vector<Notice> batch = {feed.notices[0], feed.notices[0]};
  batch[1].product_name = "Later copy";
  NoticeStore store = Open();
  auto r = store.Import(batch);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().added, 1u);
  EXPECT_EQ(store.Find(NoticeSource::kEuSafetyGate, batch[0].id).value()->product_name, "Later copy");
  // Two versions of the same date that differ (two files of one import)
  // are named: the one given later is kept.
  EXPECT_EQ(r.value().kept_newer, std::vector<std::string>{fmt::format("eu-safety-gate {}: two versions of the same undated form differ in "
                                                                       "this import; the one given later is kept",
                                                                       batch[0].id)});
}

// One Safety Gate alert as a feed file gives it, modified on `day`.
FeedImport AlertModifiedOn(const std::string& day, const std::string& barcode) {
  return MustImport(NoticeSource::kEuSafetyGate,
                    fmt::format(R"([{{"alert_number": "A12/00009/25", "alert_date": "2025-01-01", "modification_date": "{}",
                                     "product_name": "Toy", "product_barcode": "{}"}}])",
                                day, barcode));
}

TEST_F(NoticeStoreTest, AnOlderSnapshotNeverReplacesANewerNotice) {
  const FeedImport newer = AlertModifiedOn("2025-03-01", "4006381333931");
  const FeedImport older = AlertModifiedOn("2025-01-01", "");
  {
    NoticeStore store = Open();
    ASSERT_EQ(store.Import(newer).value().added, 1u);
  }
  const std::string before = FileBytes();
  {
    NoticeStore store = Open();
    auto r = store.Import(older);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    EXPECT_EQ(r.value().older, 1u);
    EXPECT_EQ(r.value().updated, 0u);
    EXPECT_EQ(r.value().unchanged, 0u);
    EXPECT_EQ(r.value().kept_newer,
              std::vector<std::string>{"eu-safety-gate A12/00009/25: the version dated 2025-01-01 is older than the stored one of 2025-03-01; "
                                       "the stored version is kept"});
    auto kept = store.Find(NoticeSource::kEuSafetyGate, "A12/00009/25").value();
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->updated->ToString(), "2025-03-01");
    EXPECT_EQ(kept->gtins, std::vector<std::string>{"04006381333931"});
    EXPECT_EQ(store.WithGtin("04006381333931").value().size(), 1u);
    EXPECT_TRUE(store.History(NoticeSource::kEuSafetyGate, "A12/00009/25").value().empty());
    // Again: still nothing written.
    EXPECT_EQ(store.Import(older).value().older, 1u);
  }
  EXPECT_EQ(FileBytes(), before) << "an older snapshot wrote to the store";

  NoticeStore store = Open();
  // The same day with other content, a later day, and no day at all are taken.
  auto same_day = store.Import(AlertModifiedOn("2025-03-01", "4006381333948"));
  ASSERT_TRUE(same_day.ok());
  EXPECT_EQ(same_day.value().updated, 1u);
  EXPECT_TRUE(same_day.value().kept_newer.empty());
  EXPECT_EQ(store.Import(AlertModifiedOn("2025-04-01", "")).value().updated, 1u);
  // A version without a date does not replace a dated one: it is another
  // form of the notice, whose GTIN the notice keeps beside the dated
  // form's fields.
  FeedImport undated = AlertModifiedOn("2025-04-01", "4006381333931");
  undated.notices[0].updated.reset();
  auto r = store.Import(undated);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().updated, 1u);
  EXPECT_EQ(r.value().kept_newer, std::vector<std::string>{"eu-safety-gate A12/00009/25: a dated and an undated form of the notice differ; "
                                                           "the notice keeps the GTINs only the other form gives (and both records)"});
  auto both = store.Find(NoticeSource::kEuSafetyGate, "A12/00009/25").value();
  EXPECT_EQ(both->updated->ToString(), "2025-04-01");
  EXPECT_EQ(both->gtins, std::vector<std::string>{"04006381333931"});
  EXPECT_EQ(both->other_form_raw, undated.notices[0].raw);
  EXPECT_EQ(store.Import(undated).value().unchanged, 1u);
  // Without anything to add, an undated version is kept out.
  undated.notices[0].raw += " ";
  EXPECT_EQ(store.Import(undated).value().less_complete, 1u);
  EXPECT_EQ(store.Import(older).value().older, 1u);
  EXPECT_EQ(store.History(NoticeSource::kEuSafetyGate, "A12/00009/25").value().size(), 3u);
}

// A later dated version of a notice merged from its two forms is merged
// with the undated form again: a barcode the regulator has taken out of
// the dated form goes, the undated form's stays.
TEST_F(NoticeStoreTest, ALaterDatedVersionOfAMergedNoticeDropsWhatTheOlderDatedOneListed) {
  NoticeStore store = Open();
  ASSERT_EQ(store.Import(AlertModifiedOn("2025-03-01", "4006381333931, 4006381333948")).value().added, 1u);
  const FeedImport undated = AlertModifiedOn("", "5901234123457");
  ASSERT_FALSE(undated.notices.at(0).updated);
  ASSERT_EQ(store.Import(undated).value().updated, 1u);
  EXPECT_EQ(store.Find(NoticeSource::kEuSafetyGate, "A12/00009/25").value()->gtins.size(), 3u);
  const FeedImport later = AlertModifiedOn("2025-04-01", "4006381333931");
  auto r = store.Import(later);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().updated, 1u);
  const auto n = store.Find(NoticeSource::kEuSafetyGate, "A12/00009/25").value();
  EXPECT_EQ(n->gtins, (std::vector<std::string>{"04006381333931", "05901234123457"}));
  EXPECT_EQ(n->other_form_raw, undated.notices[0].raw);
  EXPECT_TRUE(store.WithGtin("04006381333948").value().empty());
  EXPECT_EQ(store.Import(later).value().unchanged, 1u);
  EXPECT_EQ(store.Import(undated).value().unchanged, 1u);
}

// Two undated versions cannot be put in order: the one imported is taken
// as the feed's edit, and the identifiers it drops are said.
TEST_F(NoticeStoreTest, AnUndatedVersionDroppingIdentifiersIsTakenAndSaid) {
  NoticeStore store = Open();
  ASSERT_EQ(store.Import(AlertModifiedOn("", "4006381333931, 4006381333948")).value().added, 1u);
  auto r = store.Import(AlertModifiedOn("", "4006381333931"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().updated, 1u);
  EXPECT_EQ(r.value().kept_newer, std::vector<std::string>{"eu-safety-gate A12/00009/25: the version imported, undated as the stored one, "
                                                           "drops 1 of its GTINs, ASINs or model numbers; taken as the feed's edit (import "
                                                           "the snapshot meant last to undo it)"});
  EXPECT_TRUE(store.Import(AlertModifiedOn("", "4006381333931, 4006381333948")).value().kept_newer.empty());  // adds: an edit, unsaid
}

// A version of the same day published earlier (a draft of the morning
// against the afternoon's) is older, when both give the time.
TEST_F(NoticeStoreTest, OfOneDayTheEarlierTimeIsTheOlderVersion) {
  NoticeStore store = Open();
  ASSERT_EQ(store.Import(AlertModifiedOn("2024-05-02T14:01:12+00:00", "4006381333931")).value().added, 1u);
  auto r = store.Import(AlertModifiedOn("2024-05-02T09:00:00+00:00", "4006381333948"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().older, 1u);
  EXPECT_EQ(r.value().kept_newer, std::vector<std::string>{"eu-safety-gate A12/00009/25: the version dated 2024-05-02T09:00:00Z is older than "
                                                           "the stored one of 2024-05-02T14:01:12Z; the stored version is kept"});
  EXPECT_EQ(store.Find(NoticeSource::kEuSafetyGate, "A12/00009/25").value()->gtins, std::vector<std::string>{"04006381333931"});
  // Times in other zones are compared in UTC: 16:00 at +02:00 is before
  // 14:01:12 UTC, 18:00 after.
  EXPECT_EQ(store.Import(AlertModifiedOn("2024-05-02T16:00:00+02:00", "4006381333948")).value().older, 1u);
  EXPECT_EQ(store.Import(AlertModifiedOn("2024-05-02T18:00:00+02:00", "4006381333948")).value().updated, 1u);
}

// Health Canada answers a search with a short form of each recall, and the
// recall's own page with the full one, both dated alike; Safety Gate's
// weekly export has no dates where the open data has them. Imported in
// any order and again, the store keeps the fuller.
TEST_F(NoticeStoreTest, AThinnerFormOfANoticeNeverReplacesAFullerOne) {
  Notice full;
  full.source = NoticeSource::kCaHealthCanada;
  full.id = "RA-66524";
  full.published = Date::Parse("2018-04-19").value();
  full.updated = full.published;
  full.title = "Petit Collage musical jumbo wooden puzzles recalled";
  full.model_numbers = {"PC-3140"};
  full.gtins = {"00842715031405"};
  full.hazard_description = "Small parts can come off.";
  full.raw = R"({"recallId":"RA-66524","panels":[]})";
  Notice thin = full;
  thin.model_numbers.clear();
  thin.gtins.clear();
  thin.hazard_description.clear();
  thin.raw = R"({"recallId":"RA-66524"})";
  const std::string id = "RA-66524";

  NoticeStore store = Open();
  ASSERT_EQ(store.Import(std::vector<Notice>{thin}).value().added, 1u);
  EXPECT_EQ(store.Import(std::vector<Notice>{full}).value().updated, 1u);  // fuller: taken
  auto r = store.Import(std::vector<Notice>{thin});
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().less_complete, 1u);
  EXPECT_EQ(r.value().updated, 0u);
  EXPECT_EQ(r.value().kept_newer,
            std::vector<std::string>{"ca-health-canada RA-66524: the version imported leaves out the model numbers, GTINs, hazard "
                                     "description of the stored one; the stored version is kept, and matched on as it is (import with "
                                     "--corrections if it corrects the stored one)"});
  EXPECT_EQ(store.Find(NoticeSource::kCaHealthCanada, id).value()->gtins, full.gtins);
  EXPECT_EQ(store.WithGtin("00842715031405").value().size(), 1u);
  EXPECT_EQ(store.Import(std::vector<Notice>{full}).value().unchanged, 1u);
  EXPECT_EQ(store.History(NoticeSource::kCaHealthCanada, id).value().size(), 1u);

  // The same notice from another form of the feed, only its raw record
  // differing, is no change.
  Notice same = full;
  same.raw = R"({"recallId":"RA-66524","panels":[],"date":"2018-04-19"})";
  EXPECT_EQ(store.Import(std::vector<Notice>{same}).value().unchanged, 1u);
  EXPECT_EQ(store.Find(NoticeSource::kCaHealthCanada, id).value()->raw, full.raw);

  // An edit that drops one GTIN and adds another is taken, and so is a
  // correction that takes one of two out.
  Notice edited = full;
  edited.gtins = {"00842715031412"};
  EXPECT_EQ(store.Import(std::vector<Notice>{edited}).value().updated, 1u);
  Notice corrected = full;
  corrected.gtins = {"00842715031405", "00842715031412"};
  EXPECT_EQ(store.Import(std::vector<Notice>{corrected}).value().updated, 1u);
  corrected.gtins = {"00842715031405"};
  EXPECT_EQ(store.Import(std::vector<Notice>{corrected}).value().updated, 1u);
  EXPECT_EQ(store.WithGtin("00842715031412").value().size(), 0u);
  // Given as corrections, a version that takes the only GTIN out is taken:
  // a regulator's fix of a wrong barcode. An older one still is not.
  Notice no_gtin = full;
  no_gtin.gtins.clear();
  EXPECT_EQ(store.Import(std::vector<Notice>{no_gtin}).value().less_complete, 1u);
  auto fixed = store.Import(std::vector<Notice>{no_gtin}, 0, /*corrections=*/true);
  ASSERT_TRUE(fixed.ok()) << fixed.error().ToString();
  EXPECT_EQ(fixed.value().updated, 1u);
  EXPECT_EQ(store.WithGtin("00842715031405").value().size(), 0u);
  Notice older_fix = full;
  older_fix.updated = Date::Parse("2018-01-01").value();
  EXPECT_EQ(store.Import(std::vector<Notice>{older_fix}, 0, /*corrections=*/true).value().older, 1u);
  EXPECT_EQ(store.Import(std::vector<Notice>{corrected}).value().updated, 1u);  // as it was

  // In one import, the fuller copy is kept whichever comes first.
  const std::string other = path_ + ".2";
  {
    NoticeStore fresh = NoticeStore::Open(other).value();
    auto both = fresh.Import(std::vector<Notice>{full, thin});
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both.value().added, 1u);
    EXPECT_EQ(both.value().kept_newer.size(), 1u);
    EXPECT_EQ(fresh.Find(NoticeSource::kCaHealthCanada, id).value()->gtins, full.gtins);
    auto reversed = fresh.Import(std::vector<Notice>{thin, full});
    ASSERT_TRUE(reversed.ok());
    EXPECT_EQ(reversed.value().unchanged, 1u);
    EXPECT_TRUE(reversed.value().kept_newer.empty());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(other + suffix);
}

// Safety Gate's weekly export and its open data give alert A12/01135/24
// with eight GTINs and three (and a description and an origin only the
// weekly export has): whichever comes first, and in one import, the
// notice keeps every GTIN and the open data's dates.
TEST_F(NoticeStoreTest, TheTwoFormsOfASafetyGateAlertAreMergedInAnyOrder) {
  const FeedImport weekly = SafetyGateFixture();
  const FeedImport open_data = MustImport(NoticeSource::kEuSafetyGate, RecallFixture("safetygate_opendatasoft.json"));
  const auto alert = [](const FeedImport& f) {
    for (const Notice& n : f.notices)
      if (n.id == "A12/01135/24") return n;
    return Notice{};
  };
  ASSERT_EQ(alert(weekly).gtins.size(), 8u);
  ASSERT_LT(alert(open_data).gtins.size(), 8u);
  ASSERT_TRUE(alert(open_data).updated);
  std::vector<std::string> stored[3];
  for (int order = 0; order < 3; ++order) {
    const std::string file = path_ + ".order" + std::to_string(order);
    {
      NoticeStore store = NoticeStore::Open(file).value();
      if (order == 2) {
        ASSERT_TRUE(store.Import(std::vector<Notice>{alert(open_data), alert(weekly)}).ok());
      } else {
        ASSERT_TRUE(store.Import(order == 0 ? weekly : open_data).ok());
        auto second = store.Import(order == 0 ? open_data : weekly);
        ASSERT_TRUE(second.ok());
        EXPECT_GE(second.value().updated, 1u) << order;  // the two files share two alerts
      }
      const auto n = store.Find(NoticeSource::kEuSafetyGate, "A12/01135/24").value();
      ASSERT_TRUE(n);
      EXPECT_EQ(n->updated, alert(open_data).updated) << order;
      EXPECT_EQ(n->raw, alert(open_data).raw) << order;
      EXPECT_EQ(n->other_form_raw, alert(weekly).raw) << order;
      EXPECT_EQ(n->description, alert(weekly).description) << order;
      for (const auto& g : alert(weekly).gtins) EXPECT_EQ(store.WithGtin(g).value().size(), 1u) << g;
      stored[order] = n->gtins;
      std::sort(stored[order].begin(), stored[order].end());
      // Again, either form: nothing changes.
      EXPECT_EQ(store.Import(std::vector<Notice>{alert(weekly)}).value().unchanged, 1u) << order;
      EXPECT_EQ(store.Import(std::vector<Notice>{alert(open_data)}).value().unchanged, 1u) << order;
      // As corrections, the open data's version is taken as it is.
      Notice corrected = alert(open_data);
      corrected.raw += " ";
      ASSERT_TRUE(store.Import(std::vector<Notice>{corrected}, 0, /*corrections=*/true).ok());
      EXPECT_EQ(store.Find(NoticeSource::kEuSafetyGate, "A12/01135/24").value()->gtins, alert(open_data).gtins) << order;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file + suffix);
  }
  EXPECT_EQ(stored[0].size(), 8u);
  EXPECT_EQ(stored[0], stored[1]);
  EXPECT_EQ(stored[0], stored[2]);
}

// One command given a form of a notice twice (the same export file twice,
// or two exports repeating an alert) beside the other form: merged, in any
// order, as when the files come one per command.
TEST_F(NoticeStoreTest, AFormGivenTwiceInOneImportStillMerges) {
  const Notice dated = AlertModifiedOn("2025-03-01", "4006381333931").notices.at(0);
  const Notice undated = AlertModifiedOn("", "5901234123457").notices.at(0);
  const std::vector<std::vector<Notice>> orders = {{dated, undated, undated}, {undated, dated, undated}, {undated, undated, dated}};
  for (size_t k = 0; k < orders.size(); ++k) {
    const std::string file = path_ + ".twice" + std::to_string(k);
    {
      NoticeStore store = NoticeStore::Open(file).value();
      ASSERT_TRUE(store.Import(orders[k]).ok());
      const auto n = store.Find(NoticeSource::kEuSafetyGate, "A12/00009/25").value();
      ASSERT_TRUE(n) << k;
      ASSERT_TRUE(n->updated) << k;
      EXPECT_EQ(n->updated->ToString(), "2025-03-01") << k;
      EXPECT_EQ(n->gtins, (std::vector<std::string>{"04006381333931", "05901234123457"})) << k;
      EXPECT_EQ(n->other_form_raw, undated.raw) << k;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file + suffix);
  }
}

TEST_F(NoticeStoreTest, OfCopiesInOneImportTheNewestIsKept) {
  // `recalls import new.json old.json`: the files' notices in one Import.
  const Notice newer = AlertModifiedOn("2025-03-01", "4006381333931").notices.at(0);
  const Notice older = AlertModifiedOn("2025-01-01", "").notices.at(0);
  NoticeStore store = Open();
  auto r = store.Import(std::vector<Notice>{newer, older});
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r.value().added, 1u);
  EXPECT_EQ(r.value().older, 0u);
  EXPECT_EQ(r.value().kept_newer,
            std::vector<std::string>{"eu-safety-gate A12/00009/25: a version dated 2025-01-01 comes after one dated 2025-03-01 in this "
                                     "import; the newer is kept"});
  EXPECT_EQ(store.Find(NoticeSource::kEuSafetyGate, "A12/00009/25").value()->updated->ToString(), "2025-03-01");
  // In the other order as well, and silently.
  auto again = store.Import(std::vector<Notice>{older, newer});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().unchanged, 1u);
  EXPECT_TRUE(again.value().kept_newer.empty());
  EXPECT_EQ(store.Find(NoticeSource::kEuSafetyGate, "A12/00009/25").value()->gtins, std::vector<std::string>{"04006381333931"});
}

// Health Canada's open data comes as an English and a French file with the
// same NIDs: one notice, kept in English whatever order they come in.
TEST_F(NoticeStoreTest, ATranslationOfANoticeIsTheSameNotice) {
  Notice english;
  english.source = NoticeSource::kCaHealthCanada;
  english.id = "82667";
  english.updated = Date::Parse("2026-09-24").value();
  english.title = "Roasted Broadbeans recalled due to undeclared milk";
  Notice french = english;
  french.language = "fr";
  french.title = "Rappel de gourganes grillées en raison de la présence de lait non déclaré";

  NoticeStore store = Open();
  ASSERT_EQ(store.Import(std::vector<Notice>{french}).value().added, 1u);
  EXPECT_EQ(store.Import(std::vector<Notice>{english}).value().updated, 1u);
  for (int again = 0; again < 2; ++again) {
    auto r = store.Import(std::vector<Notice>{french});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().other_language, 1u);
    EXPECT_EQ(r.value().updated, 0u);
    EXPECT_EQ(r.value().kept_newer, std::vector<std::string>{"ca-health-canada 82667: the version imported is in another language (\"fr\") "
                                                             "than the stored one, in English; the stored version is kept"});
    EXPECT_EQ(store.Import(std::vector<Notice>{english}).value().unchanged, 1u);
  }
  const auto kept = store.Find(NoticeSource::kCaHealthCanada, "82667").value();
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->title, english.title);
  EXPECT_EQ(kept->language, "");
  // A later French version is a change, and taken.
  french.updated = Date::Parse("2026-09-30").value();
  EXPECT_EQ(store.Import(std::vector<Notice>{french}).value().updated, 1u);
  EXPECT_EQ(store.Find(NoticeSource::kCaHealthCanada, "82667").value()->language, "fr");
  // Both in one import, either order: the English.
  english.updated = french.updated;
  auto both = store.Import(std::vector<Notice>{english, french});
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both.value().updated, 1u);
  EXPECT_EQ(both.value().kept_newer.size(), 1u);
  EXPECT_EQ(store.Import(std::vector<Notice>{french, english}).value().unchanged, 1u);
  EXPECT_EQ(store.Find(NoticeSource::kCaHealthCanada, "82667").value()->title, english.title);
}

TEST_F(NoticeStoreTest, SchemaIsVersionedAndForeignFilesAreRefused) {
  { NoticeStore store = Open(); }
  EXPECT_EQ(Query("PRAGMA user_version"), std::to_string(NoticeStore::SchemaVersion()));
  EXPECT_EQ(NoticeStore::SchemaVersion(), 3);

  Sql("PRAGMA user_version = 99");
  auto newer = NoticeStore::Open(path_);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.error().ToString().find("schema version 99; this build knows versions up to 3"), std::string::npos) << newer.error().ToString();

  fs::remove(path_);
  Sql("CREATE TABLE something_else (x)");
  auto foreign = NoticeStore::Open(path_);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.error().ToString().find("not a notice store"), std::string::npos);

  fs::remove(path_);
  std::ofstream(path_) << "just text, not a database, but long enough to have a header of sorts.............................";
  auto text = NoticeStore::Open(path_);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code(), ErrorCode::kInvalidInput);

  auto nowhere = NoticeStore::Open("/nonexistent/dir/notices.db");
  ASSERT_FALSE(nowhere.ok());
  EXPECT_EQ(nowhere.error().code(), ErrorCode::kIo);
  EXPECT_NE(nowhere.error().ToString().find("the directory /nonexistent/dir does not exist"), std::string::npos) << nowhere.error().ToString();
}

TEST_F(NoticeStoreTest, AnUpdateFindsTheNoticesGtinRowsByIndexAndVersionOneIsMigrated) {
  {
    NoticeStore store = Open();
    ASSERT_TRUE(store.Import(SafetyGateFixture()).ok());
  }
  // A store written before version 2: its GTIN rows only by GTIN.
  BackToVersionTwo();
  Sql("DROP INDEX notice_gtins_notice; PRAGMA user_version = 1");
  const std::string gtins_before = Query("SELECT gtin || ' ' || id FROM notice_gtins ORDER BY 1");
  ASSERT_FALSE(gtins_before.empty());
  NoticeStore store = Open();
  EXPECT_EQ(Query("PRAGMA user_version"), "3");
  EXPECT_EQ(Query("SELECT gtin || ' ' || id FROM notice_gtins ORDER BY 1"), gtins_before);
  // The update's delete searches the index instead of reading every row.
  const std::string plan = Query("EXPLAIN QUERY PLAN DELETE FROM notice_gtins WHERE source = 'x' AND id = 'y'");
  EXPECT_NE(plan.find("SEARCH notice_gtins USING COVERING INDEX notice_gtins_notice (source=? AND id=?)"), std::string::npos) << plan;
  FeedImport feed = SafetyGateFixture();
  const auto with_gtin = std::find_if(feed.notices.begin(), feed.notices.end(), [](const Notice& n) { return !n.gtins.empty(); });
  ASSERT_NE(with_gtin, feed.notices.end()) << "a notice of the fixture has a GTIN";
  Notice& changed = *with_gtin;
  const std::string old_gtin = changed.gtins.front();
  ASSERT_TRUE(store.WithGtin("00012345600012").value().empty());
  changed.gtins = {"00012345600012"};
  auto again = store.Import(feed);
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(again.value().updated, 1u);
  EXPECT_TRUE(store.WithGtin(old_gtin).value().empty());
  ASSERT_EQ(store.WithGtin("00012345600012").value().size(), 1u);
  EXPECT_EQ(store.WithGtin("00012345600012").value().front().id, changed.id);
}

TEST_F(NoticeStoreTest, VersionTwoIsMigratedToNoticesInARowidTableWithEveryRowKept) {
  const FeedImport feed = SafetyGateFixture();
  {
    NoticeStore store = Open();
    ASSERT_TRUE(store.Import(feed).ok());
    // A second version of one notice, so that a replaced version is kept.
    FeedImport changed = feed;
    changed.notices.front().hazard_description += " More on the hazard.";
    ASSERT_EQ(store.Import(changed).value().updated, 1u);
  }
  BackToVersionTwo();
  ASSERT_NE(Query("SELECT sql FROM sqlite_master WHERE name = 'notices'").find("WITHOUT ROWID"), std::string::npos);
  const std::string notices = Query("SELECT source || ' ' || id || ' ' || notice || ' ' || last_changed FROM notices ORDER BY source, id");
  const std::string gtins = Query("SELECT gtin || ' ' || source || ' ' || id FROM notice_gtins ORDER BY 1");
  const std::string versions = Query("SELECT source || ' ' || id || ' ' || notice FROM notice_versions ORDER BY 1");
  ASSERT_FALSE(gtins.empty());
  ASSERT_FALSE(versions.empty());

  NoticeStore store = Open();
  EXPECT_EQ(Query("PRAGMA user_version"), "3");
  // A notice's key no longer shares its b-tree with the notice's text.
  EXPECT_EQ(Query("SELECT sql FROM sqlite_master WHERE name = 'notices'").find("WITHOUT ROWID"), std::string::npos);
  EXPECT_EQ(Query("SELECT source || ' ' || id || ' ' || notice || ' ' || last_changed FROM notices ORDER BY source, id"), notices);
  EXPECT_EQ(Query("SELECT gtin || ' ' || source || ' ' || id FROM notice_gtins ORDER BY 1"), gtins);
  EXPECT_EQ(Query("SELECT source || ' ' || id || ' ' || notice FROM notice_versions ORDER BY 1"), versions);
  // The GTIN rows still refer to the notices, and their indexes are back.
  EXPECT_EQ(Query("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('notice_gtins')"), "notices");
  EXPECT_EQ(Query("PRAGMA foreign_key_check"), "");
  EXPECT_EQ(Query("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name"),
            "notice_gtins_notice\nnotice_versions_key\nnotices_published\nnotices_updated");
  const auto with_gtin = std::find_if(feed.notices.begin(), feed.notices.end(), [](const Notice& n) { return !n.gtins.empty(); });
  ASSERT_NE(with_gtin, feed.notices.end()) << "a notice of the fixture has a GTIN";
  ASSERT_EQ(store.WithGtin(with_gtin->gtins.front()).value().size(), 1u);
  // A deleted notice still takes its GTIN rows with it.
  Sql(fmt::format("PRAGMA foreign_keys = ON; DELETE FROM notices WHERE id = '{}'", with_gtin->id));
  EXPECT_EQ(Query(fmt::format("SELECT count(*) FROM notice_gtins WHERE id = '{}'", with_gtin->id)), "0");
}

TEST_F(NoticeStoreTest, AReaderWritesNothingAndReadsAVersionOneStoreAsItIs) {
  size_t stored = 0;
  {
    NoticeStore store = Open();
    ASSERT_TRUE(store.Import(SafetyGateFixture()).ok());
    stored = store.Count().value();
  }
  BackToVersionTwo();
  Sql("DROP INDEX notice_gtins_notice; PRAGMA user_version = 1");
  const std::string bytes = FileBytes();
  {
    auto reader = NoticeStore::OpenExisting(path_);
    ASSERT_TRUE(reader.ok()) << reader.error().ToString();
    EXPECT_EQ(reader.value().All().value().size(), stored);
    const FeedImport feed = SafetyGateFixture();
    const auto with_gtin = std::find_if(feed.notices.begin(), feed.notices.end(), [](const Notice& n) { return !n.gtins.empty(); });
    ASSERT_NE(with_gtin, feed.notices.end()) << "a notice of the fixture has a GTIN";
    auto found = reader.value().WithGtin(with_gtin->gtins.front());
    ASSERT_TRUE(found.ok()) << found.error().ToString();
    ASSERT_EQ(found.value().size(), 1u);
    EXPECT_EQ(found.value().front().id, with_gtin->id);
  }
  // The log's files were removed when the reader closed the store (before
  // any other connection here, which would remove them too), and it was
  // not migrated: a reader may be one that cannot write there.
  EXPECT_FALSE(fs::exists(path_ + "-wal"));
  EXPECT_FALSE(fs::exists(path_ + "-shm"));
  EXPECT_EQ(FileBytes(), bytes);
  EXPECT_EQ(Query("PRAGMA user_version"), "1");
  // A writer migrates it.
  Open();
  EXPECT_EQ(Query("PRAGMA user_version"), "3");
}

TEST_F(NoticeStoreTest, ReadersAnswerFromTheLastCommitWhileAWriteIsUnderWay) {
  size_t stored = 0;
  {
    NoticeStore store = Open();
    ASSERT_TRUE(store.Import(SafetyGateFixture()).ok());
    stored = store.Count().value();
  }
  EXPECT_EQ(Query("PRAGMA journal_mode"), "wal");
  // Another process in the middle of a write that holds the file: in the
  // rollback journal's mode an exclusive lock, which readers would wait
  // for until the busy timeout and then fail.
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer, "BEGIN EXCLUSIVE; DELETE FROM notice_gtins; DELETE FROM notice_versions; DELETE FROM notices;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(writer);
  {
    auto reader = NoticeStore::OpenExisting(path_);
    ASSERT_TRUE(reader.ok()) << reader.error().ToString();
    auto all = reader.value().All();
    ASSERT_TRUE(all.ok()) << all.error().ToString();
    EXPECT_EQ(all.value().size(), stored);
  }
  ASSERT_EQ(sqlite3_exec(writer, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(writer);
  auto reader = NoticeStore::OpenExisting(path_);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader.value().Count().value(), 0u);
}

TEST(NoticeJsonTest, RoundTrips) {
  const FeedImport feed = MustImport(NoticeSource::kCaHealthCanada, RecallFixture("health_canada_details.json"));
  for (const Notice& n : feed.notices) {
    const std::string json = NoticeToJson(n);
    auto back = NoticeFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().ToString();
    EXPECT_EQ(NoticeToJson(back.value()), json);
  }
  EXPECT_FALSE(NoticeFromJson("{\"source\": \"us-cpsc\"}").ok());  // no id
  EXPECT_FALSE(NoticeFromJson("{\"source\": \"fr-dgccrf\", \"id\": \"1\"}").ok());
  EXPECT_FALSE(NoticeFromJson("{\"source\": \"us-cpsc\", \"id\": \"1\", \"gtins\": \"x\"}").ok());
  EXPECT_EQ(NoticeToJson(feed.notices[0], false).find("\"raw\""), std::string::npos);
  EXPECT_EQ(ParseNoticeSource("us-cpsc").value(), NoticeSource::kUsCpsc);
  auto typo = ParseNoticeSource("us-cspc");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().ToString().find("did you mean 'us-cpsc'"), std::string::npos) << typo.error().ToString();
}

}  // namespace
}  // namespace conform
