// Features of a pair of product records, for a learned matcher to judge
// whether both name the same product.
//
// A record is a list of attribute -> value; which attribute plays which part
// (title, brand, model number, price, category) is looked up by name in a
// RecordSchema, so the same code serves recall notices against listings and
// the public entity-matching benchmarks. Every attribute that is not a price
// also goes into the record's "all text", so values that sit in the wrong
// attribute (a brand inside the title, a model number inside a description)
// still count.
//
// The features (FeatureNames() has them all):
//   - text: TF-IDF cosines of the titles over words and character 3-, 4-
//     and 5-grams, of the all texts over words and 3-grams, and of one
//     side's title against the other's all text; word Jaccard, overlap,
//     IDF-weighted Jaccard, edit similarity; how much of each title the
//     other side covers, exactly, through abbreviations ("upg" for
//     "upgrade") and through spelling variants; the rarest word one side
//     never mentions;
//   - model codes (model_number.h): shared codes, one side's code inside
//     the other's text with separators removed, stems without finish
//     letters, the closest pair's edit similarity, a conflict flag; the
//     model attribute against the other's model and text; shared digit runs
//     of codes ("i1237" and "CIM-1237R");
//   - specs shared and in conflict ("32GB" against "64GB"), numbers and
//     years shared or missing;
//   - brand equal or named in the other's text, first title word equal;
//   - price ratio and log difference; category cosine; lengths;
//   - colours named on both sides, none shared;
//   - what the two titles' words say, learned from labelled pairs
//     (word_evidence.h): one word on one side only can mark another edition.
//
// A title is read up to its first 1,024 bytes (cut at a space): a longer
// one is a description pasted in, and title features compare its words
// pairwise.
//
// Missing evidence is NaN, not 0: "no price on one side" is not "prices
// differ", and the tree learner routes NaN on its own branch.
#ifndef CONFORM_RECALLS_PAIR_FEATURES_H_
#define CONFORM_RECALLS_PAIR_FEATURES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conform/recalls/model_number.h"
#include "conform/recalls/text_similarity.h"
#include "conform/recalls/word_evidence.h"
#include "conform/recalls/word_list.h"

namespace conform::recalls {

struct Record {
  std::vector<std::pair<std::string, std::string>> fields;  // attribute, value

  // The value of the first attribute named `name` (ASCII case-insensitive)
  // whose value is not blank; empty when there is none.
  std::string_view Get(std::string_view name) const;
};

// Attribute names per role, first present non-blank one wins. A record with
// no title attribute uses its first non-blank non-price value as title.
struct RecordSchema {
  std::vector<std::string> title = {"title", "name", "product_name", "product"};
  std::vector<std::string> brand = {"brand", "manufacturer", "make", "maker"};
  std::vector<std::string> model = {"modelno", "model", "model_number", "mpn", "type_number"};
  std::vector<std::string> price = {"price"};
  std::vector<std::string> category = {"category", "product_type"};
  // More model attributes, joined by "; ", of a record naming several
  // models (a recall notice): the model features read the one that best
  // agrees with the other record.
  std::vector<std::string> other_models = {"other models"};
};

// What the featuriser derives from one record once, so that a record met in
// many pairs is analysed once. Built by PairFeaturizer::Prepare.
struct PreparedRecord {
  std::string title;     // NormalizeText of the title
  std::string all_text;  // NormalizeText of every non-price value, title first
  WordList title_words, all_words;  // distinct, sorted
  // Of each of title_words: its IDF in the title and the all-text word
  // vectorisers, so that pairs need no look-ups; and which byte values it
  // holds (modulo 64), a cheap lower bound on edit distances, so most word
  // pairs need no computing.
  struct TitleWord {
    double idf = 0, all_idf = 0;
    uint64_t bytes = 0;
  };
  std::vector<TitleWord> title_word_info;
  size_t title_word_count = 0;  // words in the title, repeats included
  SparseVector title_word, title_c3, title_c4, title_c5;  // title vectorisers
  SparseVector all_word, all_c3, title_in_all;            // all-text vectorisers
  std::string compact_all;  // CompactAlnum(all_text): codes are looked for here
  std::vector<ModelCode> codes;     // from the title, model attributes and all text, distinct
  // codes[0] is the model attribute, which names no one model (a
  // placeholder, a year, words, a spec: ModelAttributeNamesAModel).
  bool model_names_no_model = false;
  WordList specs;       // distinct normalised specs, sorted
  WordList spec_kinds;  // of each spec, its letters: what it measures ("GB")
  WordList title_numbers, all_numbers;  // canonical numbers ("7.0" -> "7"), distinct, sorted
  // Runs of 3+ digits inside codes and standalone numbers of 3+ digits, not
  // years: the catalogue number that survives when sellers dress a code
  // differently ("i1237" and "CIM-1237R"). Distinct, sorted.
  WordList digit_runs;
  WordList years;                   // standalone 19xx and 20xx, distinct, sorted
  std::string brand;                // normalised brand attribute, may be empty
  std::string brand_first_word;     // its first word
  std::string model;                // CompactAlnum of the model attribute, may be empty
  std::vector<std::string> other_models;  // CompactAlnum of each further model attribute
  std::string category;             // normalised category attribute, may be empty
  SparseVector category_word;
  bool vectorised = false;  // the SparseVectors above are filled (AddVectors)
  // NaN when absent or not a positive number. Without a price attribute, the
  // last price-like amount in the text ("39.99"), and price_from_text is set.
  double price = 0;
  bool price_from_text = false;
  std::string first_word;           // of the title
  // The colours the record's words name, one bit per colour:
  // two records that each name colours, none in common, sell different
  // variants ("4GB SD card gray" and "... navy").
  uint32_t colours = 0;
};

// The colours `words` (distinct, sorted, NormalizeText's) name, one bit per
// colour, English names and shop abbreviations; PreparedRecord::colours.
uint32_t ColourBits(const WordList& words);

// Whether two prepared records name specifications of one kind and share
// none of that kind ("26800mAh" against "10000mAh"). Symmetric; the
// feature "spec_conflict".
bool SpecsConflict(const PreparedRecord& a, const PreparedRecord& b);

class PairFeaturizer {
 public:
  explicit PairFeaturizer(RecordSchema schema = {});

  // Learns the IDF weights from `records` (pass each distinct record once;
  // typically every record of the training pairs). Replaces any earlier fit.
  // Fits its vectorisers side by side on `threads` threads (0: every core);
  // the weights are the same whatever the number.
  void Fit(const std::vector<const Record*>& records, int threads = 0);

  // Thread-safe once fitted. Without vectors (the TF-IDF vectors, most of
  // the cost), the record serves blocking and the matcher's rules, and
  // AddVectors completes it when a pair of it is to be computed after all.
  PreparedRecord Prepare(const Record& record, bool with_vectors = true) const;
  void AddVectors(PreparedRecord* prepared) const;

  // Writes FeatureCount() values for the ordered pair (left, right) to `out`;
  // both must carry their vectors.
  // Direction matters for the features named "_lr"/"_rl" (left's evidence
  // found in right, and the reverse): sources differ in how fully they
  // describe a product. Thread-safe once fitted.
  void Compute(const PreparedRecord& left, const PreparedRecord& right, float* out) const;
  std::vector<float> Compute(const Record& left, const Record& right) const;

  // One stable name per feature, in output order.
  static const std::vector<std::string>& FeatureNames();
  static size_t FeatureCount() { return FeatureNames().size(); }

  const RecordSchema& schema() const { return schema_; }
  // How many records the fit read (0 before Fit), and how many of their
  // titles have `word` (NormalizeText's), from its IDF.
  size_t fitted_records() const { return title_word_.document_count(); }
  double TitlesWith(std::string_view word) const;

  // The learned word evidence the feature "title_word_evidence" reads (the
  // log-odds WordEvidence gives the two titles' words); without it, or
  // when either title is blank, that feature is missing. A trained model
  // carries its own (MatchModel::word_evidence), and whoever pairs a
  // featuriser with a model sets it here before computing. Not thread-safe
  // against Compute.
  void set_word_evidence(std::shared_ptr<const WordEvidence> evidence) { word_evidence_ = std::move(evidence); }
  const std::shared_ptr<const WordEvidence>& word_evidence() const { return word_evidence_; }

 private:
  struct RecordText {
    std::string_view title;  // the title value, in the record
    std::string all_folded;  // NormalizeForMatching of every non-price value, title first
    bool ascii = false;      // every byte of those values is ASCII
  };
  RecordText Text(const Record& record) const;

  RecordSchema schema_;
  TfidfVectorizer title_word_{Analyzer::kWords}, title_c3_{Analyzer::kCharNgrams, 3},
      title_c4_{Analyzer::kCharNgrams, 4}, title_c5_{Analyzer::kCharNgrams, 5};
  TfidfVectorizer all_word_{Analyzer::kWords}, all_c3_{Analyzer::kCharNgrams, 3};
  TfidfVectorizer category_word_{Analyzer::kWords};
  std::shared_ptr<const WordEvidence> word_evidence_;
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_PAIR_FEATURES_H_
