#include "conform/recalls/recall_matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <span>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "conform/core/gtin.h"
#include "conform/core/text.h"
#include "conform/core/threads.h"
#include "conform/core/word_breaks.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/gtin.h"
#include "conform/recalls/product_kind.h"
#include "conform/recalls/text_similarity.h"
#include "code_in_text.h"
#include "product_words.h"
#include "text_words.h"
#include "vehicle_words.h"
#include "made_for.h"
#include "vehicle_dates.h"

namespace conform::recalls {

namespace {

// Asks for the cache line holding `p`, without waiting for it. Written out
// for x86: GCC 12 left none of Judge's __builtin_prefetch calls in its code.
inline void Prefetch(const void* p) {
#if defined(__x86_64__) || defined(__i386__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
  __builtin_prefetch(p);
#endif
}

// The canonical brand of the alias table whose two spellings open a
// collapsed title ("品胜 pisen ..." -> "pisen"), or empty.
std::string BrandInTwoSpellingsFirst(std::string_view title, const BrandAliases& aliases) {
  const size_t first_end = title.find(' ');
  if (first_end == std::string_view::npos) return "";
  const size_t second_end = std::min(title.find(' ', first_end + 1), title.size());
  const std::string_view first = title.substr(0, first_end), second = title.substr(first_end + 1, second_end - first_end - 1);
  // Two spellings in one script are one name written twice; most titles
  // are in one script, and read no further.
  if (IsAsciiText(first) == IsAsciiText(second)) return "";
  if (!aliases.Holds(first) || !aliases.Holds(second) || BrandKey(first) == BrandKey(second)) return "";
  std::string brand = aliases.Canonical(first);
  return brand == aliases.Canonical(second) ? brand : "";
}

// HasWord, or `word` (in Latin letters) standing in `text` with Chinese,
// Japanese or Korean characters run into it on one side or both
// ("flaunt磁吸移动电源e33a", "充电宝flaunt"): such titles write no space
// between scripts. One pass.
bool WordOrBesideCjk(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  const auto cjk_lead = [](char c) { return static_cast<unsigned char>(c) >= 0xE3 && static_cast<unsigned char>(c) <= 0xED; };
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    if (at > 0 && text[at - 1] != ' ') {
      size_t lead = at - 1;
      while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
      if (!cjk_lead(text[lead]) || lead + 3 != at) continue;
    }
    if (end == text.size() || text[end] == ' ' || cjk_lead(text[end])) return true;
  }
  return false;
}

// Whether the character before byte `at` of UTF-8 `text` is Hangul (a
// syllable or a jamo).
bool HangulBefore(std::string_view text, size_t at) {
  if (at == 0) return false;
  size_t i = at - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  const int32_t cp = NextCodepoint(text, &i);
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F);
}

// The places of a name in text: as whole words, bounded by spaces or the
// text's ends; in Chinese and Japanese, written without spaces, where the
// dictionary's word boundaries fall at both its ends ("美的" in "美的电饭煲",
// not in "精美的吹风机"); in Korean where a word begins, whatever follows,
// since Korean runs its words into their particles and compounds ("삼성의",
// "삼성전자"), but a name that ends another word is not it ("레고" in
// "올레고"). `each(at)` is told each place, and says whether to look on;
// the result is whether there was one.
template <typename Each>
bool EachNameInText(std::string_view text, std::string_view name, const Each& each) {
  if (name.empty()) return false;
  const bool by_dictionary = HasHanOrKana(name);
  const bool korean = !by_dictionary && std::any_of(name.begin(), name.end(), IsCjkLeadByte);
  bool found = false;
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + name.size())) {
    const bool whole = by_dictionary ? IsWholeWords(text, at, name.size())
                       : korean      ? !HangulBefore(text, at)
                                     : (at == 0 || text[at - 1] == ' ') && (at + name.size() == text.size() || text[at + name.size()] == ' ');
    if (!whole) continue;
    found = true;
    if (!each(at)) break;
  }
  return found;
}

bool NameInText(std::string_view text, std::string_view name) {
  return EachNameInText(text, name, [](size_t) { return false; });
}

// A name in a record's text (NameInText). Inside the record's own brand,
// only where that brand may begin, at its start or after the place a
// Chinese company's name opens with: "安克" opens "安克官方旗舰店" and
// "广东安克...".
bool ContainsName(const PreparedRecord& p, std::string_view name) {
  if (name.empty()) return false;
  if (IsAsciiText(name)) return WordOrBesideCjk(p.all_text, name);
  // Most texts hold the name nowhere, or not in the brand field: one look.
  if (p.all_text.find(name) == std::string::npos) return false;
  if (p.brand.find(name) == std::string::npos) return NameInText(p.all_text, name);
  size_t in_text = 0, inside_brand = 0;
  EachNameInText(p.all_text, name, [&](size_t) {
    ++in_text;
    return true;
  });
  const size_t place = ChinesePlaceLength(p.brand);
  EachNameInText(p.brand, name, [&](size_t at) {
    inside_brand += at != 0 && at != place;
    return true;
  });
  return in_text > inside_brand;
}

// Whether a record's text names `name` as the maker of what it sells, not
// as another's: a place of the name (ContainsName) whose words around do
// not compare ("like X", "similar to X", "X alternative", "X style", "not
// X", "better than X"). What the goods fit ("for X") is named so too: the
// rules read "made for" from it (MadeFor). Names outside ASCII are taken
// as ContainsName finds them.
bool NamesAsItsMaker(const PreparedRecord& p, std::string_view name) {
  if (!ContainsName(p, name)) return false;
  const std::string_view text = p.all_text;
  // Chinese "仿明基" (imitating BenQ) and "明基同款" (the same style as
  // BenQ's), also of a Latin name ("BenQ同款"): another maker's goods.
  if (text.find("同款") != std::string_view::npos || text.find("仿") != std::string_view::npos) {
    bool any = false, all_compared = true;
    for (size_t at = text.find(name); at != std::string_view::npos && all_compared; at = text.find(name, at + 1)) {
      any = true;
      std::string_view before = text.substr(0, at), after = text.substr(at + name.size());
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
      all_compared = before.ends_with("仿") || after.starts_with("同款");
    }
    if (any && all_compared) return false;
  }
  if (!IsAsciiText(name)) return true;
  // The nth word before byte `at` (0: the one right before), or empty.
  const auto word_before = [&](size_t at, size_t nth) {
    std::string_view before = text.substr(0, at);
    for (size_t k = 0;; ++k) {
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      const size_t space = before.rfind(' ');
      const std::string_view w = space == std::string_view::npos ? before : before.substr(space + 1);
      if (k == nth || w.empty()) return w;
      before = before.substr(0, space == std::string_view::npos ? 0 : space);
    }
  };
  static const std::unordered_set<std::string_view> kBefore = {"like", "not", "vs", "versus", "than", "unlike", "non", "wie", "comme",
                                                               "como", "come"};
  static const std::unordered_set<std::string_view> kToAfter = {"similar", "compare", "compared", "alternative", "comparable",
                                                                "equivalent", "identical"};
  static const std::unordered_set<std::string_view> kAfter = {"alternative", "style", "dupe", "look", "inspired", "lookalike",
                                                              "replica", "knockoff", "type"};
  bool found = false;
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    const size_t end = at + name.size();
    if ((at > 0 && text[at - 1] != ' ') || (end < text.size() && text[end] != ' ')) continue;
    found = true;
    const std::string_view one = word_before(at, 0), two = word_before(at, 1);
    const bool compared = kBefore.count(one) != 0 || (one == "to" && kToAfter.count(two) != 0) || (one == "of" && two == "instead");
    const size_t next_end = std::min(text.find(' ', end + 1), text.size());
    const std::string_view after = end < text.size() ? text.substr(end + 1, next_end - end - 1) : std::string_view();
    if (!compared && kAfter.count(after) == 0) return true;
  }
  // Every place compares; or the name stands beside Chinese, Japanese or
  // Korean writing (ContainsName), where no spaces part the words.
  return !found;
}

// Whether one brand key is the other's first words ("mua" and "mua makeup
// academy professional"): the short form sellers write of the long name,
// or a brand that merely begins like another. Neither agreement nor a
// conflict.
bool BrandStartsTheOther(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  // The long name of three words or more: "Star" and "Star Light" are two.
  return a.size() >= 3 && b.size() > a.size() && b.starts_with(a) && b[a.size()] == ' ' &&
         std::count(b.begin(), b.end(), ' ') >= 2;
}

// Whether one brand key is the other's first words, two or more ("mua
// makeup academy" of "mua makeup academy professional"), or the other's
// first word written apart ("dolci sguardi" of "dolcisguardi profumi"):
// the same maker's name, shortened or spaced as sellers write it.
bool BrandIsTheOthersFirstWords(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  const auto spaces = std::count(a.begin(), a.end(), ' ');
  if (spaces >= 1 && b.size() > a.size() && b.starts_with(a) && b[a.size()] == ' ') return true;
  const std::string joined = Without(a, ' ');
  const std::string_view first = b.substr(0, b.find(' '));
  return spaces >= 1 && joined.size() >= 6 && first.size() < b.size() && first == joined;
}

// Whether a listing's brand field is the first word of a notice's brand of
// three words or more, and its title has the others: a brand field "MOB"
// and "Projecteur Galaxy Light MOB" against the brand "MOB Galaxy Light",
// which holds the product's name after the maker's. (Two words are too
// often a maker's first name and a line: "Flying" is no brand field.)
bool BrandFieldAndTitleHoldTheBrand(std::string_view listing_brand, std::string_view notice_brand, std::string_view listing_title) {
  if (listing_brand.size() < 2 || listing_brand.find(' ') != std::string_view::npos || !notice_brand.starts_with(listing_brand) ||
      notice_brand.size() <= listing_brand.size() || notice_brand[listing_brand.size()] != ' ')
    return false;
  const std::vector<std::string_view> rest = Words(notice_brand.substr(listing_brand.size() + 1));
  return rest.size() >= 2 && std::all_of(rest.begin(), rest.end(), [&](std::string_view w) { return HasWord(listing_title, w); });
}

// Whether one brand key is in Latin letters only and the other has none
// ("benq" and "明基", a name the alias table does not hold): the same
// brand as often as another, so neither agreement nor a conflict.
bool WrittenInOtherScripts(std::string_view a, std::string_view b) {
  const auto no_latin = [](std::string_view s) {
    return std::none_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  };
  return (IsAsciiText(a) && no_latin(b)) || (IsAsciiText(b) && no_latin(a));
}

// Whether no spelling of a brand (the alias table's) is written as `other`
// is: none can be compared with it ("anker" is also "安克", which "西安克瑞"
// is not).
bool NoSpellingInTheOthersScript(const std::vector<std::string>& spellings, std::string_view other) {
  return std::all_of(spellings.begin(), spellings.end(), [other](const std::string& s) { return WrittenInOtherScripts(s, other); });
}

// Whether two brand keys of 6 ASCII characters or more differ by one letter
// added, dropped, changed or two swapped ("bipoint" and "bigpoint"): a
// regulator's or a seller's misspelling as often as another firm. Neither
// agreement nor a conflict.
bool BrandsSpelledAlike(std::string_view a, std::string_view b) {
  if (a.size() < 6 || b.size() < 6 || a == b || (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > 1 || !IsAsciiText(a) ||
      !IsAsciiText(b))
    return false;
  if (a.size() == b.size()) {
    size_t first = 0;
    while (a[first] == b[first]) ++first;
    if (first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first] &&
        a.substr(first + 2) == b.substr(first + 2))
      return true;
  }
  return EditDistance(a, b) == 1;
}

// Whether two brand keys of 4 ASCII characters or more read alike, written
// with digits for the letters they look like or a capital I for an l
// ("br00kstone" and "brookstone", "b3nq" and "benq", "gaianz" and
// "galanz"): a seller hiding the brand from searches, who still shows it
// to buyers. The same brand.
bool BrandWrittenWithLookAlikes(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.size() < 4 || a == b || !IsAsciiText(a) || !IsAsciiText(b)) return false;
  const auto fold = [](char c) {
    switch (c) {
      case '0': return 'o';
      case '1': case 'l': return 'i';
      case '3': return 'e';
      case '4': return 'a';
      case '5': return 's';
      case '7': return 't';
      case '8': return 'b';
      default: return c;
    }
  };
  bool letters = false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
    letters = letters || (a[i] >= 'a' && a[i] <= 'z' && a[i] != 'l') || (b[i] >= 'a' && b[i] <= 'z' && b[i] != 'l');
  }
  return letters;
}

// Whether a listing's compacted model code is the notice's, of 4
// characters or more, with the letter O written for a zero or I or L for a
// one ("HANSOOO2" for HANS0002, "UMCDBO1" for UMCDB01): a seller's slip,
// and a way to hide a code from searches. Near, not the same: a review.
// Only digits written as letters, and not the last character alone, where
// makers put the letters that tell variants apart ("NS188I" and NS1881).
bool CodeWrittenWithLookAlikes(std::string_view notice_code, std::string_view listing_code) {
  if (notice_code.size() != listing_code.size() || notice_code.size() < 4) return false;
  size_t differing = 0;
  bool last = false;
  for (size_t i = 0; i < notice_code.size(); ++i) {
    const char n = notice_code[i];
    const char l = listing_code[i];
    if (n == l) continue;
    if (!((n == '0' && l == 'O') || (n == '1' && (l == 'I' || l == 'L')))) return false;
    ++differing;
    last = i + 1 == notice_code.size();
  }
  return differing >= 2 || (differing == 1 && !last);
}

// Every spelling (as BrandKey) of every canonical brand of a record.
std::vector<std::string> AllSpellings(const std::vector<std::string>& canonical, const BrandAliases* aliases) {
  std::vector<std::string> out;
  for (const auto& c : canonical) {
    if (aliases == nullptr) {
      out.push_back(c);
      continue;
    }
    for (auto& s : aliases->Spellings(c)) out.push_back(std::move(s));
  }
  // Not a company name's brand without its company words: that is a word
  // such as "digital" or "global" as often as a brand, and found in any
  // title. The alias table's brands are found so (BrandAliases::Canonical).
  return out;
}

// The model-variant words after `code` where `normalized` writes the code
// whole, when every such place has one ("hd 2200x pro max ..."): the span
// from the code to the last of them, folded ("hd 2200x pro max"). Empty when
// the code is written plain anywhere, or not at all.
std::string_view VariantAfterCode(std::string_view code, std::string_view normalized, const WordList& numbers) {
  std::string_view first;
  bool every = true;
  const auto word_at = [&](size_t at) {
    while (at < normalized.size() && normalized[at] == ' ') ++at;
    return normalized.substr(at, std::min(normalized.find(' ', at), normalized.size()) - at);
  };
  CodeInText(code, normalized, numbers, [&](size_t end) {
    std::string_view word = word_at(end);
    if (!IsModelVariantWordInText(word)) {
      every = false;
      return false;
    }
    if (first.empty()) {
      // "pro max": every variant word that follows.
      size_t last = static_cast<size_t>(word.data() + word.size() - normalized.data());
      for (std::string_view more = word_at(last); !more.empty() && IsModelVariantWordInText(more); more = word_at(last))
        last = static_cast<size_t>(more.data() + more.size() - normalized.data());
      const size_t begin = CodeStart(normalized, end, code.size());
      first = normalized.substr(begin, last - begin);
    }
    return true;
  });
  return every ? first : std::string_view();
}

// A code with its variant words as VariantAfterCode finds it, compact, the
// words in English ("hd 2200x 프로" is "HD2200XPRO").
std::string CompactVariant(std::string_view span) {
  std::string out;
  for (size_t at = 0; at < span.size();) {
    const size_t end = std::min(span.find(' ', at), span.size());
    const std::string_view word = span.substr(at, end - at);
    const std::string_view english = ModelVariantWordInEnglish(word);
    out += english.empty() ? CompactAlnum(word) : std::string(english);
    at = end + 1;
  }
  return out;
}

// A value's clauses, as a seller sets them apart ("HD-2200X, Pro styling
// set", "HD-2200X | Max 2000 W", "HD-2200X (diffuser included)"), so that no
// word of the next clause is read as the end of a code's name; brackets
// holding only variant words are part of the name ("HD-2200X (Pro)"). A
// "+" ending a word is the word "plus" ("S20+", "Pro+"); not one joining
// two ("HD-2200X+Diffuser", a set).
std::vector<std::string> Clauses(std::string_view folded) {
  const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  // Whether the bracket opening at `at` holds variant words only.
  const auto holds_variant_words = [&](size_t at, std::string_view close) {
    const size_t end = folded.find(close, at);
    if (end == std::string_view::npos) return false;
    const std::string inside = CollapseToWords(folded.substr(at, end - at));
    if (inside.empty()) return false;
    for (size_t w = 0; w < inside.size();) {
      const size_t space = std::min(inside.find(' ', w), inside.size());
      if (!IsModelVariantWordInText(std::string_view(inside).substr(w, space - w))) return false;
      w = space + 1;
    }
    return true;
  };
  std::vector<std::string> out(1);
  bool in_variant_bracket = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    const std::string_view rest = folded.substr(i);
    std::string_view mark;
    for (const std::string_view m : {"，", "；", "。", "、", "（", "）", "【", "】", "｜"})
      if (rest.starts_with(m)) mark = m;
    const bool opens = c == '(' || c == '[' || mark == "（" || mark == "【";
    const bool closes = c == ')' || c == ']' || mark == "）" || mark == "】";
    const size_t width = mark.empty() ? 1 : mark.size();
    if (opens && holds_variant_words(i + width, c == '(' ? ")" : c == '[' ? "]" : mark == "（" ? "）" : "】")) {
      in_variant_bracket = true;
      out.back() += ' ';
    } else if (closes && in_variant_bracket) {
      in_variant_bracket = false;
      out.back() += ' ';
    } else if (c == ',' || c == ';' || c == '|' || opens || closes || (c == '.' && (i + 1 == folded.size() || folded[i + 1] == ' ')) ||
               !mark.empty()) {
      if (!out.back().empty()) out.emplace_back();
    } else if (c == '+' && i > 0 && alnum(folded[i - 1]) && (i + 1 == folded.size() || !alnum(folded[i + 1]))) {
      out.back() += " plus ";
    } else {
      out.back() += c;
      continue;
    }
    i += width - 1;
  }
  return out;
}

// How `record`'s values write `code` (folded as titles are, clause by
// clause, so that no value's first word is read after another's code:
// "EKT-1203" ending a title, then the brand "Elite Gourmet"): "" where
// plain, else the code with its variant words, compact ("HD2200XPLUS");
// each form once. `numbers` are the record's (PreparedRecord::all_numbers).
std::vector<std::string> CodeForms(std::string_view code, const Record& record, const WordList& numbers) {
  std::vector<std::string> forms;
  for (const auto& [attribute, value] : record.fields) {
    if (value.empty()) continue;
    for (const std::string& clause : Clauses(FoldForMatching(value))) {
      const std::string text = CollapseToWords(clause);
      if (!CodeInText(code, text, numbers)) continue;
      const std::string_view written = VariantAfterCode(code, text, numbers);
      std::string form = written.empty() ? std::string() : CompactVariant(written);
      if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
    }
  }
  return forms;
}

// The listing's variant of `code` (CodeForms): empty when some value writes
// the code plain, or none writes it.
std::string VariantInValues(std::string_view code, const Record& record, const WordList& numbers) {
  const std::vector<std::string> forms = CodeForms(code, record, numbers);
  if (forms.empty() || std::find(forms.begin(), forms.end(), std::string()) != forms.end()) return {};
  return forms.front();
}

// A word of three bytes or more, without digits, in both titles, in the
// singular or the plural: what a notice naming a product ("Slime toys",
// "Electric kettle") and a listing selling it share besides a code. Numbers
// and codes are left out: they are the code's own evidence, or a size that
// many products share. Titles are a few words, so every pair is compared.
// SharedTitleWord gives the first such word as `a` writes it ("fan" of "USB
// fan desk" against a notice on a "Fan"), empty when none; SharesTitleWord
// whether there is one.
std::string_view SharedTitleWord(const PreparedRecord& a, const PreparedRecord& b) {
  const auto counts = [](std::string_view w) {
    return w.size() >= 3 && std::none_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  for (const std::string_view x : a.title_words) {
    if (!counts(x)) continue;
    for (const std::string_view y : b.title_words)
      if (SameWordOrPlural(x, y)) return x;
  }
  // Or one writes as one word what the other writes as two ("Tabletop
  // Fire Pit" and "Table Top Firepit", "multicooker" and "multi cooker").
  const auto joined_in = [&counts](const PreparedRecord& p, const PreparedRecord& q) -> std::string_view {
    thread_local std::vector<std::string_view> words;
    thread_local std::string joined;
    SplitWords(p.title, &words);
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i].size() < 2 || words[i + 1].size() < 2) continue;
      joined.assign(words[i]).append(words[i + 1]);
      if (!counts(joined)) continue;
      for (const std::string_view y : q.title_words)
        if (y.size() >= 6 && SameWordOrPlural(joined, y)) return y;
    }
    return {};
  };
  if (const std::string_view y = joined_in(a, b); !y.empty()) return y;
  return joined_in(b, a);
}

bool SharesTitleWord(const PreparedRecord& a, const PreparedRecord& b) { return !SharedTitleWord(a, b).empty(); }

// Whether the notice's description gives `code` as the model number of a
// battery or a charger ("The Versatile X-Force's lithium-ion battery model
// number is ZR0097U2": the part's word, then only "model", "number", "is"
// and such before the code), and the listing's title names that part in
// one of its languages ("Rowenta ZR0097U2 replacement battery", "Akku"):
// the listing sells the recalled part itself, which CPSC notices say was
// also sold on its own, not something made for the product.
bool SellsThePartTheCodeNames(std::string_view notice_description, const ModelCode& code, const PreparedRecord& listing) {
  static constexpr std::string_view kBatteries[] = {"battery", "batteries", "batterie", "batterien", "akku", "akkus", "accu", "bateria",
                                                    "baterias", "batteria", "baterie", "akumulator", "аккумулятор"};
  static constexpr std::string_view kChargers[] = {"charger", "chargers", "chargeur", "ladegerat", "cargador", "caricatore",
                                                   "caricabatterie", "ladowarka", "oplader"};
  static const std::unordered_set<std::string_view> kBetween = {"model", "models", "number", "numbers", "no", "nr", "is", "are", "type"};
  const auto names_any = [&](const auto& words) {
    return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return HasWord(listing.title, w); });
  };
  const std::string description = CollapseToWords(FoldForMatching(notice_description));
  const std::vector<std::string_view> words = Words(description);
  for (size_t i = 0; i < words.size(); ++i) {
    if (AsciiUpper(words[i]) != code.normalized) continue;
    size_t k = i;
    while (k > 0 && i - k < 5 && kBetween.count(words[k - 1]) != 0) --k;
    if (k == 0 || k == i) continue;
    const std::string_view part = words[k - 1];
    if (((part == "battery" || part == "batteries") && names_any(kBatteries)) || ((part == "charger" || part == "chargers") && names_any(kChargers)))
      return true;
  }
  return false;
}

// Whether a folded title writes `model`, a short model of letters then
// digits ("h1", "cx5"), as two words, the letters and the digits ("H-1",
// "CX 5").
bool SplitInTitle(std::string_view title, std::string_view model) {
  size_t letters = 0;
  while (letters < model.size() && model[letters] >= 'a' && model[letters] <= 'z') ++letters;
  if (letters == 0 || letters == model.size() || model.size() > 5 || !std::all_of(model.begin() + letters, model.end(), IsAsciiDigit)) return false;
  thread_local std::vector<std::string_view> words;
  SplitWords(title, &words);
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i] == model.substr(0, letters) && words[i + 1] == model.substr(letters)) return true;
  return false;
}

// Whether a normalised title writes a quantity of a name ("2000w") apart
// or with its unit spelled out: "2000 w", "2000 watt", "2000 watts".
bool QuantitySpelledOut(std::string_view title, std::string_view quantity) {
  size_t digits = 0;
  while (digits < quantity.size() && IsAsciiDigit(quantity[digits])) ++digits;
  if (digits == 0 || digits == quantity.size()) return false;
  const std::string_view number = quantity.substr(0, digits);
  const std::string_view unit = quantity.substr(digits);
  if (!std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
  struct Spelled {
    std::string_view unit;
    std::string_view names[4];
  };
  static constexpr Spelled kUnits[] = {{"w", {"watt", "watts"}},        {"kw", {"kilowatt", "kilowatts"}},
                                       {"v", {"volt", "volts"}},        {"a", {"amp", "amps", "ampere", "amperes"}},
                                       {"l", {"liter", "liters", "litre", "litres"}}, {"in", {"inch", "inches"}},
                                       {"ft", {"foot", "feet"}},        {"lb", {"lbs", "pound", "pounds"}},
                                       {"oz", {"ounce", "ounces"}},     {"mah", {}}};
  std::vector<std::string_view> forms = {unit};
  for (const auto& u : kUnits)
    if (u.unit == unit)
      for (const std::string_view name : u.names)
        if (!name.empty()) forms.push_back(name);
  for (size_t at = title.find(number); at != std::string_view::npos; at = title.find(number, at + 1)) {
    const size_t end = at + number.size();
    if ((at > 0 && title[at - 1] != ' ') || end >= title.size() || title[end] != ' ') continue;
    const size_t next_end = std::min(title.find(' ', end + 1), title.size());
    const std::string_view next = title.substr(end + 1, next_end - end - 1);
    if (std::find(forms.begin(), forms.end(), next) != forms.end()) return true;
  }
  return false;
}

// A model's generation in Roman numerals and in digits ("Solo III", "Solo
// 3"): the other form, or empty. Not "v", "x" nor "i", which are volts,
// "by" and a letter as often.
std::string_view OtherNumeral(std::string_view w) {
  static constexpr std::pair<std::string_view, std::string_view> kNumerals[] = {
      {"ii", "2"}, {"iii", "3"}, {"iv", "4"}, {"vi", "6"}, {"vii", "7"}, {"viii", "8"}, {"ix", "9"}};
  for (const auto& [roman, digits] : kNumerals) {
    if (w == roman) return digits;
    if (w == digits) return roman;
  }
  return {};
}

// Whether the record's title has `word`, in the singular or the plural.
bool TitleHasWordOrPlural(const PreparedRecord& p, std::string_view word) {
  return std::any_of(p.title_words.begin(), p.title_words.end(), [word](std::string_view t) { return SameWordOrPlural(t, word); });
}

// Whether the record's title has `word` in another language
// (TranslatesProductWord: "ventilatore" for "fan").
bool TitleTranslates(const PreparedRecord& p, std::string_view word) {
  // The English of the title's foreign words, read once for the title a
  // thread judges against many notices (AddEnglishOfForeignWord); a title
  // in English has none, and costs no look-up.
  thread_local std::string title;
  thread_local std::vector<std::string_view> english;
  if (title != p.title) {
    title = p.title;
    english.clear();
    for (const std::string_view t : p.title_words) AddEnglishOfForeignWord(t, &english);
  }
  return MeansAnyOf(word, english);
}

// Whether every one of `words` is a word of the record's title, in the
// singular or the plural ("torino", "varmfront"), a generation in the
// other numerals, a quantity apart or its unit spelled out; or in the
// title's language ("Ventilatore USB da scrivania" for "Desktop USB fan"),
// which sets *translated when given.
bool TitleHasEvery(const PreparedRecord& p, const std::vector<std::string>& words, bool* translated = nullptr) {
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) {
    const std::string_view numeral = OtherNumeral(w);
    if (std::any_of(p.title_words.begin(), p.title_words.end(),
                    [&](std::string_view t) { return SameWordOrPlural(t, w) || (!numeral.empty() && t == numeral); }) ||
        (!w.empty() && IsAsciiDigit(w[0]) && QuantitySpelledOut(p.title, w)))
      return true;
    if (!TitleTranslates(p, w)) return false;
    if (translated != nullptr) *translated = true;
    return true;
  });
}

// Whether a title (NormalizeText's) names a product whose name is numbers
// only ("3511", a perfume): each number there at least once as a name, not
// as a quantity ("Kreativset Perlen 3511 Teile").
bool TitleNamesNumbers(const PreparedRecord& p, const std::vector<std::string>& numbers) {
  const std::string_view title = p.title;
  return std::all_of(numbers.begin(), numbers.end(), [&](const std::string& number) {
    for (size_t at = title.find(number); at != std::string_view::npos; at = title.find(number, at + 1)) {
      const size_t end = at + number.size();
      if ((at > 0 && title[at - 1] != ' ') || (end < title.size() && title[end] != ' ')) continue;
      const size_t next_end = end < title.size() ? std::min(title.find(' ', end + 1), title.size()) : end;
      if (end == title.size() || !IsQuantityWord(title.substr(end + 1, next_end - end - 1))) return true;
    }
    return false;
  });
}

bool AllDigits(const std::vector<std::string>& words) {
  return std::all_of(words.begin(), words.end(), [](const std::string& w) { return std::all_of(w.begin(), w.end(), IsAsciiDigit); });
}

// The colours a title's words (folded) name in German, French, Italian,
// Spanish, Dutch, Swedish, Polish, Czech and Romanian, one bit per colour
// as ColourBits gives them (black, white, red, blue, green, yellow,
// purple, pink, gray, silver, ..., brown, beige in that order of bits).
uint32_t ColourBitsInOtherLanguages(const WordList& words) {
  static const std::unordered_map<std::string_view, uint32_t> kColours = [] {
    const std::vector<std::pair<int, std::vector<std::string_view>>> shades = {
        {0, {"schwarz", "noir", "noire", "nero", "nera", "negro", "negra", "zwart", "svart", "czarny", "czarna", "czarne", "cerny", "cerna",
             "cerne", "negru", "neagra"}},
        {1, {"weiss", "weis", "blanc", "blanche", "bianco", "bianca", "blanco", "blanca", "wit", "vit", "bialy", "biala", "biale", "bily",
             "bila", "bile", "alb", "alba"}},
        {2, {"rot", "rouge", "rosso", "rossa", "rojo", "roja", "rood", "czerwony", "czerwona", "czerwone", "cerveny", "cervena",
             "cervene", "rosu"}},
        {3, {"blau", "bleu", "bleue", "azul", "blauw", "niebieski", "niebieska", "niebieskie", "modry", "modra", "modre", "albastru"}},
        {4, {"grun", "vert", "verte", "verde", "groen", "gron", "zielony", "zielona", "zielone", "zeleny", "zelena", "zelene"}},
        {5, {"gelb", "jaune", "giallo", "gialla", "amarillo", "amarilla", "geel", "gul", "zolty", "zolta", "zolte", "zluty", "zluta", "zlute",
             "galben"}},
        {6, {"lila", "violett", "viola", "morado", "morada", "paars", "fioletowy", "fioletowa", "fioletowe", "fialovy", "fialova", "fialove",
             "mov"}},
        {7, {"rosa", "rosado", "rosada", "roze", "rozowy", "rozowa", "rozowe", "ruzovy", "ruzova", "ruzove", "roz"}},
        {8, {"grau", "gris", "grise", "grigio", "grigia", "grijs", "szary", "szara", "szare", "sedy", "seda", "sede", "gri"}},
        {9, {"silber", "argent", "argento", "plata", "zilver", "srebrny", "srebrna", "srebrne", "stribrny", "stribrna", "stribrne", "argintiu"}},
        {12, {"braun", "marron", "marrone", "bruin", "brun", "brazowy", "brazowa", "brazowe", "hnedy", "hneda", "hnede", "maro"}},
        {13, {"beige", "bej", "bezowy", "bezowa", "bezowe", "bezovy", "bezova", "bezove"}},
    };
    std::unordered_map<std::string_view, uint32_t> table;
    for (const auto& [bit, names] : shades)
      for (const std::string_view w : names) table.emplace(w, uint32_t{1} << bit);
    return table;
  }();
  uint32_t bits = 0;
  for (const std::string_view w : words)
    if (const auto it = kColours.find(w); it != kColours.end()) bits |= it->second;
  return bits;
}

// Whether a title run together (CompactAlnum) holds the notice's k-th
// name written as one word (MatchRecord::name_compacts: "SPIDERMAN"),
// not as the start of another generation's mark ("KOLEOSIII" for the
// alert's "Koleos II").
bool NamesCompactName(std::string_view title, const MatchRecord& notice, size_t k) {
  if (k >= notice.name_compacts.size() || notice.name_compacts[k].empty()) return false;
  const std::string& compact = notice.name_compacts[k];
  const bool marked = k < notice.name_marks.size() && !notice.name_marks[k].empty();
  for (size_t at = title.find(compact); at != std::string_view::npos; at = title.find(compact, at + 1)) {
    const size_t end = at + compact.size();
    // A short one ending in a digit, not before another ("ID7", not "ID70").
    if (compact.size() < 6 && IsAsciiDigit(compact.back()) && end < title.size() && IsAsciiDigit(title[end])) continue;
    if (!marked || end == title.size() || (title[end] != 'I' && title[end] != 'V' && title[end] != 'X')) return true;
  }
  return false;
}

// Whether a title (folded) names, where it has a vehicle's name, a
// maker's other model line that is written with it: "Mustang Mach-E" (an
// electric SUV) is not the Mustang, nor the "Range Rover Evoque" the Range
// Rover, nor the "Grand Cherokee" the Cherokee. The makers' model names.
// The notice's k-th name may have lost its brand's words ("Range" of Land
// Rover's "Range Rover"): a line counts whose model holds every word of
// it, or whose model's words it holds with more ("Proace Verso": the
// "Proace City Verso" is another van). Not a line the notice names itself, in another name or as a
// generation's mark ("C4, C4 Picasso"; "Range Rover, Range Rover Sport";
// "500 X").
bool NamesAnotherModelLine(std::string_view title, const MatchRecord& notice, size_t k) {
  struct Line {
    std::initializer_list<std::string_view> model, after, before;
  };
  static const Line kLines[] = {
      {{"mustang"}, {"mach"}, {}},                          // Ford Mustang Mach-E
      {{"range", "rover"}, {"sport", "evoque", "velar"}, {}},  // Land Rover's Range Rover Sport, Evoque, Velar
      {{"discovery"}, {"sport"}, {}},                       // Land Rover Discovery Sport
      {{"yaris"}, {"cross"}, {}},                           // Toyota Yaris Cross
      {{"corolla"}, {"cross"}, {}},                         // Toyota Corolla Cross
      {{"c4"}, {"picasso", "spacetourer", "cactus"}, {}},   // Citroen C4 Picasso, SpaceTourer, Cactus
      {{"c3"}, {"picasso", "aircross"}, {}},                // Citroen C3 Picasso, Aircross
      {{"golf"}, {"sportsvan", "plus"}, {}},                // Volkswagen Golf Sportsvan, Golf Plus
      {{"500"}, {"x", "l"}, {}},                            // Fiat 500X, 500L
      {{"cherokee"}, {}, {"grand"}},                        // Jeep Grand Cherokee
      {{"proace"}, {"city"}, {}},                           // Toyota Proace City (a smaller van than the Proace)
  };
  if (k >= notice.name_words.size() || notice.name_words[k].empty()) return false;
  const std::vector<std::string>& name = notice.name_words[k];
  const auto in = [](std::initializer_list<std::string_view> list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  thread_local std::vector<std::string_view> words;
  bool split = false;
  for (const Line& line : kLines) {
    // The name of that model, or the model and more ("Proace Verso").
    const bool of_model = std::all_of(name.begin(), name.end(), [&](const std::string& w) { return in(line.model, w); }) ||
                          std::all_of(line.model.begin(), line.model.end(),
                                      [&](std::string_view w) { return std::find(name.begin(), name.end(), w) != name.end(); });
    if (!of_model) continue;
    if (!split) SplitWords(title, &words);
    split = true;
    // The notice's own name of that line: a word of the model and the
    // other line's word, or a name of the model marked with it.
    const auto named_by_notice = [&](std::string_view w) {
      for (size_t i = 0; i < notice.name_words.size(); ++i) {
        const auto& other = notice.name_words[i];
        const bool of_model = std::any_of(other.begin(), other.end(), [&](const std::string& x) { return in(line.model, x); });
        if (of_model && (std::find(other.begin(), other.end(), w) != other.end() || (i < notice.name_marks.size() && notice.name_marks[i] == w)))
          return true;
      }
      return false;
    };
    const size_t m = line.model.size();
    for (size_t i = 0; i + m <= words.size(); ++i) {
      if (!std::equal(line.model.begin(), line.model.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) continue;
      if (i + m < words.size() && in(line.after, words[i + m]) && !named_by_notice(words[i + m])) return true;
      if (i > 0 && in(line.before, words[i - 1]) && !named_by_notice(words[i - 1])) return true;
    }
    // Run together ("500X", "C4Picasso").
    for (const std::string_view after : line.after) {
      std::string joined;
      for (const std::string_view w : line.model) joined.append(w);
      joined.append(after);
      if (!named_by_notice(after) && HasWord(title, joined)) return true;
    }
  }
  return false;
}

// Whether a listing's title names the notice's k-th name (MatchRecord::
// name_words): every word, a name of numbers as a name, and no colour of
// the listing's, in English or another language, that leaves out the
// name's variant. A name read in the title's language needs a kind of
// product there too: the name's own ("Astronaut Nebula projector"), or
// the notice's (its ProductNoun, "fan" of the name "Desktop USB" of a
// "Fan"), as a name of common words fits the brand's other goods
// ("Lampada da scrivania USB").
bool NamesNoticeName(const PreparedRecord& l, const MatchRecord& notice, size_t k, const PreparedRecord& notice_prepared) {
  const std::vector<std::string>& words = notice.name_words[k];
  bool translated = false;
  const bool line = k < notice.name_lines.size() && !notice.name_lines[k].empty();
  // A BMW's series named by its digit alone ("i5, 5, i7, 7" of a real
  // alert), which a model of it names too ("520d").
  const bool series_digit = words.size() == 1 && words[0].size() == 1 && words[0][0] >= '1' && words[0][0] <= '8';
  // The title's lines, read once for the candidates of one listing, which
  // come one after another, and for each of a notice's names.
  const auto title_lines = [&l]() -> const std::vector<std::string>& {
    thread_local std::string read_title;
    thread_local std::vector<std::string> lines;
    thread_local bool read = false;
    if (!read || read_title != l.title) {
      thread_local std::vector<std::string_view> title;
      SplitWords(l.title, &title);
      lines = NumberedModelLines(title);
      read_title = l.title;
      read = true;
    }
    return lines;
  };
  const bool has_every = !line && TitleHasEvery(l, words, &translated);
  if (line) {
    // A numbered model line: that line, by its name or a model's, and the
    // name's other words ("amg" of "C-Class AMG"); not its word "class",
    // which every class has.
    const std::vector<std::string>& lines = title_lines();
    if (std::find(lines.begin(), lines.end(), notice.name_lines[k]) == lines.end()) return false;
    thread_local std::vector<std::string> rest;
    rest.clear();
    for (const std::string& w : words)
      if (w.size() > 1 && kClassWords.count(w) == 0 && kSeriesWords.count(w) == 0 && w != notice.name_lines[k]) rest.push_back(w);
    if (!rest.empty() && !TitleHasEvery(l, rest)) return false;
  } else if (!has_every && series_digit && NamesAVehicle(notice_prepared)) {
    const std::vector<std::string>& lines = title_lines();
    if (std::find(lines.begin(), lines.end(), words[0] + "series") == lines.end()) return false;
    translated = false;
  } else if (!has_every && words.size() == 1 && NamesAVehicle(notice_prepared) && SplitInTitle(l.title, words[0])) {
    // A vehicle's model of letters and digits written parted ("H-1",
    // folded "h 1", for the alert's "H1").
    translated = false;
  } else if (!has_every || (AllDigits(words) && !TitleNamesNumbers(l, words))) {
    // A vehicle's generation mark run on ("500X" for the alert's "500 X").
    if (k >= notice.name_marks.size() || notice.name_marks[k].empty() || !NamesAVehicle(notice_prepared)) return false;
    thread_local std::vector<std::string> joined;
    joined.assign(words.begin(), words.end());
    joined.back().append(notice.name_marks[k]);
    if (!TitleHasEvery(l, joined)) return false;
  }
  // Another model line written with a vehicle's name ("Mustang Mach-E").
  if (NamesAnotherModelLine(l.title, notice, k) && NamesAVehicle(notice_prepared)) return false;
  // Another generation's mark right after the name ("Astra K" for the
  // alert's "Astra L"), or for a product's Roman numeral another digit
  // ("Scorpion Trail 3" for the alert's "Scorpion Trail II"; after a
  // vehicle's name a digit is the engine's size, "2008 1.2 PureTech").
  if (k < notice.name_marks.size() && !notice.name_marks[k].empty()) {
    const std::string_view mark = notice.name_marks[k];
    const std::string_view mark_digit = NamesAVehicle(notice_prepared) ? std::string_view() : OtherNumeral(mark);
    thread_local std::vector<std::string_view> title;
    SplitWords(l.title, &title);
    for (size_t i = 0; i + 1 < title.size(); ++i) {
      if (title[i] != words.back()) continue;
      const std::string_view next = title[i + 1];
      if ((IsGenerationMark(next) && next != mark) || (!mark_digit.empty() && next.size() == 1 && IsAsciiDigit(next[0]) && next != mark_digit))
        return false;
    }
  }
  // A powertrain the name gives and the title's, none in common ("Avenger
  // BEV" against "Avenger 1.2 Turbo Benzin"); a title naming none says
  // nothing.
  if (k < notice.name_powertrains.size() && notice.name_powertrains[k] != 0) {
    const uint8_t listing = PowertrainsNamed(l.title);
    if (listing != 0 && (listing & notice.name_powertrains[k]) == 0) return false;
  }
  const std::string_view product_noun = translated ? ProductNoun(notice_prepared) : std::string_view();
  if (translated && !product_noun.empty() && !IsListedKindWord(words.back()) &&
      !TitleHasWordOrPlural(l, product_noun) &&
      !TitleTranslates(l, product_noun))
    return false;
  const uint32_t colours = k < notice.name_colours.size() ? notice.name_colours[k] : 0;
  if (colours == 0) return true;
  const uint32_t listing_colours = l.colours | ColourBitsInOtherLanguages(l.title_words);
  return listing_colours == 0 || (listing_colours & colours) != 0;
}

// Whether the notice's product name and names (MatchRecord::name_words)
// say a line for women and the listing's title one for men, or the
// reverse, neither naming both ("Eau de toilette", "East Coast Club Woman"
// against "East Coast Club Man EdT"): perfumes, deodorants and clothing
// come in both, each its own product. Not the notice's prose, where "her"
// is anyone's ("a child pinched her finger"). Words as titles fold them,
// in English, German, French, Italian and Spanish.
bool ForOtherSex(const PreparedRecord& notice, const MatchRecord& notice_record, const PreparedRecord& listing) {
  static constexpr std::string_view kWomen[] = {"woman", "women", "femme", "femmes", "donna", "mujer", "damen", "her", "ladies", "lady"};
  static constexpr std::string_view kMen[] = {"man", "men", "homme", "hommes", "uomo", "hombre", "herren", "him", "gentleman"};
  const auto names = [](std::string_view text, std::span<const std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [text](std::string_view w) { return HasWord(text, w); });
  };
  std::string named = notice.title;
  for (const auto& words : notice_record.name_words)
    for (const std::string& w : words) named.append(" ").append(w);
  const bool notice_women = names(named, kWomen), notice_men = names(named, kMen);
  const bool listing_women = names(listing.title, kWomen), listing_men = names(listing.title, kMen);
  return notice_women != notice_men && listing_women != listing_men && notice_women != listing_women;
}

// The first run of up to `max_words` words of `title` that `same` accepts,
// its leading and trailing punctuation dropped (but a "+" ending a code's
// name, when `keep_plus`); empty when none does.
template <typename Same>
std::string FirstSpanOf(std::string_view title, const Same& same, size_t max_words = 3, bool keep_plus = false) {
  std::vector<std::pair<size_t, size_t>> words;  // [begin, end) of each
  for (size_t i = 0; i < title.size();) {
    while (i < title.size() && title[i] == ' ') ++i;
    const size_t end = std::min(title.find(' ', i), title.size());
    if (end > i) words.emplace_back(i, end);
    i = end;
  }
  const auto punctuation = [](char c) { return static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c)); };
  const auto trailing = [&](char c) { return punctuation(c) && !(keep_plus && c == '+'); };
  for (size_t i = 0; i < words.size(); ++i)
    for (size_t n = 1; n <= max_words && i + n <= words.size(); ++n) {
      std::string_view span = title.substr(words[i].first, words[i + n - 1].second - words[i].first);
      if (!same(span)) continue;
      while (!span.empty() && punctuation(span.front())) span.remove_prefix(1);
      while (!span.empty() && trailing(span.back())) span.remove_suffix(1);
      return std::string(span);
    }
  return {};
}

// The words of `title` as the seller wrote them that fold to `folded`
// ("Schutzhülle" for "schutzhulle"), for the evidence; `folded` itself
// when no run of up to three words does (Chinese, Japanese and Korean
// ones, found inside words).
std::string AsWrittenIn(std::string_view title, std::string_view folded) {
  std::string span = FirstSpanOf(title, [folded](std::string_view s) { return CollapseToWords(FoldForMatching(s)) == folded; });
  return span.empty() ? std::string(folded) : span;
}

// A code with its variant words (CompactVariant: "HD2200XPLUS") as `title`
// writes it ("HD-2200X Plus", "HD-2200X+"), for the evidence; the code
// itself when the title does not.
std::string CodeAsWrittenIn(std::string_view title, std::string_view compact) {
  std::string span = FirstSpanOf(title, [compact](std::string_view s) {
    std::string words;
    for (const std::string& clause : Clauses(FoldForMatching(s))) words += CollapseToWords(clause) + ' ';
    return CompactVariant(words) == compact;
  }, /*max_words=*/6, /*keep_plus=*/true);
  return span.empty() ? std::string(compact) : span;
}

// Whether a notice's code is a listing's with a variant or packaging suffix
// that sellers drop ("GS108E-100NAS" for the "GS108E" on sale,
// "GUB211W6" for "GUB211"): the listing's code is distinctive (5
// characters or more), the notice's goes on by at most 6 more, and the cut
// falls where letters and digits meet, so that "KX4500" is never taken for
// "KX450".
bool IsVariantOf(std::string_view notice_code, std::string_view listing_code) {
  if (listing_code.size() < 5 || notice_code.size() <= listing_code.size() || notice_code.size() - listing_code.size() > 6 ||
      !notice_code.starts_with(listing_code))
    return false;
  return IsAsciiDigit(listing_code.back()) != IsAsciiDigit(notice_code[listing_code.size()]);
}

// Whether a listing's code is a notice's with a maker's commercial suffix
// of letters and a final digit ("CV7920F0" for "CV7920": the suffix tells
// the market a unit was made for). The notice's code ends in a digit and
// is distinctive (5 characters or more); the suffix is at most 3
// characters. Whether the notice's recall covers that unit is for a
// person: a near code, never the same.
bool IsRegionVariantOf(std::string_view notice_code, std::string_view listing_code) {
  if (notice_code.size() < 5 || !IsAsciiDigit(notice_code.back()) || listing_code.size() <= notice_code.size() + 1 ||
      listing_code.size() > notice_code.size() + 3 || !listing_code.starts_with(notice_code))
    return false;
  const std::string_view suffix = listing_code.substr(notice_code.size());
  return !IsAsciiDigit(suffix.front()) && IsAsciiDigit(suffix.back()) && AllLetters(suffix.substr(0, suffix.size() - 1));
}

// How the listing shows one of the notice's model codes. kVariant: the
// code, but followed by a word naming another model of the range ("HD-2200X
// Plus" for a notice on "HD-2200X").
enum class CodeAgreement { kNone, kNear, kVariant, kSame };

// Whether a listing's model field writes the notice's code with a market
// set apart after it ("e2037-eu", "GV31-UK"), which titles show as the
// code and a word: the code itself, not a sibling model's.
bool CodeWithMarketApart(std::string_view raw_model, std::string_view notice_code, std::string_view listing_code) {
  static const std::unordered_set<std::string_view> kMarkets = {"EU", "UK", "US", "GB", "DE", "FR", "IT", "ES", "PL", "NL",
                                                                "CN", "JP", "AU", "CA", "CH", "AT", "BE", "IN", "KR"};
  if (listing_code.size() != notice_code.size() + 2 || !listing_code.starts_with(notice_code) || kMarkets.count(listing_code.substr(notice_code.size())) == 0)
    return false;
  // The last two letters of the field, and a separator before them.
  size_t end = raw_model.size();
  while (end > 0 && !std::isalnum(static_cast<unsigned char>(raw_model[end - 1]))) --end;
  return end >= 3 && std::isalpha(static_cast<unsigned char>(raw_model[end - 1])) && std::isalpha(static_cast<unsigned char>(raw_model[end - 2])) &&
         !std::isalnum(static_cast<unsigned char>(raw_model[end - 3]));
}

// Letters joined to a code that make a larger or later model as often as
// a finish or a market ("CGG-6331XL" a larger grill than the CGG-6331,
// "GV31X"), where "B", "W", "EU" or "BK" name a colour or a market: a
// listing's code with them is the notice's variant, for a person to check.
bool IsSizeOrSuccessorSuffix(std::string_view letters) { return letters == "X" || letters == "XL" || letters == "XXL"; }

}  // namespace

std::string_view RecallActionName(RecallAction a) {
  switch (a) {
    case RecallAction::kTakedown: return "takedown";
    case RecallAction::kReview: return "review";
    case RecallAction::kNone: break;
  }
  return "none";
}

// Whether a code of digits only is a group of one of the record's own
// barcodes as its text writes it, digit groups apart ("29145" of "0 36000
// 29145 2"), not a model number; never the record's model attribute, nor
// a number the text lists apart ("models 49979, 49974 and 49989", which
// makers also build into their UPCs).
bool PartOfOwnGtin(std::string_view code, std::string_view model, const MatchRecord& r) {
  if (code == model || !std::all_of(code.begin(), code.end(), IsAsciiDigit)) return false;
  bool in_gtin = false;
  for (const auto* gtins : {&r.gtins, &r.gtins_in_title, &r.gtins_in_description})
    for (const std::string& g : *gtins) in_gtin = in_gtin || (g.size() > code.size() && g.find(code) != std::string::npos);
  if (!in_gtin) return false;
  // Written with a digit group just before or after it, a space between.
  for (const auto& [name, value] : r.record.fields) {
    const std::string_view text = value;
    for (size_t at = text.find(code); at != std::string_view::npos; at = text.find(code, at + 1)) {
      const size_t end = at + code.size();
      if (at > 0 && IsAsciiDigit(text[at - 1])) continue;  // inside a longer number
      if (end < text.size() && IsAsciiDigit(text[end])) continue;
      if ((at >= 2 && text[at - 1] == ' ' && IsAsciiDigit(text[at - 2])) || (end + 1 < text.size() && text[end] == ' ' && IsAsciiDigit(text[end + 1])))
        return true;
    }
  }
  return false;
}

// Name keys ("n:") on more records than this are skipped: a name's first
// word that many records hold is a kind of product ("electric kettle"),
// which meets every listing of the kind.
constexpr size_t kMaxNameBlock = 100;

size_t KeyHolderLimit(std::string_view key, const RecallMatcherOptions& options) {
  if (key.empty()) return SIZE_MAX;
  if (key[0] == 'b') return options.max_block;
  if (key[0] == 'n' || key[0] == 't') return std::min(options.max_block, kMaxNameBlock);
  if (key[0] == 'c' || key[0] == 's') return options.max_code_block;
  return SIZE_MAX;
}

namespace {

// The postings once built: an open-addressed table of the keys' hashes
// (linear probing, at most half full), each slot pointing at its key and
// its records. Most of a query's keys are held by no record, and such a
// key costs one look at one slot; the slots of all a query's keys are
// fetched before any is read, so that their cache misses overlap.
class FlatPostings {
 public:
  void Build(std::unordered_map<std::string, std::vector<uint32_t>>&& postings) {
    size_t slots = 16;
    while (slots < 2 * postings.size()) slots *= 2;
    slots_.assign(slots, Slot{});
    mask_ = slots - 1;
    keys_.reserve(postings.size());
    starts_.reserve(postings.size() + 1);
    size_t total = 0;
    for (const auto& [key, ids] : postings) total += ids.size();
    ids_.reserve(total);
    // Each key and its records taken out of the map as they are copied:
    // the two are never both whole in memory.
    while (!postings.empty()) {
      auto node = postings.extract(postings.begin());
      const uint64_t hash = Hash(node.key());
      uint64_t at = hash & mask_;
      while (slots_[at].key != kEmpty) at = (at + 1) & mask_;
      slots_[at] = {hash, static_cast<uint32_t>(keys_.size())};
      keys_.push_back(std::move(node.key()));
      starts_.push_back(static_cast<uint32_t>(ids_.size()));
      ids_.insert(ids_.end(), node.mapped().begin(), node.mapped().end());
    }
    starts_.push_back(static_cast<uint32_t>(ids_.size()));
  }

  static uint64_t Hash(std::string_view key) { return std::hash<std::string_view>()(key); }
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
  }
  // The records holding `key` (whose Hash is `hash`), in record order;
  // empty when none does.
  std::span<const uint32_t> Find(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return {};
    for (uint64_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.key == kEmpty) return {};
      if (slot.hash == hash && keys_[slot.key] == key)
        return std::span<const uint32_t>(ids_.data() + starts_[slot.key], starts_[slot.key + 1] - starts_[slot.key]);
    }
  }
  std::span<const uint32_t> Find(std::string_view key) const { return Find(key, Hash(key)); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint64_t hash = 0;
    uint32_t key = kEmpty;
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  std::vector<std::string> keys_;
  std::vector<uint32_t> starts_;  // of each key, where its records start in ids_; one more at the end
  std::vector<uint32_t> ids_;
};

}  // namespace

struct RecallIndex::State {
  std::vector<PreparedRecord> prepared;
  // The canonical keys of each record's brands (empty ones left out), so
  // that a record met in many pairs is canonicalised once.
  std::vector<std::vector<std::string>> brand_keys;
  std::vector<std::vector<std::string>> spellings;  // every spelling of those brands
  FlatPostings postings;
  // Codes and stems shared too widely to identify anything (the options'
  // max_code_block and max_code_brands).
  std::unordered_set<std::string> hot_codes, hot_stems;
  // Of each record's codes, whether it is Identifying: asked of every
  // candidate pair, and a look-up in hot_codes hashes the code.
  std::vector<std::vector<uint8_t>> identifying;
  std::vector<ProductKind> kinds;  // of each record, when the options give a kinds table
  mutable std::atomic<size_t> scored{0};
  mutable std::atomic<size_t> modelled{0};

  bool Identifying(const ModelCode& c) const { return c.normalized.size() >= kMinCode && hot_codes.count(c.normalized) == 0; }
  std::vector<uint8_t> IdentifyingCodes(const PreparedRecord& p, const MatchRecord& r) const {
    std::vector<uint8_t> out(p.codes.size());
    for (size_t i = 0; i < p.codes.size(); ++i) out[i] = Identifying(p.codes[i]) && !PartOfOwnGtin(p.codes[i].normalized, p.model, r);
    // A brand written with digits ("B3nQ", "V0lt1x") reads as a code, and
    // is the brand.
    for (const std::string& brand : r.brands) {
      if (std::none_of(brand.begin(), brand.end(), IsAsciiDigit)) continue;
      const std::string compact = CompactAlnum(brand);
      for (size_t i = 0; i < p.codes.size(); ++i)
        if (out[i] && p.codes[i].normalized == compact) out[i] = 0;
    }
    // A model attribute of "Various" or "USB-C" identifies nothing.
    if (p.model_names_no_model && !out.empty()) out[0] = 0;
    // Nor a model and its drive run together ("i5 eDrive40", "X3
    // xDrive30i"): the model is a name the rules read as one.
    for (size_t i = 0; i < p.codes.size(); ++i)
      if (out[i] && EndsWithADrive(p.codes[i].normalized)) out[i] = 0;
    // Nor a notice's model attribute without digits that is its
    // description whole: the product's name (a licensed character's,
    // "SPIDER-MAN" of a clothing set), which the rules weigh as a name.
    if (r.is_notice && !out.empty() && !p.model.empty() && std::none_of(p.model.begin(), p.model.end(), IsAsciiDigit) &&
        CompactAlnum(r.record.Get("description")) == p.model)
      out[0] = 0;
    return out;
  }
};

RecallIndex::RecallIndex(std::vector<MatchRecord> records, bool indexed_are_notices, const PairFeaturizer* featurizer,
                         const MatchModel* model, RecallMatcherOptions options)
    : records_(std::move(records)),
      indexed_are_notices_(indexed_are_notices),
      featurizer_(featurizer),
      model_(model),
      options_(options),
      state_(std::make_unique<State>()) {
  // A model's trees read the word evidence it was trained with; computed
  // without it, or with another's, the feature would mislead them quietly.
  if (model_ != nullptr && featurizer_->word_evidence() != model_->word_evidence())
    throw std::invalid_argument("RecallIndex: the featuriser does not carry the model's word evidence (PairFeaturizer::set_word_evidence)");
  state_->prepared.resize(records_.size());
  state_->brand_keys.resize(records_.size());
  state_->spellings.resize(records_.size());
  if (options_.kinds != nullptr) state_->kinds.resize(records_.size());
  // Preparing (normalising, vectorising, extracting codes) and finding the
  // blocking keys are most of the build: done on options_.threads threads
  // (0: every core); the postings are then filled in record order.
  std::vector<std::vector<std::string>> keys(records_.size());
  ParallelFor(records_.size(), options_.threads, [&](size_t i) {
    state_->prepared[i] = featurizer_->Prepare(records_[i].record);
    state_->brand_keys[i] = CanonicalBrands(records_[i], options_.brands);
    state_->spellings[i] = AllSpellings(state_->brand_keys[i], options_.brands);
    if (options_.kinds != nullptr)
      state_->kinds[i] = indexed_are_notices_ ? options_.kinds->OfNotice(records_[i]) : options_.kinds->OfListing(records_[i]);
    keys[i] = BlockingKeys(records_[i], state_->prepared[i], options_.brands);
  });
  std::unordered_map<std::string, std::vector<uint32_t>> postings;  // FlatPostings once built
  for (size_t i = 0; i < records_.size(); ++i)
    for (auto& key : keys[i]) postings[std::move(key)].push_back(static_cast<uint32_t>(i));
  std::vector<std::vector<std::string>>().swap(keys);

  // Code and stem keys that many records or many brands share.
  const auto brand_of = [&](uint32_t i) -> std::string_view {
    return state_->brand_keys[i].empty() ? std::string_view(state_->prepared[i].first_word) : std::string_view(state_->brand_keys[i][0]);
  };
  for (auto it = postings.begin(); it != postings.end();) {
    const std::string& key = it->first;
    bool hot = false;
    if (key[0] == 'c' || key[0] == 's') {
      hot = it->second.size() > options_.max_code_block;
      std::unordered_set<std::string_view> brands;
      for (size_t k = 0; k < it->second.size() && !hot; ++k) {
        brands.insert(brand_of(it->second[k]));
        hot = brands.size() > options_.max_code_brands;
      }
    }
    if (!hot) {
      ++it;
      continue;
    }
    (key[0] == 'c' ? state_->hot_codes : state_->hot_stems).insert(key.substr(2));
    it = postings.erase(it);
  }
  state_->postings.Build(std::move(postings));
  state_->identifying.resize(records_.size());
  for (size_t i = 0; i < records_.size(); ++i) state_->identifying[i] = state_->IdentifyingCodes(state_->prepared[i], records_[i]);
}

RecallIndex::~RecallIndex() = default;
RecallIndex::RecallIndex(RecallIndex&&) noexcept = default;

size_t RecallIndex::candidates_scored() const { return state_->scored.load(); }
size_t RecallIndex::pairs_modelled() const { return state_->modelled.load(); }
size_t RecallIndex::hot_code_keys() const { return state_->hot_codes.size() + state_->hot_stems.size(); }

std::vector<uint32_t> RecallIndex::Candidates(const MatchRecord& query, const PreparedRecord& q) const {
  std::vector<uint32_t> candidates;
  const std::vector<std::string> keys = BlockingKeys(query, q, options_.brands);
  thread_local std::vector<uint64_t> hashes;
  hashes.resize(keys.size());
  for (size_t k = 0; k < keys.size(); ++k) {
    hashes[k] = FlatPostings::Hash(keys[k]);
    state_->postings.Prefetch(hashes[k]);
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    const std::span<const uint32_t> holders = state_->postings.Find(keys[k], hashes[k]);
    if (holders.empty() || holders.size() > KeyHolderLimit(keys[k], options_)) continue;
    candidates.insert(candidates.end(), holders.begin(), holders.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  return candidates;
}

std::vector<RecallMatch> RecallIndex::Match(const MatchRecord& query) const { return Judge(query, nullptr); }

std::vector<RecallMatch> RecallIndex::MatchWith(const MatchRecord& query, size_t indexed) const {
  if (indexed >= records_.size()) return {};
  const auto only = static_cast<uint32_t>(indexed);
  return Judge(query, nullptr, &only);
}

bool RecallIndex::KeyUsable(const std::string& key) const {
  const std::span<const uint32_t> holders = state_->postings.Find(key);
  return !holders.empty() && holders.size() <= KeyHolderLimit(key, options_);
}

std::vector<RecallMatch> RecallIndex::Explain(const MatchRecord& query) const {
  std::vector<RecallMatch> left_out;
  std::vector<RecallMatch> out = Judge(query, &left_out);
  for (auto& m : left_out) out.push_back(std::move(m));
  return out;
}

std::vector<RecallMatch> RecallIndex::Judge(const MatchRecord& query, std::vector<RecallMatch>* left_out, const uint32_t* only) const {
  // Vectors wait until a pair needs features: most queries have none.
  PreparedRecord q = featurizer_->Prepare(query.record, /*with_vectors=*/false);
  std::vector<uint32_t> candidates = Candidates(query, q);
  if (only != nullptr) {
    const bool paired = std::binary_search(candidates.begin(), candidates.end(), *only);
    candidates.assign(paired ? 1 : 0, *only);
  }
  state_->scored += candidates.size();
  if (candidates.empty()) return {};

  // Pairs are (notice, listing) whichever side is indexed.
  const auto notice_of = [&](size_t c) -> const PreparedRecord& { return indexed_are_notices_ ? state_->prepared[c] : q; };
  const auto listing_of = [&](size_t c) -> const PreparedRecord& { return indexed_are_notices_ ? q : state_->prepared[c]; };
  const auto listing_title_of = [&](size_t c) { return (indexed_are_notices_ ? query : records_[c]).record.Get("title"); };
  // A listing's code with its variant word as the seller wrote it, in the
  // title or else the value that has it ("Model: HD-2200X Plus").
  const auto variant_as_written = [&](size_t c, const std::string& compact) {
    for (const auto& [attribute, value] : (indexed_are_notices_ ? query : records_[c]).record.fields)
      if (std::string written = CodeAsWrittenIn(value, compact); written != compact) return written;
    return compact;
  };

  // The query's brands and their spellings, once for all its candidates.
  const std::vector<std::string> query_brands = CanonicalBrands(query, options_.brands);
  const std::vector<std::string> query_spellings = AllSpellings(query_brands, options_.brands);
  const bool model_says = model_ != nullptr;
  const std::vector<uint8_t> query_identifying = state_->IdentifyingCodes(q, query);
  // The query's kinds, read when a pair first needs them.
  std::optional<ProductKind> query_kind;
  std::optional<std::string> query_title_brand;  // BrandInTwoSpellingsFirst of a query listing, read once
  // What MadeFor reads of the listing's title: once for a query listing,
  // and for each candidate when the listings are the indexed side.
  MadeForCues made_for_cues;
  bool made_for_cues_read = false;
  // CompactAlnum of the listing's all_text, likewise: most of the notices'
  // codes are not in it, which a search of it tells before CodeInText.
  std::string compact_text;
  bool compact_text_read = false;
  const auto listing_compact_text = [&](const PreparedRecord& l) -> const std::string& {
    if (!compact_text_read || !indexed_are_notices_) compact_text = CompactAlnum(l.all_text);
    compact_text_read = true;
    return compact_text;
  };

  // What the rules need of a pair; the model is asked only about pairs a
  // rule can still take (most candidates are another maker's product or a
  // sibling model, and cost no features).
  struct Judged {
    uint32_t candidate;
    std::string shared_gtin;
    bool gtins_differ, brands_agree;
    CodeAgreement agreement;
    const ModelCode* notice_code;   // the agreeing pair, for the evidence
    const ModelCode* listing_code;  // null: the code was found in the listing's text
    bool notice_has_code;
    bool notice_has_gtin;
    KindJudgement kinds;
    bool made_for = false;  // the listing may sell something made for the product
    // The notice recalls a whole vehicle (kinds outside the vocabulary
    // only, and a vehicle named): listings that name its model sell parts
    // and accessories for it far more often than the vehicle, and whether a
    // vehicle is affected depends on its identification number, so never a
    // takedown by code.
    bool whole_vehicle = false;
    bool named = false;     // the notice's product name and brand in the listing's title (rule 4)
    // A CPSC or Health Canada product name (MatchRecord::product_name_words)
    // and the brand in the listing's title: named for rule 4 only, when
    // the listing shows no code near the notice's.
    bool product_named = false;
    bool notice_brandless = false;  // the notice names no brand: its product name stands in
    // With a shared GTIN: the notice's product name in the listing's title,
    // whatever the brand, and a word of the notice's title the listing's
    // title has ("swing"): what agrees besides the number.
    bool name_in_title = false;
    std::string shared_title_word{};
    std::string_view accessory{};  // named so, but the listing sells an accessory of it: the word that says so
    std::string_view code_accessory{};  // the code and brand agree, but a word says the listing sells an accessory
    std::string_view gtin_written_in{};  // "title" or "description": where the listing writes the shared GTIN
    // The identifier shared is an ASIN (shared_gtin holds it): the same
    // rules, the evidence naming it so.
    bool shared_is_asin = false;
    // The listing gives the shared identifier as another product's
    // (MatchRecord::referenced_ids, referenced_in_title).
    bool referenced_id = false;
    // The shared GTIN is the unit of a case's GTIN-14 (UnitGtinOfCase) that
    // one side gives: that GTIN-14, and whether the listing gives it.
    std::string case_gtin{};
    bool case_in_listing = false;
    std::string restricted_gtin{};  // shared, but restricted-circulation and the brand unconfirmed
    std::string gtin_brands_differ{};  // a GTIN shared by records whose brands conflict: "limar and acme"
    // The notice's brand only in the listing's text, its brand field another
    // firm's ("Powerextra" selling a battery "Rowenta X-Force Flex"): that
    // firm's goods for the product as often as the product.
    std::string other_brand_field{};
    std::string look_alike_brand{};  // the listing's brand field, the notice's brand in look-alike characters ("br00kstone")
    bool brands_conflict = false;  // both name a brand, and none agrees
    // The kinds of product conflict, but the brand and the code agree, the
    // code long or the conflict only with the listing's filed category: a
    // review, the kinds as likely wrong as not.
    bool kinds_doubted = false;
    // The code agrees, but the listing names it as another model's ("GV30
    // (nicht GV31)": CodeNamedAsAnother).
    bool code_named_as_another = false;
    std::string listing_variant{};  // kVariant: the listing's code with the word after it, compact ("HD2200XPLUS")
    std::string notice_variant{};   // kNear so: the notice's code with the word it always has after it ("HD2200XPRO")
  };
  // The listing writes the notice's code with look-alike characters
  // (CodeWrittenWithLookAlikes).
  const auto look_alike_code = [](const Judged& j) {
    return j.agreement == CodeAgreement::kNear && j.notice_code != nullptr && j.listing_code != nullptr && j.notice_variant.empty() &&
           CodeWrittenWithLookAlikes(j.notice_code->normalized, j.listing_code->normalized);
  };
  // Of a notice that names nothing but its brand and its kind of product
  // (MatchRecord::names_only_brand_and_kind), the kind, when the listing
  // of the brand names it in its title, in its language; empty otherwise.
  // A listing of the brand naming the kind is as near as any listing
  // comes to such a notice.
  const auto brands_kind_named = [&](const Judged& j) -> std::string_view {
    if (!j.brands_agree || j.notice_has_code || j.notice_has_gtin || !(indexed_are_notices_ ? records_[j.candidate] : query).names_only_brand_and_kind)
      return {};
    // The noun a kind of product the table of words sellers translate
    // knows (product_words.cc): a product name read as a kind ("Photoshop
    // Elements") names no kind.
    const std::string_view noun = ProductNoun(notice_of(j.candidate));
    if (noun.size() < 3 || !IsListedKindWord(noun)) return {};
    const PreparedRecord& l = listing_of(j.candidate);
    return TitleHasWordOrPlural(l, noun) || TitleTranslates(l, noun) ? noun : std::string_view();
  };
  std::vector<Judged> judged;
  // A code the listing does show, but too short or too widely held to tell
  // products apart ("TS-5"): said in the evidence, not passed over.
  const auto UnidentifyingCode = [&](const Judged& j) -> std::string {
    const PreparedRecord& l = listing_of(j.candidate);
    const size_t first = l.model_names_no_model ? 1 : 0;  // not a "Various" model field
    if (!j.notice_has_code || j.agreement != CodeAgreement::kNone || l.codes.size() <= first) return "";
    return fmt::format(" (the listing's {} is too short or too common to identify a product)", l.codes[first].normalized);
  };
  // With `left_out`, the pairs the rules leave out before the model, with
  // the rule that did (built only then: Match pays nothing for it).
  std::vector<std::pair<Judged, std::string>> ruled_out;
  const auto rule_out = [&](const Judged& j, const auto& why) {
    if (left_out != nullptr) ruled_out.emplace_back(j, why());
  };
  // Each candidate's record, brands, codes and prepared record lie apart in
  // memory, and a large index is out of the cache: the rules below wait on
  // each in turn. So what candidate k + kAhead will read is fetched while k
  // is judged: the vectors' headers first, their contents half as far ahead
  // (a header must have arrived to know where its contents are).
  constexpr size_t kAhead = 8;
  const auto fetch_headers = [&](uint32_t c) {
    Prefetch(&records_[c].gtins);
    Prefetch(&state_->brand_keys[c]);
    Prefetch(&state_->spellings[c]);
    Prefetch(&state_->identifying[c]);
    const PreparedRecord& p = state_->prepared[c];
    Prefetch(&p.codes);
    Prefetch(&p.title);
  };
  const auto fetch_contents = [&](uint32_t c) {
    const auto fetch = [](const auto& v) {
      if (!v.empty()) Prefetch(v.data());
    };
    fetch(records_[c].gtins);
    fetch(state_->brand_keys[c]);
    fetch(state_->spellings[c]);
    fetch(state_->identifying[c]);
    fetch(state_->prepared[c].codes);
  };
  for (size_t k = 0; k < std::min(candidates.size(), kAhead); ++k) fetch_headers(candidates[k]);
  for (size_t k = 0; k < std::min(candidates.size(), kAhead / 2); ++k) fetch_contents(candidates[k]);
  for (size_t at = 0; at < candidates.size(); ++at) {
    const uint32_t c = candidates[at];
    if (at + kAhead < candidates.size()) fetch_headers(candidates[at + kAhead]);
    if (at + kAhead / 2 < candidates.size()) fetch_contents(candidates[at + kAhead / 2]);
    const MatchRecord& other = records_[c];
    const MatchRecord& notice_record = indexed_are_notices_ ? other : query;
    const MatchRecord& listing_record = indexed_are_notices_ ? query : other;
    const PreparedRecord& n = notice_of(c);
    const PreparedRecord& l = listing_of(c);
    Judged j{c, "", false, false, CodeAgreement::kNone, nullptr, nullptr, false, false, {}};

    // GTINs: shared is identity; both given and none shared is another
    // trade item.
    for (const auto& g : query.gtins)
      if (std::find(other.gtins.begin(), other.gtins.end(), g) != other.gtins.end()) j.shared_gtin = g;
    // One written in the listing's title or description confirms; it
    // never contradicts.
    for (const auto* written : {&listing_record.gtins_in_title, &listing_record.gtins_in_description})
      for (const auto& g : *written)
        if (j.shared_gtin.empty() && std::find(notice_record.gtins.begin(), notice_record.gtins.end(), g) != notice_record.gtins.end()) {
          j.shared_gtin = g;
          j.gtin_written_in = written == &listing_record.gtins_in_title ? "title" : "description";
        }
    // A case or carton of the other's unit (UnitGtinOfCase), either way:
    // the same trade item packed, as wholesale listings sell it.
    if (j.shared_gtin.empty() && !notice_record.gtins.empty())
      for (const auto* ids : {&listing_record.gtins, &listing_record.gtins_in_title, &listing_record.gtins_in_description})
        for (const auto& lg : *ids) {
          // Most GTINs are units (indicator 0): the unit is worked out only
          // for a case's, once.
          const std::string l_unit = UnitGtinOfCase(lg);
          for (const auto& ng : notice_record.gtins) {
            if (!j.shared_gtin.empty()) break;
            const bool n_case = ng[0] >= '1' && ng[0] <= '8';
            if (l_unit.empty() && !n_case) continue;
            const std::string n_unit = n_case ? UnitGtinOfCase(ng) : ng;
            if ((l_unit.empty() ? lg : l_unit) != n_unit) continue;
            j.shared_gtin = n_unit;
            j.case_gtin = !l_unit.empty() ? lg : ng;
            j.case_in_listing = !l_unit.empty();
            if (ids != &listing_record.gtins) j.gtin_written_in = ids == &listing_record.gtins_in_title ? "title" : "description";
          }
        }
    // An ASIN names one product page; the GTINs, when both give one, still
    // say whether it is another trade item.
    if (j.shared_gtin.empty())
      for (const auto* asins : {&listing_record.asins, &listing_record.asins_in_description, &listing_record.asins_in_title})
        for (const auto& a : *asins)
          if (j.shared_gtin.empty() && std::find(notice_record.asins.begin(), notice_record.asins.end(), a) != notice_record.asins.end()) {
            j.shared_gtin = a;
            j.shared_is_asin = true;
            if (asins == &listing_record.asins_in_description) j.gtin_written_in = "description";
            if (asins == &listing_record.asins_in_title) j.gtin_written_in = "title";
          }
    // Given as another product's: reviewed at most.
    for (const auto* referenced : {&listing_record.referenced_in_title, &listing_record.referenced_ids})
      for (const auto& id : *referenced) {
        if (!j.shared_gtin.empty()) break;
        const bool asin = !AsinOf(id).empty();
        const std::vector<std::string>& notice_ids = asin ? notice_record.asins : notice_record.gtins;
        if (std::find(notice_ids.begin(), notice_ids.end(), id) == notice_ids.end()) continue;
        j.shared_gtin = id;
        j.shared_is_asin = asin;
        j.gtin_written_in = referenced == &listing_record.referenced_in_title ? "title" : "description";
        j.referenced_id = true;
      }
    // Written in the listing's text, a GTIN confirms and never contradicts
    // one; but beside a shared ASIN, any other GTIN says the page is of
    // another trade item.
    j.gtins_differ = !notice_record.gtins.empty() &&
                     (j.shared_is_asin ? !listing_record.gtins.empty() || !listing_record.gtins_in_title.empty() ||
                                             !listing_record.gtins_in_description.empty()
                                       : j.shared_gtin.empty() && !listing_record.gtins.empty());
    j.notice_has_gtin = !notice_record.gtins.empty();

    // Brands: agree, conflict, or unknown on one side.
    const std::vector<std::string>& notice_brands = indexed_are_notices_ ? state_->brand_keys[c] : query_brands;
    const std::vector<std::string>& listing_brands = indexed_are_notices_ ? query_brands : state_->brand_keys[c];
    const std::vector<std::string>& notice_spellings = indexed_are_notices_ ? state_->spellings[c] : query_spellings;
    const std::vector<std::string>& listing_spellings = indexed_are_notices_ ? query_spellings : state_->spellings[c];
    for (const auto& canonical : notice_brands)
      for (const auto& lb : listing_brands)
        j.brands_agree = j.brands_agree || SameBrandKey(lb, canonical) || BrandIsTheOthersFirstWords(lb, canonical) ||
                         BrandFieldAndTitleHoldTheBrand(lb, canonical, l.title);
    for (size_t a = 0; a < notice_brands.size() && !j.brands_agree; ++a)
      for (size_t b = 0; b < listing_brands.size() && !j.brands_agree; ++b)
        if (BrandWrittenWithLookAlikes(notice_brands[a], listing_brands[b])) {
          j.brands_agree = true;
          j.look_alike_brand = listing_brands[b];
        }
    // The listing's brand is the name of a firm that recalls ("Anker" for
    // "Anker Innovations Limited, of China").
    for (size_t i = 0; i < listing_brands.size() && !j.brands_agree; ++i)
      for (const auto& firm : notice_record.companies) j.brands_agree = j.brands_agree || SameBrandKey(firm, listing_brands[i]);
    const bool same_brand_field = j.brands_agree;
    // Named in the listing's text, in any of its spellings; not as a
    // comparison or what the goods fit ("like Stokke", "for Limar Torino":
    // NamesAsItsMaker).
    for (size_t i = 0; i < notice_spellings.size() && !j.brands_agree; ++i) j.brands_agree = NamesAsItsMaker(l, notice_spellings[i]);
    // A brand of several words written together ("MaxiCosi" for "Maxi
    // Cosi"), 6 letters or more.
    for (size_t i = 0; i < notice_spellings.size() && !j.brands_agree; ++i)
      if (notice_spellings[i].find(' ') != std::string::npos) {
        const std::string together = Without(notice_spellings[i], ' ');
        j.brands_agree = together.size() >= 6 && NamesAsItsMaker(l, together);
      }
    // A listing without a brand field that names a firm that recalls
    // ("HARPPA Foldable Toddler Tower" for HARPPA's Nordi towers).
    for (size_t i = 0; i < notice_record.companies.size() && !j.brands_agree && listing_brands.empty(); ++i)
      j.brands_agree = notice_record.companies[i].size() >= 4 && NamesAsItsMaker(l, notice_record.companies[i]);
    // A listing without a brand field whose title starts with the notice's
    // brand without its company words ("Headrush TRUBLUE auto belay"
    // against "Headrush Technologies"): the first word is where such
    // listings put the brand. (Not anywhere in the title: the brand without
    // its company words may be a common word.)
    for (size_t i = 0; i < notice_brands.size() && !j.brands_agree && listing_brands.empty() && !l.first_word.empty(); ++i)
      j.brands_agree = notice_brands[i].find(l.first_word) != std::string::npos && notice_brands[i] != l.first_word &&
                       WithoutCompanyWords(notice_brands[i]) == l.first_word;
    // A maker the description of a listing without a brand names ("By
    // World Class Fireworks"), as the notice's brand, with or without its
    // company words.
    for (size_t i = 0; i < notice_brands.size() && !j.brands_agree && listing_brands.empty(); ++i)
      for (const auto& maker : listing_record.makers_in_prose)
        j.brands_agree = j.brands_agree || SameBrandKey(maker, notice_brands[i]) || WithoutCompanyWords(notice_brands[i]) == maker;
    const bool brand_in_text_only = j.brands_agree && !same_brand_field;
    // The listing names the notice's brand and every word of its product
    // name. Not when the brands agree only through the listing's brand in
    // the notice's text, which holds that name too ("Calm" in "Essential
    // oil blend Calm").
    // With a shared GTIN, the name counts whatever the brand ("Panier
    // Moïse" with the basket's barcode).
    if (j.brands_agree || !j.shared_gtin.empty()) {
      bool name_in_title = false;
      for (size_t k = 0; k < notice_record.name_words.size() && !name_in_title; ++k) name_in_title = NamesNoticeName(l, notice_record, k, n);
      if (!name_in_title && std::any_of(notice_record.name_compacts.begin(), notice_record.name_compacts.end(), [](const std::string& c) { return !c.empty(); })) {
        const std::string title = CompactAlnum(l.title);
        for (size_t k = 0; k < notice_record.name_compacts.size() && !name_in_title; ++k)
          name_in_title = NamesCompactName(title, notice_record, k) && !(NamesAnotherModelLine(l.title, notice_record, k) && NamesAVehicle(n));
      }
      j.named = j.brands_agree && name_in_title;
      if (!j.shared_gtin.empty()) {
        j.name_in_title = name_in_title;
        j.shared_title_word = SharedTitleWord(l, n);
      }
    }
    if (!j.named && !notice_record.product_name_words.empty()) {
      // A CPSC or Health Canada product name names the product for rule 4
      // alone, with the brand agreeing in the brand field or the title of
      // a listing whose brand field names none.
      // And with a word few notices' titles have (at most one in 500, or
      // 5), not a number or spec ("20w"): brand and kind ("Breezo Hair
      // dryers", "Axra smoke alarm"), or a line name the brand gives
      // hundreds of products, name every listing of the brand's line.
      // Nor the name's first word, where a notice without a brand field
      // puts the brand ("Grarira Fan heater"), nor a word of a maker's or
      // shop's name ("Tech", "Home").
      const auto rare_word = [&](const std::vector<std::string>& words) {
        const double documents = static_cast<double>(featurizer_->fitted_records());
        const double most = std::max(5.0, documents / 500);
        static const std::unordered_set<std::string_view> kMakersWords = {"tech", "home", "kids", "audio", "official", "store", "shop", "co"};
        // Counted in the singular and the plural: "heater" and "heaters".
        for (const std::string& w : words) {
          if (kMakersWords.count(w) != 0 || (&w == &words.front() && n.first_word == w) || std::any_of(w.begin(), w.end(), IsAsciiDigit)) continue;
          const std::string other = w.ends_with('s') ? w.substr(0, w.size() - 1) : w + "s";
          if (featurizer_->TitlesWith(w) + featurizer_->TitlesWith(other) <= most + 0.5) return true;
        }
        return false;
      };
      // The name's closing kind in the plural, as CPSC writes it ("Nordi
      // Foldable Toddler Tower Stools"), a seller may call otherwise
      // ("Nordi Toddler Tower Foldable Kitchen Helper"): three words or
      // more before it name the product without it.
      const auto names_product = [&](const std::vector<std::string>& words) {
        if (TitleHasEvery(l, words)) return rare_word(words);
        if (words.size() < 4 || !words.back().ends_with('s')) return false;
        thread_local std::vector<std::string> before;
        before.assign(words.begin(), words.end() - 1);
        return TitleHasEvery(l, before) && rare_word(before);
      };
      // A notice without a brand: its whole name (which holds the brand,
      // if any) is what agrees, whatever the listing's brand field says.
      const bool product_name_in_title =
          (notice_brands.empty() || (j.brands_agree && (same_brand_field || listing_brands.empty()))) &&
          std::any_of(notice_record.product_name_words.begin(), notice_record.product_name_words.end(), names_product);
      j.product_named = product_name_in_title;
      j.notice_brandless = notice_brands.empty();
    }
    // The listing's brand named in the notice's product name ("Voltix
    // charger" under the importer's brand); not its description, whose
    // words would pass for short brands.
    for (size_t i = 0; i < listing_spellings.size() && !j.brands_agree; ++i) j.brands_agree = NameInText(n.title, listing_spellings[i]);
    bool brands_conflict = !j.brands_agree && !notice_brands.empty() && !listing_brands.empty();
    for (size_t a = 0; a < notice_brands.size() && brands_conflict; ++a)
      for (size_t b = 0; b < listing_brands.size() && brands_conflict; ++b)
        brands_conflict = !BrandStartsTheOther(notice_brands[a], listing_brands[b]) && !BrandsSpelledAlike(notice_brands[a], listing_brands[b]) &&
                          !(WrittenInOtherScripts(notice_brands[a], listing_brands[b]) &&
                            NoSpellingInTheOthersScript(notice_spellings, listing_brands[b]) &&
                            NoSpellingInTheOthersScript(listing_spellings, notice_brands[a]));
    std::string listing_brands_shown;  // the title's brand, when the conflict is with it
    // A listing without a brand field whose title opens with a brand of
    // the alias table in two of its spellings ("品胜 Pisen 充电宝", "乐高 LEGO
    // 积木"), as sellers on Chinese marketplaces write it: that is its brand.
    // (Not one name alone: sellers of accessories open with the brand of
    // what they fit.)
    if (!brands_conflict && !j.brands_agree && listing_brands.empty() && !notice_brands.empty() && options_.brands != nullptr) {
      std::string title_brand;
      if (!indexed_are_notices_) {
        title_brand = BrandInTwoSpellingsFirst(l.title, *options_.brands);
      } else {
        if (!query_title_brand) query_title_brand = BrandInTwoSpellingsFirst(l.title, *options_.brands);
        title_brand = *query_title_brand;
      }
      if (!title_brand.empty()) {
        brands_conflict = std::none_of(notice_brands.begin(), notice_brands.end(), [&](const std::string& nb) {
          return SameBrandKey(title_brand, nb) || WithoutCompanyWords(nb) == title_brand;
        });
        if (brands_conflict) listing_brands_shown = std::move(title_brand);
      }
    }
    if (brand_in_text_only && !listing_brands.empty()) {
      // The notice's brand inside the listing's ("Elite Breezo", "安克官方旗舰店"),
      // the listing's brand named in the notice's title, or a firm that
      // recalls.
      bool field_agrees = false;
      for (size_t i = 0; i < notice_spellings.size() && !field_agrees; ++i) {
        const std::string& name = notice_spellings[i];
        // A shop's name glued to the brand ("RowentaShop") too.
        field_agrees = !name.empty() && (IsAsciiText(name) ? HasWord(l.brand, name) || (name.size() >= 4 && l.brand.starts_with(name))
                                               : l.brand.find(name) != std::string::npos);
      }
      for (size_t i = 0; i < listing_spellings.size() && !field_agrees; ++i) field_agrees = NameInText(n.title, listing_spellings[i]);
      for (size_t i = 0; i < listing_brands.size() && !field_agrees; ++i)
        for (const auto& firm : notice_record.companies) field_agrees = field_agrees || SameBrandKey(firm, listing_brands[i]);
      if (!field_agrees) j.other_brand_field = listing_brands[0];
    }
    // A restricted-circulation number (in-store, variable measure) is
    // unique only inside one company or country: shared, it identifies the
    // product only when the brand agrees too; else the pair is judged as if
    // no GTIN were shared, and the evidence says why.
    if (!j.shared_gtin.empty() && !j.brands_agree && IsRestrictedCirculationGtin(j.shared_gtin)) {
      j.restricted_gtin = std::move(j.shared_gtin);
      j.shared_gtin.clear();
      j.case_gtin.clear();
    }
    // A GTIN identifies the trade item whatever brand a listing gives it;
    // the evidence says when the brands conflict, for whoever acts on it.
    const std::string_view listing_brand_named = listing_brands.empty() ? std::string_view(listing_brands_shown) : std::string_view(listing_brands[0]);
    if (!j.shared_gtin.empty() && brands_conflict) j.gtin_brands_differ = fmt::format("{} and {}", notice_brands[0], listing_brand_named);
    // Another maker's product. Explaining, the codes are compared first,
    // so that the explanation shows them.
    const bool other_maker = j.shared_gtin.empty() && brands_conflict;
    if (other_maker && left_out == nullptr) continue;

    // The notice's model codes against the listing's.
    const std::vector<uint8_t>& notice_identifying = indexed_are_notices_ ? state_->identifying[c] : query_identifying;
    const std::vector<uint8_t>& listing_identifying = indexed_are_notices_ ? query_identifying : state_->identifying[c];
    bool listing_has_code = false;
    for (size_t ai = 0; ai < n.codes.size(); ++ai) {
      const ModelCode& a = n.codes[ai];
      if (!notice_identifying[ai]) continue;
      j.notice_has_code = true;
      // A word naming another model of the range after the code ("HD-2200X
      // Plus", "KX450Pro") on one side only: the listing's variant of the
      // notice's model is a review; the plain model, against a notice
      // that only ever writes the code with such a word, a near code.
      std::string variant;
      const auto better = [&](CodeAgreement level, const ModelCode* b) {
        // Of two agreements of one level, the code written the same
        // ("PB2000S" and "PB2000S", not "PB2000" with a suffix) is the one
        // to show and weigh.
        const bool exact_over_suffixed = level == CodeAgreement::kSame && j.agreement == CodeAgreement::kSame && b != nullptr &&
                                         a.normalized == b->normalized && j.listing_code != nullptr &&
                                         j.notice_code->normalized != j.listing_code->normalized;
        if (level <= j.agreement && !exact_over_suffixed) return;
        variant.clear();
        if (level == CodeAgreement::kVariant) {
          variant = b->normalized;
          if (CodeInText(variant, n.all_text, n.all_numbers)) level = CodeAgreement::kSame;  // the notice names it too
        } else if (level == CodeAgreement::kSame) {
          if (std::string written = VariantInValues(b != nullptr ? b->normalized : a.normalized, listing_record.record, l.all_numbers);
              !written.empty()) {
            variant = std::move(written);
            // The notice names that variant too, as the listing writes it
            // ("HD-2200X+", "HD-2200X 프로") or whole.
            const std::vector<std::string> noticed = CodeForms(b != nullptr ? b->normalized : a.normalized, notice_record.record, n.all_numbers);
            if (!CodeInText(variant, n.all_text, n.all_numbers) && std::find(noticed.begin(), noticed.end(), variant) == noticed.end())
              level = CodeAgreement::kVariant;
          } else if (const std::string_view noticed = VariantAfterCode(a.normalized, n.all_text, n.all_numbers); !noticed.empty()) {
            variant = CompactVariant(noticed);
            level = CodeAgreement::kNear;
          }
        }
        if (level < j.agreement || (level == j.agreement && !exact_over_suffixed)) return;
        j.agreement = level;
        j.notice_code = &a;
        j.listing_code = b;
        j.listing_variant = level == CodeAgreement::kVariant ? variant : std::string();
        j.notice_variant = level == CodeAgreement::kNear ? std::move(variant) : std::string();
      };
      for (size_t bi = 0; bi < l.codes.size(); ++bi) {
        const ModelCode& b = l.codes[bi];
        if (!listing_identifying[bi]) continue;
        listing_has_code = true;
        // What the listing's code has after the notice's, when it starts
        // with it.
        const std::string_view after = b.normalized.starts_with(a.normalized) ? std::string_view(b.normalized).substr(a.normalized.size())
                                                                              : std::string_view();
        if (a.normalized == b.normalized) better(CodeAgreement::kSame, &b);
        else if (!after.empty() && (IsModelVariantWord(after) || IsSizeOrSuccessorSuffix(after)))
          better(CodeAgreement::kVariant, &b);  // "KX450PRO" for KX450, "CGG6331XL" for CGG6331
        else if (!after.empty() && after.size() <= 3 && AllLetters(after))
          // Letters after the digits are a finish or region suffix; letters
          // after letters may make another model ("KX450P", "KX450PRO").
          better(IsAsciiDigit(a.normalized.back()) ? CodeAgreement::kSame : CodeAgreement::kNear, &b);
        else if (a.normalized.starts_with(b.normalized) && a.normalized.size() - b.normalized.size() <= 3 &&
                 AllLetters(std::string_view(a.normalized).substr(b.normalized.size())))
          better(CodeAgreement::kNear, &b);
        else if (!a.stem.empty() && a.stem == b.stem)
          better(CodeAgreement::kNear, &b);
        else if (IsVariantOf(a.normalized, b.normalized) || IsRegionVariantOf(a.normalized, b.normalized) ||
                 CodeWrittenWithLookAlikes(a.normalized, b.normalized))
          better(CodeAgreement::kNear, &b);
      }
      if (j.agreement < CodeAgreement::kSame && MayHoldCode(a.normalized, listing_compact_text(l)) &&
          CodeInText(a.normalized, l.all_text, l.all_numbers))
        better(CodeAgreement::kSame, nullptr);
    }
    if (!listing_has_code)
      for (const uint8_t b : listing_identifying) listing_has_code = listing_has_code || b != 0;
    if (other_maker) {
      rule_out(j, [&] { return fmt::format("rule: brands in conflict ({} and {}) -> none", notice_brands[0], listing_brand_named); });
      continue;
    }

    if (j.shared_gtin.empty()) {
      if (j.notice_has_code && j.agreement == CodeAgreement::kNone && listing_has_code) {  // a sibling model
        rule_out(j, [] { return std::string("rule: the listing shows other model codes, not the notice's -> none"); });
        continue;
      }
      // Rule 4 and near codes need agreeing brands, no GTIN conflict and a model.
      const bool code_written = j.agreement == CodeAgreement::kSame || j.agreement == CodeAgreement::kVariant;
      const bool named = j.named || (j.product_named && j.agreement != CodeAgreement::kNear) || look_alike_code(j) ||
                         (j.agreement == CodeAgreement::kNone && !brands_kind_named(j).empty());
      const bool brands_agree = j.brands_agree || (j.product_named && j.notice_brandless);
      // Another GTIN than the notice's rules out what brand and words
      // suggest, but not the notice's own name for the product with its
      // brand: alerts give the GTINs of the variants the authority saw, and
      // the same chair in another colour has its own ("Maxi-Cosi Ava,
      // Beyond White"). For a person to tell, when the listing names the
      // notice's kind of product in its words too: a line's other goods
      // ("Gliss Asia Straight conditioner" against the shampoo) carry
      // other GTINs.
      const auto names_notice_noun = [&] {
        const std::string_view noun = ProductNoun(notice_of(j.candidate));
        const PreparedRecord& lp = listing_of(j.candidate);
        return !noun.empty() && TitleHasWordOrPlural(lp, noun);
      };
      if (!(j.notice_has_code && code_written) &&
          (!(model_says || named) || !brands_agree || (j.gtins_differ && !(j.named && names_notice_noun())))) {
        rule_out(j, [&] {
          const std::string what = j.agreement == CodeAgreement::kNear ? "the notice's model code only near the listing's"
                                                                        : "nothing identifying" + UnidentifyingCode(j);
          return fmt::format("rule: {}, and {} -> none", what,
                             !(model_says || named) ? "no model to weigh brand and description"
                             : !brands_agree  ? "the brand is not confirmed"
                                                : "the GTINs differ");
        });
        continue;
      }
    }
    // Kinds last: reading the query's costs a classification, which most
    // queries, left without a pair by the rules above, never need.
    if (options_.kinds != nullptr) {
      if (!query_kind) query_kind = indexed_are_notices_ ? options_.kinds->OfListing(query) : options_.kinds->OfNotice(query);
      j.kinds = indexed_are_notices_ ? options_.kinds->Judge(state_->kinds[c], *query_kind)
                                     : options_.kinds->Judge(*query_kind, state_->kinds[c]);
      const bool outside_vocabulary = options_.kinds->OnlyOutsideVocabulary(indexed_are_notices_ ? state_->kinds[c] : *query_kind);
      j.whole_vehicle = outside_vocabulary && NamesAVehicle(n);
      // The notice's code written whole, with the brand agreeing, outweighs
      // kinds read from incidental words when the code has 8 characters or
      // more ("Kinder" in a learning tower's title against "kitchen" in the
      // notice's), and whatever its length a category the listing is merely
      // filed under (a seller's mistake, or a way round the check): a
      // review. Not for kinds outside the vocabulary (a car's model on its
      // floor mats).
      j.kinds_doubted = j.shared_gtin.empty() && j.kinds.agreement == KindAgreement::kConflict && j.brands_agree &&
                        j.agreement == CodeAgreement::kSame && j.notice_code != nullptr &&
                        (j.notice_code->normalized.size() >= 8 || j.kinds.listing_filed_only) && !outside_vocabulary;
      // A vehicle's alert, and its brand and name in a listing that says
      // it is no goods named after it: the features a vehicle's ad lists
      // name appliances ("Opel Corsa F 1.2, Klima, PDC": air
      // conditioning), not what it sells. Reviewed, as the vehicle is.
      // Only the electrical kinds a car's equipment is ("Klima", "Navi",
      // "LED"), not a perfume under the car's name; any kind when the title
      // gives the vehicle's mileage or registration, a used vehicle's ad
      // ("Peugeot Boxer ..., 18 000 km": no boxer shorts).
      static const std::unordered_set<std::string_view> kEquipment = {"household_appliance", "consumer_electronics", "radio_device",
                                                                      "smart_device",        "led_lamp",             "charger"};
      const ProductKind& listing_kind = indexed_are_notices_ ? *query_kind : state_->kinds[c];
      const bool vehicle_named = j.whole_vehicle && j.named && listing_kind.not_of.empty() &&
                                 (kEquipment.count(j.kinds.listing_kind) != 0 || listing_kind.vehicle_ad);
      if (j.shared_gtin.empty() && j.kinds.agreement == KindAgreement::kConflict && !j.kinds_doubted && !vehicle_named) {  // another kind of product
        rule_out(j, [&] { return fmt::format("rule: kinds of product in conflict ({} and {}) -> none", j.kinds.notice_kind, j.kinds.listing_kind); });
        continue;
      }
      // A whole vehicle's alert gives the period its vehicles were made
      // in; a listing whose title dates it outside sells another vehicle
      // ("Honda Civic 2017" for Civics made in 2020-21). A year is a model
      // year or a first registration's: made in it or the year before (a
      // model year's production runs from the January before it to its
      // December, 40 CFR 85.2304), or in it or earlier. So the year may be
      // the period's last year and one more, not a year before its first.
      // A month ("EZ 07/2022", "- 06/2022 -") is a registration's, a
      // service's or a sale's: made then or before; after a word of making
      // ("produkcja 06/2023"), made then.
      // Not a year the notice names as a model ("Peugeot 2008").
      // Nor a date after a word that dates something else: an inspection
      // ("TÜV 2025", "HU/AU bis 2026", "CT", "ITV", "APK", "MOT"), a
      // service or a new part ("Zahnriemen neu 2023"), the model line's
      // start ("Facelift ab 06/2019").
      if (j.whole_vehicle && j.shared_gtin.empty() && notice_record.made_from_year != 0) {
        // The period of the models the title names, where the alert gives
        // theirs; else the alert's whole span.
        int from = notice_record.made_from_month, to = notice_record.made_to_month;
        if (!notice_record.name_made_months.empty()) {
          int own_from = 0, own_to = 0;
          for (size_t k = 0; k < notice_record.name_made_months.size() && k < notice_record.name_words.size(); ++k) {
            const auto [a, b] = notice_record.name_made_months[k];
            if (a == 0 || !NamesNoticeName(l, notice_record, k, n)) continue;
            own_from = own_from == 0 ? a : std::min(own_from, a);
            own_to = std::max(own_to, b);
          }
          if (own_from != 0) {
            from = own_from;
            to = own_to;
          }
        }
        // The title's months first, then the description's.
        const auto outside = [&](const MatchRecord::DatedMonth& m) { return m.month < from || (m.made && m.month > to); };
        const MatchRecord::DatedMonth* out_of_period = nullptr;
        for (const auto* months : {&listing_record.title_months, &listing_record.described_months}) {
          const auto it = std::find_if(months->begin(), months->end(), outside);
          if (it == months->end()) continue;
          out_of_period = &*it;
          break;
        }
        if (out_of_period != nullptr) {
          rule_out(j, [&] {
            return fmt::format("rule: the alert's vehicles were made {:02}/{}-{:02}/{}, the listing's {} {:02}/{} -> none", from % 12 + 1,
                               from / 12, to % 12 + 1, to / 12, out_of_period->made ? "in" : "in or before",
                               out_of_period->month % 12 + 1, out_of_period->month / 12);
          });
          continue;
        }
        thread_local std::vector<std::string_view> words;
        SplitWords(l.title, &words);
        bool a_year = false, inside = false;
        for (size_t i = 0; i < words.size(); ++i) {
          const std::string_view y = words[i];
          if (y.size() != 4 || !std::all_of(y.begin(), y.end(), IsAsciiDigit) || HasWord(n.all_text, y)) continue;
          const int year = std::stoi(std::string(y));
          if (year < 1950 || year > 2039) continue;
          // The word before, past a month ("TÜV 08/2025").
          size_t k = i;
          if (k > 0 && words[k - 1].size() <= 2 && std::all_of(words[k - 1].begin(), words[k - 1].end(), IsAsciiDigit)) --k;
          if (k > 0 && DatesSomethingElse(words[k - 1])) continue;
          a_year = true;
          inside = inside || (year >= from / 12 && year <= to / 12 + 1);
        }
        if (a_year && !inside) {
          rule_out(j, [&] {
            return fmt::format("rule: the alert's vehicles were made in {}-{}, the listing's is of another year -> none", from / 12, to / 12);
          });
          continue;
        }
      }
    }
    // A short code alone is a coincidence as often as not: makers of
    // cameras, kettles and slime toys all use "D5300"-like codes. Without a
    // GTIN or a brand, a code needs the titles to share a word or the kinds
    // to agree. (The whole name of a notice without a brand is more than a
    // code: "LED Crystal Magic Ball Light" of a "Disco lamp".)
    if (j.shared_gtin.empty() && !j.brands_agree && j.kinds.agreement != KindAgreement::kAgree && !SharesTitleWord(n, l) &&
        !(j.product_named && j.notice_brandless)) {
      rule_out(j, [] { return std::string("rule: only the model code agrees (no brand, title word or kind of product in common) -> none"); });
      continue;
    }
    const std::string_view listing_title_raw = listing_record.record.Get("title");
    // A shared GTIN is also what a part or accessory fits, written in its
    // text or copied into its GTIN field from the product ("Ersatzvisier
    // Torino Helm"): whatever its brand, a listing made for the product or
    // naming an accessory is reviewed (and, the GTIN in its text, one sold
    // under another brand).
    if (j.brands_agree || !j.shared_gtin.empty()) {
      if (!made_for_cues_read || !indexed_are_notices_) ReadMadeForCues(l, listing_title_raw, &made_for_cues);
      made_for_cues_read = true;
      j.made_for = MadeFor(n, l, made_for_cues, notice_spellings, notice_record.name_words, same_brand_field);
    }
    // The maker's own battery or charger of the code the notice gives it,
    // "for" the product it powers or a "replacement": the recalled part.
    if (j.made_for && same_brand_field && j.agreement == CodeAgreement::kSame && j.notice_code != nullptr &&
        SellsThePartTheCodeNames(notice_record.record.Get("description"), *j.notice_code, l))
      j.made_for = false;
    if (!j.shared_gtin.empty() && !j.made_for)
      if (const std::string_view a = AccessoryNamed(n, l, notice_record, /*for_code=*/true, listing_title_raw); !a.empty())
        j.code_accessory = a;
    j.brands_conflict = brands_conflict;
    // Or in the listing's language: "Feuerzeug" with a novelty
    // lighter's barcode. A word whole, not a compound's part
    // ("Feuerzeuggas", a refill), the listing's brand field not
    // another's, no other kind of product in its title (a
    // "T-Shirt Feuerzeug Motiv" carrying the lighter's barcode), and
    // the kinds not apart (a computer "Maus" with a toy mouse's).
    if (!j.shared_gtin.empty() && j.shared_title_word.empty() && !j.brands_agree && !j.name_in_title && !brands_conflict &&
        j.kinds.agreement != KindAgreement::kConflict) {
      std::string_view translated;
      bool other_kind = false;
      for (const std::string_view t : l.title_words) {
        std::string_view means;
        for (const std::string_view w : n.title_words)
          if (w.size() >= 3 && std::none_of(w.begin(), w.end(), IsAsciiDigit) && (SameWordOrPlural(t, w) || TranslatesWholeWord(t, w))) {
            means = w;
            break;
          }
        if (!means.empty()) {
          if (!SameWordOrPlural(t, means)) translated = means;
        } else if (IsListedKindWord(t)) {
          other_kind = true;
        }
      }
      if (!other_kind) j.shared_title_word = translated;
    }
    if (j.brands_agree && !j.made_for && j.shared_gtin.empty() && j.agreement == CodeAgreement::kSame) {
      j.code_accessory = AccessoryNamed(n, l, notice_record, /*for_code=*/true, listing_title_raw);
      j.code_named_as_another = CodeNamedAsAnother(n, l, notice_spellings);
    }
    // Named, or the name beside a shared GTIN: goods sold under the name
    // ("Nola swing seat cushion") are not the product.
    if (j.named || j.product_named || (!j.shared_gtin.empty() && j.name_in_title && j.code_accessory.empty())) {
      j.accessory =
          j.made_for ? std::string_view("made for it") : AccessoryNamed(n, l, notice_record, /*for_code=*/false, listing_title_raw);
      j.named = j.named && j.accessory.empty();
      j.product_named = j.product_named && j.accessory.empty();
    }
    judged.push_back(std::move(j));
  }
  // Identity evidence first, the deciding rule last.
  const auto evidence_of = [&](const Judged& j, double probability, std::string rule) {
    std::vector<std::string> evidence;
    const PreparedRecord& n = notice_of(j.candidate);
    const PreparedRecord& l = listing_of(j.candidate);
    const std::string_view id_kind = j.shared_is_asin ? "ASIN" : "GTIN";
    if (!j.case_gtin.empty())
      evidence.push_back(fmt::format("same GTIN {}: the {}'s GTIN-14 {}{} is of a case of that unit", j.shared_gtin,
                                     j.case_in_listing ? "listing" : "notice", j.case_gtin,
                                     j.gtin_written_in.empty() ? "" : fmt::format(" (written in the listing's {})", j.gtin_written_in)));
    else if (!j.shared_gtin.empty())
      evidence.push_back(!j.gtin_written_in.empty() ? fmt::format("same {} {} (written in the listing's {})", id_kind, j.shared_gtin, j.gtin_written_in)
                                                    : fmt::format("same {} {}", id_kind, j.shared_gtin));
    if (!j.restricted_gtin.empty())
      evidence.push_back(fmt::format("same GTIN {}, but a restricted-circulation number (unique only inside one company or country) "
                                     "and the brand is not confirmed",
                                     j.restricted_gtin));
    // A notice that lists the barcode among its model numbers ("UPC
    // 680079015947" in CPSC's table) agrees on it once, as the GTIN.
    const auto is_the_gtin = [&](const std::string& code) {
      return !j.shared_gtin.empty() && code.size() >= 8 && std::all_of(code.begin(), code.end(), IsAsciiDigit) &&
             std::string_view(j.shared_gtin).ends_with(code) &&
             std::all_of(j.shared_gtin.begin(), j.shared_gtin.end() - static_cast<std::ptrdiff_t>(code.size()), [](char c) { return c == '0'; });
    };
    if (j.notice_code != nullptr && !is_the_gtin(j.notice_code->normalized)) {
      const std::string& a = j.notice_code->normalized;
      if (!j.notice_variant.empty()) {
        evidence.push_back(fmt::format("model code {} in the listing, which the notice writes only as {}", a, j.notice_variant));
      } else if (j.listing_code == nullptr) {
        evidence.push_back("model code " + a + " in the listing");
      } else {
        const std::string& b = j.listing_code->normalized;
        if (a == b) evidence.push_back("same model code " + a);
        else if (b.starts_with(a) && b.size() - a.size() <= 3 && AllLetters(std::string_view(b).substr(a.size())))
          evidence.push_back(fmt::format("model code {} with a suffix ({})", a, b));
        else if (a.starts_with(b) && a.size() - b.size() <= 3 && AllLetters(std::string_view(a).substr(b.size())))
          evidence.push_back(fmt::format("model code {} without its suffix ({})", a, b));
        else if (IsRegionVariantOf(a, b))
          evidence.push_back(fmt::format("model code {} with a maker's market suffix ({})", a, b));
        else if (IsVariantOf(a, b))
          evidence.push_back(fmt::format("model code {} without its suffix ({})", a, b));
        else if (CodeWrittenWithLookAlikes(a, b))
          evidence.push_back(fmt::format("model code {} written with look-alike characters ({})", a, b));
        else
          evidence.push_back(fmt::format("same model stem {} ({} and {})", j.notice_code->stem, a, b));
      }
    }
    if (j.brands_agree)
      evidence.push_back(!j.look_alike_brand.empty() ? fmt::format("brand named in both (the listing's written {})", j.look_alike_brand)
                         : j.other_brand_field.empty()
                             ? std::string("brand named in both")
                             : fmt::format("the notice's brand named in the listing's text (its brand field: {})", j.other_brand_field));
    // The words of the notice's name the listing's title has.
    const auto name_in_title = [&] {
      const MatchRecord& notice_record = indexed_are_notices_ ? records_[j.candidate] : query;
      std::string words;
      // Said when some are there in the listing's language.
      const auto in_its_language = [&](const std::vector<std::string>& name) {
        bool translated = false;
        TitleHasEvery(l, name, &translated);
        if (translated) words.append(", in the listing's language");
      };
      for (size_t k = 0; k < notice_record.name_words.size() && words.empty(); ++k)
        if (NamesNoticeName(l, notice_record, k, n)) {
          if (k < notice_record.name_lines.size() && !notice_record.name_lines[k].empty()) {
            // "aclass", "3series": said as the line's letter or digit and word.
            const std::string& line = notice_record.name_lines[k];
            words = fmt::format("{} {}, its line or a model of it", line.substr(0, 1), line.substr(1));
            continue;
          }
          for (const auto& w : notice_record.name_words[k]) words.append(words.empty() ? "" : " ").append(w);
          in_its_language(notice_record.name_words[k]);
        }
      for (const auto& name : notice_record.product_name_words)
        if (words.empty() && TitleHasEvery(l, name)) {
          for (const auto& w : name) words.append(words.empty() ? "" : " ").append(w);
          in_its_language(name);
        }
      // Or the name written without its spaces or hyphens ("Spiderman" for
      // "SPIDER-MAN").
      if (words.empty()) {
        const std::string title = CompactAlnum(l.title);
        for (size_t k = 0; k < notice_record.name_compacts.size() && k < notice_record.name_words.size() && words.empty(); ++k) {
          if (!NamesCompactName(title, notice_record, k)) continue;
          for (const auto& w : notice_record.name_words[k]) words.append(words.empty() ? "" : " ").append(w);
          words.append(", written as one");
        }
      }
      return words;
    };
    if (j.named || j.product_named || !j.accessory.empty()) {
      const std::string words = name_in_title();
      evidence.push_back(j.named || j.product_named ? fmt::format("the notice's product name in the listing's title ({})", words)
                                 : fmt::format("the notice's product name in the listing's title ({}), but for an accessory or other goods "
                                               "of that name ({})",
                                               words,
                                               j.made_for ? std::string(j.accessory) : AsWrittenIn(listing_title_of(j.candidate), j.accessory)));
    }
    // What agrees besides a shared GTIN, when neither brand, name nor kind
    // does.
    if (!j.shared_gtin.empty() && !j.brands_agree && !j.name_in_title && !(j.kinds.agreement == KindAgreement::kAgree && !j.brands_conflict) &&
        !j.shared_title_word.empty())
      evidence.push_back(fmt::format("a word of the notice's title in the listing's ({})", j.shared_title_word));
    if (!j.shared_gtin.empty() && j.name_in_title && !j.named && j.accessory.empty()) {
      const std::string words = name_in_title();
      evidence.push_back(words.empty() ? std::string("the notice's product name in the listing's title")
                                       : fmt::format("the notice's product name in the listing's title ({})", words));
    }
    if (j.gtins_differ) evidence.push_back("the GTINs differ");
    if (j.kinds.agreement == KindAgreement::kAgree)
      evidence.push_back(j.kinds.notice_kind == j.kinds.listing_kind
                             ? fmt::format("same kind of product ({})", j.kinds.notice_kind)
                             : fmt::format("kinds agree ({} and {}: {})", j.kinds.notice_kind, j.kinds.listing_kind, j.kinds.why));
    if (!j.gtin_brands_differ.empty()) evidence.push_back(fmt::format("brands differ ({}), but the {} is shared", j.gtin_brands_differ, id_kind));
    if (j.kinds.agreement == KindAgreement::kConflict && !j.shared_gtin.empty())
      evidence.push_back(fmt::format("kinds differ ({} and {}), but the {} is shared", j.kinds.notice_kind, j.kinds.listing_kind, id_kind));
    if (!std::isnan(probability))
      evidence.push_back(fmt::format("match probability {:.3f} (title similarity {:.2f})", probability,
                                     Cosine(n.title_word, l.title_word)));
    evidence.push_back(std::move(rule));
    return evidence;
  };
  if (left_out != nullptr)
    for (auto& [j, why] : ruled_out) {
      RecallMatch m;
      m.indexed = j.candidate;
      m.evidence = evidence_of(j, std::nan(""), std::move(why));
      left_out->push_back(std::move(m));
    }
  if (judged.empty()) return {};

  std::vector<float> probabilities;
  if (model_says) {
    featurizer_->AddVectors(&q);
    state_->modelled += judged.size();
    FeatureMatrix features(judged.size(), PairFeaturizer::FeatureCount());
    for (size_t k = 0; k < judged.size(); ++k) featurizer_->Compute(notice_of(judged[k].candidate), listing_of(judged[k].candidate), features.row(k));
    auto predicted = model_->Predict(features);
    if (predicted.ok()) probabilities = std::move(predicted).value();
  }

  std::vector<RecallMatch> out;
  for (size_t k = 0; k < judged.size(); ++k) {
    const Judged& j = judged[k];
    const bool scored = !probabilities.empty();
    const double probability = scored ? probabilities[k] : std::nan("");
    RecallMatch m;
    m.indexed = j.candidate;
    m.probability = probability;
    // Below the model's bar for brand and description: left out, and said
    // why when asked.
    const auto too_doubtful = [&](std::string_view what) {
      if (left_out == nullptr) return;
      RecallMatch none = m;
      none.evidence = evidence_of(j, probability,
                                  scored ? fmt::format("rule: {}, match probability below {:.2f} -> none", what, options_.review_unidentified_at)
                                         : fmt::format("rule: {}, and no model to weigh brand and description -> none", what));
      left_out->push_back(std::move(none));
    };
    std::string rule;
    const std::string_view accessory = !j.code_accessory.empty() ? j.code_accessory : j.accessory;
    const std::string_view id_kind = j.shared_is_asin ? "ASIN" : "GTIN";
    if (!j.shared_gtin.empty() && (j.made_for || !accessory.empty() || (!j.gtin_written_in.empty() && j.brands_conflict) || j.referenced_id)) {
      // The GTIN of a listing that sells something made for the product or
      // an accessory of it, or, written in its text, another maker's goods:
      // the code of what it fits ("for LIMAR Torino, EAN 8055186669918"),
      // or copied into the GTIN field from the product it fits.
      m.action = RecallAction::kReview;
      rule = fmt::format("rule: shared {}{}, but {} -> review", id_kind,
                         j.gtin_written_in.empty() ? std::string() : fmt::format(", written in the listing's {}", j.gtin_written_in),
                         j.made_for           ? std::string("the listing may sell something made for it")
                         : !accessory.empty() ? fmt::format("the listing may sell an accessory of it ({})",
                                                            AsWrittenIn(listing_title_of(j.candidate), accessory))
                         : j.brands_conflict  ? std::string("the listing's brand is another")
                                              : std::string("the listing gives it as another product's (after a word such as "
                                                            "\"for\", \"compatible\", \"not\" or \"original\")"));
    } else if (!j.shared_gtin.empty() && j.brands_conflict &&
               (j.kinds.agreement == KindAgreement::kConflict ||
                (j.kinds.agreement == KindAgreement::kAgree && j.kinds.notice_kind != j.kinds.listing_kind))) {
      // A barcode copied from another product: the brands differ and so do
      // the kinds of product, or they are two kinds one product may be (a
      // no-name power bank carrying a charger maker's barcode). (Not the
      // model's doubt: it rarely scores a pair high on a GTIN, and a shop's
      // name in the brand field is routine.)
      m.action = RecallAction::kReview;
      rule = j.kinds.agreement == KindAgreement::kConflict
                 ? fmt::format("rule: shared {}, but the brands differ and so do the kinds of product -> review", id_kind)
                 : fmt::format("rule: shared {}, but the brands differ and the kinds of product are not the same ({} and {}) -> review",
                               id_kind, j.kinds.notice_kind, j.kinds.listing_kind);
    } else if (!j.shared_gtin.empty() && !j.brands_agree && !j.name_in_title &&
               (j.kinds.agreement != KindAgreement::kAgree || j.kinds.notice_kind != j.kinds.listing_kind || j.brands_conflict) &&
               j.shared_title_word.empty()) {
      // The number alone: no brand, kind, name or word of the notice's
      // title agrees (nor the kind, when the listing names another brand:
      // kinds are broad; nor two kinds one product may be, a mug and a
      // toy). Sellers copy the barcode of the product a part or
      // an accessory fits, and say so in words of any language
      // ("Reservetouw voor schommel Nola 5715404196000" for a swing).
      m.action = RecallAction::kReview;
      rule = fmt::format("rule: shared {}, but nothing else the listing says (brand, the same kind of product, name, a word of the notice's title) "
                         "agrees -> review", id_kind);
    } else if (!j.case_gtin.empty() && !j.brands_agree) {
      // A case's number holds the unit's by convention only: with the
      // brand unconfirmed, for a person to tell.
      m.action = RecallAction::kReview;
      rule = fmt::format("rule: the {}'s GTIN-14 is of a case of the {}'s GTIN, but the brand is not confirmed -> review",
                         j.case_in_listing ? "listing" : "notice", j.case_in_listing ? "notice" : "listing");
    } else if (!j.shared_gtin.empty() && !j.shared_is_asin && !j.brands_agree && LooksMadeUpGtin(j.shared_gtin)) {
      // A number that looks made up ("6912345678902"), which makers of
      // cheap goods print on whatever they sell: with the brand
      // unconfirmed, for a person to tell.
      m.action = RecallAction::kReview;
      rule = "rule: shared GTIN, but a number that looks made up (digits in sequence, printed by many makers) and the brand is not confirmed -> review";
    } else if (j.shared_is_asin && j.gtins_differ) {
      // One product page, two trade items: a variant's page, or an ASIN
      // copied from another product.
      m.action = RecallAction::kReview;
      rule = "rule: shared ASIN, but the GTINs differ -> review";
    } else if (!j.shared_gtin.empty()) {
      m.action = RecallAction::kTakedown;
      rule = fmt::format("rule: shared {} -> takedown", id_kind);
    } else if (j.notice_has_code && j.agreement == CodeAgreement::kSame) {
      // The listing's model field giving exactly a code of the notice (its
      // model field, a labelled list, or its prose and tables), the kind of
      // product the same or unknown (not two kinds one product may be):
      // what the pair model doubts there is how a notice listing many
      // models reads, not the product (a CPSC notice's table of "TRX113
      // ... TRX114 ...").
      const PreparedRecord& np = notice_of(j.candidate);
      const PreparedRecord& lp = listing_of(j.candidate);
      const bool in_model_field =
          j.listing_code != nullptr && j.notice_code != nullptr && !lp.codes.empty() && j.listing_code == &lp.codes[0] &&
          // The code itself, not a suffixed one (a sibling as often), but
          // for a market set apart.
          (j.listing_code->normalized == j.notice_code->normalized ||
           CodeWithMarketApart((indexed_are_notices_ ? query : records_[j.candidate]).record.Get("model"), j.notice_code->normalized,
                               j.listing_code->normalized)) &&
          !lp.model.empty() && !lp.model_names_no_model && j.kinds.agreement != KindAgreement::kConflict &&
          (j.kinds.agreement == KindAgreement::kUnknown || j.kinds.notice_kind == j.kinds.listing_kind) &&
          !(!np.codes.empty() && j.notice_code == &np.codes[0] && np.model_names_no_model);
      const bool model_agrees = !scored || probability >= options_.takedown_at || in_model_field;
      if (j.brands_agree && !j.gtins_differ && model_agrees && !j.made_for && j.code_accessory.empty() && !j.whole_vehicle &&
          j.other_brand_field.empty() && !j.kinds_doubted && !j.code_named_as_another) {
        m.action = RecallAction::kTakedown;
        rule = "rule: notice model code and brand in the listing -> takedown";
      } else {
        m.action = RecallAction::kReview;
        rule = fmt::format("rule: notice model code in the listing, but {} -> review",
                           !j.brands_agree            ? "the brand is not confirmed"
                           : j.gtins_differ           ? "the GTINs differ"
                           : j.made_for               ? "the listing may sell something made for it"
                           : !j.other_brand_field.empty() ? fmt::format("the notice's brand is only in the listing's text, its brand "
                                                                        "field names another ({})", j.other_brand_field)
                           : j.whole_vehicle          ? std::string("the notice recalls goods outside the product vocabulary (a vehicle), and "
                                                                    "listings naming its model mostly sell parts and accessories for it")
                           : !j.code_accessory.empty() ? fmt::format("the listing may sell an accessory of it ({})",
                                                                     AsWrittenIn(listing_title_of(j.candidate), j.code_accessory))
                           : j.kinds_doubted ? fmt::format("the kinds of product differ ({} and {})", j.kinds.notice_kind, j.kinds.listing_kind)
                           : j.code_named_as_another ? std::string("the listing names the code as another model's (after \"not\", \"instead of\" or \"successor\")")
                                                      : fmt::format("match probability below {:.2f}", options_.takedown_at));
      }
    } else if (j.notice_has_code && j.agreement == CodeAgreement::kVariant) {
      // The code is the notice's, the word after it may make another model:
      // for a person to tell, never taken down on the code alone.
      m.action = RecallAction::kReview;
      rule = fmt::format("rule: notice model code in the listing, but written \"{}\", which may name another model -> review",
                         variant_as_written(j.candidate, j.listing_variant));
    } else if (j.notice_has_code && j.agreement == CodeAgreement::kNear) {
      // Finish letters tell colours apart, and variants too ("S", "PRO"): a
      // near code is no conflict, but identifies no more than brand and
      // description do, so it is judged as those are (rule 4).
      // The code written with look-alike characters and the brand agreeing:
      // the product as often as not, hidden from searches.
      const bool look_alike = look_alike_code(j) && j.brands_agree;
      if (!j.named && !look_alike && (!scored || probability < options_.review_unidentified_at)) {
        too_doubtful("notice model code only near the listing's");
        continue;
      }
      m.action = RecallAction::kReview;
      rule = look_alike ? "rule: notice model code written with look-alike characters, and the brand agrees -> review"
             : j.named  ? "rule: notice model code only near the listing's, the notice's product name and brand in the listing -> review"
                        : "rule: notice model code only near the listing's, brand and description agree -> review";
    } else {
      // Nothing identifying on one side: brand and description at most.
      // What the notice identifies by that the listing does not show.
      const char* what_missing = j.notice_has_code && j.notice_has_gtin ? "the listing shows no GTIN or model code to compare"
                                 : j.notice_has_code                    ? "the listing shows no model code to compare"
                                 : j.notice_has_gtin                    ? "the listing shows no GTIN to compare"
                                                                        : "the notice names no GTIN or model code";
      // With a code the listing does show, but too short or too widely held
      // to tell products apart ("TS-5"), said, not passed over. Built only
      // when the evidence is written: most such pairs are left out unsaid.
      const auto what = [&] { return what_missing + UnidentifyingCode(j); };
      const bool named = j.named || j.product_named;
      // A notice of a brand's kind of product and nothing more: a listing
      // of the brand whose title names that kind, in its language, is as
      // near as any listing comes to it.
      const std::string_view kind_named = named ? std::string_view() : brands_kind_named(j);
      if (!named && kind_named.empty() && (!scored || probability < options_.review_unidentified_at)) {
        if (left_out != nullptr) too_doubtful(what());
        continue;
      }
      // Nothing identifies the product, and the listing sells something
      // made for it or an accessory of it ("Replacement visor for Limar
      // Torino helmet"): the model's confidence in brand and words is no
      // finding.
      if (!named && (j.made_for || !j.accessory.empty())) {
        if (left_out != nullptr) {
          RecallMatch none = m;
          none.evidence = evidence_of(j, probability, fmt::format("rule: {}, and the listing sells something made for it or an accessory of it -> none", what()));
          left_out->push_back(std::move(none));
        }
        continue;
      }
      // Specifications of one kind that differ ("26800mAh" against
      // "10000mAh") name another product of the brand, however alike the
      // rest of the words: neither the model's confidence nor the notice's
      // product name makes that a review.
      if (SpecsConflict(notice_of(j.candidate), listing_of(j.candidate))) {
        if (left_out != nullptr) {
          RecallMatch none = m;
          none.evidence = evidence_of(j, probability, fmt::format("rule: {}, and the specifications differ -> none", what()));
          left_out->push_back(std::move(none));
        }
        continue;
      }
      // So does a line for men against one for women ("East Coast Club
      // Man" against "... Woman"), when brand and words are all that agree.
      if (!named && ForOtherSex(notice_of(j.candidate), indexed_are_notices_ ? records_[j.candidate] : query, listing_of(j.candidate))) {
        if (left_out != nullptr) {
          RecallMatch none = m;
          none.evidence = evidence_of(j, probability, fmt::format("rule: {}, and one is for men, the other for women -> none", what()));
          left_out->push_back(std::move(none));
        }
        continue;
      }
      m.action = RecallAction::kReview;
      rule = j.gtins_differ ? std::string("rule: the GTINs differ, but the notice's product name and brand in the listing -> review")
             : j.product_named && j.notice_brandless && !j.brands_agree
                 ? fmt::format("rule: {}, the notice names no brand, and the listing's title has every word of its product name -> review", what())
             : named && (!scored || probability < options_.review_unidentified_at)
                 ? fmt::format("rule: {}, the notice's product name and brand in the listing -> review", what())
             : !kind_named.empty() && (!scored || probability < options_.review_unidentified_at)
                 ? fmt::format("rule: {}, the notice names nothing but its brand and its kind of product ({}), both in the listing -> review",
                               what(), kind_named)
                 : fmt::format("rule: {}, brand and description agree -> review", what());
    }
    // A seller's word that the goods are not affected is checked by a
    // person, not taken on trust, nor passed over.
    if (m.action == RecallAction::kTakedown && (indexed_are_notices_ ? query : records_[j.candidate]).says_not_recalled) {
      m.action = RecallAction::kReview;
      const size_t arrow = rule.rfind(" -> takedown");
      rule = fmt::format("{}, but the listing says it is not affected by the recall or was remedied -> review", rule.substr(0, arrow));
    }
    // A notice limited to some batches, and a listing stating only others:
    // most likely goods the recall leaves out, for a person to confirm.
    if (m.action == RecallAction::kTakedown) {
      const MatchRecord& notice_record = indexed_are_notices_ ? records_[j.candidate] : query;
      const MatchRecord& listing_record = indexed_are_notices_ ? query : records_[j.candidate];
      // The notice's code the listing agreed on: a notice listing batches
      // per type limits a listing by its type's.
      const std::string_view batch_type =
          j.notice_code != nullptr && j.agreement == CodeAgreement::kSame ? std::string_view(j.notice_code->normalized) : std::string_view();
      if (!notice_record.batches.empty() && !listing_record.batches.empty() &&
          std::none_of(listing_record.batches.begin(), listing_record.batches.end(),
                       [&](const std::string& b) { return BatchesCover(notice_record.batches, b, batch_type); })) {
        m.action = RecallAction::kReview;
        const size_t arrow = rule.rfind(" -> takedown");
        std::vector<std::string> stated;
        for (const std::string& b : listing_record.batches) stated.push_back(BatchInWords(b));
        rule = fmt::format("{}, but the listing's batch {} is not among the notice's ({}) -> review", rule.substr(0, arrow),
                           Joined(stated, 0, ", "), Joined(notice_record.batches, 0, "; "));
      }
    }
    m.evidence = evidence_of(j, probability, std::move(rule));
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const RecallMatch& a, const RecallMatch& b) {
    if (a.action != b.action) return a.action > b.action;
    const double pa = std::isnan(a.probability) ? 0 : a.probability, pb = std::isnan(b.probability) ? 0 : b.probability;
    return pa > pb;
  });
  return out;
}

}  // namespace conform::recalls
