// Recall notices as a screening check: `conform screen --recalls DB` turns
// each notice a listing matches into a RECALLED_PRODUCT finding (BLOCK for
// takedown, NEEDS_REVIEW for review) in the markets where the recall has
// force (NoticeMarkets, and the markets of another regulator's notice that
// links to it as a joint recall); a takedown is a RECALLED_ELSEWHERE warning
// in the listing's other markets. A notice published after the date
// screened for is left out (Screener).
#ifndef CONFORM_RECALLS_RECALL_SCREEN_H_
#define CONFORM_RECALLS_RECALL_SCREEN_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "conform/recalls/brand.h"
#include "conform/recalls/match_model.h"
#include "conform/recalls/notice.h"
#include "conform/recalls/product_kind.h"
#include "conform/recalls/recall_matcher.h"
#include "conform/screen/screener.h"

namespace conform::recalls {

// The market whose regulator publishes a source's notices: "EU" (Safety
// Gate), "US" (CPSC), "CA" (Health Canada).
std::string_view NoticeMarket(NoticeSource source);

// The markets where a notice's recall has force: its regulator's, then
// those of a joint recall, read from the notice's links to another
// regulator's notice (CPSC, Health Canada, Safety Gate sites) and, in old
// CPSC records, the joint recall's country ("Canada"); in Health Canada's,
// "United States" where its text says the recall is joint with the CPSC.
std::vector<std::string> NoticeMarkets(const Notice& notice);

class RecallScreen : public RecallLookup {
 public:
  // Indexes `notices` (on options.threads threads, 0: every core); `model`
  // may be empty (identity evidence only), and `kinds` null (product kinds
  // not compared, rule 2b of recall_matcher.h).
  RecallScreen(std::vector<Notice> notices, std::optional<MatchModel> model, BrandAliases brands,
               std::shared_ptr<const ProductKinds> kinds = nullptr, RecallMatcherOptions options = {});
  ~RecallScreen() override;

  std::vector<RecallHit> Find(const Listing& listing) const override;

 private:
  std::vector<Notice> notices_;
  std::vector<std::vector<std::string>> markets_;  // of each notice: NoticeMarkets and those of joint recalls linking to it
  std::optional<MatchModel> model_;
  BrandAliases brands_;
  std::shared_ptr<const ProductKinds> kinds_;
  PairFeaturizer featurizer_;
  std::unique_ptr<RecallIndex> index_;
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_RECALL_SCREEN_H_
