#include "conform/recalls/tree_ensemble.h"

#include <gtest/gtest.h>
#include <xgboost/c_api.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace conform::recalls {
namespace {

// Rows of `cols` uniform values with a label from the first two; about a
// quarter of the values of feature 1 and a tenth of feature 0 are missing,
// and every 50th row has nothing at all.
struct Data {
  size_t rows = 0, cols = 0;
  std::vector<float> x, y;
  const float* row(size_t i) const { return x.data() + i * cols; }
};

Data MakeData(size_t rows, size_t cols, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(0, 1);
  Data d{rows, cols, std::vector<float>(rows * cols), std::vector<float>(rows)};
  for (size_t i = 0; i < rows; ++i) {
    float* r = d.x.data() + i * cols;
    for (size_t c = 0; c < cols; ++c) r[c] = u(rng);
    const float a = r[0], b = r[1];
    if (u(rng) < 0.1f) r[0] = std::nanf("");
    if (u(rng) < 0.25f) r[1] = std::nanf("");
    if (i % 50 == 0)
      for (size_t c = 0; c < cols; ++c) r[c] = std::nanf("");
    d.y[i] = a + 0.5f * b + 0.2f * (u(rng) - 0.5f) > 0.9f ? 1 : 0;
  }
  return d;
}

// A booster trained through XGBoost's C API, to compare with.
class Booster {
 public:
  Booster(const Data& train, int rounds, const std::map<std::string, std::string>& params) {
    DMatrixHandle m = Matrix(train);
    EXPECT_EQ(XGDMatrixSetFloatInfo(m, "label", train.y.data(), train.rows), 0);
    EXPECT_EQ(XGBoosterCreate(&m, 1, &handle_), 0);
    std::map<std::string, std::string> all = {{"objective", "binary:logistic"}, {"tree_method", "hist"}, {"max_depth", "5"},
                                              {"eta", "0.3"},  {"subsample", "0.8"},   {"colsample_bytree", "0.8"},
                                              {"nthread", "1"}, {"verbosity", "0"}, {"seed", "7"}};
    for (const auto& [k, v] : params) all[k] = v;
    for (const auto& [k, v] : all) EXPECT_EQ(XGBoosterSetParam(handle_, k.c_str(), v.c_str()), 0) << k;
    for (int i = 0; i < rounds; ++i) EXPECT_EQ(XGBoosterUpdateOneIter(handle_, i, m), 0) << XGBGetLastError();
    XGDMatrixFree(m);
  }
  ~Booster() { XGBoosterFree(handle_); }

  std::string Save(const char* format) const {
    bst_ulong len = 0;
    const char* data = nullptr;
    const std::string config = std::string(R"({"format": ")") + format + "\"}";
    EXPECT_EQ(XGBoosterSaveModelToBuffer(handle_, config.c_str(), &len, &data), 0);
    return std::string(data, len);
  }

  // Probabilities (or margins) from the first `rounds` rounds (0: all).
  std::vector<float> Predict(const Data& d, int rounds, bool margin = false) const {
    DMatrixHandle m = Matrix(d);
    const std::string config = std::string(R"({"type": )") + (margin ? "1" : "0") +
                               R"(, "training": false, "iteration_begin": 0, "iteration_end": )" + std::to_string(rounds) +
                               R"(, "strict_shape": false})";
    const bst_ulong* shape = nullptr;
    bst_ulong dim = 0;
    const float* out = nullptr;
    EXPECT_EQ(XGBoosterPredictFromDMatrix(handle_, m, config.c_str(), &shape, &dim, &out), 0) << XGBGetLastError();
    std::vector<float> p(out, out + d.rows);
    XGDMatrixFree(m);
    return p;
  }

 private:
  static DMatrixHandle Matrix(const Data& d) {
    DMatrixHandle m = nullptr;
    EXPECT_EQ(XGDMatrixCreateFromMat(d.x.data(), d.rows, d.cols, std::nanf(""), &m), 0);
    return m;
  }
  BoosterHandle handle_ = nullptr;
};

// Every probability equal to XGBoost's, by both entry points, to within
// 1e-6 (they are expected to agree to the bit; the count says how often).
void ExpectAgrees(const TreeEnsemble& e, const Data& d, const std::vector<float>& expected) {
  ASSERT_EQ(expected.size(), d.rows);
  std::vector<float> batch(d.rows);
  e.Predict(d.x.data(), d.rows, d.cols, batch.data());
  size_t exact = 0;
  for (size_t i = 0; i < d.rows; ++i) {
    ASSERT_NEAR(batch[i], expected[i], 1e-6) << "row " << i;
    ASSERT_EQ(e.PredictRow(d.row(i)), batch[i]) << "row " << i;
    exact += batch[i] == expected[i];
  }
  EXPECT_EQ(exact, d.rows) << "rows not bit-identical to XGBoost";
}

TEST(TreeEnsembleTest, AgreesWithXGBoostOnMissingValues) {
  const Data train = MakeData(3000, 4, 1), test = MakeData(1000, 4, 2);
  // A base score other than 0.5, so the base margin is not zero.
  Booster b(train, 40, {{"base_score", "0.3"}});
  auto e = TreeEnsemble::FromModel(b.Save("ubj"));
  ASSERT_TRUE(e.ok()) << e.error().ToString();
  EXPECT_EQ(e.value().feature_count(), 4u);
  EXPECT_EQ(e.value().tree_count(), 40u);
  EXPECT_FLOAT_EQ(e.value().base_margin(), std::log(0.3f / 0.7f));
  ExpectAgrees(e.value(), test, b.Predict(test, 0));
  ExpectAgrees(e.value(), train, b.Predict(train, 0));
  const std::vector<float> margins = b.Predict(test, 0, true);
  for (size_t i = 0; i < test.rows; ++i) ASSERT_NEAR(e.value().PredictMargin(test.row(i)), margins[i], 1e-5);

  // The JSON form compiles to the same trees.
  auto from_json = TreeEnsemble::FromModel(b.Save("json"));
  ASSERT_TRUE(from_json.ok()) << from_json.error().ToString();
  ExpectAgrees(from_json.value(), test, b.Predict(test, 0));
}

TEST(TreeEnsembleTest, ParallelTreesAndFirstRounds) {
  const Data train = MakeData(2000, 5, 3), test = MakeData(800, 5, 4);
  Booster b(train, 30, {{"num_parallel_tree", "4"}, {"eta", "0.1"}, {"max_depth", "6"}});
  const std::string model = b.Save("ubj");
  auto all = TreeEnsemble::FromModel(model);
  ASSERT_TRUE(all.ok()) << all.error().ToString();
  EXPECT_EQ(all.value().tree_count(), 120u);
  EXPECT_LE(all.value().depth(), 6);
  ExpectAgrees(all.value(), test, b.Predict(test, 0));
  // Rounds, not trees: the first 12 rounds are 48 trees.
  auto first = TreeEnsemble::FromModel(model, 12);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value().tree_count(), 48u);
  ExpectAgrees(first.value(), test, b.Predict(test, 12));
  // More rounds than the model has: all of them.
  EXPECT_EQ(TreeEnsemble::FromModel(model, 1000).value().tree_count(), 120u);
}

TEST(TreeEnsembleTest, BatchesOfEverySizeAndStride) {
  const Data train = MakeData(1000, 3, 5);
  Booster b(train, 10, {});
  auto e = TreeEnsemble::FromModel(b.Save("ubj"));
  ASSERT_TRUE(e.ok());
  // Rows padded to a stride of 5, in batches crossing the internal block.
  const Data test = MakeData(200, 3, 6);
  std::vector<float> padded(test.rows * 5, -1.0f);
  for (size_t i = 0; i < test.rows; ++i) std::copy(test.row(i), test.row(i) + 3, padded.data() + i * 5);
  for (size_t n : {0, 1, 7, 8, 9, 40, 43, 64, 65, 200}) {
    std::vector<float> out(n + 1, 42.0f);
    e.value().Predict(padded.data(), n, 5, out.data());
    for (size_t i = 0; i < n; ++i) ASSERT_EQ(out[i], e.value().PredictRow(test.row(i))) << n << " rows, row " << i;
    EXPECT_EQ(out[n], 42.0f) << "wrote past the rows";
  }
}

// One tree, a chain `depth` splits deep: node k sends x < k + 0.5 to a leaf
// worth k + 1, anything else (missing too) on down; the last split's right
// leaf is worth 100.
std::string ChainModel(int depth) {
  nlohmann::json left = nlohmann::json::array(), right = nlohmann::json::array(), feature = nlohmann::json::array(),
                 condition = nlohmann::json::array(), default_left = nlohmann::json::array();
  // Node 2k is the k-th split, 2k + 1 its left leaf; node 2 * depth the last leaf.
  for (int k = 0; k < depth; ++k) {
    left.push_back(2 * k + 1);
    right.push_back(2 * k + 2);
    feature.push_back(0);
    condition.push_back(k + 0.5);
    default_left.push_back(0);
    left.push_back(-1);
    right.push_back(-1);
    feature.push_back(0);
    condition.push_back(k + 1.0);
    default_left.push_back(0);
  }
  left.push_back(-1);
  right.push_back(-1);
  feature.push_back(0);
  condition.push_back(100.0);
  default_left.push_back(0);
  nlohmann::json tree = {{"left_children", left},   {"right_children", right}, {"split_indices", feature},
                         {"split_conditions", condition}, {"default_left", default_left}};
  nlohmann::json model = {
      {"learner",
       {{"objective", {{"name", "binary:logistic"}}},
        {"learner_model_param", {{"base_score", "5E-1"}, {"num_feature", "1"}, {"num_class", "0"}}},
        {"gradient_booster",
         {{"name", "gbtree"}, {"model", {{"gbtree_model_param", {{"num_parallel_tree", "1"}}}, {"trees", {tree}}}}}}}}};
  return model.dump();
}

TEST(TreeEnsembleTest, PadsShallowLeavesToTheDeepestTree) {
  auto e = TreeEnsemble::FromModel(ChainModel(TreeEnsemble::kMaxDepth));
  ASSERT_TRUE(e.ok()) << e.error().ToString();
  EXPECT_EQ(e.value().depth(), TreeEnsemble::kMaxDepth);
  for (int k = 0; k < TreeEnsemble::kMaxDepth; ++k) {
    const float x = static_cast<float>(k);
    EXPECT_EQ(e.value().PredictMargin(&x), k + 1.0f) << x;
  }
  const float beyond = 1000, missing = std::nanf("");
  EXPECT_EQ(e.value().PredictMargin(&beyond), 100.0f);
  EXPECT_EQ(e.value().PredictMargin(&missing), 100.0f);
  EXPECT_FLOAT_EQ(e.value().PredictRow(&beyond), 1.0f / (1.0f + std::exp(-100.0f)));

  auto deep = TreeEnsemble::FromModel(ChainModel(TreeEnsemble::kMaxDepth + 1));
  ASSERT_FALSE(deep.ok());
  EXPECT_NE(deep.error().ToString().find("deeper"), std::string::npos) << deep.error().ToString();
}

TEST(TreeEnsembleTest, RefusesWhatItCannotEvaluate) {
  const Data train = MakeData(300, 3, 7);
  {
    Booster b(train, 3, {{"objective", "reg:squarederror"}});
    auto e = TreeEnsemble::FromModel(b.Save("json"));
    ASSERT_FALSE(e.ok());
    EXPECT_NE(e.error().ToString().find("binary:logistic"), std::string::npos) << e.error().ToString();
  }
  {
    Booster b(train, 3, {{"booster", "dart"}});
    auto e = TreeEnsemble::FromModel(b.Save("json"));
    ASSERT_FALSE(e.ok());
    EXPECT_NE(e.error().ToString().find("dart"), std::string::npos) << e.error().ToString();
  }
  Booster b(train, 3, {});
  const nlohmann::json good = nlohmann::json::parse(b.Save("json"));
  ASSERT_TRUE(TreeEnsemble::FromModel(good.dump()).ok());
  {
    nlohmann::json categorical = good;
    auto& tree = categorical["learner"]["gradient_booster"]["model"]["trees"][0];
    tree["split_type"][0] = 1;
    auto e = TreeEnsemble::FromModel(categorical.dump());
    ASSERT_FALSE(e.ok());
    EXPECT_NE(e.error().ToString().find("categorical"), std::string::npos) << e.error().ToString();
  }
  {
    nlohmann::json cyclic = good;
    auto& tree = cyclic["learner"]["gradient_booster"]["model"]["trees"][0];
    tree["left_children"][0] = 0;
    EXPECT_FALSE(TreeEnsemble::FromModel(cyclic.dump()).ok());
  }
  {
    nlohmann::json wide = good;
    wide["learner"]["gradient_booster"]["model"]["trees"][0]["split_indices"][0] = 3;  // only 3 features
    EXPECT_FALSE(TreeEnsemble::FromModel(wide.dump()).ok());
  }
  {
    // JSON has no infinities; UBJSON, which XGBoost also writes, does.
    nlohmann::json infinite = good;
    infinite["learner"]["gradient_booster"]["model"]["trees"][0]["split_conditions"][0] = std::numeric_limits<float>::infinity();
    const std::vector<uint8_t> ubj = nlohmann::json::to_ubjson(infinite);
    auto e = TreeEnsemble::FromModel(std::string_view(reinterpret_cast<const char*>(ubj.data()), ubj.size()));
    ASSERT_FALSE(e.ok());
    EXPECT_NE(e.error().ToString().find("not a finite value"), std::string::npos) << e.error().ToString();
  }
  EXPECT_FALSE(TreeEnsemble::FromModel("{not json").ok());
  EXPECT_FALSE(TreeEnsemble::FromModel("").ok());
  EXPECT_FALSE(TreeEnsemble::FromModel(R"({"learner": {}})").ok());
}

constexpr TreeEnsemble::Isa kEveryIsa[] = {TreeEnsemble::Isa::kScalar, TreeEnsemble::Isa::kAvx2,
                                           TreeEnsemble::Isa::kAvx512};

const char* Name(TreeEnsemble::Isa isa) {
  switch (isa) {
    case TreeEnsemble::Isa::kScalar: return "scalar";
    case TreeEnsemble::Isa::kAvx2: return "avx2";
    case TreeEnsemble::Isa::kAvx512: return "avx512";
  }
  return "?";
}

// Every split condition of an XGBoost JSON model, by feature.
std::vector<std::vector<float>> SplitConditions(const std::string& json_model, size_t features) {
  std::vector<std::vector<float>> out(features);
  const auto doc = nlohmann::json::parse(json_model);
  for (const auto& tree : doc["learner"]["gradient_booster"]["model"]["trees"]) {
    const auto& left = tree["left_children"];
    for (size_t i = 0; i < left.size(); ++i)
      if (left[i].get<long>() != -1)
        out[tree["split_indices"][i].get<size_t>()].push_back(static_cast<float>(tree["split_conditions"][i].get<double>()));
  }
  return out;
}

// Rows that probe every way a comparison can go: values equal to split
// conditions and their float neighbours, NaN, -0.0 and +0.0, and (unless
// `finite`) infinities, among uniform values.
Data EdgeRows(size_t rows, size_t cols, const std::vector<std::vector<float>>& conditions, bool finite, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(0, 1);
  Data d{rows, cols, std::vector<float>(rows * cols), std::vector<float>(rows, 0)};
  const float inf = std::numeric_limits<float>::infinity();
  for (float& v : d.x) {
    const size_t c = static_cast<size_t>(&v - d.x.data()) % cols;
    const float pick = u(rng);
    const std::vector<float>& at = conditions[c];
    if (pick < 0.35f && !at.empty()) {
      v = at[rng() % at.size()];
      const float side = u(rng);
      if (side < 0.25f) v = std::nextafter(v, -inf);
      if (side > 0.75f) v = std::nextafter(v, inf);
    } else if (pick < 0.5f) {
      v = std::nanf("");
    } else if (pick < 0.55f) {
      v = -0.0f;
    } else if (pick < 0.6f) {
      v = 0.0f;
    } else if (pick < 0.7f && !finite) {
      v = u(rng) < 0.5f ? inf : -inf;
    } else {
      v = u(rng);
    }
  }
  return d;
}

bool SameBits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Every instruction set gives the scalar walk's margins and probabilities to
// the bit, at every row count from 0 to 70, with rows at an odd stride; and
// writes nothing past the rows.
void ExpectEveryIsaAgrees(const TreeEnsemble& e, const Data& d) {
  const size_t stride = d.cols + 3;
  std::vector<float> padded(d.rows * stride, -7.0f);
  for (size_t i = 0; i < d.rows; ++i) std::copy(d.row(i), d.row(i) + d.cols, padded.data() + i * stride);
  std::vector<float> margins(d.rows), probabilities(d.rows);
  e.PredictMargins(padded.data(), d.rows, stride, margins.data(), TreeEnsemble::Isa::kScalar);
  e.Predict(padded.data(), d.rows, stride, probabilities.data(), TreeEnsemble::Isa::kScalar);
  for (const TreeEnsemble::Isa isa : kEveryIsa) {
    SCOPED_TRACE(::testing::Message() << Name(isa) << (TreeEnsemble::Usable(isa) == isa ? "" : " (not on this processor)"));
    for (size_t n = 0; n <= std::min<size_t>(70, d.rows); ++n) {
      // Each count starts at a different row, so that every row is seen.
      const size_t first = (n * 37) % (d.rows - n + 1);
      std::vector<float> out(n + 1, 42.0f);
      e.PredictMargins(padded.data() + first * stride, n, stride, out.data(), isa);
      for (size_t i = 0; i < n; ++i)
        ASSERT_TRUE(SameBits(out[i], margins[first + i])) << n << " rows, row " << first + i << ": " << out[i] << " != "
                                                          << margins[first + i];
      ASSERT_EQ(out[n], 42.0f) << "wrote past the rows";
      e.Predict(padded.data() + first * stride, n, stride, out.data(), isa);
      for (size_t i = 0; i < n; ++i) ASSERT_TRUE(SameBits(out[i], probabilities[first + i])) << n << " rows, row " << first + i;
      ASSERT_EQ(out[n], 42.0f) << "wrote past the rows";
    }
    // All the rows at once.
    std::vector<float> all(d.rows);
    e.PredictMargins(padded.data(), d.rows, stride, all.data(), isa);
    for (size_t i = 0; i < d.rows; ++i) ASSERT_TRUE(SameBits(all[i], margins[i])) << "row " << i;
  }
  for (size_t i = 0; i < d.rows; ++i) {
    ASSERT_TRUE(SameBits(e.PredictMargin(d.row(i)), margins[i])) << "row " << i;
    ASSERT_TRUE(SameBits(e.PredictRow(d.row(i)), probabilities[i])) << "row " << i;
  }
}

TEST(TreeEnsembleTest, UsableIsNeverWiderThanAsked) {
  EXPECT_EQ(TreeEnsemble::Usable(TreeEnsemble::Isa::kScalar), TreeEnsemble::Isa::kScalar);
  for (const TreeEnsemble::Isa isa : kEveryIsa) EXPECT_LE(TreeEnsemble::Usable(isa), isa) << Name(isa);
  EXPECT_LE(TreeEnsemble::DefaultIsa(), TreeEnsemble::Usable(TreeEnsemble::Isa::kAvx512));
  std::printf("instruction sets here: avx2 %s, avx512 %s; default %s\n",
              TreeEnsemble::Usable(TreeEnsemble::Isa::kAvx2) == TreeEnsemble::Isa::kAvx2 ? "yes" : "no",
              TreeEnsemble::Usable(TreeEnsemble::Isa::kAvx512) == TreeEnsemble::Isa::kAvx512 ? "yes" : "no",
              Name(TreeEnsemble::DefaultIsa()));
}

// Models of several depths (the unrolled walks of 5 to 8 levels and the
// general one), tree counts that leave a group part full, and row widths
// on both sides of the 64 features the AVX-512 walk keeps in registers.
TEST(TreeEnsembleTest, EveryIsaAgreesWithScalarAndXGBoostOnEdgeValues) {
  struct Case {
    size_t cols;
    int rounds;
    std::map<std::string, std::string> params;
  };
  const std::vector<Case> cases = {
      {4, 37, {{"max_depth", "3"}}},
      {5, 21, {{"max_depth", "6"}, {"num_parallel_tree", "3"}, {"base_score", "0.3"}}},
      {57, 20, {{"max_depth", "6"}, {"num_parallel_tree", "4"}, {"colsample_bynode", "0.5"}}},
      {9, 16, {{"max_depth", "8"}}},
      {70, 19, {{"max_depth", "7"}, {"colsample_bynode", "0.5"}}},
      {3, 5, {{"max_depth", "10"}, {"min_child_weight", "0"}, {"gamma", "0"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::Message() << c.cols << " features, " << c.rounds << " rounds");
    const Data train = MakeData(2000, c.cols, 11);
    Booster b(train, c.rounds, c.params);
    auto e = TreeEnsemble::FromModel(b.Save("ubj"));
    ASSERT_TRUE(e.ok()) << e.error().ToString();
    const auto conditions = SplitConditions(b.Save("json"), c.cols);
    // XGBoost takes no infinities; the walks are compared on them too.
    const Data finite = EdgeRows(600, c.cols, conditions, true, 12);
    const std::vector<float> expected = b.Predict(finite, 0);
    std::vector<float> got(finite.rows);
    for (const TreeEnsemble::Isa isa : kEveryIsa) {
      e.value().Predict(finite.x.data(), finite.rows, finite.cols, got.data(), isa);
      for (size_t i = 0; i < finite.rows; ++i)
        ASSERT_TRUE(SameBits(got[i], expected[i])) << Name(isa) << " row " << i << ": " << got[i] << " != " << expected[i];
    }
    ExpectEveryIsaAgrees(e.value(), finite);
    ExpectEveryIsaAgrees(e.value(), EdgeRows(300, c.cols, conditions, false, 13));
  }
}

TEST(TreeEnsembleTest, EveryIsaWalksDeepChainsAndSingleLeaves) {
  for (int depth : {0, 1, 2, TreeEnsemble::kMaxDepth}) {
    auto e = TreeEnsemble::FromModel(ChainModel(depth));
    ASSERT_TRUE(e.ok()) << e.error().ToString();
    EXPECT_EQ(e.value().depth(), depth);
    std::vector<float> x = {-1, -0.0f, 0, 0.5f, 1, 1.5f, 2.5f, 3, 9.5f, 1000, std::nanf(""),
                            std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()};
    for (const TreeEnsemble::Isa isa : kEveryIsa) {
      std::vector<float> margins(x.size());
      e.value().PredictMargins(x.data(), x.size(), 1, margins.data(), isa);
      for (size_t i = 0; i < x.size(); ++i) {
        // The chain's answer: the first k with x < k + 0.5, else 100.
        float expected = 100;
        for (int k = 0; k < depth; ++k)
          if (x[i] < k + 0.5f) {
            expected = k + 1.0f;
            break;
          }
        EXPECT_EQ(margins[i], expected) << Name(isa) << " depth " << depth << " x " << x[i];
      }
    }
  }
}

}  // namespace
}  // namespace conform::recalls
