// Pins the pair features to recorded values, and times them.
//
//   pair_features_check dump OUT SOURCE...
//   pair_features_check compare GOLDEN SOURCE... [--tolerance REL]
//   pair_features_check time SOURCE... [--repeat N]
//
// A SOURCE is a directory of Ditto pair splits (DIR/train.txt and
// DIR/valid.txt: the featuriser is fitted on the distinct training records,
// then every training and validation pair is featurised, as match-eval does)
// or a single Ditto pair file (fitted on its own distinct records).
//
// `dump` writes every feature of every pair to OUT; `compare` recomputes
// them and reports every value that is not bit-identical (NaN matching NaN),
// failing unless all are, or all lie within REL relative difference when
// --tolerance is given. This is how a change meant to make the featuriser
// faster is shown to leave its output alone. `time` reports the time per
// record of Prepare (and of its two steps: without the TF-IDF vectors, then
// AddVectors) and per pair of Compute, on one thread.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "conform/recalls/er_benchmark.h"
#include "conform/recalls/match_eval.h"
#include "conform/recalls/pair_features.h"

namespace {

using namespace conform::recalls;

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "pair_features_check: %s\n", message.c_str());
  std::exit(2);
}

std::vector<LabeledPair> Read(const std::string& path) {
  auto pairs = ReadDittoPairs(path);
  if (!pairs.ok()) Die(pairs.error().ToString());
  return std::move(pairs).value();
}

struct Source {
  std::string name;
  std::vector<LabeledPair> fit;                   // whose distinct records the featuriser is fitted on
  std::vector<std::vector<LabeledPair>> scored;   // featurised, in order
};

Source Load(const std::string& path) {
  Source s;
  s.name = path;
  if (std::filesystem::is_directory(path)) {
    s.scored.push_back(Read(path + "/train.txt"));
    s.scored.push_back(Read(path + "/valid.txt"));
    s.fit = s.scored[0];
  } else {
    s.scored.push_back(Read(path));
    s.fit = s.scored[0];
  }
  return s;
}

// Every feature of every scored pair of `s`, row after row.
std::vector<float> Features(const Source& s) {
  PairFeaturizer featurizer;
  featurizer.Fit(DistinctRecords(s.fit));
  std::vector<float> out;
  for (const auto& pairs : s.scored) {
    const FeatureMatrix m = FeaturizePairs(featurizer, pairs, 1);
    for (size_t i = 0; i < pairs.size(); ++i) out.insert(out.end(), m.row(i), m.row(i) + PairFeaturizer::FeatureCount());
  }
  return out;
}

uint32_t Bits(float x) {
  uint32_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

int Dump(const std::string& out_path, const std::vector<std::string>& sources) {
  std::ofstream out(out_path, std::ios::binary);
  for (const std::string& path : sources) {
    const std::vector<float> f = Features(Load(path));
    const uint64_t n = f.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(reinterpret_cast<const char*>(f.data()), static_cast<std::streamsize>(n * sizeof(float)));
    std::printf("%s: %zu values\n", path.c_str(), f.size());
  }
  if (!out) Die("cannot write " + out_path);
  return 0;
}

int Compare(const std::string& golden_path, const std::vector<std::string>& sources, double tolerance) {
  std::ifstream in(golden_path, std::ios::binary);
  if (!in) Die("cannot read " + golden_path);
  const size_t cols = PairFeaturizer::FeatureCount();
  const auto& names = PairFeaturizer::FeatureNames();
  size_t differing = 0, beyond = 0;
  double worst = 0;
  for (const std::string& path : sources) {
    uint64_t n = 0;
    in.read(reinterpret_cast<char*>(&n), sizeof n);
    std::vector<float> golden(n);
    in.read(reinterpret_cast<char*>(golden.data()), static_cast<std::streamsize>(n * sizeof(float)));
    if (!in) Die(golden_path + " ends before " + path);
    const std::vector<float> f = Features(Load(path));
    if (f.size() != golden.size()) Die(path + ": value count differs from the golden");
    size_t here = 0;
    for (size_t i = 0; i < f.size(); ++i) {
      const float a = golden[i], b = f[i];
      if (std::isnan(a) && std::isnan(b)) continue;
      if (Bits(a) == Bits(b)) continue;
      ++differing, ++here;
      const double rel = std::isnan(a) || std::isnan(b) ? INFINITY
                                                        : std::abs(static_cast<double>(a) - b) / std::max(1e-30, std::abs(static_cast<double>(a)));
      worst = std::max(worst, rel);
      if (!(rel <= tolerance)) ++beyond;
      if (here <= 10)
        std::printf("  %s pair %zu %s: golden %.9g, now %.9g\n", path.c_str(), i / cols, names[i % cols].c_str(), a, b);
    }
    std::printf("%s: %zu values, %zu not bit-identical\n", path.c_str(), f.size(), here);
  }
  std::printf("%zu values differ, largest relative difference %.3g\n", differing, worst);
  return beyond == 0 ? 0 : 1;
}

// CPU time of this thread: the machines this runs on are shared, and wall
// time counts the other jobs too.
double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int Time(const std::vector<std::string>& sources, int repeat) {
  for (const std::string& path : sources) {
    const Source s = Load(path);
    PairFeaturizer featurizer;
    featurizer.Fit(DistinctRecords(s.fit));
    std::vector<LabeledPair> pairs;
    for (const auto& split : s.scored) pairs.insert(pairs.end(), split.begin(), split.end());
    const std::vector<const Record*> records = DistinctRecords(pairs);
    std::unordered_map<const Record*, size_t> index;
    for (size_t i = 0; i < records.size(); ++i) index[records[i]] = i;
    std::vector<PreparedRecord> prepared(records.size());
    std::vector<double> prepare_s, unvectorised_s, vectors_s, compute_s;
    double sink = 0;
    for (int r = 0; r < repeat; ++r) {
      // In two steps too, the part that serves blocking and rules and the
      // TF-IDF vectors, which only pairs read.
      const double t0 = ThreadCpuSeconds();
      for (size_t i = 0; i < records.size(); ++i) prepared[i] = featurizer.Prepare(*records[i], /*with_vectors=*/false);
      const double t1 = ThreadCpuSeconds();
      for (PreparedRecord& p : prepared) featurizer.AddVectors(&p);
      const double t2 = ThreadCpuSeconds();
      for (size_t i = 0; i < records.size(); ++i) prepared[i] = featurizer.Prepare(*records[i]);
      prepare_s.push_back(ThreadCpuSeconds() - t2);
      unvectorised_s.push_back(t1 - t0);
      vectors_s.push_back(t2 - t1);
    }
    // Pairs by index of their distinct records; duplicates by content map to
    // the first one seen, which DistinctRecords points at.
    std::vector<std::pair<size_t, size_t>> sides;
    {
      std::unordered_map<std::string, size_t> by_content;
      const auto key = [](const Record& r) {
        std::string k;
        for (const auto& [a, v] : r.fields) k += a + '\x1f' + v + '\x1e';
        return k;
      };
      for (size_t i = 0; i < records.size(); ++i) by_content.emplace(key(*records[i]), i);
      for (const auto& p : pairs) sides.emplace_back(by_content.at(key(p.left)), by_content.at(key(p.right)));
    }
    std::vector<float> row(PairFeaturizer::FeatureCount());
    for (int r = 0; r < repeat; ++r) {
      const double t0 = ThreadCpuSeconds();
      for (const auto& [a, b] : sides) {
        featurizer.Compute(prepared[a], prepared[b], row.data());
        sink += row[0];
      }
      compute_s.push_back(ThreadCpuSeconds() - t0);
    }
    const double n = static_cast<double>(records.size());
    std::printf("%s: %zu records, %zu pairs: Prepare %.2f us per record (without vectors %.2f, then AddVectors %.2f), "
                "Compute %.2f us per pair (thread CPU time, median of %d runs)\n",
                path.c_str(), records.size(), pairs.size(), 1e6 * Median(prepare_s) / n, 1e6 * Median(unvectorised_s) / n,
                1e6 * Median(vectors_s) / n, 1e6 * Median(compute_s) / static_cast<double>(pairs.size()), repeat);
    if (sink == 0.123) std::printf("\n");  // keeps the computed rows alive
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) Die("usage: pair_features_check dump OUT SOURCE... | compare GOLDEN SOURCE... [--tolerance REL] | time SOURCE... [--repeat N]");
  const std::string mode = argv[1];
  std::vector<std::string> args;
  double tolerance = 0;
  int repeat = 3;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--tolerance" && i + 1 < argc) {
      tolerance = std::atof(argv[++i]);
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      args.push_back(a);
    }
  }
  if (mode == "dump" && args.size() >= 2) return Dump(args[0], {args.begin() + 1, args.end()});
  if (mode == "compare" && args.size() >= 2) return Compare(args[0], {args.begin() + 1, args.end()}, tolerance);
  if (mode == "time" && !args.empty()) return Time(args, repeat);
  Die("unknown mode or missing arguments: " + mode);
}
