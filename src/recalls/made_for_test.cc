#include "made_for.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace conform::recalls {
namespace {

// The made-for words ReadMadeForCues finds in a title, in its table's order.
std::vector<std::string> Markers(std::string_view title) {
  const PairFeaturizer featurizer;
  const PreparedRecord listing = featurizer.Prepare(Record{{{"title", std::string(title)}}}, /*with_vectors=*/false);
  MadeForCues cues;
  cues.markers = {"stale"};  // replaced
  ReadMadeForCues(listing, title, &cues);
  return {cues.markers.begin(), cues.markers.end()};
}

TEST(MadeForTest, AListingsMadeForWordsAreFoundAsWholeWordsAndPhrases) {
  EXPECT_EQ(Markers("Replacement battery for Makita BL1830, compatible"), (std::vector<std::string>{"compatible", "replacement"}));
  // A phrase of two words, whole.
  EXPECT_EQ(Markers("Smart plug works with Alexa"), std::vector<std::string>{"works with"});
  EXPECT_EQ(Markers("Laddare passar till GV31"), std::vector<std::string>{"passar till"});
  EXPECT_TRUE(Markers("It works well with everything").empty());
  // Not inside a longer word ("incompatible" holds "compatible").
  EXPECT_TRUE(Markers("Incompatibleness tester").empty());
  // Folded as titles are: "Zubehör" is "zubehor", "Ersatzteil" a word.
  EXPECT_EQ(Markers("Makita Zubehör Ersatzteil"), (std::vector<std::string>{"ersatzteil", "zubehor"}));
  EXPECT_TRUE(Markers("").empty());
}

}  // namespace
}  // namespace conform::recalls
