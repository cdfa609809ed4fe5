// What a listing sells against a notice's product when it names that
// product: the product itself, something made for it ("replacement
// battery for Makita BL1830", "compatible toner"), one of its accessories
// ("case for the BenQ GV31"), or another product the seller names as
// the notice's ("nicht GV31"). The words come from the languages sellers
// write; a listing's own cues are read once (ReadMadeForCues) for all of
// its candidates.
#ifndef CONFORM_RECALLS_MADE_FOR_H_
#define CONFORM_RECALLS_MADE_FOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "conform/recalls/pair_features.h"
#include "conform/recalls/recall_matcher.h"

namespace conform::recalls {

// What MadeFor reads of a listing's title alone, found once for all of
// the listing's candidates: a listing matched against the notices meets
// dozens of one brand, and most titles hold none of these words. The views
// are of the listing's PreparedRecord, which must outlive them.
struct MadeForCues {
  std::vector<std::string_view> words;     // SplitWords of the folded title
  std::vector<std::string_view> markers;   // MadeFor's "compatible", "spare", ... words in the title
  std::vector<std::string_view> spares;    // title words that are compounds of "spare" and a part
  std::vector<std::string_view> cjk_markers;  // its Chinese, Japanese and Korean ones, when the title has such script
  bool cjk = false;
  bool lower_pro = false;        // "pro" or "pre" written in lower case
  bool has_for = false;          // one of the words IsForWord
  bool for_before_name = false;  // one of the words IsForBeforeName
  bool for_within = false;       // one of kForWords anywhere in the title, a word or not
  // A case ending joined to a word or code ("Nola-keinulle", "GV31:lle"):
  // the last folded word before the join and the compacted head.
  struct Ending {
    std::string last_word, compact_head;
  };
  std::vector<Ending> endings;
  bool ending_words = false;  // a postposition or a "-hoz"/"-hez" word (MadeForByEnding)
};

// The cues of a listing's prepared record and its title as written.
void ReadMadeForCues(const PreparedRecord& listing, std::string_view raw_title, MadeForCues* cues);

// Whether a listing's title says it sells something made for another
// maker's product, which names that maker and its code as the product
// itself would: "remanufactured 108R00657 maintenance kit for Xerox",
// "replacement battery for Makita BL1830", "QC-65A spare filter". A word
// the notice's own product name has too ("compatible toner") says nothing,
// nor does "for <brand>" from a listing whose brand is the notice's
// ("Nikon flash for Nikon cameras"). `brand_spellings` are the notice's
// brands as ContainsName reads them.
bool MadeFor(const PreparedRecord& notice, const PreparedRecord& listing, const MadeForCues& cues,
             const std::vector<std::string>& brand_spellings, const std::vector<std::vector<std::string>>& name_words,
             bool same_brand_field);

// Whether a listing's title names an accessory of the product rather than
// the product ("Honda Miimo charging station cover", "Maxi-Cosi Ava high
// chair cushion insert", a poster of a named toy), or other goods sold
// under the same name: a notice's name is often a licensed character
// ("SPIDER-MAN" of a clothing set), and a backpack, a blanket or a mug
// with the character is another product. A word the notice's product name
// and description do not have, and not after "with" ("stroller with rain
// cover" is the stroller). It takes away what the product's name in a
// listing proves (rule 4); a model code in it is judged as before.
//
// With `for_code`, only the words that name an accessory whatever the
// product (a cover, a case, a holder, a sticker; not "mount", as in "rack
// mount switch", nor "protector" alone, as in "surge protector"), and none
// when the notice has one of them (it is an accessory itself): a listing
// showing the notice's model code and brand with one may sell the
// accessory, and is reviewed rather than taken down.
std::string_view AccessoryNamed(const PreparedRecord& notice, const PreparedRecord& listing, const MatchRecord& notice_record,
                                bool for_code, std::string_view raw_title);

// Whether the listing's title names one of the notice's codes right after
// a word saying the product is not that one ("BenQ GV30 Beamer (nicht
// GV31)", "statt GV31", "Nachfolger des GV31", "successor to the GV31"),
// past the brand's words and articles: another model, which names the
// recalled one to be found.
bool CodeNamedAsAnother(const PreparedRecord& notice, const PreparedRecord& listing, const std::vector<std::string>& brand_spellings);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_MADE_FOR_H_
