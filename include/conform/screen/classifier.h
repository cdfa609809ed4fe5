// Classification: which category a listing belongs to, and which attributes
// its text reveals, with a confidence and the words that decided it.
//
// Sources, strongest first: what the listing states; its HS 2022 code
// (data/classify/hs.yaml); terms in its title and description, in English,
// Chinese and Indonesian (data/classify/keywords.yaml) and 23 more
// languages (data/classify/keywords/, one file each, named by
// keywords.yaml); quantities in the text ("20000mAh", "100-240V", "5V 2A",
// "ages 3-8", "0-12个月", "3-6 Jahre").
#ifndef CONFORM_SCREEN_CLASSIFIER_H_
#define CONFORM_SCREEN_CLASSIFIER_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conform/core/listing.h"
#include "conform/core/result.h"
#include "conform/core/term_matcher.h"
#include "conform/core/vocabulary.h"

namespace conform {

struct AttributeInference {
  AttributeId attribute = 0;
  double value = 0;
  std::string reason;  // "title: 'bluetooth'", "text: '20000mah'"
};

struct Classification {
  enum class Source { kListing, kInferred, kNone };
  Source source = Source::kNone;
  CategoryId category = 0;  // valid unless source == kNone
  double confidence = 0;    // 0..1; 1 when the listing states the category
  std::vector<std::string> reasons;  // what decided the category

  // What the text and HS code alone say, even when the listing states a
  // category: a strong disagreement is worth a look.
  std::optional<CategoryId> inferred_category;
  double inferred_confidence = 0;
  // The next best category by the same evidence, when it has any: an
  // inferred category is uncertain often because two fit ("earbuds" are
  // radio devices and consumer electronics).
  std::optional<CategoryId> runner_up;
  // Whether a term names the inferred category outright (weight 3 or more:
  // "toy", "power bank") or the HS code maps to it: a low confidence then
  // means a rival category, not a guess.
  bool named_outright = false;

  // Attributes inferred from the text or HS code (never overriding the
  // listing's own).
  std::vector<AttributeInference> attributes;
  // What the text's terms say of attributes the listing states: the
  // listing's value stands, and a disagreement is worth a look.
  std::vector<AttributeInference> text_says;

  // Words that were found but not counted, and why: "title: 'power bank'
  // (after 'pouch for')", "description: 'children' (in 'keep out of reach
  // of children')".
  std::vector<std::string> set_aside;
};

class Classifier {
 public:
  // Below this confidence an inferred category is not trusted on its own.
  static constexpr double kConfidentAt = 0.6;

  // Loads the HS map and the keyword list, with the files of further
  // languages its `more_languages` names (relative to it). A term listed
  // twice for one category counts once, with its larger weight. Errors
  // carry file:line:column.
  static Result<Classifier> Load(const Vocabulary& vocab, const std::string& hs_file, const std::string& keywords_file);

  // Thread-safe. `stated` are the attributes the listing gives; they are not
  // inferred again. Precondition: `listing.category`, when not empty, has
  // been checked against the vocabulary by the caller (`stated_category`).
  Classification Classify(const Listing& listing, std::optional<CategoryId> stated_category,
                          const std::vector<bool>& stated) const;

  // The term evidence for every category (indexed by CategoryId, 0 for
  // none), the title's terms counting fully and the description's half, as
  // in Classify; without the reasons, the HS code and the quantities, so
  // that it is cheap enough to ask of every record a matcher meets. More
  // than one category may have evidence: a "remote control car" is a toy
  // and a radio device. Unlike Classify, a word inside another category's
  // name counts for its own ("blanket" in "electric blanket"): a matcher
  // asks what a product could be, not what it most likely is. Thread-safe.
  std::vector<double> TermScores(std::string_view title, std::string_view description) const;

 private:
  struct HsMapping {
    std::string code;
    CategoryId category = 0;
    double confidence = 0;
    std::vector<std::pair<AttributeId, double>> attributes;
    std::string description;
  };
  // Where a set-aside phrase keeps other terms from counting (keywords.yaml,
  // `set_aside`): inside it ("not a toy"; a term reaching into it too:
  // "led bulb" in "led bulb holder"), in the words after it up to the
  // end of the clause ("pouch for" a power bank), in the one word after it
  // ("compatible with" an iPhone), in the word right before it when it
  // ends the clause ("power bank case", "充电宝收纳包"), or in the word right
  // before it whatever follows, for things never the product itself
  // ("kettle descaler tablets").
  enum class SetAside { kNone, kWithin, kAfter, kNextWord, kBefore, kBeforeAlways };
  struct TermEffect {
    int category = -1;  // or -1 for attribute-only terms
    double weight = 0;  // negative: the term speaks against the category ("for dogs")
    std::vector<std::pair<AttributeId, double>> attributes;
    bool children = false;  // the term says "made for children"
    SetAside set_aside = SetAside::kNone;
    // An attribute term sets nothing in a text that also holds one of these
    // words ("electric" beside "induction" names a hob a pan suits).
    std::vector<std::string> unless;
  };
  // The terms of normalised `text` that count, each once, in order of first
  // counted match; with `why` (may be null), what was set aside and why.
  // Of those, `name_parts` (may be null) gets the ones found only inside a
  // longer term that names another category outright: their categories'
  // weights do not count, what else they set does.
  void CountedTerms(const std::string& text, const char* where, std::vector<uint32_t>* counted,
                    std::vector<uint32_t>* name_parts, std::vector<std::string>* why) const;
  const HsMapping* FindHs(const std::string& code) const;
  // Returns the age grade ("3+" gives 3) when the text has one, else -1;
  // an adult grade ("14+", "18+") goes to *adult_grade, else -1 there.
  int InferQuantities(const std::string& text, const std::vector<bool>& stated, Classification* out, int* adult_grade) const;

  // Attributes that quantities in the text set (absent from the vocabulary: -1).
  int battery_ = -1, battery_wh_ = -1, input_voltage_ac_ = -1, output_voltage_dc_ = -1, intended_age_max_ = -1, electrical_ = -1;
  double li_ion_ = 0;  // enum index of battery 'li_ion'
  std::vector<std::string> category_names_;
  std::vector<HsMapping> hs_;  // sorted by code
  TermMatcher matcher_;
  std::vector<std::vector<TermEffect>> effects_;  // by term index
};

}  // namespace conform

#endif  // CONFORM_SCREEN_CLASSIFIER_H_
