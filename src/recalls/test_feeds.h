// Fixture reading for the recalls/ and store/ tests.
#ifndef CONFORM_RECALLS_TEST_FEEDS_H_
#define CONFORM_RECALLS_TEST_FEEDS_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "conform/recalls/feed_import.h"

namespace conform {

inline std::string ReadTestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fixture of tests/data/recalls/.
inline std::string RecallFixture(const std::string& name) { return ReadTestFile(std::string(CONFORM_TEST_DATA_DIR "/recalls/") + name); }

// The shared 353-alert Safety Gate sample, or empty when it is not there.
inline std::string SharedSafetyGateSamplePath() {
  return CONFORM_SHARED_TESTDATA_DIR "/recalls-eu-safetygate-sample/safetygate_alerts_353.json";
}

// ImportFeed that must succeed.
inline FeedImport MustImport(NoticeSource source, const std::string& text) {
  auto r = ImportFeed(source, text);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
  return r.ok() ? std::move(r).value() : FeedImport{};
}

// Each problem of an import as it prints ("record 2 (RA-3): skipped: ...").
inline std::vector<std::string> ProblemLines(const FeedImport& f) {
  std::vector<std::string> lines;
  for (const auto& p : f.problems) lines.push_back(p.ToString());
  return lines;
}

inline const Notice* FindNotice(const FeedImport& f, const std::string& id) {
  for (const auto& n : f.notices)
    if (n.id == id) return &n;
  return nullptr;
}

}  // namespace conform

#endif  // CONFORM_RECALLS_TEST_FEEDS_H_
