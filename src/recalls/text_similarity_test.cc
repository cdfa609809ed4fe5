#include "conform/recalls/text_similarity.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "conform/core/text.h"
#include "reference_edit_distance.h"

namespace conform::recalls {
namespace {

// Same terms, and weights equal to the bit.
::testing::AssertionResult SameVector(const SparseVector& a, const SparseVector& b) {
  if (a.size() != b.size()) return ::testing::AssertionFailure() << "sizes " << a.size() << " and " << b.size();
  for (size_t k = 0; k < a.size(); ++k) {
    if (a.terms()[k] != b.terms()[k]) return ::testing::AssertionFailure() << "term " << k << " differs";
    if (std::memcmp(&a.weights()[k], &b.weights()[k], sizeof(float)) != 0)
      return ::testing::AssertionFailure() << "weight " << k << ": " << a.weights()[k] << " and " << b.weights()[k];
  }
  return ::testing::AssertionSuccess();
}

TEST(TextSimilarityTest, NormalizeTextFoldsAndSeparatesWords) {
  EXPECT_EQ(NormalizeText("Sony  WH-1000XM4, Black"), "sony wh 1000xm4 black");
  EXPECT_EQ(NormalizeText("  ＳＯＮＹ　ｗｈ１０００ "), "sony wh1000");  // full-width forms
  EXPECT_EQ(NormalizeText("Café — crème®"), "cafe creme");  // accents folded
  EXPECT_EQ(NormalizeText("电动 牙刷"), "电动 牙刷");
  EXPECT_EQ(NormalizeText(" -- "), "");
}

TEST(TextSimilarityTest, LookalikeLettersInCodesAreLatin) {
  EXPECT_EQ(NormalizeText("Фен НD-770 QС65A"), "фен hd 770 qc65a");  // Cyrillic Н and С inside codes
  EXPECT_EQ(NormalizeText("Μοdel ΤΧ9"), "model tx9");  // Greek, mixed with Latin letters or digits
  EXPECT_EQ(NormalizeText("мама рама"), "мама рама");                  // Cyrillic words stay Cyrillic
  EXPECT_EQ(NormalizeText("吹风机QC-65A"), "吹风机qc 65a");
}

TEST(TextSimilarityTest, CollapseToWordsIsNormalizeTextAfterFolding) {
  for (const std::string text : {"Sony  WH-1000XM4, Black", "  ＳＯＮＹ　ｗｈ１０００ ", "Café — crème®", "电动 牙刷", " -- ", "",
                                 "a", "--a--b--", "x\xff\xfey", "Ärger über Öl; 50ml"})
    EXPECT_EQ(CollapseToWords(FoldForMatching(text)), NormalizeText(text)) << text;
  EXPECT_EQ(CollapseToWords("a--b  c"), "a b c");
}

TEST(TextSimilarityTest, WordsAndNgrams) {
  const auto words = Words("sony wh 1000xm4");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[2], "1000xm4");
  const std::string padded = PadForNgrams("tv set");
  EXPECT_EQ(padded, " tv set ");
  const auto grams = CharNgrams(padded, 3);
  ASSERT_EQ(grams.size(), 6u);
  EXPECT_EQ(grams.front(), " tv");
  EXPECT_EQ(grams.back(), "et ");
  EXPECT_EQ(CharNgrams(" a ", 5).size(), 1u);
  EXPECT_TRUE(CharNgrams("  ", 5).empty());
}

TEST(TextSimilarityTest, WordsAndCollapsingAtTheEdges) {
  EXPECT_EQ(Words("  a  bb c "), (std::vector<std::string_view>{"a", "bb", "c"}));
  EXPECT_TRUE(Words("").empty());
  EXPECT_TRUE(Words("   ").empty());
  // SplitWords clears what the buffer held before.
  std::vector<std::string_view> kept = {"stale"};
  SplitWords("x  yz", &kept);
  EXPECT_EQ(kept, (std::vector<std::string_view>{"x", "yz"}));
  SplitWords("", &kept);
  EXPECT_TRUE(kept.empty());
  EXPECT_EQ(CollapseToWords("--sony,,wh-1000xm4!!"), "sony wh 1000xm4");
  EXPECT_EQ(CollapseToWords("!a"), "a");
  EXPECT_EQ(CollapseToWords("a!"), "a");
  EXPECT_EQ(CollapseToWords("\xc3\xbc-x \xc3\xbc"), "\xc3\xbc x \xc3\xbc");
  // Words split where the text has spaces, however many.
  TfidfVectorizer v(Analyzer::kWords);
  v.Fit({"a b", "b c"});
  EXPECT_TRUE(SameVector(v.Transform(" a  b "), v.Transform("a b")));
}

TEST(TextSimilarityTest, TermCountsServeEveryVectorizerOfTheAnalyzer) {
  const std::vector<std::string> texts = {"", "sony", "sony wh 1000xm4 sony black", "a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg"};
  for (const auto& [analyzer, n] : {std::pair{Analyzer::kWords, 1}, {Analyzer::kCharNgrams, 3}, {Analyzer::kCharNgrams, 5}}) {
    TfidfVectorizer counter(analyzer, n), weigher(analyzer, n);
    counter.Fit({"lg tv", "sony tv"});
    weigher.Fit({"sony wh 1000xm4", "bose black", "sony black"});
    for (const std::string& text : texts) {
      TermCounts counts;
      counter.CountTerms(text, &counts);
      const SparseVector shared = weigher.Weigh(counts), own = weigher.Transform(text);
      EXPECT_TRUE(SameVector(shared, own)) << text;
    }
  }
}

TEST(TextSimilarityTest, TermCountsAreSortedAndCountedAtEverySize) {
  // Term counts against an ordered map, for texts of a few terms up to
  // thousands, around the sizes where the sort changes method: one-byte
  // words, grams that differ in their last byte only, repeats, non-ASCII.
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {"a", "b", "ab", "abc", "abd", "abe", "x1", "é", "电动", "500w", "kdl40ex500", "zz"};
  std::vector<std::string> texts = {"", "a", "a a a", std::string(3000, 'q'), "\xc3\xa9 \xc3\xa8 \xc3\xaa"};
  for (size_t words : {20, 23, 24, 25, 30, 60, 62, 63, 64, 65, 66, 100, 200, 255, 256, 400, 2000}) {
    std::string t;
    for (size_t k = 0; k < words; ++k) t += (k == 0 ? "" : " ") + pieces[rng() % pieces.size()];
    texts.push_back(t);
    std::string letters;  // every 3-gram differs from the next in its last byte
    for (size_t k = 0; k < words; ++k) letters += static_cast<char>('a' + k % 26);
    texts.push_back(letters);
    // Many grams sharing all but their last byte (" qa", " qb", ...), which
    // hash alike in their top bits: a crowd for the sort's finishing pass.
    std::string crowd;
    for (size_t k = 0; k < words; ++k) crowd += std::string(k == 0 ? "" : " ") + "q" + static_cast<char>('0' + k % 75);
    texts.push_back(crowd);
  }
  for (const auto& [analyzer, n] : {std::pair{Analyzer::kWords, 1}, {Analyzer::kCharNgrams, 1}, {Analyzer::kCharNgrams, 3},
                                    {Analyzer::kCharNgrams, 5}}) {
    const TfidfVectorizer v(analyzer, n);
    for (const std::string& text : texts) {
      const std::string padded = PadForNgrams(text);
      const std::vector<std::string_view> terms = analyzer == Analyzer::kWords ? Words(text) : CharNgrams(padded, n);
      std::map<uint64_t, uint32_t> want;
      for (std::string_view term : terms) ++want[HashTerm(term)];
      TermCounts got;
      v.CountTerms(text, &got);
      ASSERT_EQ(got.terms.size(), want.size()) << text;
      ASSERT_EQ(got.counts.size(), want.size()) << text;
      size_t k = 0;
      for (const auto& [hash, count] : want) {
        ASSERT_EQ(got.terms[k], hash) << text << " term " << k;
        ASSERT_EQ(got.counts[k], count) << text << " term " << k;
        ++k;
      }
    }
  }
}

TEST(TextSimilarityTest, TermHashesSpreadOverTheirTopBitsWhenTermsDifferInTheirLastByte) {
  // Grams of one text differ most often in their last byte; sorting by
  // buckets and placing terms in the IDF table read the top bits.
  std::set<uint64_t> top_bytes;
  for (int c = 0; c < 256; ++c) top_bytes.insert(HashTerm(std::string("ab") + static_cast<char>(c)) >> 56);
  EXPECT_GT(top_bytes.size(), 140u);  // 256 random bytes take about 162 values
  std::set<uint64_t> hashes;
  for (int c = 0; c < 256; ++c) hashes.insert(HashTerm(std::string("ab") + static_cast<char>(c)));
  EXPECT_EQ(hashes.size(), 256u);
}

TEST(TextSimilarityTest, TermHashesSortLikeStdSortEvenWhenTheirHighBitsTie) {
  // Both size paths (insertion, buckets on the top bits), and hashes
  // crafted to tie in their top 24 bits in descending order, all of them
  // or every other one: one bucket crowded and the rest about one each,
  // the case the buckets' finishing pass leaves to std::sort.
  std::mt19937_64 random(7);
  for (const size_t n : {0, 1, 2, 23, 24, 25, 63, 64, 65, 100, 255, 256, 257, 500, 5000}) {
    for (const int tied : {0, 1, 2}) {  // none, all, every other one
      std::vector<uint64_t> hashes(n);
      for (size_t i = 0; i < n; ++i) {
        const bool tie = tied == 1 || (tied == 2 && i % 2 == 0);
        hashes[i] = tie ? (uint64_t{0xABCDEF} << 40) | (uint64_t{n - i} << 8) : random();
      }
      if (n > 3) hashes[n / 2] = hashes[n / 3];  // a repeated term
      std::vector<uint64_t> expected = hashes;
      std::sort(expected.begin(), expected.end());
      SortTermHashes(&hashes);
      EXPECT_EQ(hashes, expected) << "n = " << n << ", tied " << tied;
    }
  }
}

TEST(TextSimilarityTest, CharNgramsOfSeveralSizesAtOnceEqualEachSizeAlone) {
  // Texts shorter than, as long as and longer than the grams, blank ones
  // and multi-byte ones.
  for (const std::string text : {"", " ", "a", "ab", "abc", "abcd", "abcde", "sony wh 1000xm4 black", "\xe7\x94\xb5\xe5\x8a\xa8 x"}) {
    for (int first : {1, 3}) {
      for (size_t sizes : {1, 2, 3, 4}) {
        std::vector<TermCounts> counts(sizes);
        std::vector<TermCounts*> out;
        for (auto& c : counts) out.push_back(&c);
        CountCharNgrams(text, first, out);
        for (size_t k = 0; k < sizes; ++k) {
          TermCounts alone;
          TfidfVectorizer(Analyzer::kCharNgrams, first + static_cast<int>(k)).CountTerms(text, &alone);
          EXPECT_EQ(counts[k].terms, alone.terms) << text << " n=" << first + k;
          EXPECT_EQ(counts[k].counts, alone.counts) << text << " n=" << first + k;
        }
      }
    }
  }
}

TEST(TextSimilarityTest, IdfOfEachIsIdfOfEveryTerm) {
  TfidfVectorizer v(Analyzer::kWords);
  v.Fit({"sony tv", "sony black", "lg tv"});
  const std::vector<std::string> terms = {"sony", "tv", "unseen", "lg", "", "sony"};
  std::vector<double> idf(terms.size());
  v.IdfOfEach(terms, idf.data());
  for (size_t i = 0; i < terms.size(); ++i) EXPECT_EQ(idf[i], v.Idf(terms[i])) << terms[i];
  TfidfVectorizer unfitted(Analyzer::kWords);
  unfitted.IdfOfEach(terms, idf.data());
  EXPECT_EQ(idf[0], unfitted.Idf("sony"));
  // The same from views, as a record's word list holds them.
  const std::vector<std::string_view> views(terms.begin(), terms.end());
  std::vector<double> from_views(terms.size());
  v.IdfOfEach(std::span<const std::string_view>(views), from_views.data());
  for (size_t i = 0; i < terms.size(); ++i) EXPECT_EQ(from_views[i], v.Idf(terms[i])) << terms[i];
}

// A term repeated in a document counts once for it; a corpus of thousands
// of terms (the counting table grows many times) keeps every count.
TEST(TextSimilarityTest, DocumentFrequencyCountsEachDocumentOnce) {
  const auto idf = [](double documents, double df) { return static_cast<float>(std::log((1 + documents) / (1 + df)) + 1); };
  TfidfVectorizer small(Analyzer::kWords);
  small.Fit({"a a a b", "a c c", "d"});
  EXPECT_EQ(small.Idf("a"), idf(3, 2));
  EXPECT_EQ(small.Idf("b"), idf(3, 1));
  EXPECT_EQ(small.Idf("c"), idf(3, 1));
  EXPECT_EQ(small.vocabulary_size(), 4u);

  // Word i in documents 0 .. i % 7, twice in each.
  std::vector<std::string> corpus(7);
  for (int i = 0; i < 5000; ++i)
    for (int d = 0; d <= i % 7; ++d) corpus[d] += fmt::format("w{0} w{0} ", i);
  TfidfVectorizer large(Analyzer::kWords);
  large.Fit(corpus);
  EXPECT_EQ(large.vocabulary_size(), 5000u);
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(large.Idf(fmt::format("w{}", i)), idf(7, i % 7 + 1)) << i;
}

TEST(TextSimilarityTest, RareSharedWordsWeighMoreThanCommonOnes) {
  TfidfVectorizer v(Analyzer::kWords);
  v.Fit({"sony headphones black", "bose headphones black", "sony tv black", "lg tv white", "sony wh1000xm4 headphones"});
  EXPECT_GT(v.Idf("wh1000xm4"), v.Idf("sony"));
  EXPECT_GT(v.Idf("sony"), v.Idf("black") - 1e-9);
  EXPECT_DOUBLE_EQ(v.Idf("neverseen"), std::log(6.0) + 1);  // unseen: as rare as can be
  const auto a = v.Transform("sony wh1000xm4 headphones black");
  const auto b = v.Transform("wh1000xm4 wireless");
  const auto c = v.Transform("bose headphones black");
  EXPECT_GT(Cosine(a, b), 0.3);
  EXPECT_GT(Cosine(a, b), Cosine(b, c));
  EXPECT_NEAR(Cosine(a, a), 1.0, 1e-6);
  EXPECT_EQ(Cosine(a, v.Transform("")), 0);
}

TEST(TextSimilarityTest, CharNgramsSeeThroughSpacingAndTypos) {
  TfidfVectorizer v(Analyzer::kCharNgrams, 3);
  v.Fit({"kdl 40ex500 tv", "kdl 46ex500 tv", "bravia tv", "lg 42lh20 tv"});
  const double close = Cosine(v.Transform("kdl40ex500"), v.Transform("kdl 40ex500"));
  const double far = Cosine(v.Transform("kdl40ex500"), v.Transform("lg 42lh20"));
  EXPECT_GT(close, 0.6);
  EXPECT_LT(far, 0.2);
}

TEST(TextSimilarityTest, SetOverlaps) {
  const std::vector<std::string_view> a = {"sony", "tv", "black", "black"}, b = {"sony", "tv", "white"};
  EXPECT_DOUBLE_EQ(Jaccard(a, b), 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(OverlapCoefficient(a, b), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(Jaccard({}, {}), 0);
  EXPECT_DOUBLE_EQ(OverlapCoefficient(a, {}), 0);
}

TEST(TextSimilarityTest, EditDistance) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_DOUBLE_EQ(EditSimilarity("LDS4821WW", "LDS4821WH"), 1 - 1.0 / 9);
  EXPECT_DOUBLE_EQ(EditSimilarity("", ""), 1);
}

TEST(TextSimilarityTest, CosineAddsTheSharedProductsInTermOrder) {
  // Vectors of very different and similar sizes sharing some terms: the
  // galloping and merging paths must add the same products in the same
  // order as a plain merge.
  std::mt19937_64 rng(11);
  for (int round = 0; round < 400; ++round) {
    const size_t na = 1 + rng() % 300, nb = 1 + rng() % (round % 2 == 0 ? 20 : 300);
    std::vector<uint64_t> pool(na + nb);
    for (auto& k : pool) k = rng() % 1000;
    std::sort(pool.begin(), pool.end());
    pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
    std::vector<uint64_t> ta, tb;
    std::vector<float> wa, wb;
    for (uint64_t k : pool) {
      if (rng() % 2 == 0) ta.push_back(k * 0x9e3779b97f4a7c15ULL);
      if (rng() % 3 == 0) tb.push_back(k * 0x9e3779b97f4a7c15ULL);
    }
    std::sort(ta.begin(), ta.end());
    std::sort(tb.begin(), tb.end());
    for (size_t k = 0; k < ta.size(); ++k) wa.push_back(static_cast<float>(rng() % 1000) / 40000);
    for (size_t k = 0; k < tb.size(); ++k) wb.push_back(static_cast<float>(rng() % 1000) / 40000);
    double merged = 0;  // the plain merge
    for (size_t i = 0, j = 0; i < ta.size() && j < tb.size();) {
      if (ta[i] < tb[j]) {
        ++i;
      } else if (ta[i] > tb[j]) {
        ++j;
      } else {
        merged += static_cast<double>(wa[i++]) * wb[j++];
      }
    }
    merged = std::clamp(merged, 0.0, 1.0);
    const SparseVector a(ta, wa), b(tb, wb);
    EXPECT_EQ(Cosine(a, b), merged);
    EXPECT_EQ(Cosine(b, a), merged);
    EXPECT_EQ(Cosine(b, a), merged);
  }
}

TEST(TextSimilarityTest, SparseVectorsCopyAndMove) {
  const std::vector<uint64_t> terms = {1, 5, 9, ~uint64_t{0}};
  const std::vector<float> weights = {0.5f, 0.25f, 0.125f, 0.8f};
  const SparseVector v(terms, weights);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(std::vector<uint64_t>(v.terms().begin(), v.terms().end()), terms);
  EXPECT_EQ(std::vector<float>(v.weights().begin(), v.weights().end()), weights);
  SparseVector copy = v;
  EXPECT_TRUE(SameVector(copy, v));
  SparseVector moved = std::move(copy);
  EXPECT_TRUE(SameVector(moved, v));
  moved = SparseVector();
  EXPECT_TRUE(moved.empty());
  EXPECT_EQ(moved.terms().size(), 0u);
  moved = v;
  EXPECT_TRUE(SameVector(moved, v));
  const SparseVector& same = moved;
  moved = same;  // onto itself
  EXPECT_TRUE(SameVector(moved, v));
  const SparseVector empty({}, {});
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(Cosine(empty, v), 0);
  EXPECT_EQ(Cosine(v, SparseVector(empty)), 0);
  // An odd number of terms: the weights end mid-word.
  const SparseVector odd(std::vector<uint64_t>{7, 8, 9}, std::vector<float>{1, 2, 3});
  EXPECT_EQ(SparseVector(odd).weights()[2], 3.0f);
}

TEST(TextSimilarityTest, EditDistanceAgreesWithTheDynamicProgrammeAtEveryLength) {
  // Lengths around the 64-byte blocks and past the four kept on the stack,
  // small and large alphabets (so both near and far strings occur), and
  // bytes above 0x7f.
  std::mt19937 rng(7);
  const std::string alphabets[] = {"ab", "abcd", "abcdefghijklmnopqrstuvwxyz0123456789 ", "\xc3\xa9\xe7\x94\xb5" "a"};
  for (int round = 0; round < 3000; ++round) {
    const std::string& alphabet = alphabets[round % 4];
    const size_t max_len = round % 3 == 0 ? (round % 9 == 0 ? 320 : 200) : 70;
    std::uniform_int_distribution<size_t> len(0, max_len), pick(0, alphabet.size() - 1);
    std::string a(len(rng), ' '), b;
    for (char& c : a) c = alphabet[pick(rng)];
    if (round % 2 == 0) {  // a variant of a: a few edits
      b = a;
      for (int e = 0; e < 4 && !b.empty(); ++e) b[pick(rng) % b.size()] = alphabet[pick(rng)];
      if (round % 4 == 0) b.insert(b.begin() + static_cast<long>(pick(rng) % (b.size() + 1)), 'z');
    } else {
      b.resize(len(rng));
      for (char& c : b) c = alphabet[pick(rng)];
    }
    ASSERT_EQ(EditDistance(a, b), ReferenceEditDistance(a, b)) << "a=" << a << " b=" << b;
    ASSERT_EQ(EditDistance(b, a), ReferenceEditDistance(a, b)) << "a=" << a << " b=" << b;
  }
  EXPECT_EQ(EditDistance(std::string(64, 'a'), std::string(65, 'a')), 1u);
  EXPECT_EQ(EditDistance(std::string(128, 'a'), std::string(130, 'b')), 130u);
}

// Transform computed the plain way: every term counted in an ordered map,
// weighed and normalised in term order.
SparseVector ReferenceTransform(const TfidfVectorizer& v, const std::string& normalized) {
  std::vector<std::string_view> terms =
      v.analyzer() == Analyzer::kWords ? Words(normalized) : std::vector<std::string_view>();
  const std::string padded = PadForNgrams(normalized);
  if (v.analyzer() == Analyzer::kCharNgrams) terms = CharNgrams(padded, v.ngram());
  std::map<uint64_t, std::pair<std::string_view, size_t>> counts;
  for (std::string_view t : terms) {
    auto& [term, count] = counts[HashTerm(t)];
    term = t;
    ++count;
  }
  std::vector<uint64_t> hashes;
  std::vector<float> weights;
  double norm = 0;
  for (const auto& [hash, term_count] : counts) {
    const auto& [term, count] = term_count;
    const double tf = count == 1 ? 1.0 : 1 + std::log(static_cast<double>(count));
    const double w = tf * v.Idf(term);
    hashes.push_back(hash);
    weights.push_back(static_cast<float>(w));
    norm += w * w;
  }
  for (float& w : weights) w = static_cast<float>(w * (1 / std::sqrt(norm)));
  const SparseVector out(hashes, weights);
  return out;
}

TEST(TextSimilarityTest, TransformEqualsThePlainComputationToTheBit) {
  // Texts from a few bytes to thousands, with many repeated grams: every
  // way Transform sorts its terms is taken.
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"kdl", "40ex500", "sony", "tv", "black", "aaa", "aaaa", "a", "500w", "wh1000xm4", "电动"};
  std::vector<std::string> corpus, texts;
  for (int i = 0; i < 200; ++i) {
    std::string t;
    const size_t n = std::uniform_int_distribution<size_t>(0, i < 150 ? 12 : 600)(rng);
    for (size_t k = 0; k < n; ++k) t += (t.empty() ? "" : " ") + words[rng() % words.size()];
    (i % 2 == 0 ? corpus : texts).push_back(t);
  }
  texts.push_back(std::string(5000, 'a'));
  for (const auto& [analyzer, n] : {std::pair{Analyzer::kWords, 1}, {Analyzer::kCharNgrams, 3}, {Analyzer::kCharNgrams, 4},
                                    {Analyzer::kCharNgrams, 5}}) {
    TfidfVectorizer v(analyzer, n);
    v.Fit(corpus);
    for (const std::string& text : texts) {
      const SparseVector got = v.Transform(text), want = ReferenceTransform(v, text);
      ASSERT_TRUE(SameVector(got, want)) << text;
    }
  }
}

}  // namespace
}  // namespace conform::recalls
