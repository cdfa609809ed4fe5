#include "conform/recalls/word_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace conform::recalls {
namespace {

std::vector<std::string> Strings(const WordList& list) {
  std::vector<std::string> out;
  for (std::string_view w : list) out.emplace_back(w);
  return out;
}

// AssignSortedDistinct of `words` gives the strings' own sorted, distinct order.
void ExpectSortedDistinctAsStrings(const std::vector<std::string>& words, const std::string& what) {
  std::vector<std::string_view> views(words.begin(), words.end());
  WordList list;
  list.AssignSortedDistinct(views);
  std::vector<std::string> want = words;
  std::sort(want.begin(), want.end());
  want.erase(std::unique(want.begin(), want.end()), want.end());
  EXPECT_EQ(Strings(list), want) << what;
}

TEST(WordPrefixTest, FirstEightBytesBigEndianZeroPadded) {
  EXPECT_EQ(WordPrefix(""), 0u);
  EXPECT_EQ(WordPrefix("a"), uint64_t{'a'} << 56);
  EXPECT_EQ(WordPrefix("ab"), (uint64_t{'a'} << 56) | (uint64_t{'b'} << 48));
  EXPECT_EQ(WordPrefix("abcdefgh"), WordPrefix("abcdefghij"));
  EXPECT_LT(WordPrefix("abc"), WordPrefix("abd"));
  EXPECT_LT(WordPrefix("ab"), WordPrefix("abc"));
  // Bytes above 0x7f order above ASCII, as strings compare.
  EXPECT_LT(WordPrefix("z"), WordPrefix("\xc3\xa9"));
}

TEST(WordListTest, EmptyList) {
  WordList list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.size(), 0u);
  EXPECT_EQ(list.begin(), list.end());
  list.AssignSortedDistinct({});
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list, WordList());
}

TEST(WordListTest, KeepsOrderAndBytes) {
  const std::vector<std::string_view> words = {"kettle", "", "a", "\xc3\xa9t\xc3\xa9", "a much longer word than eight bytes", "a"};
  const WordList list(words);
  ASSERT_EQ(list.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(list[i], words[i]);
    EXPECT_EQ(list.length(i), words[i].size());
    EXPECT_EQ(list.prefix(i), WordPrefix(words[i]));
  }
  EXPECT_EQ(Strings(list), std::vector<std::string>(words.begin(), words.end()));
}

TEST(WordListTest, SortedDistinctMatchesStringSort) {
  // Shared 8-byte prefixes, words that start others, zero bytes, one-byte
  // words and bytes above 0x7f: the order must be the strings' own.
  std::vector<std::string> words = {"microsdxc", "microsdhc", "micro", "microsd", "microsdxc2", "\xc3\xa9t\xc3\xa9",
                                    "zz",        "a",         "microsdxc", "\xc3\xa9", "aaaaaaaab", "aaaaaaaa",
                                    "aaaaaaaaa", "b",         "aaaaaaaa",  std::string("a\0", 2), std::string("a\0b", 3)};
  std::string long_word(5000, 'x');
  words.push_back(long_word);
  words.push_back(long_word + "y");
  words.push_back(long_word);
  ExpectSortedDistinctAsStrings(words, "mixed words");
}

TEST(WordListTest, SortedDistinctOfManyWordsMatchesStringSort) {
  // Few and many words, spread over many first bytes or crowding a few: the
  // order must be the strings' own.
  uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>(state >> 33);
  };
  for (const size_t count : {0u, 1u, 5u, 16u, 17u, 40u, 300u, 3000u}) {
    for (const int alphabet : {3, 26, 200}) {
      std::vector<std::string> words;
      for (size_t i = 0; i < count; ++i) {
        std::string w(1 + next() % 12, ' ');
        for (char& c : w) c = static_cast<char>((alphabet == 200 ? 0x30 : 'a') + next() % alphabet);
        words.push_back(w);
      }
      ExpectSortedDistinctAsStrings(words, std::to_string(count) + " words over " + std::to_string(alphabet) + " bytes");
    }
  }
}

TEST(WordListTest, CopiesAndMovesKeepTheWords) {
  WordList list;
  list.AssignSortedDistinct(std::vector<std::string_view>{"b", "a", "c"});
  const WordList copy = list;
  WordList moved = std::move(list);
  EXPECT_EQ(copy, moved);
  EXPECT_EQ(Strings(copy), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_FALSE(copy == WordList(std::vector<std::string_view>{"a", "b"}));
  EXPECT_FALSE(copy == WordList(std::vector<std::string_view>{"a", "b", "d"}));
}

}  // namespace
}  // namespace conform::recalls
