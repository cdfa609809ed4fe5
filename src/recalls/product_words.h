// The words sellers translate when they list a product named in English:
// the kind of product and the words of a descriptive name ("Desktop USB
// fan" listed as "Ventilatore USB da scrivania"), in German, French,
// Spanish, Italian, Polish and Dutch.
//
// The recall matcher reads a notice's product name in a listing's title
// word by word; a word may be there in another language. Only words with
// one meaning in product titles are listed, folded as titles are
// (FoldForMatching: lower case, no accents, "ß" as "ss").
#ifndef CONFORM_RECALLS_PRODUCT_WORDS_H_
#define CONFORM_RECALLS_PRODUCT_WORDS_H_

#include <string_view>
#include <vector>

namespace conform::recalls {

// Whether `word` (folded) is listed as a kind of product ("projector",
// "lampe"), not only as what a name says of one ("shower", "wooden").
bool IsListedKindWord(std::string_view word);

// Whether the title word `title_word`, in another language than English,
// says what the name word `name_word` (in any) says: both listed under one
// English word, or a German compound beginning or ending in a translation
// of at least five letters ("schreibtischventilator" for "desktop" and for
// "fan"). English synonyms ("lamp" and "light") are not read as
// translations.
bool TranslatesProductWord(std::string_view title_word, std::string_view name_word);

// TranslatesProductWord for the title word whole, not as a compound's
// part: "feuerzeug" for "lighter", not "feuerzeuggas" (lighter gas).
bool TranslatesWholeWord(std::string_view title_word, std::string_view name_word);

// Adds to *english the English words a title word of another language
// translates, itself or as a German compound (TranslatesProductWord):
// "tischventilator" adds "table" and "fan". A title's words read once this
// way answer MeansAnyOf for every name word of every notice it is judged
// against.
void AddEnglishOfForeignWord(std::string_view title_word, std::vector<std::string_view>* english);

// The English word a table row of kinds of product is known by, for
// another English word of that row ("pushchair" for "stroller", "lamp" for
// "light"); empty for a row's own word and for words of no row. Other
// languages' words lead to the row's word (AddEnglishOfForeignWord), so a
// notice's synonym keyed by it meets their titles.
std::string_view EnglishHeadOf(std::string_view english_word);

// Whether `name_word` (folded, any language) means one of `english`
// (AddEnglishOfForeignWord's).
bool MeansAnyOf(std::string_view name_word, const std::vector<std::string_view>& english);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_PRODUCT_WORDS_H_
