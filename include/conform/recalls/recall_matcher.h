// Recall matching: which listings sell a product a recall notice names.
//
// Both directions use the notices' index. `conform recalls match` streams
// listings through it; `conform recalls affected` takes the live listings
// that hold a key it blocks on (KeyUsable) and asks it of each pair
// (MatchWith). Either way a pair is judged as (notice, listing), with the
// limits below counted over the notices, so the two directions agree. (An
// index of listings, asked with a notice, counts them over the listings
// instead: a product more sellers list than the limits would be missed.)
//
// Blocking keeps the work proportional to the candidates, not listings x
// notices: a pair is scored only when the two share a GTIN, a model code (or
// its stem), or a brand together with a title word that is not part of the
// brand's own name. Keys that say little are dropped: brand-word keys held
// by more than `max_block` records, and code and stem keys that many
// products share (see RecallMatcherOptions). GTIN keys are always kept.
//
// Decision: what a notice identifies decides, the learned pair model
// (match_model.h) only weighs what identifies nothing. A regulator's notice
// identifies a product by barcode (GTIN) and by the maker's model or type
// number; brand and product kind alone ("Voltix charger") describe a whole
// range. The rules, in order, each named in the evidence of the pair it
// decides:
//   1. a shared valid GTIN: takedown; a restricted-circulation one
//      (in-store or variable-measure, unique only inside one company:
//      gtin.h) only when the brands agree, else the pair goes on to the
//      rules below as if no GTIN were shared;
//   2. brands in conflict (both known, not aliases, the notice's not named
//      in the listing's text nor the listing's in the notice's product
//      name; placeholders such as "Unknown" are no brand): none;
//   2b. kinds of product in conflict (product_kind.h: a slime toy and a
//      hair dryer), when a kinds table is given: none, whatever codes the
//      two share;
//   3. the notice names a model code (not one that many products share):
//      a. the listing shows it, exactly or with other separators, as whole
//         words ("QC 65A", but not with half of a decimal number: "R1
//         179.99" is no R1-179), or with a finish or region suffix after its
//         digits ("LDS4821WW" for "LDS4821"): takedown when the
//         brands agree, no GTIN of the listing contradicts, the model
//         (when there is one) gives at least `takedown_at` (an accessory
//         that names the model, "case for QC-65A", reads as another
//         product) or the listing's model field gives exactly (no
//         suffix) a code of the notice (its model field, a labelled list
//         or its prose and tables) and the kind of product is the same or
//         unknown, and the listing does not
//         say it sells something made for the product ("replacement",
//         "compatible", "remanufactured",
//         "spare", "accessory",
//         "for <the notice's brand>" from a listing of another brand);
//         review otherwise. Without an agreeing brand, a title word in
//         common (singular or plural) or agreeing kinds, the code alone
//         is a coincidence: none;
//      b. the listing shows it without the notice's suffix ("KX450P" for
//         "KX450PRO", "GS108E" for "GS108E-100NAS"), with more letters
//         after a letter ("KX450PRO" for "KX450P"), or only its stem
//         ("LDS4821BK" for "LDS4821WW"): no conflict, but no more
//         identifying than brand and description: as 4;
//      c. the listing shows model codes, none of them the notice's: none,
//         whatever the title says (a sibling model is not the recalled
//         product);
//      d. the listing shows no model code: as 4;
//   4. nothing identifying (no GTIN, no usable model code on one side):
//      review at most, only when the brands agree, and either the model
//      gives at least `review_unidentified_at`, no GTIN of the listing
//      contradicting the notice's, or the listing's title has every word of
//      one of the notice's product names (MatchRecord::name_words: "IKEA
//      VARMFRONT powerbank" for Ikea's power bank "VARMFRONT"; with another
//      GTIN than the notice's too, another colour or pack of it, when the
//      title names the notice's product noun), or the notice names
//      nothing but its brand and its kind, a kind the table of translated
//      words knows, and the title names that kind in its language
//      (MatchRecord::names_only_brand_and_kind: "Poussette Stokke" for
//      Stokke's "Stroller"), or every
//      word of a CPSC or Health Canada product name with a word few
//      notices' titles have (MatchRecord::product_name_words: "Galanz
//      Retro Refrigerator" for "Galanz Retro Refrigerators"; not brand and
//      kind, "Galanz Refrigerators", and only when the listing shows no
//      code near the notice's; a notice naming no brand needs three words
//      and a rare one that is not its first, and no brand agreeing; a
//      Safety Gate alert naming no brand has the name its description
//      gives as such a name, "LED Crystal Magic Ball Light"), and names
//      the notice's brand, but not an accessory of the product ("Honda
//      Miimo charging station cover", a word such as cover, case, insert,
//      poster that the notice does not have, or something made for it);
//      otherwise none.
// A takedown is a review when the listing says the goods are not affected
// by the recall or were remedied, or states only batches the notice's
// leave out (BatchesCover). A notice's model range ("8801-8809", "models
// SK2210 to SK2219") names each model in it (ExpandModelEntry,
// ModelRangesInText).
// Every match carries the evidence that produced it, the rule last.
#ifndef CONFORM_RECALLS_RECALL_MATCHER_H_
#define CONFORM_RECALLS_RECALL_MATCHER_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "conform/core/listing.h"
#include "conform/recalls/batches.h"
#include "conform/recalls/match_model.h"
#include "conform/recalls/notice.h"
#include "conform/recalls/pair_features.h"

namespace conform::recalls {

// A notice or a listing reduced to what identifies a product.
struct MatchRecord {
  std::string id;                   // notice "source:id", or listing_id
  bool is_notice = false;           // made by FromNotice
  // A listing's title or description says its goods are not affected by a
  // recall ("2023 production, not affected by recall", "nicht vom Rückruf
  // betroffen"): a claim for a person to check, so never a takedown.
  bool says_not_recalled = false;
  Record record;                    // title, brand, model, category, description
  std::vector<std::string> gtins;   // valid GTIN-14s
  std::vector<std::string> brands;  // as given; several for some notices
  // A notice's product names when its description gives them ("VARMFRONT",
  // "Limar Torino", "Baby Biceps Gift Set": a few words, not a sentence;
  // "A / B" gives two): each name's words beyond the product name and the
  // brand, folded as titles are. Empty for listings and for descriptions in
  // prose. (A product name as CPSC writes it, "Galanz Retro Refrigerators",
  // is brand and kind, which every listing of the brand's line shares.)
  std::vector<std::vector<std::string>> name_words;
  // The first and last month of a notice's production period, as year * 12
  // + month - 1 ("From 5/1/2022 to 19/10/2022", "29.04.2014 -
  // 25.07.2016", "between 4 and 14 December 2020"; a year alone from its
  // January to its December), and their years; all 0 when it gives none.
  // A whole vehicle's listing made at another time is another vehicle.
  int made_from_month = 0, made_to_month = 0;
  int made_from_year = 0, made_to_year = 0;
  // Of each of those names, the first and last month of its own period
  // where a line of the period gives its model's ("From 5/1/2022 to
  // 19/10/2022 (Corsa)"); {0, 0} for a name without. Empty when no line
  // does.
  std::vector<std::pair<int, int>> name_made_months;
  // Of each of those names, the colours (ColourBits) of the colour words
  // that ended it and are left out of its words: the variant the notice
  // describes ("Kala gray"), which a listing writes in its own language or
  // not at all, and which only a listing naming colours, none of them
  // these, contradicts. 0 when none.
  std::vector<uint32_t> name_colours;
  // Of each of those names of a whole vehicle's alert, the powertrains its
  // words named and left out of its words ("Avenger BEV", "Renegade PHEV
  // and MHEV"), one bit each: a listing naming powertrains, none of them
  // these, sells another vehicle; one naming none is not told apart.
  // 0 when it names none.
  std::vector<uint8_t> name_powertrains;
  // Of each of those names of a whole vehicle's alert, the letter or Roman
  // numeral that ends it and marks the model's generation ("l" of "Astra
  // L", "ii" of "Koleos II"), left out of its words; of other names, a
  // closing "ii" ("Scorpion Trail II"); empty when none. A listing writing
  // another mark, or for a Roman numeral another digit, right after the
  // name ("Astra K", "Scorpion Trail III", "Scorpion Trail 3") sells
  // another generation.
  std::vector<std::string> name_marks;
  // Of each of those names with two words or more, its letters and digits
  // run together (CompactAlnum): a title that spells the name without
  // spaces or hyphens ("ICARE iSize" for "I-CARE i-Size", "24 V" for
  // "24V") names it too. Empty when shorter than 6 characters.
  std::vector<std::string> name_compacts;
  // Of each of those names of a whole vehicle's alert that is a maker's
  // numbered model line alone, that line ("aclass" of "A-Class", "3series"
  // of "3 Series" or "5series"); empty otherwise. A listing names it by the
  // line ("A-Klasse", "Serie 3", "3er") or a model of it ("A 200", "C220d",
  // "320d", "M340i"), and by no other line: "C-Class" is not the A-Class,
  // though both are classes (NumberedModelLines).
  std::vector<std::string> name_lines;
  // The hyphenated words of those names written together, folded ("icare",
  // "isize" of "I-CARE i-Size"), 4 characters or more: blocking keys, as
  // sellers write them so.
  std::vector<std::string> name_joined;
  // A CPSC or Health Canada notice's product names of two words or more
  // beyond the brand, short of a sentence ("Flaunt MagSafe Battery
  // Chargers": magsafe, battery, chargers), folded as titles are: with the
  // brand agreeing, a listing whose title has every word of one is
  // reviewed (rule 4), as for name_words; they say nothing else. A Safety
  // Gate alert without a brand has here the names of three words or more
  // its description gives ("LED Crystal Magic Ball Light"), whole.
  std::vector<std::vector<std::string>> product_name_words;
  // A notice that names nothing but its brand and its kind of product: no
  // GTIN, no model, a product name of three words at most beyond the brand
  // ("Stroller", "Travel adapter") and no description but those words
  // ("Stairlift"). Such a notice covers every product of the brand's
  // kind, and a listing of the brand naming the kind is reviewed (rule 4).
  bool names_only_brand_and_kind = false;
  // Valid GTINs a listing's title writes ("Hair mask 500ml EAN
  // 8051772488833"): 12 to 14 digits standing alone, or 8 after a label
  // (EAN, GTIN, UPC, JAN). They confirm a notice's GTIN as the GTIN field
  // does, but never contradict one: a number in a title may be something
  // else that happens to pass the check digit.
  std::vector<std::string> gtins_in_title;
  // Valid GTINs a listing's description labels ("EAN: 8051772488833",
  // "UPC code 012345678905"), confirming as those of the title do.
  std::vector<std::string> gtins_in_description;
  // The months a listing's description dates the vehicle it sells by:
  // after a word of making ("Production date: 12/2020", `made`) or of first
  // registration ("Erstzulassung 04/2021", made then or before). As year *
  // 12 + month - 1. A whole vehicle's alert reads them against its period.
  struct DatedMonth {
    int month = 0;
    bool made = false;
  };
  std::vector<DatedMonth> described_months;
  // The same of its title as written ("EZ 07/2022", "built December
  // 2020"), but the months after a word that dates something else ("TÜV
  // 08/2025"): read once here, for every alert the listing meets.
  std::vector<DatedMonth> title_months;
  // Amazon catalogue numbers (AsinOf, conform/recalls/gtin.h): a notice's
  // (a feed prints them where the barcode goes), or the one a listing's
  // GTIN field holds instead of a GTIN. Shared, they identify the product
  // page as a GTIN identifies the trade item.
  std::vector<std::string> asins;
  // Batch, lot and date codes (ReadBatches). A notice's: its batch
  // numbers as the feed gives them, and the ranges of date or lot codes its
  // description names ("date codes 2301 through 2335"). A listing's: those
  // its title or description labels ("batch 2401", "Lot: L2301", "批次：
  // 2401"). A listing stating only batches the notice's do not cover is
  // never taken down (BatchesCover).
  std::vector<std::string> batches;
  // ASINs a listing's description labels ("ASIN: B0CHYPVWHV"), which count
  // as its own.
  std::vector<std::string> asins_in_description;
  // ASINs a listing's title writes, labelled or not ("Astronaut projector
  // B0CHYPVWHV"): equal to a notice's, they name its page, as those of
  // the description do.
  std::vector<std::string> asins_in_title;
  // GTIN-14s and ASINs a listing's description labels as another
  // product's: after "for", "compatible", "not", "original" ...
  // (ReadStatedIdentifiers). Shared with a notice, they are reviewed,
  // never taken down.
  std::vector<std::string> referenced_ids;
  // GTIN-14s a listing's title writes right after such a word ("passend
  // für EAN 8055186669918"), reviewed alike.
  std::vector<std::string> referenced_in_title;
  // A notice's firms (maker, importer, distributor) as BrandKey gives their
  // names before the place ("Anker Innovations Limited, of China" ->
  // "anker innovations"). A listing whose brand is one of them agrees on
  // the brand; they never conflict with one, a firm being the brand's
  // maker or importer as often as its owner ("Round 2" recalls "Auto
  // World" slot cars).
  std::vector<std::string> companies;
  // A listing without a brand (field, label or placeholder only): the
  // names its description gives after "by", "von" or "marki", each word
  // capitalised ("Sparkler fountain. By World Class Fireworks." -> "world
  // class fireworks"), as BrandKey gives them; at most two. A blocking key
  // and a brand that agrees with a notice's of that name (or of it with
  // company words); never one that conflicts, as "powered by Android" is
  // no maker.
  std::vector<std::string> makers_in_prose;
};

// What a listing states of the product beyond its model and GTIN fields:
// the model numbers its description labels as the product's own
// (OwnLabelledModelNumbers: "Model: GV31", not "replacement battery for
// model BL1830") or, without those, the models the documents it supplies
// cover (its evidence's `models`), and the valid GTINs its description
// labels (EAN, GTIN, UPC, JAN, barcode; an unlabelled number may be an
// order or phone number), and the ASINs it labels; identifiers labelled
// as another product's apart. In a description, HTML tags part words (a
// line or list item ends a clause) and character references are decoded.
struct StatedIdentifiers {
  std::vector<std::string> models;  // as written
  std::vector<std::string> gtins;   // GTIN-14
  std::vector<std::string> asins;   // labelled ("ASIN: B0CHYPVWHV"), in capitals
  std::vector<std::string> batches;  // labelled batch, lot and date codes (ReadBatches), in capitals
  // Labelled within six words after a word saying what the product goes
  // with ("compatible with ASIN B0...", "fits ... EAN ...") or that what
  // follows is another's ("not", "other", "see", "original"), in one
  // clause: another product's, as a model labelled there is.
  std::vector<std::string> referenced_gtins, referenced_asins;
  // The brand the description labels ("Brand: Power Style", "Marke:",
  // "Marque :", "品牌："), folded as NormalizeForMatching leaves it; not
  // after "compatible" or "for" ("Compatible brand: Bosch"), nor a
  // placeholder ("Brand: Generic"). Stands in for a brand field that is
  // empty or a placeholder.
  std::string brand;
  // The description says the goods are not affected by a recall
  // (MatchRecord::says_not_recalled).
  bool says_not_recalled = false;
};
StatedIdentifiers ReadStatedIdentifiers(const Listing& listing);
// A short description ("models GV31 and GV30. GTIN 04006381333931. ASIN
// B0CHYPVWHV. fits GTIN 05901234123457") from
// which ReadStatedIdentifiers reads `ids` again: all a listing index keeps
// of a listing's description and documents.
std::string StatedIdentifiersText(const StatedIdentifiers& ids);
// All a listing index keeps of a listing's description and documents:
// StatedIdentifiersText, and the makers its prose names after "by",
// "von" or "marki" ("By World Class Fireworks."), which FromListing reads
// again from it as from the whole description.
std::string IndexedDescription(const Listing& listing);
// The same from the listing's ReadStatedIdentifiers, read once for this and
// FromListing.
std::string IndexedDescription(const Listing& listing, const StatedIdentifiers& described);
// The listing's model field or, without one, a model number among its
// attributes, as marketplace exports name it (model, model_number,
// item_model_number, model_no, modelnumber).
std::string ListingModel(const Listing& listing);

MatchRecord FromNotice(const Notice& notice);
// The listing's GTIN counts only when its check digit is valid; HTML
// character references in its text are decoded ("QC&#45;65A", "&amp;").
// GTINs written in its title or description are kept apart
// (gtins_in_title, gtins_in_description). An ASIN in its GTIN field
// (where ListingReader sets it aside as no GTIN) is its ASIN. Without a
// model field, the models it states otherwise stand in for it
// (ReadStatedIdentifiers).
MatchRecord FromListing(const Listing& listing);
// The same with `described` = ReadStatedIdentifiers(listing).
MatchRecord FromListing(const Listing& listing, const StatedIdentifiers& described);

enum class RecallAction { kNone, kReview, kTakedown };
std::string_view RecallActionName(RecallAction action);  // "none", "review", "takedown"

struct RecallMatch {
  size_t indexed = 0;              // position of the indexed record
  double probability = std::nan("");  // the model's; NaN without a model
  RecallAction action = RecallAction::kNone;
  std::vector<std::string> evidence;  // why, most decisive first
};

struct RecallMatcherOptions {
  // Model probability a pair whose model code and brand agree needs for a
  // takedown (rule 3a); below, it is reviewed. Ignored without a model.
  double takedown_at = 0.9;
  // Model probability at or above which a pair without identifying evidence
  // is reviewed (rule 4), brands agreeing.
  double review_unidentified_at = 0.9;
  size_t max_block = 2000;   // brand-word keys on more records are skipped
  // A code (or stem) held by more indexed records than `max_code_block`, or
  // by records of more than `max_code_brands` distinct brands, is a
  // designation many products share (a lamp base "GU10", a cell "CR2032", a
  // short code several makers happen to use), not one maker's model: it is
  // neither blocked on nor taken as identifying evidence. The brand count
  // lets a popular product that hundreds of sellers list keep its key.
  // Counted over the indexed side (a record without a brand counts under
  // its title's first word).
  size_t max_code_block = 2000;
  size_t max_code_brands = 5;
  // Brand aliases (brand.h); must outlive the index. Null: BrandKey only.
  const class BrandAliases* brands = nullptr;
  // Product kinds (product_kind.h) for rule 2b; must outlive the index.
  // Null: kinds are not compared.
  const class ProductKinds* kinds = nullptr;
  // Threads the index is built on (preparing every record); 0: every core.
  int threads = 0;
};

// Candidate blocking and scoring over one side (notices or listings).
// Build once, then Match from any number of threads.
class RecallIndex {
 public:
  // `featurizer` must be fitted (PairFeaturizer::Fit); `model` may be null.
  // Both must outlive the index. With a model, the featuriser must carry
  // the model's word evidence (std::invalid_argument otherwise: a caller's
  // mistake, not bad input). `indexed_are_notices` says which side the
  // indexed records are, so that pairs are always (notice, listing).
  RecallIndex(std::vector<MatchRecord> records, bool indexed_are_notices, const PairFeaturizer* featurizer,
              const MatchModel* model, RecallMatcherOptions options = {});
  ~RecallIndex();
  RecallIndex(RecallIndex&&) noexcept;

  // The indexed records that `query` (a record of the other side) matches,
  // review or takedown, most probable first.
  std::vector<RecallMatch> Match(const MatchRecord& query) const;
  // Match's answer, then every other candidate blocking found, with action
  // kNone and the evidence ending with the rule that left it out ("rule:
  // brands in conflict (voltix and kamiro) -> none"): why a record was or
  // was not matched. An indexed record missing from the answer was no
  // candidate: the two share no GTIN, model code or stem, nor a brand with
  // a title word (BlockingKeys). Costs what Match does, and the strings.
  std::vector<RecallMatch> Explain(const MatchRecord& query) const;

  // Match's answer for the one pair of `query` and indexed record `indexed`:
  // empty when blocking does not pair them or the rules leave the pair out.
  // The pair is judged exactly as Match judges it among all the query's
  // candidates. `conform recalls affected` asks the notices' index this of
  // each listing that shares a usable key with the notice (KeyUsable), so
  // that both directions count a key's holders, and codes shared too
  // widely, over the notices, and answer alike.
  std::vector<RecallMatch> MatchWith(const MatchRecord& query, size_t indexed) const;
  // Whether blocking uses `key` (BlockingKeys): some indexed record holds
  // it, no more of them than KeyHolderLimit allows, and it is not a code or
  // stem shared too widely.
  bool KeyUsable(const std::string& key) const;

  // The indexed records that blocking pairs with `query` (prepared by the
  // same featuriser), ascending and distinct: what Match scores. For
  // measuring blocking.
  std::vector<uint32_t> Candidates(const MatchRecord& query, const PreparedRecord& prepared) const;

  const MatchRecord& record(size_t i) const { return records_[i]; }
  size_t size() const { return records_.size(); }
  // Candidate pairs scored so far (all threads), for measuring blocking.
  size_t candidates_scored() const;
  // Of those, the pairs the rules left to the model (features computed and
  // predicted); the others were settled without it.
  size_t pairs_modelled() const;
  // Code and stem keys dropped as shared by too many records or brands.
  size_t hot_code_keys() const;

 private:
  struct State;
  // Match, and with `left_out` the candidates it leaves out, explained.
  // With `only`, the pair with that indexed record alone, if blocking finds it.
  std::vector<RecallMatch> Judge(const MatchRecord& query, std::vector<RecallMatch>* left_out, const uint32_t* only = nullptr) const;
  std::vector<MatchRecord> records_;
  bool indexed_are_notices_;
  const PairFeaturizer* featurizer_;
  const MatchModel* model_;
  RecallMatcherOptions options_;
  std::unique_ptr<State> state_;
};

// The blocking keys of a record ("g:<gtin>", "a:<asin>", "c:<code>",
// "s:<stem>", "b:<brand>|<word>"), exposed for tests and the benchmark. Codes are also
// keyed as sellers write them: two title words that may be one code
// written with a space ("YCV 3023") give "c:YCV3023", a model named in
// several words, a code and a variant word ("TS-5 Plus"), gives the key its
// model attribute would ("c:TS5PLUS"), and a code with a
// region or finish suffix set off by a separator ("KE-1826-EU",
// "NS-5035/B") in the title or model attribute gives its base ("c:KE1826").
// Each of a record's other models is a code key, and a title's code of
// three hyphenated parts or more is keyed whole ("c:BCD215V62H").
// Brand-word keys take the word in the singular ("b:breezo|dryer" for
// "hair dryers"). A record without a brand uses its title's first word as
// one, and a listing without one also the first two later words of a
// mixed-case title written in capitals ("HONDA" in "Robot tondeuse HONDA
// Miimo"), the word after "by" or "von", and the capitalised names after
// them in its description (makers_in_prose); a brand of several words is
// keyed by its first word too
// ("b:kamiro|kettle" besides "b:kamiro home|kettle"), so that the two
// meet. No brand-word key pairs a brand with one of its own words
// ("kamiro home|home"): every record of the brand would share it.
// Placeholder brands ("Unknown", "no brand") count as no brand, and a
// listing's brand its description labels stands in for one. A listing's
// ASINs are keyed wherever it writes them, its title too, and each valid
// GTIN of a GTIN field that holds several. A notice without a brand is
// also keyed "n:" by the first word of its name with each other word, and
// a listing under a brand whose title opens with it by the word after the
// brand with each later one ("Thermos Stainless King Food Jar":
// "n:stainless|king"), so that the two meet; such keys on more than 100
// records are skipped. A listing's recalling-firm brand field meets the
// notice through the notice's firms, keyed as brands; a listing's brand
// written with digits for letters ("L1MAR") is keyed by the spellings it
// stands for; a brandless title opening with a count ("3 in 1") by the
// word after it too.
std::vector<std::string> BlockingKeys(const MatchRecord& record, const PreparedRecord& prepared,
                                      const class BrandAliases* brands = nullptr);

// Names how BlockingKeys makes keys. It changes whenever they do, so that
// keys stored by an earlier build (store/listing_index.h) are not used.
inline constexpr std::string_view kBlockingKeyScheme = "conform-blocking/20";

// The most indexed records a key may be held by and still find candidates
// (SIZE_MAX: no limit). Keys held more widely are too common to identify a
// product, and would make one query score a large part of the index. For
// code and stem keys this is only the count rule; the brand rule
// (max_code_brands) is the index's to apply over all the key's holders.
size_t KeyHolderLimit(std::string_view key, const RecallMatcherOptions& options);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_RECALL_MATCHER_H_
