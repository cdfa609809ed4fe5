#include "made_for.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "conform/core/text.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/text_similarity.h"
#include "accessory_words.h"
#include "code_in_text.h"
#include "product_words.h"
#include "text_words.h"
#include "vehicle_words.h"

namespace conform::recalls {

namespace {

// Whether a word (folded) is a Polish verbal noun as "do" (for) takes it,
// which says what a product does rather than what it is made for:
// "karmienia" (feeding), "spania" (sleeping), "picia" (drinking).
bool PolishVerbalNoun(std::string_view w) { return w.size() >= 6 && (w.ends_with("nia") || w.ends_with("cia")); }

// What a Polish childcare product named by its use is for, after "do": a
// verbal noun, or the car ("fotelik do samochodu", "do auta").
bool PolishUseAfterDo(std::string_view w) { return PolishVerbalNoun(w) || w == "samochodu" || w == "auta"; }

// Whether `upper` (upper case, no separators) is one of the record's
// codes, whole.
bool IsACodeOf(const PreparedRecord& r, const std::string& upper) {
  return std::any_of(r.codes.begin(), r.codes.end(), [&](const ModelCode& code) { return code.normalized == upper; });
}

// Whether a word (folded) is a Polish childcare product named by what it
// is for ("krzesełko do karmienia", a high chair; "leżaczek do spania", a
// bouncer; "fotelik do samochodu", a car seat); other goods so named are
// what the product is used with ("Śliniak do karmienia", a bib; "Butelka
// do karmienia", a bottle; "Lusterko do samochodu", a mirror).
bool PolishProductNamedByUse(std::string_view w) {
  static const std::unordered_set<std::string_view> kProducts = {"krzeselko", "fotelik", "lezaczek", "lozeczko", "wozek", "kojec",
                                                                 "hustawka", "nosidelko", "chodzik", "bujaczek", "gondola"};
  return kProducts.count(w) != 0;
}

// A Polish preposition before such a product (PolishProductNamedByUse)
// says the goods go with it ("Mata ochronna pod fotelik do samochodu", a
// mat under the car seat; "Osłona na fotelik").
bool PolishPreposition(std::string_view w) {
  return w == "pod" || w == "na" || w == "do" || w == "dla" || w == "nad" || w == "przy" || w == "za" || w == "od";
}

// "for", folded as titles are, in the languages MadeFor reads.
constexpr std::string_view kForWords[] = {"for", "fits", "fur", "pour", "para", "voor", "per", "do", "для", "untuk", "cho", "til", "pentru", "για"};

// Whether one of the notice's codes is written right after the word at
// bytes [at, at + size) of a folded title, or (`before_too`) right before
// it, joined to it or one space apart ("非gv31", "gv31升级版", "bk-1701 二代").
bool CodeBesideCjkWord(const PreparedRecord& notice, std::string_view title, size_t at, size_t size, bool before_too) {
  const auto code_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '/' || c == '_'; };
  const auto is_notice_code = [&](std::string_view run) {
    const std::string compact = CompactAlnum(run);
    return !compact.empty() &&
           std::any_of(notice.codes.begin(), notice.codes.end(), [&compact](const ModelCode& c) { return c.normalized == compact; });
  };
  // A code's parts, which the folded title parts at its hyphens ("bk
  // 1701"): up to three words on either side.
  size_t begin = at;
  if (begin > 0 && title[begin - 1] == ' ') --begin;
  size_t from = begin;
  for (int part = 0; part < 3 && from > 0 && before_too; ++part) {
    if (part > 0) {
      if (title[from - 1] != ' ' || from < 2 || !code_char(title[from - 2])) break;
      --from;
    }
    while (from > 0 && code_char(title[from - 1])) --from;
    if (from < begin && is_notice_code(title.substr(from, begin - from))) return true;
  }
  size_t end = at + size;
  if (end < title.size() && title[end] == ' ') ++end;
  size_t to = end;
  for (int part = 0; part < 3 && to < title.size(); ++part) {
    if (part > 0) {
      if (title[to] != ' ' || to + 1 >= title.size() || !code_char(title[to + 1])) break;
      ++to;
    }
    while (to < title.size() && code_char(title[to])) ++to;
    if (to > end && is_notice_code(title.substr(end, to - end))) return true;
  }
  return false;
}

// Whether the listing's title writes one of the notice's codes after a
// word `says` takes, walking back from the code at most `reach` words past
// the brand's words, articles and the words `passes` lets by; `says` is
// told whether such a word came between ("successor *to* the").
template <typename Says, typename Passes>
bool SaidBeforeACode(const PreparedRecord& notice, const PreparedRecord& listing, const std::vector<std::string>& brand_spellings,
                     int reach, const Says& says, const Passes& passes) {
  const auto brand_word = [&](std::string_view w) {
    return std::any_of(brand_spellings.begin(), brand_spellings.end(), [w](const std::string& b) { return HasWord(b, w); });
  };
  const std::string_view title = listing.title;
  for (const ModelCode& code : notice.codes) {
    bool said = false;
    CodeInText(code.normalized, title, listing.title_numbers, [&](size_t end) {
      size_t begin = CodeStart(title, end, code.normalized.size());
      bool passed = false;
      for (int back = 0; back < reach && begin > 0; ++back) {
        while (begin > 0 && title[begin - 1] == ' ') --begin;
        const size_t space = begin == 0 ? std::string_view::npos : title.rfind(' ', begin - 1);
        const size_t from = space == std::string_view::npos ? 0 : space + 1;
        const std::string_view before = title.substr(from, begin - from);
        said = says(before, passed);
        if (said || (!brand_word(before) && !IsArticle(before) && !passes(before))) break;
        passed = passed || passes(before);
        begin = from;
      }
      return !said;
    });
    if (said) return true;
  }
  return false;
}

// Folded as titles are (FoldForMatching: "Zubehör" is "zubehor"), in
// English, German, French, Spanish, Italian, Portuguese, Polish, Czech,
// Russian, Indonesian, Turkish, Vietnamese, Dutch, Swedish, Danish,
// Norwegian, Finnish, Hungarian, Romanian and Greek (whose accents stay,
// both forms, and whose final sigma folds to "σ"): the words saying a
// product is made for another (MadeFor). Not "passar" alone, the
// Portuguese "to iron" too ("ferro de passar").
constexpr std::string_view kMadeForWords[] = {
    "compatible", "remanufactured", "replacement", "aftermarket", "spare", "accessory", "accessories", "replaces", "works with",
    "ersetzt", "remplace", "reemplaza", "sostituisce", "kompatibel", "compatibile",
    "compativel", "kompatybilny", "ersatz", "ersatzteil", "zubehor", "remplacement", "rechange", "accessoire", "accessoires",
    "repuesto", "recambio", "accesorio", "accesorios", "ricambio", "accessori", "zamiennik", "nahradni", "совместимый",
    "совместимая", "совместим", "запасной", "запчасть", "аксессуар", "аксессуары", "reposicao", "acessorio", "acessorios",
    "zapasowy", "zapasowa", "zapasowe", "pengganti", "cadangan", "aksesoris", "uyumlu", "yedek", "aksesuar", "tuong thich", "thay the", "phu kien", "nahradny", "nahradna", "nahradne",
    "kompatibilni", "kompatibilny", "kompatibilna", "kompatibilne", "prislusenstvi", "prislusenstvo", "vervangend", "vervangende",
    "vervanging", "reserveonderdeel", "tillbehor", "tilbehor", "reservdel", "reservedel", "ersattning", "erstatning",
    "passar till", "passer til", "yhteensopiva", "varaosa", "lisavaruste", "kompatibilis", "csere", "potalkatresz", "tartozek", "compatibil", "compatibila",
    "rezerva", "inlocuire", "accesoriu", "accesorii", "συμβατό", "συμβατή", "συμβατόσ", "συμβατο", "συμβατη", "συμβατοσ", "ανταλλακτικό",
    "ανταλλακτικο", "αξεσουάρ", "αξεσουαρ"};

// Chinese (simplified and traditional), Japanese and Korean, written
// without spaces: "适用", "適用", "兼容", "相容", "호환", "互換" (fits,
// compatible), "配件" (accessory), "替换", "替換", "交換用", "교체용"
// (replacement; "交換", "교체" alone too: "交換ロープ", "교체 로프"), "전용",
// "专用", "專用", "对应", "對應" (made for, matching), "代替", "替代", "取代"
// (replaces); and "not" as titles put it beside a code ("BenQ GV30
// （不是GV31）", "GV31ではありません", "GV31 아님"): the listing names the
// product as another's.
constexpr std::string_view kMadeForCjkWords[] = {"适用", "適用", "兼容", "相容", "配件", "替换", "替換", "交換用", "交換", "互換", "호환", "교체용", "교체", "전용",
                                                 "专用", "專用", "对应", "對應", "代替", "替代", "取代", "不是", "并非", "並非",
                                                 "ではありません", "ではない", "아님", "아닙니다"};

// German compounds of "Ersatz" (spare): "Ersatzakku", "Ersatzpolster";
// Finnish, Estonian and Hungarian ones of "vara", "varu" and "pót" with a
// part's name: "varaköysi" (a spare rope), "varuosa", "pótkötél" (other
// words begin so: "varasto", a store).
bool IsSpareCompound(std::string_view w) {
  static constexpr std::string_view kSpareParts[] = {"osa",   "osat",   "koysi", "koydet", "kois",   "kotel", "akku",      "aku",
                                                     "tera",  "kuori",  "kansi", "laturi", "johto",  "harja", "suodatin", "filter",
                                                     "alkatresz", "tiiviste", "patja", "pehmuste"};
  if (w.size() > 7 && w.starts_with("ersatz")) return true;
  for (const std::string_view prefix : {std::string_view("vara"), std::string_view("varu"), std::string_view("pot")})
    if (w.starts_with(prefix) && std::find(std::begin(kSpareParts), std::end(kSpareParts), w.substr(prefix.size())) != std::end(kSpareParts))
      return true;
  return false;
}

// Finnish, Estonian and Hungarian say "for" with a case ending or a word
// after the name rather than before it: "Varaköysi Nola-keinulle" (for the
// Nola swing), "GV31:lle", "GV31-hez", "Nola hintához", "Nola-keinua
// varten", "Nola kiige jaoks", "Nola hinta számára".
bool IsForPostposition(std::string_view w) { return w == "varten" || w == "jaoks" || w == "szamara" || w == "reszere"; }
bool EndsWithHozOrHez(std::string_view w) { return w.size() >= 5 && (w.ends_with("hoz") || w.ends_with("hez")); }

bool IsForWord(std::string_view w) { return std::find(std::begin(kForWords), std::end(kForWords), w) != std::end(kForWords); }

// Before a name, "for" in more languages, as titles fold them (Czech and
// Slovak "pro", "pre"; Croatian, Slovenian and Bulgarian "za", "за";
// Swedish "till"; Latvian "priekš"; Lithuanian "skirtas"): words too
// common before a code ("MacBook Pro A2442") to count there. Czech and
// Slovak write "pro" and "pre" in lower case (`lower_pro`); "Pro" and
// "PRO" name a line ("Pantene Pro-V", "MUA Pro Base").
bool IsForBeforeName(std::string_view w, bool lower_pro) {
  return IsForWord(w) || ((w == "pro" || w == "pre") && lower_pro) || w == "za" || w == "за" || w == "till" || w == "prieks" ||
         w == "skirtas" || w == "skirta";
}

// MadeForCues::endings of a title as written: its tokens with an ending
// joined by a hyphen or colon (a Finnish allative, which French "taille"
// also ends in, only so; a Hungarian "-hoz"/"-hez").
void AddJoinedEndings(std::string_view raw_title, MadeForCues* cues) {
  const auto ends_with_for = [](std::string_view w) { return w.ends_with("lle") || w.ends_with("hoz") || w.ends_with("hez"); };
  for (size_t at = 0; at < raw_title.size();) {
    const size_t end = std::min(raw_title.find(' ', at), raw_title.size());
    const std::string_view token = raw_title.substr(at, end - at);
    at = end + 1;
    const size_t join = token.find_last_of("-:");
    if (join == std::string_view::npos || join == 0 || join + 1 >= token.size()) continue;
    // Most joined tokens are codes ("QC-65A"): the ending is looked at as
    // written before anything is folded ("-le", "-lle", "-hoz", "-höz").
    const std::string_view written = token.substr(join + 1);
    const auto ends_as = [&written](std::string_view e) {
      return written.size() >= e.size() &&
             std::equal(e.begin(), e.end(), written.end() - static_cast<std::ptrdiff_t>(e.size()),
                        [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
    };
    if (!ends_as("le") && !ends_as("hoz") && !ends_as("hez") && !ends_as("h\xC3\xB6z")) continue;
    const std::string tail = CollapseToWords(FoldForMatching(token.substr(join + 1)));
    if (tail.find(' ') != std::string::npos || !(ends_with_for(tail) || tail == "le" || tail == "ile")) continue;
    const std::string_view head = token.substr(0, join);
    const std::string head_words = CollapseToWords(FoldForMatching(head));
    const size_t last_space = head_words.rfind(' ');
    cues->endings.push_back({last_space == std::string::npos ? head_words : head_words.substr(last_space + 1), CompactAlnum(head)});
  }
}

// Whether `raw` (a title as written) has `word` as a whole word in lower
// case.
bool RawWordInLowerCase(std::string_view raw, std::string_view word) {
  const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t at = raw.find(word); at != std::string_view::npos; at = raw.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || !alnum(raw[at - 1])) && (end == raw.size() || !alnum(raw[end]))) return true;
  }
  return false;
}

// Whether the listing's title says "for" the notice's name, brand or code
// with a case ending or a word after it (IsForPostposition): an ending
// joined to one of them by a hyphen or colon in the raw title
// (MadeForCues::endings), a Hungarian "-hoz"/"-hez" ending on the word
// after one, or a postposition at most three words after one.
template <typename NamesIt>
bool MadeForByEnding(const PreparedRecord& notice, const MadeForCues& cues, const NamesIt& names_it) {
  const auto is_code = [&](std::string_view compact) {
    return std::any_of(notice.codes.begin(), notice.codes.end(), [&](const ModelCode& c) { return c.normalized == compact; });
  };
  for (const MadeForCues::Ending& e : cues.endings)
    if (names_it(e.last_word) || is_code(e.compact_head)) return true;
  // Most titles hold no such ending or word: the name is looked for only
  // in those that do.
  if (!cues.ending_words) return false;
  const std::vector<std::string_view>& words = cues.words;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!names_it(words[i])) continue;
    if (i + 1 < words.size() && EndsWithHozOrHez(words[i + 1])) return true;
    for (size_t k = i + 1; k < words.size() && k <= i + 3; ++k)
      if (IsForPostposition(words[k]) && !HasWord(notice.title, words[k]))
        return true;
  }
  return false;
}

// Whether `word` stands in the collapsed `title` right before a word with
// a digit ("sac 142r").
bool BeforeAWordWithADigit(std::string_view title, std::string_view word) {
  for (size_t at = title.find(word); at != std::string_view::npos; at = title.find(word, at + 1)) {
    const size_t next = at + word.size() + 1;
    if ((at > 0 && title[at - 1] != ' ') || next >= title.size() || title[next - 1] != ' ') continue;
    const std::string_view after = title.substr(next, title.find(' ', next) - next);
    if (std::any_of(after.begin(), after.end(), IsAsciiDigit)) return true;
  }
  return false;
}

}  // namespace

// Whether the listing's title names one of the notice's codes right after
// a word saying the product is not that one ("BenQ GV30 Beamer (nicht
// GV31)", "statt GV31", "Nachfolger des GV31", "successor to the GV31"),
// past the brand's words and articles: another model, which names the
// recalled one to be found.
bool CodeNamedAsAnother(const PreparedRecord& notice, const PreparedRecord& listing, const std::vector<std::string>& brand_spellings) {
  // Besides "not" and "instead of": Czech "ne", successor, versus.
  static const std::unordered_set<std::string_view> kMore = {"ne",       "nachfolger", "successor", "successeur", "sucesor",
                                                             "successore", "nastepca", "vs",        "versus",    "lugar"};
  // Chinese "not", "rather than", "is not", "replaces", written without a
  // space before the code ("BenQ GV30（非GV31）", "投影仪而非GV31"): the word
  // before the code ends with one.
  static constexpr std::string_view kCjk[] = {"非", "而非", "不是", "并非", "並非", "取代", "代替", "替代"};
  const auto cjk_says = [](std::string_view w) {
    return std::any_of(std::begin(kCjk), std::end(kCjk), [w](std::string_view c) { return w.ends_with(c); });
  };
  const auto says = [&](std::string_view w) { return SaysNotOrInstead(w) || kMore.count(w) != 0 || cjk_says(w); };
  // "successor to", "Nachfolger des"; "is not the", "no es el", "no el",
  // "en lugar del" ("no" only so, or right after another code: "Model No
  // GV31" names the model, "GV30, no GV31" another).
  static const std::unordered_set<std::string_view> kLinks = {"des", "to", "of", "du", "del", "di", "is", "es", "ist", "est", "e", "el", "la"};
  thread_local std::vector<std::string_view> words;
  SplitWords(listing.title, &words);
  const std::string_view title = listing.title;
  if (std::none_of(words.begin(), words.end(), [&](std::string_view w) { return says(w) || w == "no"; }) &&
      std::none_of(std::begin(kCjk), std::end(kCjk), [title](std::string_view c) { return title.find(c) != std::string_view::npos; }))
    return false;
  if (SaidBeforeACode(notice, listing, brand_spellings, /*reach=*/4,
                      [&](std::string_view w, bool linked) { return says(w) || (linked && w == "no"); },
                      [](std::string_view w) { return kLinks.count(w) != 0; }))
    return true;
  const auto is_notice_code = [&](const std::string& upper) { return IsACodeOf(notice, upper); };
  // "no" right after a sibling's code, which opens as the notice's does
  // ("GV30, no GV31"; not "1080P No. GV31", a number sign).
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (words[i] != "no" || std::none_of(words[i - 1].begin(), words[i - 1].end(), IsAsciiDigit)) continue;
    // A code written in two words ("VX-1600") is read whole.
    const bool digits_only = std::all_of(words[i - 1].begin(), words[i - 1].end(), IsAsciiDigit);
    const std::string sibling = AsciiUpper(digits_only && i >= 2 ? fmt::format("{}{}", words[i - 2], words[i - 1]) : std::string(words[i - 1]));
    for (const std::string& next : {AsciiUpper(words[i + 1]), i + 2 < words.size() ? AsciiUpper(fmt::format("{}{}", words[i + 1], words[i + 2])) : std::string()})
      if (!next.empty() && is_notice_code(next) && sibling.size() >= 2 && next.starts_with(sibling.substr(0, 2)) && sibling != next) return true;
  }
  // Glued to the code ("非gv31", "而非bk-1701"), where the code is no word
  // of its own: the code right after the word.
  for (const std::string_view c : kCjk)
    for (size_t at = title.find(c); at != std::string_view::npos; at = title.find(c, at + 1))
      if (CodeBesideCjkWord(notice, title, at, c.size(), /*before_too=*/false)) return true;
  return false;
}

// The cues of a listing's prepared record and its title as written.
void ReadMadeForCues(const PreparedRecord& listing, std::string_view raw_title, MadeForCues* cues) {
  SplitWords(listing.title, &cues->words);
  // HasWord(title, w) for every w of kMadeForWords, read the other way
  // round: each title word looked up among the table's first words, and a
  // phrase's further words compared where it starts. The title is
  // collapsed (single spaces, none at the ends), so the two agree; the
  // markers keep the table's order.
  static const std::unordered_map<std::string_view, std::vector<uint8_t>> by_first_word = [] {
    static_assert(std::size(kMadeForWords) < 256);
    std::unordered_map<std::string_view, std::vector<uint8_t>> m;
    for (size_t k = 0; k < std::size(kMadeForWords); ++k)
      m[kMadeForWords[k].substr(0, kMadeForWords[k].find(' '))].push_back(static_cast<uint8_t>(k));
    return m;
  }();
  std::array<bool, std::size(kMadeForWords)> found{};
  bool any = false;
  const std::string_view title = listing.title;
  for (const std::string_view w : cues->words) {
    const auto it = by_first_word.find(w);
    if (it == by_first_word.end()) continue;
    const size_t at = static_cast<size_t>(w.data() - title.data());
    for (const uint8_t k : it->second) {
      const std::string_view phrase = kMadeForWords[k];
      if (title.compare(at, phrase.size(), phrase) == 0 && (at + phrase.size() == title.size() || title[at + phrase.size()] == ' '))
        found[k] = any = true;
    }
  }
  cues->markers.clear();
  if (any)
    for (size_t k = 0; k < found.size(); ++k)
      if (found[k]) cues->markers.push_back(kMadeForWords[k]);
  cues->spares.clear();
  for (const std::string_view w : listing.title_words)
    if (IsSpareCompound(w)) cues->spares.push_back(w);
  cues->cjk = std::any_of(listing.title.begin(), listing.title.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE3; });
  cues->cjk_markers.clear();
  if (cues->cjk)
    for (const std::string_view word : kMadeForCjkWords)
      if (listing.title.find(word) != std::string::npos) cues->cjk_markers.push_back(word);
  cues->lower_pro = RawWordInLowerCase(raw_title, "pro") || RawWordInLowerCase(raw_title, "pre");
  cues->has_for = std::any_of(cues->words.begin(), cues->words.end(), IsForWord);
  cues->for_before_name =
      std::any_of(cues->words.begin(), cues->words.end(), [cues](std::string_view w) { return IsForBeforeName(w, cues->lower_pro); });
  cues->for_within = std::any_of(std::begin(kForWords), std::end(kForWords),
                                 [&listing](std::string_view w) { return listing.title.find(w) != std::string::npos; });
  cues->endings.clear();
  AddJoinedEndings(raw_title, cues);
  cues->ending_words =
      std::any_of(cues->words.begin(), cues->words.end(), [](std::string_view w) { return IsForPostposition(w) || EndsWithHozOrHez(w); });
}

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
             bool same_brand_field) {
  // "Compatible" from the maker itself (the listing's brand field the
  // notice's) says what the product works with ("MagSafe Compatible
  // Portable Charger", "Alexa kompatibel"): a maker sells no compatible
  // version of its own goods. A spare or replacement part it does sell.
  const auto compatible = [](std::string_view w) {
    return w.starts_with("compat") || w.starts_with("kompat") || w.starts_with("совмест") || w.starts_with("συμβατ") || w == "uyumlu" ||
           w == "tuong thich" || w == "yhteensopiva" || w == "works with" || w == "passar till" || w == "passer til";
  };
  for (const std::string_view word : cues.markers)
    if (!HasWord(notice.title, word) && !(same_brand_field && compatible(word))) return true;
  for (const std::string_view w : cues.spares)
    if (!HasWord(notice.title, w)) return true;
  for (const std::string_view word : cues.cjk_markers)
    if (notice.title.find(word) == std::string::npos) return true;
  // A successor or generation of the notice's model ("升级款", "升级版": the
  // upgrade of; "二代", "三代", "新一代": the second, third, new generation),
  // written against its code ("GV31升级版", "GV31 二代", "二代GV31"); alone,
  // the words are sellers' praise ("2024升级版", "新一代"), as "新款" (new
  // in) is.
  if (cues.cjk)
    for (const std::string_view word : {"升级款", "升級款", "升级版", "升級版", "二代", "三代", "新一代"})
      for (size_t at = listing.title.find(word); at != std::string::npos; at = listing.title.find(word, at + 1))
        if (notice.title.find(word) == std::string::npos && CodeBesideCjkWord(notice, listing.title, at, word.size(), /*before_too=*/true))
          return true;
  const auto brand_word = [&](std::string_view w) {
    return std::any_of(brand_spellings.begin(), brand_spellings.end(), [w](const std::string& b) { return HasWord(b, w); });
  };
  // "for <the notice's code>" ("USB C cable for CH-20"), also past the
  // brand's words and an article ("Door gasket for Galanz GLR76TRDER",
  // whose seller puts Galanz in the brand field too; "Remote for the BenQ
  // GV31"), whatever the brands: the listing sells something made for that
  // model. (Not past a noun: "Lodówka retro do kuchni Galanz" is a fridge
  // for the kitchen.)
  if (cues.for_within && SaidBeforeACode(notice, listing, brand_spellings, /*reach=*/6, [](std::string_view w, bool) { return IsForWord(w); },
                                         [](std::string_view) { return false; }))
    return true;
  // The title's words, and whether "for" is one of them: the checks below
  // read it, and most titles have none.
  const std::vector<std::string_view>& words = cues.words;
  const auto is_for = IsForWord;
  const auto is_for_before_name = [&cues](std::string_view w) { return IsForBeforeName(w, cues.lower_pro); };
  const bool has_for = cues.has_for;
  // "for" the notice's product, then its brand and code: "Mat for toddler
  // tower Nordi HANS0002". Not when the words between only say whom it is
  // for ("Learning tower for toddlers Nordi HANS0002"), nor another thing
  // ("Batería externa para iPhone 15 Flaunt E33A" is the power bank).
  if (has_for) {
    const auto is_notice_code = [&](size_t at) {
      return IsACodeOf(notice, AsciiUpper(words[at])) ||
             (at + 1 < words.size() && IsACodeOf(notice, AsciiUpper(fmt::format("{}{}", words[at], words[at + 1]))));
    };
    for (size_t i = 0; i + 2 < words.size(); ++i) {
      // Not the notice's own "for" ("screen care kit for ipad").
      if (!is_for(words[i]) || HasWordPair(notice.all_text, words[i], words[i + 1])) continue;
      size_t k = i + 1;
      bool a_thing = false;
      while (k < words.size() && k <= i + 4 && !brand_word(words[k])) {
        a_thing = a_thing || (words[k].size() > 2 && !SaysWhomItIsFor(words[k]) && HasWord(notice.title, words[k]));
        ++k;
      }
      if (!a_thing || k == words.size() || !brand_word(words[k])) continue;
      while (k < words.size() && brand_word(words[k])) ++k;
      if (k < words.size() && is_notice_code(k)) return true;
    }
  }
  const bool has_for_before_name = !name_words.empty() && cues.for_before_name;
  const auto names_it = [&](std::string_view w) {
    return brand_word(w) || std::any_of(name_words.begin(), name_words.end(), [&](const std::vector<std::string>& name) {
             return std::any_of(name.begin(), name.end(), [&](const std::string& n) { return SameWordOrPlural(w, n); });
           });
  };
  if (MadeForByEnding(notice, cues, names_it)) return true;
  const std::string_view head = has_for ? ProductNoun(notice) : std::string_view();
  // "for <the notice's product name>", past short words and the brand's:
  // "Ersatzpolster für Limar Torino Helm", "Isofix Basis für I-CARE".
  // The notice's product noun named before "for": the listing sells the
  // product ("speaker for shower").
  if (has_for_before_name) {
    const std::string_view noun = ProductNoun(notice);
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (!noun.empty() && (SameWordOrPlural(words[i], noun) || TranslatesProductWord(words[i], noun))) break;
      if (!is_for_before_name(words[i])) continue;
      size_t k = i + 1;
      while (k < words.size() && (words[k].size() <= 2 || brand_word(words[k]))) ++k;
      if (k == words.size()) break;
      // Not the name's own "for" ("Maschera per capelli"), nor Polish "do"
      // and a verbal noun after a childcare product named by its use
      // ("Krzesełko do karmienia Maxi-Cosi Ava" is the high chair, "for
      // feeding": PolishProductNamedByUse).
      if (HasWordPair(notice.all_text, words[i], words[k])) continue;
      if (words[i] == "do" && PolishUseAfterDo(words[k]) && i > 0 && PolishProductNamedByUse(words[i - 1]) &&
          (i < 2 || !PolishPreposition(words[i - 2])))
        continue;
      const auto is_name = [&](std::string_view w) {
        return std::any_of(name_words.begin(), name_words.end(), [&](const std::vector<std::string>& name) {
          return std::any_of(name.begin(), name.end(), [&](const std::string& n) { return SameWordOrPlural(w, n) || TranslatesProductWord(w, n); });
        });
      };
      if (is_name(words[k])) return true;
      // One word between, in languages that name the kind first
      // ("Reservetouw voor schommel Nola", "Regenschutz für Kinderwagen
      // Lionelo Elia"); not whom or what part of the body it is for
      // ("Schaukel für Kinder Nola", "Lakier do włosów Volume Max").
      static const std::unordered_set<std::string_view> kBody = {
          "hair", "haare", "haar", "cheveux", "capelli", "cabello", "pelo", "wlosow", "wlosy", "vlasy", "skin", "haut", "peau", "pelle",
          "piel", "skory", "face", "gesicht", "visage", "viso", "cara", "twarzy", "body", "korper", "corps", "corpo", "cuerpo", "ciala",
          "nails", "nagel", "ongles", "unghie", "unas", "paznokci", "lips", "lippen", "levres", "labbra", "labios", "ust", "teeth",
          "zahne", "dents", "denti", "dientes", "zebow", "eyes", "augen", "yeux", "occhi", "ojos", "oczu", "men", "women"};
      if (SaysWhomItIsFor(words[k]) || kBody.count(words[k]) != 0) continue;
      // Nor a product of another kind: "Brzi punjac za mobitel Fast Charger"
      // is a charger for a phone, and then the charger's words again.
      if (IsListedKindWord(words[k]) && (noun.empty() || !(SameWordOrPlural(words[k], noun) || TranslatesProductWord(words[k], noun))))
        continue;
      // Past a verbal noun after "do" too: "Pasy do krzesełka do karmienia
      // Maxi-Cosi Ava" are belts for the high chair.
      size_t after = k + 1;
      while (after < words.size() &&
             (words[after].size() <= 2 || brand_word(words[after]) || (words[after - 1] == "do" && PolishVerbalNoun(words[after]))))
        ++after;
      if (after < words.size() && is_name(words[after])) return true;
      // Polish "do" and a verbal noun, then what it is done to: "Rączka do
      // pchania wózka Lionelo Elia" (a handle for pushing the pushchair).
      if (words[i] == "do" && PolishVerbalNoun(words[k]) && after < words.size()) {
        ++after;
        while (after < words.size() && (words[after].size() <= 2 || brand_word(words[after]))) ++after;
        if (after < words.size() && is_name(words[after])) return true;
      }
    }
  }
  // "for <the notice's product name>" ending in its noun, whatever the
  // brand field says ("Glass lid for Granitestone Diamond Pro Blue saute
  // pan"), the noun not named before "for" (the product "for" a use: "pan
  // for induction hobs"); the words between are the brand's or the
  // notice's name's, so "for kids, plush toy" is no toy made for a toy.
  // In the title's language too ("Joint de porte pour réfrigérateur rétro
  // Galanz").
  if (head.size() >= 3) {
    const auto is_head = [head](std::string_view w) { return SameWordOrPlural(w, head) || TranslatesProductWord(w, head); };
    // A word of the notice's title, or one in the listing's language
    // ("Batterien für Spielzeug Maus" of a toy mouse).
    const auto in_title = [&](std::string_view w) {
      return HasWord(notice.title, w) ||
             std::any_of(notice.title_words.begin(), notice.title_words.end(), [w](std::string_view n) { return TranslatesWholeWord(w, n); });
    };
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (is_head(words[i])) break;
      if (!is_for(words[i])) continue;
      size_t k = i + 1;
      while (k < words.size() && !is_head(words[k]) && (IsArticle(words[k]) || brand_word(words[k]) || in_title(words[k]))) ++k;
      if (k < words.size() && is_head(words[k])) return true;
    }
  }
  if (same_brand_field) return false;
  // "for <brand>"; in languages that put the kind of product first, one
  // word may come between ("pour vidéoprojecteur BenQ", "für Beamer BenQ",
  // "для проектора BenQ", "untuk proyektor BenQ", "cho máy chiếu BenQ",
  // "til projektor BenQ", "pentru proiector BenQ", "για προβολέα BenQ").
  // "Tritthocker für Kinder <brand>": the notice's product named before
  // "for" whom, and no other "for" before it, is the product, as "Step
  // stool for toddlers <brand>" is. Its noun or a kind of product its
  // title names, in the title's language too.
  const auto product_named_before = [&](size_t end) {
    thread_local std::vector<std::string_view> before;
    SplitWords(std::string_view(listing.title).substr(0, end), &before);
    const std::string_view noun = ProductNoun(notice);
    bool named = false;
    for (const std::string_view w : before) {
      if (is_for(w)) return false;
      named = named || (!noun.empty() && (SameWordOrPlural(w, noun) || TranslatesProductWord(w, noun))) ||
              std::any_of(notice.title_words.begin(), notice.title_words.end(), [w](std::string_view n) {
                return IsListedKindWord(n) && (SameWordOrPlural(w, n) || TranslatesProductWord(w, n));
              });
    }
    return named;
  };
  const auto for_brand = [&](const std::string& brand) {
    for (const std::string_view word : kForWords)
      if (HasWordPair(listing.title, word, brand)) return true;
    for (size_t at = listing.title.find(brand); at != std::string::npos; at = listing.title.find(brand, at + 1)) {
      if (at < 2 || listing.title[at - 1] != ' ') continue;
      // The words before the brand, nearest first: the one between, then
      // "for"; Vietnamese writes most nouns in two words ("cho máy chiếu
      // BenQ"), and its "cho" may come a word further.
      size_t end = at - 1;  // the space after the word looked at
      std::string_view between;
      for (int back = 1; back <= 3 && end > 0; ++back) {
        const size_t space = listing.title.rfind(' ', end - 1);
        const size_t start = space == std::string::npos ? 0 : space + 1;
        const std::string_view word = std::string_view(listing.title).substr(start, end - start);
        // "Krzesełko do karmienia <brand>": the high chair, not one for
        // the brand's goods (PolishProductNamedByUse).
        const auto product_named_by_use = [&] {
          if (!PolishUseAfterDo(between) || space == std::string::npos || space == 0) return false;
          const size_t before = listing.title.rfind(' ', space - 1);
          const size_t from = before == std::string::npos ? 0 : before + 1;
          if (!PolishProductNamedByUse(std::string_view(listing.title).substr(from, space - from))) return false;
          if (from < 2) return true;
          const size_t earlier = listing.title.rfind(' ', from - 2);
          const size_t earlier_from = earlier == std::string::npos ? 0 : earlier + 1;
          return !PolishPreposition(std::string_view(listing.title).substr(earlier_from, from - 1 - earlier_from));
        };
        if ((back == 2 && (word == "fur" || word == "pour" || word == "para" || word == "voor" || (word == "do" && !product_named_by_use()) ||
                           word == "для" || word == "untuk" || word == "til" || word == "pentru" || word == "για") &&
             !(SaysWhomItIsFor(between) && product_named_before(start))) ||
            (back >= 2 && word == "cho"))
          return true;
        if (back == 1) between = word;
        if (space == std::string::npos) break;
        end = space;
      }
    }
    return false;
  };
  for (const std::string& brand : brand_spellings)
    if (!brand.empty() && for_brand(brand)) return true;
  return false;
}

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
                                bool for_code, std::string_view raw_title) {
  std::optional<std::string> description;  // folded when first needed
  using Also = AccessoryWord::Also;
  // "with (a) carrying case", "mit Tasche", "avec housse", "with
  // adjustable thermostat knob": the product sold with it. Three words may
  // come between. "In" only before a case
  // ("projection screen in white case", "im Etui", "dans un étui"): the
  // product comes in it; not "believe in yourself poster".
  const auto sold_with = [&](std::string_view word) {
    static const std::unordered_set<std::string_view> kWith = {"with", "mit", "avec", "con", "and", "und", "et", "plus", "incl", "inkl",
                                                               "including", "includes", "include", "w", "com", "dengan", "met", "med", "cu", "με",
                                                               // Czech, Slovak, Croatian, Slovenian, Bulgarian, Polish "with";
                                                               // Polish "and"; Estonian, Finnish "and"; Lithuanian "with";
                                                               // Latvian "with", "and"; Hungarian "and".
                                                               "s", "se", "sa", "z", "с", "i", "ja", "su", "ar", "un", "és", "es",
                                                               // Spanish "and"; the Italian and Portuguese "e" below.
                                                               "y"};
    // "e" standing alone in the title as written, not the "e" of "e-tron"
    // or "e-bike".
    const bool and_e = raw_title.find(" e ") != std::string_view::npos;
    static const std::unordered_set<std::string_view> kIn = {"in", "im", "dans", "i"};
    const bool container = word == "case" || word == "cases" || word == "etui" || word == "tasche" || word == "housse" ||
                           word == "funda" || word == "custodia" || word == "hoes" || word == "fodral" || word == "taske" ||
                           word == "veske" || word == "kotelo" || word == "tok" || word == "husa" || word == "θήκη" || word == "θηκη";
    const std::string_view title = listing.title;
    for (size_t at = title.find(word); at != std::string_view::npos; at = title.find(word, at + 1)) {
      // "USB-C cable included", "câble inclus", "pościel gratis" (free),
      // "vêtements fournis", "ubranka w zestawie" (in the set), "sac
      // cadeau offert": within three words after it.
      static const std::unordered_set<std::string_view> kIncluded = {
          "included", "inclus",  "incluse", "incluido", "incluida", "incluidos", "incluso",   "inclusa", "inclusi", "inklusive",
          "inkl",     "gratis",  "fourni",  "fournis",  "fournie",  "fournies",  "offert",    "offerte", "offerts", "zestawie",
          "supplied", "assorti", "assortie"};
      for (size_t after = at + word.size(), n = 0; n < 3 && after < title.size() && title[after] == ' '; ++n) {
        const size_t end = std::min(title.find(' ', after + 1), title.size());
        if (kIncluded.count(title.substr(after + 1, end - after - 1)) != 0) return true;
        after = end;
      }
      size_t end = at;  // the words before `at`, last first
      for (int back = 0; back < 4 && end > 1 && title[end - 1] == ' '; ++back) {
        const size_t start = title.rfind(' ', end - 2);
        const size_t from = start == std::string_view::npos ? 0 : start + 1;
        const std::string_view before = title.substr(from, end - 1 - from);
        if (kWith.count(before) != 0 || (before == "e" && and_e) || (container && kIn.count(before) != 0)) return true;
        end = from;
      }
    }
    return false;
  };
  const auto in_notice = [&](std::string_view word, bool whole_word) {
    if (whole_word ? HasWord(notice.title, word) : notice.title.find(word) != std::string::npos) return true;
    if (!description) description = CollapseToWords(FoldForMatching(notice_record.record.Get("description")));
    return whole_word ? HasWord(*description, word) : description->find(word) != std::string::npos;
  };
  // Whether the notice itself names an accessory word: its name does (its
  // title, or a description that is the product's name,
  // MatchRecord::name_words). A part its prose names is one the product
  // comes with ("with charging cable, wall bracket and two filters"), and
  // prose says "in case of" or "cover" of anything; but goods sold under a
  // name, a mug or a T-shirt, are read in any description: "T-shirt and
  // shorts with the character" is the set.
  const auto notice_names = [&](std::string_view word, bool part, bool code_too) {
    return part || (code_too && notice_record.name_words.empty()) ? HasWord(notice.title, word) : in_notice(word, true);
  };
  // A notice of an accessory (a tablet case) against a listing calling it
  // by another accessory word ("case cover"): the same kind of goods.
  // Read only when the listing has such a word: most have none.
  std::optional<bool> notice_is_accessory;
  const auto is_accessory = [&] {
    if (!notice_is_accessory)
      notice_is_accessory = std::any_of(AccessoryWords().begin(), AccessoryWords().end(),
                                        [&](const AccessoryWord& w) { return w.code_too && notice_names(w.word, w.part, true); });
    return *notice_is_accessory;
  };
  // Whether the words before a comma or such name a product, and not only
  // its brand and code: "BenQ GV31, ceiling mount bracket" sells the
  // bracket, "BenQ GV31 projector, ceiling mount bracket" the projector.
  const auto names_a_product = [&](std::string_view folded_prefix) {
    static const std::unordered_set<std::string_view> kSellerWords = {"new", "the", "and", "for", "original", "genuine", "oem", "official"};
    const std::string prefix = CollapseToWords(folded_prefix);
    for (std::string_view w : Words(prefix)) {
      if (w.size() < 3 || kSellerWords.count(w) != 0 || HasWord(notice.brand, w) || HasWord(listing.brand, w)) continue;
      if (std::none_of(w.begin(), w.end(), IsAsciiDigit)) return true;
    }
    return false;
  };
  // Whether the word right before byte `at` of `t` (past spaces) is the
  // notice's product noun, or its plural: "projector" before "remote
  // control", "charger" before "carry bag".
  const auto after_product_noun = [&](std::string_view t, size_t at) {
    const std::string_view noun = ProductNoun(notice);
    const auto word_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; };
    size_t noun_end = at;
    while (noun_end > 0 && t[noun_end - 1] == ' ') --noun_end;
    size_t noun_start = noun_end;
    while (noun_start > 0 && word_byte(t[noun_start - 1])) --noun_start;
    return noun_start < noun_end && !noun.empty() && SameWordOrPlural(t.substr(noun_start, noun_end - noun_start), noun);
  };
  // Whether the title lists `word` after a comma, a plus or such, or
  // says it is included: a feature of the product the title names first.
  std::optional<std::string> folded_title;  // with its punctuation, folded when first needed
  const auto listed_after_name = [&](std::string_view word) {
    if (!folded_title) folded_title = FoldForMatching(raw_title);
    const std::string& t = *folded_title;
    // The word as the title writes it: a phrase ("ceiling mount") whole
    // where it is so, else its first word ("HEPA-Filter").
    const auto word_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; };
    for (const std::string_view form : {word, word.substr(0, word.find(' '))}) {
      bool found = false;
      for (size_t at = t.find(form); at != std::string::npos; at = t.find(form, at + 1)) {
        const size_t end = at + form.size();
        if ((at > 0 && word_byte(t[at - 1])) || (end < t.size() && word_byte(t[end]))) continue;
        found = true;
        // After "+" or "&" it is sold with the product whatever comes
        // first; after a comma or such, when a product is named first.
        if (t.find_last_of("+&", at) != std::string::npos) return true;
        const size_t mark = t.find_last_of(",;|(/", at), dash = t.rfind(" - ", at);
        const size_t sep = mark == std::string::npos ? dash : dash == std::string::npos ? mark : std::max(mark, dash);
        // Right after the notice's product noun, it is that product's part
        // ("... / USB charger carry bag" of a charger), not a feature.
        const bool after_the_noun = after_product_noun(t, at);
        if (sep != std::string::npos && !after_the_noun && names_a_product(std::string_view(t).substr(0, sep))) return true;
        for (const std::string_view said : {"includ", "inkl", "inclus"})
          if (const size_t in = t.find(said, end); in != std::string::npos && t.find_first_of(",;|", end) > in) return true;
      }
      if (found) return false;
    }
    return false;
  };
  // After "+" or "&": sold with what comes before ("Beamer + Tasche"),
  // also with two words between ("Projector + Carry Case", "+ Hard Shell
  // Case").
  const auto after_plus = [&](std::string_view word) {
    if (!folded_title) folded_title = FoldForMatching(raw_title);
    const std::string& t = *folded_title;
    const auto word_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 || c == '-'; };
    for (size_t at = t.find(word); at != std::string::npos; at = t.find(word, at + 1)) {
      size_t before = at;
      for (int between = 0; between <= 2; ++between) {
        while (before > 0 && t[before - 1] == ' ') --before;
        if (before > 0 && (t[before - 1] == '+' || t[before - 1] == '&')) return true;
        if (before == 0 || !word_byte(t[before - 1])) break;
        while (before > 0 && word_byte(t[before - 1])) --before;  // a word between
      }
    }
    return false;
  };
  // "remote control car", "brush cutter": the word names what the product
  // has or does, and the noun after it the product.
  const auto modifies_a_noun = [&](std::string_view word) {
    static const std::unordered_set<std::string_view> kRemoteControlled = {
        "car",   "cars",   "truck",   "trucks",  "boat",  "boats", "drone", "drones", "helicopter", "plane", "airplane", "tank", "robot",
        "excavator", "crawler", "vehicle", "toy", "toys", "extender", "extenders", "light", "lights", "lamp", "fan", "socket", "sockets",
        "outlet", "outlets", "plug", "plugs", "switch", "curtain", "blinds", "dinosaur", "stunt"};
    static const std::unordered_set<std::string_view> kBrushed = {"cutter", "cutters", "trimmer", "trimmers", "strimmer", "dryer", "straightener"};
    const std::unordered_set<std::string_view>* nouns = word.starts_with("remote control") ? &kRemoteControlled
                                                      : (word == "brush" || word == "brushes") ? &kBrushed
                                                                                              : nullptr;
    if (nouns == nullptr) return false;
    const std::string_view t = listing.title;
    for (size_t at = t.find(word); at != std::string_view::npos; at = t.find(word, at + 1)) {
      const size_t next = at + word.size() + 1;
      if (next >= t.size() || t[next - 1] != ' ') continue;
      if (nouns->count(t.substr(next, t.find(' ', next) - next)) != 0) return true;
    }
    return false;
  };
  // A remote control in a title that names nothing else but the brand and
  // the code is the remote ("BenQ GV31 Fernbedienung Original"), and so is
  // one "for" something ("Пульт для проектора"); beside a product's words,
  // a feature of it ("LED Lichterkette Fernbedienung Timer").
  const auto remote_as_feature = [&](std::string_view word) {
    for (const std::string_view f : kForWords)
      if (HasWordPair(listing.title, word, f)) return false;
    static const std::unordered_set<std::string_view> kNotAProduct = {
        "remote", "control", "controls", "mando", "distancia", "zdalnego", "sterowania", "original", "originale", "originali", "origine",
        "oryginalny", "oryginalna", "originele", "genuine", "oem", "new", "neu", "nouveau", "nuovo", "nuevo",
        "black", "white", "grey", "gray", "schwarz", "weiss", "noir", "blanc", "nero", "bianco", "negro", "blanco", "czarny", "bialy",
        "replacement", "spare", "the", "and", "for", "with"};
    for (const std::string_view w : listing.title_words) {
      if (w == word || w.size() < 3 || kNotAProduct.count(w) != 0 || HasWord(notice.brand, w) || HasWord(listing.brand, w)) continue;
      if (std::none_of(w.begin(), w.end(), IsAsciiDigit) && !InACode(notice, w)) return true;
    }
    return false;
  };
  // Right after the notice's product noun, a remote control is that
  // product's ("BenQ GV31 projector remote control"), whatever else the
  // title names.
  const auto after_the_noun = [&](std::string_view word) {
    const std::string_view t = listing.title;
    for (size_t at = t.find(word); at != std::string_view::npos; at = t.find(word, at + 1))
      if (at > 0 && t[at - 1] == ' ' && after_product_noun(t, at)) return true;
    return false;
  };
  std::optional<bool> extension_lead;
  const auto notice_is_extension_lead = [&] {
    if (!extension_lead) {
      if (!description) description = CollapseToWords(FoldForMatching(notice_record.record.Get("description")));
      const auto names_one = [](std::string_view text) {
        const std::vector<std::string_view> words = Words(text);
        return std::any_of(words.begin(), words.end(), [](std::string_view w) { return w == "extension" || TranslatesWholeWord(w, "extension"); });
      };
      extension_lead = names_one(notice.title) || names_one(*description);
    }
    return *extension_lead;
  };
  // Bedding, a blanket, a pillow carrying a pushchair's, a cot's or a car
  // seat's barcode or code are sold for it, not as goods under its name:
  // with a childcare notice every accessory word counts with the code too.
  const bool childcare = HasWord(notice.category, "childcare");
  for (const auto& [word, code_too, part, alone, also] : AccessoryWords()) {
    if ((for_code && !code_too && !childcare) || !HasWord(listing.title, word) || sold_with(word) || (code_too && is_accessory())) continue;
    if ((part ? listed_after_name(word) : after_plus(word)) || modifies_a_noun(word) || (alone && remote_as_feature(word) && !after_the_noun(word)))
      continue;
    // A charger's own listings call it a power adapter.
    if ((word == "power adapter" || word == "ac adapter" || word == "adapter") &&
        (in_notice("charger", true) || in_notice("chargers", true) || in_notice("power supply", true) || in_notice("adapter", true)))
      continue;
    // A charger's or a power bank's own listings name its station.
    if (also == Also::kChargingStation &&
        (HasWord(notice.title, "charger") || HasWord(notice.title, "chargers") || HasWord(notice.title, "charging") ||
         HasWord(notice.title, "power bank") || HasWord(notice.title, "powerbank") || HasWord(notice.title, "station")))
      continue;
    // An extension lead's own listings call it a cable ("Prodlužovací
    // kabel", "extension cable"), in the notice's words or their English.
    if (also == Also::kCable && notice_is_extension_lead()) continue;
    // "case pack 12", "case of 6": a carton of the product.
    if (word == "case" && (HasWord(listing.title, "case pack") || HasWord(listing.title, "case of"))) continue;
    // "SAC 142R": a code's letters. "Sac à main", "sac à dos": a handbag,
    // a backpack, the product when the notice's is a bag. And Turkish
    // "saç" (hair), which folds to it ("Saç Kremi").
    if (word == "sac" && (BeforeAWordWithADigit(listing.title, word) || HasWord(listing.title, "sac a") ||
                          ProductNoun(notice).ends_with("bag") || ProductNoun(notice).ends_with("bags") ||
                          raw_title.find("sa\xC3\xA7") != std::string_view::npos || raw_title.find("Sa\xC3\xA7") != std::string_view::npos ||
                          raw_title.find("SA\xC3\x87") != std::string_view::npos))
      continue;
    // Make-up that covers: "Full Cover Concealer", "cover stick", "cover
    // cream", "cover up".
    if (word == "cover" && (HasWord(listing.title, "full cover") || HasWord(listing.title, "cover stick") ||
                            HasWord(listing.title, "cover cream") || HasWord(listing.title, "cover up") ||
                            HasWord(listing.title, "cover concealer") || HasWord(listing.title, "cover foundation")))
      continue;
    // What the product goes with or on, after "for" ("Bettgitter für
    // Matratze", a bed rail), is not what it is; nor is an organiser right
    // after the notice's product noun ("Fabric Dresser Organizer").
    if (std::any_of(std::begin(kForWords), std::end(kForWords), [&](std::string_view f) { return HasWordPair(listing.title, f, word); }) ||
        ((word == "organizer" || word == "organiser") && after_the_noun(word)))
      continue;
    // A T-shirt sold under a character's name is the product when the
    // notice recalls a clothing set ("Spiderman Set T-Shirt + Shorts"),
    // not a dress.
    if ((word == "t shirt" || word == "tshirt") && (HasWord(notice.title, "set") || HasWord(notice.title, "sets")) &&
        (in_notice("clothing", true) || in_notice("clothes", true) || HasWord(notice.category, "clothing")))
      continue;
    // A part the notice's description names comes with the product; sold
    // alone it is a part, unless the notice's name says it is one.
    if (!notice_names(word, part, code_too)) return word;
  }
  // A charger opening the title before the notice's product noun, as
  // German, French and most languages put the kind first ("Ladegerät
  // Beamer", "Chargeur vidéoprojecteur"), or English "charger" right after
  // the noun ("projector charger"): the charger sold for the product. Not
  // of a product that is a charger or charged itself ("Ladegerät
  // Powerbank" is the power bank).
  if (const std::string_view noun = ProductNoun(notice); noun.size() >= 3) {
    static constexpr std::string_view kCharged[] = {"charger", "chargers", "power bank", "powerbank", "battery", "batteries", "akku",
                                                    "adapter", "adaptor", "power supply"};
    const auto is_charger = [](std::string_view w) { return SameWordOrPlural(w, "charger") || TranslatesWholeWord(w, "charger"); };
    const auto is_noun = [noun](std::string_view w) { return SameWordOrPlural(w, noun) || TranslatesWholeWord(w, noun); };
    thread_local std::vector<std::string_view> words;
    SplitWords(listing.title, &words);
    // The charger first opens the title; after the noun it is English and
    // ends it, or only its specifications follow ("projector charger
    // 19V"). Sold with the product or said missing, it is the product's
    // ("Beamer Ladegerät inklusive", "projecteur chargeur non fourni").
    const auto ends_the_title = [&](size_t i) {
      return std::all_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end(),
                         [](std::string_view w) { return std::any_of(w.begin(), w.end(), IsAsciiDigit); });
    };
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      const bool charger_first = i == 0 && is_charger(words[0]) && is_noun(words[1]);
      const bool noun_first = is_noun(words[i]) && (words[i + 1] == "charger" || words[i + 1] == "chargers") && ends_the_title(i + 1);
      if (!charger_first && !noun_first) continue;
      if (sold_with(words[charger_first ? 0 : i + 1])) break;
      // Its name, not its prose nor what it comes with: a projector's
      // hazard is its battery, and a "Cordless Vacuum Cleaner with
      // lithium-ion battery" is a vacuum cleaner.
      const std::string_view name = NameBeforeClauses(notice);
      if (std::any_of(std::begin(kCharged), std::end(kCharged), [&](std::string_view c) { return HasWord(name, c); }) || is_charger(noun))
        break;
      return charger_first ? words[i] : words[i + 1];
    }
  }
  // German compounds of a bag, a cover or a holder ("Tragetasche",
  // "Abdeckhaube", "Tischhalterung", "Schonbezug"): not the bags and
  // bedding sold as such.
  if (!is_accessory())
    for (const std::string_view w : listing.title_words) {
      // Not "-kabel": an extension lead ("Verlängerungskabel") is a product.
      static constexpr std::string_view kEndings[] = {"tasche", "hulle", "abdeckung", "halterung", "bezug", "polster"};
      static const std::unordered_set<std::string_view> kGoods = {"handtasche", "umhangetasche", "schultertasche", "kuhltasche",
                                                                  "bettbezug", "kissenbezug"};
      const auto ends = [w](std::string_view e) { return w.size() >= e.size() + 3 && w.ends_with(e); };
      const bool compound = std::any_of(std::begin(kEndings), std::end(kEndings), ends) || w == "abdeckhaube" || w == "schutzhaube";
      if (!compound || kGoods.count(w) != 0 || sold_with(w) || in_notice(w, true)) continue;
      // A holder or a cover is a part, listed after the product's name as
      // parts are ("Tischkamin, Abdeckung"); a bag comes with it after "+".
      if ((ends("tasche") || ends("hulle")) ? after_plus(w) : listed_after_name(w)) continue;
      return w;
    }
  // Sold with the product: "带遥控器", "附数据线", "送充电线" (with, comes
  // with, free), "リモコン付き", "리모컨 포함" (included), or after "+".
  const auto cjk_sold_with = [&](std::string_view word) {
    static constexpr std::string_view kBefore[] = {"带", "帶", "附", "配", "含", "送", "赠", "贈", "+", "&", "和", "及"};
    // What a part's name may begin with after the word: "送电源适配器"
    // (with a power adapter), "含充电数据线".
    static constexpr std::string_view kQualifiers[] = {"电源", "電源", "充电", "充電", "原装", "原裝", "专用", "專用"};
    // Parts listed one after another after the word: "含遥控器 电源适配器".
    static constexpr std::string_view kListed[] = {"遥控器", "遙控器", "数据线", "數據線", "充电线", "充電線", "电源线", "電源線",
                                                   "适配器", "適配器", "支架", "收纳包", "收納包", "收纳袋", "收納袋", "说明书", "說明書"};
    static constexpr std::string_view kAfter[] = {"付き", "付", "同梱", "포함"};
    // The title with its punctuation ("+"), folded.
    if (!folded_title) folded_title = FoldForMatching(raw_title);
    const std::string_view t = *folded_title;
    const auto skip_blanks = [&t](size_t& before) {
      while (before > 0 && (t[before - 1] == ' ' || t[before - 1] == ',')) --before;
    };
    const auto skip_one_of = [&t, &skip_blanks](size_t& before, std::span<const std::string_view> words) {
      for (const std::string_view w : words)
        if (t.substr(0, before).ends_with(w)) {
          before -= w.size();
          skip_blanks(before);
          return true;
        }
      return false;
    };
    for (size_t at = t.find(word); at != std::string_view::npos; at = t.find(word, at + 1)) {
      size_t before = at;
      skip_blanks(before);
      skip_one_of(before, kQualifiers);
      for (int listed = 0; listed < 4; ++listed) {
        if (std::any_of(std::begin(kBefore), std::end(kBefore), [&](std::string_view w) { return t.substr(0, before).ends_with(w); }))
          return true;
        if (!skip_one_of(before, kListed)) break;
        skip_one_of(before, kQualifiers);
      }
      size_t after = at + word.size();
      while (after < t.size() && t[after] == ' ') ++after;
      for (const std::string_view w : kAfter)
        if (t.substr(after).starts_with(w)) return true;
    }
    return false;
  };
  // Most titles have no Chinese, Japanese, Korean or Thai character: the
  // words below are not looked for in them.
  const bool cjk = std::any_of(listing.title.begin(), listing.title.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE0; });
  if (!cjk) return {};
  for (const auto& [word, code_too, part, alone, also] : CjkAccessoryWords()) {
    if ((for_code && !code_too) || listing.title.find(word) == std::string::npos || (code_too && is_accessory())) continue;
    // "送收纳包", "+ 支架": sold with the product.
    if (code_too && cjk_sold_with(word)) continue;
    if (!in_notice(word, false)) return word;
  }
  // A door seal or a handle is the goods only as the head of its phrase:
  // on its own ("冰箱 门封条"), after a code or the device ("冰箱门封条",
  // "门把手"); with a word describing it, joined before or after ("磁性门封条",
  // "门封条加厚", "防烫把手"), it is a feature of the appliance sold.
  const auto part_is_head = [&](std::string_view word) {
    static constexpr std::string_view kDevices[] = {"冰箱", "冰柜", "水壶", "烤箱", "门", "門", "锅", "鍋", "壶", "壺"};
    const std::string_view t = listing.title;
    for (size_t at = t.find(word); at != std::string_view::npos; at = t.find(word, at + 1)) {
      const size_t end = at + word.size();
      if (end < t.size() && static_cast<unsigned char>(t[end]) >= 0xE3) continue;
      const std::string_view before = t.substr(0, at);
      if (!before.empty() && static_cast<unsigned char>(before.back()) >= 0x80 &&
          std::none_of(std::begin(kDevices), std::end(kDevices), [before](std::string_view d) { return before.ends_with(d); }))
        continue;
      return true;
    }
    return false;
  };
  for (const auto& [word, english, head_only] : CjkParts()) {
    if (listing.title.find(word) == std::string::npos || cjk_sold_with(word) || is_accessory()) continue;
    if (head_only && !part_is_head(word)) continue;
    // As for the English parts, the notice's title counts: a description
    // names the parts the product comes with.
    if (in_notice(word, false) || notice_names(english, /*part=*/true, true) || notice_names(fmt::format("{}s", english), true, true)) continue;
    if (english == "adapter" && (in_notice("charger", true) || in_notice("chargers", true) || in_notice("power supply", true))) continue;
    return word;
  }
  return {};
}

}  // namespace conform::recalls
