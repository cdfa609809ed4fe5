// Whether a notice and a listing can name the same kind of product.
//
// Makers reuse short model codes across unrelated products, so a notice's
// code turns up now and then in a listing of something else entirely (a
// slime toy's "AR619S" in a hair dryer's title). Codes and brands cannot
// tell such a pair apart; the kind of product can.
//
// A record's kinds are the vocabulary's categories (data/vocabulary.yaml)
// as the screening classifier's terms find them in its text, brand names
// left out: a notice's product name and, at half weight, its description;
// a listing's title. A listing's stated category is added. The kinds the
// table gives a notice's regulator category ("Cosmetics") count when the
// notice's text names no kind: such a category is broad ("Electrical
// appliances and equipment" holds chargers and kettles alike), the text's
// word precise. Such a category may also hold a kind the vocabulary has no
// category for (a motor vehicle), which counts whatever the text says: it
// agrees only with itself, and since no listing is read as one, a notice
// of it conflicts with every listing whose kind is known.
// Every category whose evidence reaches the table's `min_evidence` counts,
// so a product whose words name two kinds is of both. Two kinds agree when they are the same, in one
// group of the table, or a pair the table lists (data/recalls/
// product_kinds.yaml: a soft toy is a toy and a textile). A pair may hold
// only where one of its kinds is a category the record is filed under
// (`filed_as`): sellers file a charger under "consumer electronics", but a
// listing whose words say "speaker" is not a charger. Two records
// conflict when each has a kind and no kind of one agrees with a kind of
// the other; a record without a kind decides nothing. Since no listing is
// read as a kind outside the vocabulary, the table names words that show a
// listing is not one though it names one ("car cover", "floor mats",
// "diecast" beside a car's name): a notice of such kinds only conflicts
// with a listing that has one of its words. Since every kind
// with evidence counts, not only the likeliest, a record the classifier
// is unsure about ("kettle": an electric one or a stovetop one) conflicts
// only with what it can be neither of.
#ifndef CONFORM_RECALLS_PRODUCT_KIND_H_
#define CONFORM_RECALLS_PRODUCT_KIND_H_

#include <memory>
#include <string>
#include <vector>

#include "conform/core/result.h"
#include "conform/core/vocabulary.h"

namespace conform {
class Classifier;
}

namespace conform::recalls {

struct MatchRecord;

// What a record is, as far as its text tells.
struct ProductKind {
  // Strongest evidence first: a listing's stated category, then the text's
  // kinds; a notice's text, or else its regulator's category. Empty when
  // nothing names a kind.
  std::vector<CategoryId> kinds;
  // Those of `kinds` that a category the record is filed under gave (a
  // listing's stated category, a regulator's), not its words.
  std::vector<CategoryId> filed;
  // A listing's: kinds outside the vocabulary it says it is not, with each
  // word that says so ("cover" in "Bentley Bentayga car cover": goods named
  // after a motor vehicle; the table's listings_not_of).
  std::vector<std::pair<CategoryId, std::string>> not_of;
  // A notice's: its product name and description, folded, padded with
  // spaces. A word of not_of that the notice has too ("wiper blades" of
  // a wiper blade alert) says nothing.
  std::string words;
  // A listing's: its title gives a vehicle's mileage or registration
  // ("8.900 km", "EZ 05/2021"), as a used vehicle's ad does. A kind its
  // words name is then the vehicle's equipment or its model's name
  // ("Peugeot Boxer": no boxer shorts).
  bool vehicle_ad = false;
};

enum class KindAgreement { kUnknown, kAgree, kConflict };

struct KindJudgement {
  KindAgreement agreement = KindAgreement::kUnknown;
  // The kinds that agree ("toy"), or those in conflict ("toy" against
  // "radio_device"), for the evidence. Empty when unknown.
  std::string notice_kind, listing_kind;
  // Of two kinds that agree without being the same, why: the table's
  // reason ("soft toys are textile products"), or "both <group>".
  std::string why;
  // A conflict only with the category the listing is filed under, its
  // words naming no kind: a seller's filing, which may be wrong.
  bool listing_filed_only = false;
};

class ProductKinds {
 public:
  // Reads the table (schema conform-product-kinds/1). Category names are
  // checked against `vocabulary`; errors carry file:line:column. The
  // vocabulary and the classifier must outlive the table.
  static Result<ProductKinds> Load(const std::string& path, const Vocabulary& vocabulary, const Classifier& classifier);
  // The vocabulary, classifier and table shipped in the data directory
  // (DefaultDataDir()); the returned object owns them.
  static Result<std::shared_ptr<const ProductKinds>> LoadDefault();

  ProductKinds(ProductKinds&&) noexcept;
  ProductKinds& operator=(ProductKinds&&) noexcept;
  ~ProductKinds();

  // The kinds of a notice (FromNotice) or a listing (FromListing). A
  // listing's category that the vocabulary does not know is ignored.
  // Thread-safe.
  ProductKind OfNotice(const MatchRecord& notice) const;
  ProductKind OfListing(const MatchRecord& listing) const;

  KindJudgement Judge(const ProductKind& notice, const ProductKind& listing) const;

  // A kind's name: the vocabulary's category, or the table's kind outside it.
  const std::string& name(CategoryId kind) const;
  double min_evidence() const;
  // Whether a record's kinds are all outside the vocabulary (a motor
  // vehicle): goods a marketplace listing rarely sells itself, while it
  // sells many parts and accessories named after them.
  bool OnlyOutsideVocabulary(const ProductKind& kind) const;

 private:
  ProductKinds();
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_PRODUCT_KIND_H_
