// BlockingKeys (recall_matcher.h): the keys under which a notice or a
// listing is indexed and looked up, so that a record meets only the records
// that share a brand, a code, a name or a GTIN with it.
#include "conform/recalls/recall_matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "conform/core/gtin.h"
#include "conform/core/text.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/gtin.h"
#include "conform/recalls/model_number.h"
#include "conform/recalls/text_similarity.h"
#include "product_words.h"
#include "text_words.h"
#include "vehicle_words.h"

namespace conform::recalls {

namespace {

// A key word without an English plural "s" ("xylophones", "earphones"),
// so that a notice's plural meets a listing's singular; both sides are keyed
// alike, so a word that only looks plural costs nothing.
std::string_view Singular(std::string_view w) {
  if (w.size() >= 5 && w.back() == 's' && w[w.size() - 2] != 's') w.remove_suffix(1);
  return w;
}

// The spellings a brand key written with one or two digits for letters
// stands for ("l1mar": "limar", "llmar"; "lionel0": "lionelo"), when it has
// three letters or more; else none.
std::vector<std::string> LetterSpellings(std::string_view key) {
  const auto letters = std::count_if(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const auto digits = std::count_if(key.begin(), key.end(), IsAsciiDigit);
  if (letters < 3 || digits == 0 || digits > 2 || !IsAsciiText(key)) return {};
  std::vector<std::string> out = {std::string(key)};
  for (size_t i = 0; i < key.size(); ++i) {
    std::string_view as;
    switch (key[i]) {
      case '0': as = "o"; break;
      case '1': as = "il"; break;
      case '3': as = "e"; break;
      case '4': as = "a"; break;
      case '5': as = "s"; break;
      case '7': as = "t"; break;
      case '8': as = "b"; break;
      default: continue;
    }
    std::vector<std::string> next;
    for (const std::string& o : out)
      for (const char c : as) {
        std::string v = o;
        v[i] = c;
        next.push_back(std::move(v));
      }
    out = std::move(next);
  }
  if (out.size() == 1 && out[0] == key) return {};
  return out;
}

// Codes of a text as written, without a region or finish suffix set off by
// a separator ("KE-1826-EU" and "ZNY-30MA129/B" give KE1826 and
// ZNY30MA129): the base model the suffix is added to. Without the
// separator ("RAW1916L") the letters may as well name another model, and
// the code stays as the scanner reads it.
std::vector<std::string> CodesWithoutSuffix(std::string_view text) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const auto alnum = [&](char c) { return IsAsciiDigit(c) || letter(c); };
  std::vector<std::string> out;
  for (size_t at = 0; at < text.size();) {
    // A token: letters, digits and the separators inside codes.
    size_t end = at;
    while (end < text.size() && (alnum(text[end]) || text[end] == '-' || text[end] == '/' || text[end] == '.')) ++end;
    if (end == at) {
      ++at;
      continue;
    }
    std::string_view token = text.substr(at, end - at);
    at = end;
    while (!token.empty() && !alnum(token.back())) token.remove_suffix(1);
    const size_t sep = token.find_last_of("-/");
    if (sep == std::string_view::npos || sep == 0) continue;
    const std::string_view suffix = token.substr(sep + 1);
    if (suffix.empty() || suffix.size() > 3 || !std::all_of(suffix.begin(), suffix.end(), letter)) continue;
    std::string base;
    bool digit = false, has_letter = false;
    for (char c : token.substr(0, sep)) {
      if (!alnum(c)) continue;
      digit = digit || IsAsciiDigit(c);
      has_letter = has_letter || letter(c);
      base += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    if (digit && has_letter && base.size() >= kMinCode) out.push_back(std::move(base));
  }
  return out;
}

// Codes written across adjacent words of a normalised text, joined, upper
// case, in one walk over the words:
// - with a space ("YCV 3023", "A6 414"): the first word of 1 to 3 ASCII
//   letters and digits starting with a letter, and not a code of its own
//   ("GU10 5W" is a lamp base and a power), the second of 3 to 8 starting
//   with a digit. Longer first words are mostly words ("hose 20 m"), and
//   shorter numbers mostly quantities;
// - a model named in several words ("TS-5 Plus", "HD-2200X Pro", "S24
//   Ultra"), which a model attribute gives joined ("TS5PLUS"): one or two
//   words that together mix letters and digits, then a word of 2 to 5
//   letters; each word of 1 to 6 ASCII letters and digits, 4 to 12
//   characters in all. A number before a word ("6 usb", "5 pin") is no
//   such code: a quantity of things.
// Most titles hold neither, and cost no allocation.
std::vector<std::string> CodesAcrossWords(std::string_view normalized) {
  const auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto alnum = [&](char c) { return IsAsciiDigit(c) || letter(c); };
  const auto all_alnum = [&](std::string_view w) { return std::all_of(w.begin(), w.end(), alnum); };
  const auto own_code = [](std::string_view w) { return w.size() >= kMinCode && std::any_of(w.begin(), w.end(), IsAsciiDigit); };
  const auto short_alnum = [&](std::string_view w) { return !w.empty() && w.size() <= 6 && all_alnum(w); };
  const auto variant_word = [&](std::string_view w) { return w.size() >= 2 && w.size() <= 5 && std::all_of(w.begin(), w.end(), letter); };
  const auto has_digit = [](std::string_view w) { return std::any_of(w.begin(), w.end(), IsAsciiDigit); };
  const auto has_letter = [&](std::string_view w) { return std::any_of(w.begin(), w.end(), letter); };
  // Words that join others, no part of a code: "40003 and 16154", "O157:H7
  // dans", "w/ 1956".
  const auto connective = [](std::string_view w) {
    static const std::unordered_set<std::string_view> kWords = {"and", "or", "of", "to", "for", "with", "from", "the", "und", "mit",
                                                                "et", "dans", "avec", "con", "para", "per", "pour", "fur", "in",
                                                                "on", "at", "by", "w", "de", "des", "der", "die", "das", "les"};
    return kWords.count(w) != 0;
  };
  const auto join = [](std::initializer_list<std::string_view> words) {
    std::string out;
    for (const std::string_view w : words)
      for (char c : w) out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return out;
  };
  std::vector<std::string> out;
  std::string_view before2, before1;  // the two words before the current one
  for (size_t at = 0; at < normalized.size();) {
    size_t end = normalized.find(' ', at);
    if (end == std::string_view::npos) end = normalized.size();
    const std::string_view word = normalized.substr(at, end - at);
    at = end + 1;
    // A code with a space.
    if (!before1.empty() && before1.size() <= 3 && !IsAsciiDigit(before1[0]) && !own_code(before1) && word.size() >= 3 && word.size() <= 8 &&
        IsAsciiDigit(word[0]) && all_alnum(before1) && all_alnum(word) && before1.size() + word.size() >= kMinCode && !connective(before1))
      out.push_back(join({before1, word}));
    // A code spaced out by the seller ("E 33 A" for E33A): letters, digits,
    // letters, each short.
    if (!before2.empty() && before2.size() <= 3 && std::all_of(before2.begin(), before2.end(), letter) && !connective(before2) &&
        !before1.empty() && before1.size() <= 4 && std::all_of(before1.begin(), before1.end(), IsAsciiDigit) && !word.empty() &&
        word.size() <= 2 && std::all_of(word.begin(), word.end(), letter) && !connective(word) &&
        before2.size() + before1.size() + word.size() >= kMinCode)
      out.push_back(join({before2, before1, word}));
    // A model named in several words.
    if (variant_word(word) && short_alnum(before1) && !connective(word)) {
      // One word before: it mixes letters and digits ("S24 Ultra").
      if (has_digit(before1) && has_letter(before1) && before1.size() + word.size() >= kMinCode && before1.size() + word.size() <= 12)
        out.push_back(join({before1, word}));
      // Two words before: together they do ("TS 5 Plus").
      const size_t size = before2.size() + before1.size() + word.size();
      if (short_alnum(before2) && (has_digit(before2) || has_digit(before1)) && (has_letter(before2) || has_letter(before1)) &&
          size >= kMinCode && size <= 12)
        out.push_back(join({before2, before1, word}));
    }
    before2 = before1;
    before1 = word;
  }
  return out;
}

}  // namespace

// The word after "by", "von", "marki", "marca", "marque", "marke" or
// "brand" in a collapsed title ("gliss kur shampoo von schwarzkopf",
// "fotelik marki kinderkraft"): the brand, as a seller without a brand
// field names it. Not a number or a word too short or too common to be
// one ("by the sea"); the first such word only.
std::string_view WordAfterBrandLabel(std::string_view collapsed_title) {
  thread_local std::vector<std::string_view> words;
  SplitWords(collapsed_title, &words);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w != "by" && w != "von" && w != "marki" && w != "marca" && w != "marque" && w != "marke" && w != "brand") continue;
    const std::string_view next = words[i + 1];
    if (!StopWord(next) && !IsArticle(next) && std::none_of(next.begin(), next.end(), IsAsciiDigit)) return next;
  }
  return {};
}

// The words after the first of a title in mixed case that are written in
// capitals, three to twelve ASCII letters and no digit ("HONDA" in
// "Robot tondeuse HONDA Miimo HRM3000", "KINDERKRAFT" in "Fotelik
// samochodowy KINDERKRAFT I-CARE"): a brand, as a seller without a brand
// field writes it, more often than anything else. Not in a title with
// more than twice as many words in capitals as in lower case, where every
// word would be; at most two.
std::vector<std::string_view> CapitalisedTitleWords(std::string_view title) {
  std::vector<std::string_view> words;
  const auto letter_or_digit = [](char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; };
  // Words with a lower-case letter against words in capitals (codes, with
  // digits, left out): a title mostly in capitals has no brand to tell.
  size_t lower_words = 0, capital_words = 0;
  for (size_t at = 0; at < title.size();) {
    if (!letter_or_digit(title[at])) {
      ++at;
      continue;
    }
    size_t end = at;
    bool lower = false, upper = false, digit = false;
    for (; end < title.size() && letter_or_digit(title[end]); ++end) {
      lower = lower || (title[end] >= 'a' && title[end] <= 'z');
      upper = upper || (title[end] >= 'A' && title[end] <= 'Z');
      digit = digit || IsAsciiDigit(title[end]);
    }
    lower_words += lower;
    capital_words += upper && !lower && !digit;
    at = end;
  }
  if (capital_words == 0 || 2 * lower_words < capital_words) return words;
  bool first = true;
  for (size_t at = 0; at < title.size() && words.size() < 2;) {
    if (!letter_or_digit(title[at])) {
      ++at;
      continue;
    }
    size_t end = at;
    while (end < title.size() && letter_or_digit(title[end])) ++end;
    const std::string_view w = title.substr(at, end - at);
    const bool capitals = w.size() >= 3 && w.size() <= 12 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (capitals && !first) words.push_back(w);
    first = false;
    at = end;
  }
  return words;
}

namespace {

// "<tag><a>|<b>" and "<tag><a>", the forms of the blocking keys, built
// without a format string: a listing has some fifty.
std::string TwoPartKey(std::string_view tag, std::string_view a, std::string_view b) {
  std::string key;
  key.reserve(tag.size() + a.size() + 1 + b.size());
  key.append(tag).append(a).append(1, '|').append(b);
  return key;
}

std::string OnePartKey(std::string_view tag, std::string_view a) {
  std::string key;
  key.reserve(tag.size() + a.size());
  key.append(tag).append(a);
  return key;
}

}  // namespace

std::vector<std::string> BlockingKeys(const MatchRecord& record, const PreparedRecord& p, const BrandAliases* aliases) {
  std::vector<std::string> keys;
  for (const auto* gtins : {&record.gtins, &record.gtins_in_title, &record.gtins_in_description})
    for (const auto& g : *gtins) {
      keys.push_back("g:" + g);
      // A case's GTIN-14 meets its unit's (UnitGtinOfCase).
      if (std::string unit = UnitGtinOfCase(g); !unit.empty()) keys.push_back("g:" + unit);
    }
  for (const auto* asins : {&record.asins, &record.asins_in_description, &record.asins_in_title})
    for (const auto& a : *asins) keys.push_back("a:" + a);
  for (const auto* referenced : {&record.referenced_in_title, &record.referenced_ids})
    for (const auto& id : *referenced) keys.push_back((AsinOf(id).empty() ? "g:" : "a:") + id);
  for (const auto& c : p.codes) {
    if (c.normalized.size() >= kMinCode) keys.push_back("c:" + c.normalized);
    if (!c.stem.empty()) keys.push_back("s:" + c.stem);
  }
  // A code written across words ("YCV 3023", "TS-5 Plus"). The scanner
  // does not join words, but the rules find the code across the space.
  for (const auto& joined : CodesAcrossWords(p.title)) keys.push_back("c:" + joined);
  for (const std::string_view text : {record.record.Get("title"), record.record.Get("model")})
    for (const auto& base : CodesWithoutSuffix(text)) keys.push_back("c:" + base);
  // The other models a record lists ("PB-2000, PB-2000S"), each a code.
  for (const auto& other : p.other_models)
    if (other.size() >= kMinCode) keys.push_back("c:" + other);
  // A code of three parts or more joined by hyphens ("BCD-215V-62H"),
  // whole: the scanner may end it before a part that reads as a quantity
  // ("62H", hours).
  const std::string_view raw_title = record.record.Get("title");
  for (size_t at = 0; at < raw_title.size();) {
    const size_t end = std::min(raw_title.find(' ', at), raw_title.size());
    const std::string_view token = raw_title.substr(at, end - at);
    at = end + 1;
    if (std::count(token.begin(), token.end(), '-') < 2 || token.size() > 32) continue;
    // Parts of letters and digits of eight at most: "2-in-1-Ladekabel" is words.
    bool parts = true;
    for (size_t from = 0; from <= token.size() && parts;) {
      const size_t to = std::min(token.find('-', from), token.size());
      parts = to > from && to - from <= 8 && std::all_of(token.begin() + from, token.begin() + to, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
      from = to + 1;
    }
    const std::string code = parts ? CompactAlnum(token) : std::string();
    const bool letters = std::any_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (code.size() >= 6 && letters && std::any_of(code.begin(), code.end(), IsAsciiDigit)) keys.push_back("c:" + code);
  }
  // Brand with each distinctive title word, in the singular (regulators
  // name products in the plural, "hair dryers", sellers in the singular).
  // A listing without a brand attribute often starts its title with it.
  std::vector<std::string> brands = CanonicalBrands(record, aliases);
  const bool brand_given = !brands.empty();
  // A notice without a brand (Health Canada's open data names none) is met
  // by a listing under its maker's brand whose title opens with that brand
  // and then the notice's name ("Thermos Stainless King Food Jar" for
  // "Stainless King Food Jar"): "n:" keys, the name's first word with each
  // other word of the title, which only such notices and listings hold
  // (kMaxNameBlock).
  const auto name_keys = [&](std::string_view first, const auto& words) {
    size_t n = 0;
    for (const std::string_view w : words) {
      if (w == first || StopWord(w) || n >= 12) continue;
      ++n;
      keys.push_back(TwoPartKey("n:", first, Singular(w)));
    }
  };
  if (record.is_notice && brands.empty() && !p.first_word.empty()) name_keys(p.first_word, p.title_words);
  if (!record.is_notice && !brands.empty()) {
    const std::vector<std::string_view> title = Words(p.title);
    for (const std::string& b : brands) {
      const std::vector<std::string_view> own = Words(b);
      if (own.empty() || title.size() <= own.size() + 1 || !std::equal(own.begin(), own.end(), title.begin())) continue;
      size_t at = own.size();
      while (at < title.size() && StopWord(title[at])) ++at;
      if (at + 1 < title.size()) name_keys(title[at], std::span<const std::string_view>(title).subspan(at + 1));
      break;
    }
  }
  if (brands.empty()) {
    if (!p.first_word.empty()) brands.push_back(aliases != nullptr ? aliases->Canonical(p.first_word) : p.first_word);
    // A title opening with a count ("3 in 1 Combined Smoke ... Alarm", "2
    // Pack Slime"): keyed by its first word after it too.
    if (!record.is_notice && !p.first_word.empty() && std::all_of(p.first_word.begin(), p.first_word.end(), IsAsciiDigit)) {
      static const std::unordered_set<std::string_view> kCounting = {"in", "x", "pack", "pcs", "pc", "piece", "pieces", "set", "of", "pk"};
      for (const std::string_view w : Words(p.title)) {
        if (std::all_of(w.begin(), w.end(), IsAsciiDigit) || kCounting.count(w) != 0) continue;
        std::string key = aliases != nullptr ? aliases->Canonical(w) : std::string(w);
        if (std::find(brands.begin(), brands.end(), key) == brands.end()) brands.push_back(std::move(key));
        break;
      }
    }
    // Or writes it in capitals further on ("Robot tondeuse HONDA Miimo"),
    // or after "by", "von", "marki" ("Gliss shampoo von Schwarzkopf"), in
    // the title or, capitalised, in the description: a listing's; a notice names its brand in its brand field or firms,
    // and two records without a brand sharing a word in capitals ("LED")
    // share no maker.
    std::vector<std::string_view> named;
    if (!record.is_notice) {
      named = CapitalisedTitleWords(record.record.Get("title"));
      // A title opening in Chinese, Japanese or Korean writes the brand
      // there and in Latin letters after it ("マキシコシ Maxi-Cosi AVA"):
      // its first word in Latin letters too.
      if (static_cast<unsigned char>(p.first_word.empty() ? 0 : p.first_word[0]) >= 0xE3) {
        for (const std::string_view w : Words(p.title)) {
          const bool latin = w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
          if (!latin || StopWord(w)) continue;
          named.push_back(w);
          break;
        }
      }
      if (const std::string_view after = WordAfterBrandLabel(p.title); !after.empty()) named.push_back(after);
      for (const std::string& maker : record.makers_in_prose) named.push_back(maker);
    }
    for (const auto& word : named) {
      std::string key = aliases != nullptr ? aliases->Canonical(word) : BrandKey(word);
      if (!key.empty() && std::find(brands.begin(), brands.end(), key) == brands.end()) brands.push_back(std::move(key));
    }
  }
  // A listing's brand written with digits for letters ("L1MAR", "Lionel0"):
  // keyed by the spellings it stands for, which the rules take as the brand
  // (BrandWrittenWithLookAlikes).
  if (!record.is_notice)
    for (size_t i = 0, n = brands.size(); i < n; ++i)
      for (std::string& spelled : LetterSpellings(brands[i]))
        if (std::find(brands.begin(), brands.end(), spelled) == brands.end()) brands.push_back(std::move(spelled));
  // A notice's recalling firms: a listing's brand field may name the firm
  // and its title the notice's brand ("Nordi Foldable Toddler Tower" from
  // "HARPPA"), which the rules take as the brands agreeing.
  if (record.is_notice)
    for (const std::string& firm : record.companies) {
      std::string key = aliases != nullptr ? aliases->Canonical(firm) : firm;
      if (!key.empty() && std::find(brands.begin(), brands.end(), key) == brands.end()) brands.push_back(std::move(key));
    }
  // A brand anywhere in the title of a listing without a brand field
  // ("Casque vélo Limar Torino", "baby lounger Cpzzkq", "dresser (enhomee)"):
  // "t:" keys, each later title word's for such a listing, the brand's (its
  // first word) and the firms' for a notice; the rules then find the brand
  // in the listing's text. Held by few records (kMaxNameBlock): a brand
  // that is a common word meets too many titles to key.
  // Not a vehicle's maker: accessory titles name the car they fit anywhere
  // ("kit including 1999-up Jeep Grand Cherokee").
  if (record.is_notice && !NamesAVehicle(p)) {
    for (const std::string& b : brands) {
      const std::string_view first = std::string_view(b).substr(0, b.find(' '));
      if (first.size() >= 4 && !StopWord(first)) {
        keys.push_back(OnePartKey("t:", first));
      } else {
        // A first word too short to key ("I Love Wellness"): its longest
        // other word of five letters or more.
        std::string_view longest;
        for (size_t at = first.size() + 1; at < b.size();) {
          const size_t end = std::min(b.find(' ', at), b.size());
          const std::string_view w = std::string_view(b).substr(at, end - at);
          if (w.size() >= 5 && w.size() > longest.size() && !StopWord(w)) longest = w;
          at = end + 1;
        }
        if (!longest.empty()) keys.push_back(OnePartKey("t:", longest));
      }
      // And its words written together ("MaxiCosi" for "Maxi Cosi").
      if (const std::string together = Without(b, ' '); first.size() < b.size() && together.size() >= 6)
        keys.push_back(OnePartKey("t:", together));
    }
  } else if (!record.is_notice && !brand_given) {
    size_t n = 0;
    for (const std::string_view w : p.title_words) {
      if (w == p.first_word || w.size() < 4 || StopWord(w) || std::all_of(w.begin(), w.end(), IsAsciiDigit) || n >= 12) continue;
      ++n;
      keys.push_back(OnePartKey("t:", aliases != nullptr ? aliases->Canonical(w) : std::string(w)));
    }
  }
  // A word of two parts hyphenated in the title ("Anti-Age"), keyed
  // written together too, as another record writes it ("AntiAge").
  std::vector<std::string> hyphenated;
  for (size_t at = 0; at < raw_title.size();) {
    const size_t end = std::min(raw_title.find(' ', at), raw_title.size());
    const std::string_view token = raw_title.substr(at, end - at);
    at = end + 1;
    // A vehicle's model of two letters ("Lexus NX", "McLaren GT"), which a
    // vehicle alert keys; in a listing's title, written in capitals.
    if (!record.is_notice && token.size() == 2 && std::isupper(static_cast<unsigned char>(token[0])) &&
        std::isupper(static_cast<unsigned char>(token[1]))) {
      hyphenated.push_back(AsciiLower(std::string(token)));
      continue;
    }
    // A vehicle's model of letters and a number parted by a full stop
    // ("ID.7"), keyed as its alert's is (FromNotice's name_joined).
    if (!record.is_notice)
      if (std::string dotted = DottedModelJoined(token); !dotted.empty()) {
        hyphenated.push_back(std::move(dotted));
        continue;
      }
    const size_t hyphen = token.find('-');
    if (hyphen == std::string_view::npos || token.find('-', hyphen + 1) != std::string_view::npos) continue;
    const std::string_view left = token.substr(0, hyphen), right = token.substr(hyphen + 1);
    const auto letters = [](std::string_view w) {
      return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
    };
    // And a vehicle's model of short parts, which a vehicle alert keys so
    // ("CR-V", "C-HR", "H-1"): letters and digits, a letter among them.
    const auto alnum = [](std::string_view w) {
      return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
    };
    const std::string joined = AsciiLower(std::string(left) + std::string(right));
    if (letters(left) && letters(right)) {
      hyphenated.push_back(joined);
    } else if (alnum(left) && alnum(right) && (left.size() <= 2 || right.size() <= 2) && joined.size() <= 4 && !StopWord(joined) &&
               std::any_of(joined.begin(), joined.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      hyphenated.push_back(joined);
    }
  }
  // A numbered model line a title names ("A 200", "320d"), as a vehicle
  // alert naming that line keys it (MatchRecord::name_lines).
  if (!record.is_notice) {
    thread_local std::vector<std::string_view> in_order;
    SplitWords(p.title, &in_order);
    for (std::string& line : NumberedModelLines(in_order)) hyphenated.push_back(std::move(line));
  }
  const bool vehicle_notice = record.is_notice && NamesAVehicle(p);
  for (const auto& b : brands) {
    // The words of the brand's own name: every title of the brand has them.
    const std::vector<std::string_view> own = Words(b);
    // A brand of several words is keyed by its first word too: a record
    // without a brand attribute knows only its title's first word
    // ("Petit Collage xylophone" against the brand "Petit Collage").
    // And by its words written together, as another seller writes them
    // ("Kikka boo" and "Kikkaboo", "Head Rush" and "Headrush").
    std::vector<std::string_view> names = {b};
    std::string together;
    if (own.size() > 1) {
      names.push_back(own.front());
      for (const std::string_view w : own) together += w;
      names.push_back(together);
    }
    // The English of the title's words sellers translate ("ventilatore" is
    // "fan", "tauchlampe" "dive" and "lamp"): keyed too, so that
    // "Ventilatore da scrivania" of the brand meets the notice of its
    // "Desktop USB fan" (AddEnglishOfForeignWord).
    thread_local std::vector<std::string_view> english;
    english.clear();
    for (const std::string_view name : names) {
      size_t words = 0;
      for (const std::string_view w : p.title_words) {
        if (StopWord(w) || std::find(own.begin(), own.end(), w) != own.end() || words >= 12) continue;
        ++words;
        keys.push_back(TwoPartKey("b:", name, Singular(w)));
        if (name.data() == b.data()) AddEnglishOfForeignWord(w, &english);
        // The kind of a notice that names nothing else, by the word its
        // row of the table is known by, which listings in other languages
        // key ("stroller" and "Kinderwagen" by "pushchair").
        if (record.names_only_brand_and_kind)
          if (const std::string_view head = EnglishHeadOf(w); !head.empty()) keys.push_back(TwoPartKey("b:", name, head));
      }
      for (const std::string_view e : english) keys.push_back(TwoPartKey("b:", name, e));
      for (const std::string& w : hyphenated) keys.push_back(TwoPartKey("b:", name, Singular(w)));
      // A notice's product name given as its description: the titles of
      // listings selling it have its words ("IKEA VARMFRONT powerbank").
      // Not its short numbers ("2-in-1"), kept in the name for the rules:
      // no listing keys a word that short.
      for (const auto& words : record.name_words) {
        for (const std::string& w : words)
          if (!StopWord(w) || (vehicle_notice && words.size() == 1 && w.size() == 2 && std::isalpha(static_cast<unsigned char>(w[1])) != 0))
            keys.push_back(TwoPartKey("b:", name, Singular(w)));
        // And written as one word, as sellers write "SPIDER-MAN": "Spiderman".
        if (words.size() == 2 || words.size() == 3) {
          std::string joined;
          for (const std::string& w : words) joined += w;
          if (joined.size() >= 6) keys.push_back(TwoPartKey("b:", name, Singular(joined)));
        }
      }
      // And its hyphenated words written together ("ICARE" of "I-CARE").
      for (const std::string& w : record.name_joined) keys.push_back(TwoPartKey("b:", name, Singular(w)));
      for (const std::string& line : record.name_lines)
        if (!line.empty()) keys.push_back(TwoPartKey("b:", name, Singular(line)));
      if (vehicle_notice)
        for (const auto& words : record.name_words)
          if (words.size() == 1 && words[0].size() == 1 && words[0][0] >= '1' && words[0][0] <= '8')
            keys.push_back(TwoPartKey("b:", name, Singular(words[0] + "series")));
    }
  }
  // A notice without a brand whose product name holds one where a listing
  // puts it first ("New Horse Riding Helmet 100 Fouganza", sold as
  // "Fouganza 100 Horse Riding Helmet"): the last word of its name stands
  // in for the brand (the first already does), with each other word. Not
  // every word: listings without a brand open with the kind of product
  // ("Smart plug ..."), which would meet every such notice.
  if (record.is_notice && NamesNoBrand(record.brands))
    for (const auto& words : record.product_name_words) {
      // A name the notice's title does not open with (a Safety Gate
      // description's): its first word is a listing's without a brand that
      // opens with the name ("LED Crystal Magic Ball Light Discokugel"),
      // and its words may stand anywhere in the title of one that does not
      // ("Lampki choinkowe 140L LED DECORATION LIGHTS"): "t:" keys, held by
      // few records (kMaxNameBlock).
      if (words.front() != p.first_word) {
        const std::string& first = words.front();
        if (first.size() >= 3 && !StopWord(first)) {
          const std::string brand = aliases != nullptr ? aliases->Canonical(first) : first;
          for (const std::string& y : words)
            if (y != first && !StopWord(y)) keys.push_back(TwoPartKey("b:", brand, Singular(y)));
        }
        for (const std::string& y : words)
          if (y.size() >= 4 && !StopWord(y) && std::none_of(y.begin(), y.end(), IsAsciiDigit)) keys.push_back(OnePartKey("t:", aliases != nullptr ? aliases->Canonical(y) : y));
      }
      const std::string& last = words.back();
      if (last.size() < 4 || std::any_of(last.begin(), last.end(), IsAsciiDigit)) continue;
      const std::string brand = aliases != nullptr ? aliases->Canonical(last) : last;
      for (const std::string& y : words)
        if (y != last && !StopWord(y)) keys.push_back(TwoPartKey("b:", brand, Singular(y)));
    }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace conform::recalls
