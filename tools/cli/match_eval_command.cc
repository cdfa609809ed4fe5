#include "match_eval_command.h"

#include <fmt/format.h>


#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "cli_files.h"
#include "cli_output.h"
#include "conform/recalls/match_eval.h"

namespace conform::cli {

namespace {

constexpr int kOk = 0, kBadInput = 2;

struct MatchEvalArgs {
  std::string dir, split, model_out, predictions;
  int threads = 1;
  size_t gains = 0;
  recalls::BoostingOptions boosting;
};

int Report(const Error& e) {
  cli::PrintError(e);
  return kBadInput;
}

// A figure, or "n/a" where the split gives it no meaning (recall without
// matches, precision without a predicted match).
std::string Percent(double value, bool defined) { return defined ? fmt::format("{:.1f}", 100 * value) : "n/a"; }

int RunMatchEval(const MatchEvalArgs& args) {
  if (!args.predictions.empty())
    if (Status st = cli::CheckWritable(args.predictions, "predictions"); !st.ok()) return Report(st.error());
  if (!args.model_out.empty())
    if (Status st = cli::CheckWritable(args.model_out, "model"); !st.ok()) return Report(st.error());
  recalls::MatchEvalOptions options;
  options.threads = args.threads;
  options.boosting = args.boosting;
  std::optional<recalls::TrainedMatcher> matcher;
  auto report = recalls::EvaluateMatcherOnDirectory(args.dir, args.split, options, &matcher);
  if (!report.ok()) return Report(report.error());
  const auto& r = report.value();
  std::printf("%s\n", args.dir.c_str());
  std::printf("features %zu, boosting rounds %d, threshold %.4f (peak of the smoothed F1 curve on valid), fit %.1f s\n", r.feature_count, r.rounds,
              r.threshold, r.fit_seconds);
  if (r.word_evidence_c > 0)
    std::printf("word evidence: regularisation constant %g (lowest out-of-fold log loss on train)\n", r.word_evidence_c);
  else
    std::printf("word evidence: none (the training pairs with two titles lack matches or non-matches)\n");
  std::printf("%-8s %7s %7s %9s %7s %7s %7s %7s %8s\n", "split", "pairs", "matches", "precision", "recall", "F1", "Brier",
              "ECE", "seconds");
  for (const auto& s : r.splits) {
    size_t taken = 0;
    for (const float p : s.probabilities) taken += p >= r.threshold;
    std::printf("%-8s %7zu %7zu %9s %7s %7s %7.4f %7.4f %8.2f\n", s.name.c_str(), s.pairs, s.positives, Percent(s.scores.precision, taken > 0).c_str(),
                Percent(s.scores.recall, s.positives > 0).c_str(), Percent(s.scores.f1, s.positives > 0 || taken > 0).c_str(), s.calibration.brier,
                s.calibration.ece, s.seconds);
  }
  for (size_t i = 0; i < std::min(args.gains, r.feature_gains.size()); ++i)
    std::printf("  gain %-26s %10.1f\n", r.feature_gains[i].first.c_str(), r.feature_gains[i].second);
  // Both outputs are made first, then written: a failure leaves neither
  // half-written, and the model (the costlier to lose) goes first.
  std::string model_json;
  if (!args.model_out.empty()) {
    auto saved = matcher->model.SaveToBuffer();
    if (!saved.ok()) return Report(saved.error());
    model_json = std::move(saved).value();
  }
  std::string predictions;
  if (!args.predictions.empty()) {
    std::string& out = predictions;
    out = "split\tline\tlabel\tprobability\tdecision\n";
    for (const auto& s : r.splits) {
      auto pairs = recalls::ReadDittoPairs((std::filesystem::path(args.dir) / (s.name + ".txt")).string());
      if (!pairs.ok()) return Report(pairs.error());
      for (size_t i = 0; i < s.probabilities.size(); ++i)
        out += fmt::format("{}\t{}\t{}\t{:.6f}\t{}\n", s.name, pairs.value()[i].line, pairs.value()[i].label,
                           s.probabilities[i], s.probabilities[i] >= r.threshold ? 1 : 0);
    }
  }
  if (!args.model_out.empty())
    if (Status st = WriteFileAtomically(args.model_out, model_json); !st.ok()) return Report(st.error());
  if (!args.predictions.empty())
    if (Status st = WriteFileAtomically(args.predictions, predictions); !st.ok()) {
      if (!args.model_out.empty()) std::remove(args.model_out.c_str());  // the pair of outputs goes together
      return Report(st.error());
    }
  return kOk;
}

}  // namespace

void AddMatchEvalCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<MatchEvalArgs>();
  auto* cmd = app.add_subcommand(
      "match-eval",
      "Train the recall pair matcher on DIR/train.txt, choose its threshold on DIR/valid.txt, and report precision, "
      "recall and F1 per split (pairs as '<left>\\t<right>\\t<label>', records as 'COL a VAL v ...')");
  cmd->add_option("dir", args->dir, "Directory with train.txt, valid.txt and optionally test.txt")->required();
  cmd->add_option("--split", args->split, "Report only this split (DIR/NAME.txt)");
  cmd->add_option("--threads", args->threads, "Threads (default: 1; 0: one per core)")->check(CLI::Range(0, 4096));
  cmd->add_option("--predictions", args->predictions,
                  "Write every pair's match probability here (TSV: split, line, label, probability, decision)");
  cmd->add_option("--model-out", args->model_out, "Write the trained trees and threshold here (XGBoost JSON)");
  cmd->add_option("--gains", args->gains, "Also list the N features with the most total gain");
  // What XGBoost would refuse, or take and learn nothing from (a learning
  // rate or a sample share of 0), is refused here in the options' words.
  const CLI::Validator share(
      [](std::string& text) -> std::string {
        try {
          const double v = std::stod(text);
          return v > 0 && v <= 1 ? "" : "must be above 0 and at most 1";
        } catch (const std::exception&) {
          return "must be a number";
        }
      },
      "(0, 1]");
  cmd->add_option("--max-depth", args->boosting.max_depth, "Tree depth")->capture_default_str()->check(CLI::Range(1, 30));
  cmd->add_option("--learning-rate", args->boosting.learning_rate, "Shrinkage per tree")->capture_default_str()->check(share);
  cmd->add_option("--min-child-weight", args->boosting.min_child_weight, "Least hessian in a leaf")->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--subsample", args->boosting.subsample, "Share of pairs each tree sees")->capture_default_str()->check(share);
  cmd->add_option("--colsample", args->boosting.colsample_bytree, "Share of features each tree sees")->capture_default_str()->check(share);
  cmd->add_option("--parallel-trees", args->boosting.parallel_trees, "Trees averaged per round")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--seed", args->boosting.seed, "Seed of the row and feature sampling")->capture_default_str();
  cmd->add_option("--patience", args->boosting.early_stopping_rounds,
                  "Stop after this many trees without a better validation log loss")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->callback([args, exit_code] { *exit_code = RunMatchEval(*args); });
}

}  // namespace conform::cli
