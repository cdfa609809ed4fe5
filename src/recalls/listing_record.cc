// FromListing (recall_matcher.h): a listing read into the record the
// recall matcher compares, with what it states: brands, names, model codes,
// GTINs and ASINs (its own and those it says are another product's),
// batches, a vehicle's dates, and what it says of recalls.
#include "conform/recalls/recall_matcher.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "conform/core/gtin.h"
#include "conform/core/text.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/gtin.h"
#include "conform/recalls/text_similarity.h"
#include "text_words.h"
#include "vehicle_dates.h"

namespace conform::recalls {

namespace {

// Whether a Chinese, Japanese or Korean character (IsCjkLeadByte, three
// UTF-8 bytes) starts at, or ends just before, byte `at` of `text`.
bool CjkCharStartsAt(std::string_view text, size_t at) { return at + 3 <= text.size() && IsCjkLeadByte(text[at]); }
bool CjkCharEndsAt(std::string_view text, size_t at) { return at >= 3 && CjkCharStartsAt(text, at - 3); }

// Whether `before` (the text before a number) ends with a GTIN label: "ean",
// "EAN-13:", "UPC code", "barcode #", "Strichcode", "штрих-код", "条形码".
// `folded` as for GtinsIn.
bool EndsWithGtinLabel(std::string_view before) {
  const auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; };
  const auto trim = [](std::string_view t) {
    const size_t end = t.find_last_not_of(" :#-.");
    return end == std::string_view::npos ? std::string_view() : t.substr(0, end + 1);
  };
  std::string_view label = trim(before);
  // A sentence, as the CPSC writes it and sellers copy it ("The UPC
  // number is 080313081316", "UPC numbers are ...").
  for (const std::string_view verb : {" is", " are"})
    if (label.ends_with(verb)) {
      label = trim(label.substr(0, label.size() - verb.size()));
      break;
    }
  // Korean runs "번호" (number) into its label ("바코드번호").
  for (const std::string_view filler : {"codes", "numbers", "code", "number", "no", "nr", "nummer", "numero", "número", "numéro", "kód", "код", "номер", "번호",
                                        "kodas", "koda", "kod", "κώδικασ", "κωδικασ"})
    if (label.ends_with(filler) &&
        (label.size() == filler.size() || !alnum(label[label.size() - filler.size() - 1]) || IsCjkLeadByte(filler[0]))) {
      label = trim(label.substr(0, label.size() - filler.size()));
      break;
    }
  // Barcode in the languages sellers write: German, French, Spanish,
  // Italian, Dutch, Polish, Czech, Slovak ("čiarový kód", its "kód"
  // dropped above as a filler), Russian ("штрих-код", the same), Turkish,
  // Indonesian, Vietnamese, Arabic, Swedish, Danish, Norwegian, Finnish,
  // Hungarian, Romanian and the rest of the EU's languages; Canadian
  // French writes the UPC "CUP" ("CUP : 812355036227").
  for (const std::string_view l : {"ean", "gtin", "upc", "cup", "jan", "ean8", "ean-8", "gtin-8", "gtin8", "ean13", "ean-13", "gtin-13", "gtin13",
                                   "upc-a", "upca", "gtin-12", "gtin12", "gtin-14", "gtin14", "barcode", "bar code", "strichcode",
                                   "code-barres", "code barres", "code-barre", "code barre", "codigo de barras", "código de barras",
                                   "codice a barre", "streepjescode", "kod kreskowy", "čárový", "čiarový", "штрихкод", "штрих", "barkod",
                                   "kode batang", "mã vạch", "ma vach", "باركود", "streckkod", "stregkode", "strekkode", "viivakoodi",
                                   "vonalkód", "vonalkod", "cod de bare",
                                   // Estonian, Latvian, Lithuanian, Slovenian, Greek,
                                   // Bulgarian, Irish and Maltese.
                                   "triipkood", "ribakood", "carovy", "ciarovy", "svītrkods", "svitrkods", "brūkšninis", "bruksninis",
                                   "črtna", "crtna", "γραμμωτόσ", "γραμμωτοσ", "баркод", "barrachód", "barrachod", "tal-barra", "tal barra"})
    if (label.ends_with(l) &&
        (label.size() == l.size() || !alnum(label[label.size() - l.size() - 1]) || CjkCharEndsAt(label, label.size() - l.size())))
      return true;
  // Chinese, Japanese, Korean and Thai, written without spaces ("商品条形码：").
  // "EAN码", "69码" (a Chinese EAN-13 begins 690 to 699), "条码号".
  for (const std::string_view l : {"条形码", "条码", "條碼", "條形碼", "条码号", "條碼號", "ean码", "ean碼", "69码", "69碼", "バーコード", "janコード",
                                   "바코드", "บาร์โค้ด"})
    if (label.ends_with(l)) return true;
  return false;
}

// Whether a word names a variant's size, capacity or colour, as a
// variation listing writes one before each variant's barcode: "s", "xl",
// "3xl", "250ml", "42", "black", "schwarz".
bool IsVariantSizeOrColour(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "black", "white", "red", "blue", "green", "yellow", "pink", "purple", "grey", "gray",
      "silver", "gold", "orange", "brown", "beige", "navy", "schwarz", "weiss", "weiß", "rot", "blau", "grün", "gelb", "rosa", "noir",
      "blanc", "rouge", "bleu", "vert", "negro", "blanco", "rojo", "azul", "nero", "bianco", "rosso", "blu"};
  return !w.empty() && w.size() <= 12 && (IsAsciiDigit(w.front()) || kWords.count(w) != 0);
}

// GTINs written in a listing's title or description (MatchRecord::
// gtins_in_title, gtins_in_description). `folded` is NormalizeForMatching's:
// full-width digits are digits, labels lower case. In a title, 12 to 14
// digits standing alone are taken, and 8 after a label; in a description,
// which holds order, phone and article numbers, only numbers after a label.
// A number may be written in groups parted by single spaces or hyphens
// ("EAN: 8055-1866-6991-8", "8055186 669918"): consecutive groups are
// taken together too, under the same rules, when they make a valid GTIN.
std::vector<std::string> GtinsIn(std::string_view folded, bool labelled_only) {
  std::vector<std::string> out;
  const auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; };
  // Whether digits from `from` to `to` stand alone: a run inside a word
  // ("b0813151213x", "8051772488833ml") is a code; Chinese and Japanese,
  // written without spaces, end a word where they start ("条码4006381333931、型号").
  const auto alone = [&](size_t from, size_t to) {
    return (from == 0 || !alnum(folded[from - 1]) || CjkCharEndsAt(folded, from)) &&
           (to == folded.size() || !alnum(folded[to]) || CjkCharStartsAt(folded, to));
  };
  // A GTIN read by the label of another (listed after it, or after a
  // variant's name) is the product's only when nothing is said of it: the
  // list goes on or ends after it ("..., 5901234123457 (see the shampoo)",
  // "... 805253435117 launch tube for ..." name other products).
  const auto bare_after = [&](size_t to) {
    size_t at = to;
    while (at < folded.size() && folded[at] == ' ') ++at;
    if (at == folded.size() || std::string_view(",;/|\n").find(folded[at]) != std::string_view::npos) return true;
    if (folded[at] == '.' && (at + 1 == folded.size() || folded[at + 1] == ' ' || folded[at + 1] == '\n')) return true;
    for (const std::string_view joiner : {"and ", "or ", "und ", "oder ", "et ", "ou "})
      if (folded.substr(at).starts_with(joiner)) return true;
    return false;
  };
  // Where the last labelled GTIN taken ends: numbers listed after it are
  // labelled by its label ("EAN: 4006381333931, 4006381333948").
  size_t listed_after = std::string_view::npos;
  const auto labelled = [&](size_t from, size_t to) {
    const std::string_view before = folded.substr(0, from);
    if (EndsWithGtinLabel(before)) return true;
    if (!bare_after(to)) return false;
    if (listed_after != std::string_view::npos && listed_after <= from) {
      const std::string_view between = folded.substr(listed_after, from - listed_after);
      std::string_view rest = between;
      while (!rest.empty() && std::string_view(" ,;/|&").find(rest.front()) != std::string_view::npos) rest.remove_prefix(1);
      for (const std::string_view joiner : {"and ", "or ", "und ", "oder ", "et ", "ou ", "y ", "e "})
        if (rest.starts_with(joiner)) {
          rest.remove_prefix(joiner.size());
          break;
        }
      if (rest.empty() && !between.empty() && between.size() <= 8) return true;
    }
    // A variant's size, capacity or colour between the label and its
    // colon, a GTIN for each on a variation listing ("EAN S: ...", "EAN
    // 250ml: ...", "UPC (black): ..."), on the label's line; not another
    // product's name ("EAN (high chair): ..."), nor "alt" (old).
    std::string_view t = before;
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    if (t.empty() || t.back() != ':') return false;
    t.remove_suffix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    const size_t space = t.find_last_of(" \n");
    if (space == std::string_view::npos || t[space] == '\n') return false;
    std::string_view name = t.substr(space + 1);
    if (name.size() >= 2 && name.front() == '(' && name.back() == ')') name = name.substr(1, name.size() - 2);
    return IsVariantSizeOrColour(name) && EndsWithGtinLabel(t.substr(0, space));
  };
  const auto take = [&](size_t from, size_t to, const std::string& digits) {
    const size_t length = digits.size();
    // A labelled UPC that lost its leading zero ("UPC: 80313081316", as
    // spreadsheets write it) is still the UPC.
    if (length == 11 && labelled(from, to)) {
      if (auto g = NormalizeGtin("0" + digits); g.ok() && std::find(out.begin(), out.end(), g.value()) == out.end()) out.push_back(std::move(g).value());
      listed_after = to;
      return;
    }
    if (length != 8 && (length < 12 || length > 14)) return;
    // An 8-digit number is as often a date or an article number.
    const bool with_label = labelled(from, to);
    if (!((length >= 12 && !labelled_only) || with_label)) return;
    if (auto g = NormalizeGtin(digits); g.ok()) {
      if (with_label) listed_after = to;
      if (std::find(out.begin(), out.end(), g.value()) == out.end()) out.push_back(std::move(g).value());
    }
  };
  std::vector<std::pair<size_t, size_t>> groups;
  for (size_t i = 0; i < folded.size();) {
    if (!IsAsciiDigit(folded[i])) {
      ++i;
      continue;
    }
    groups.clear();
    size_t end = i;
    while (true) {
      const size_t begin = end;
      while (end < folded.size() && IsAsciiDigit(folded[end])) ++end;
      groups.emplace_back(begin, end);
      if (end + 1 < folded.size() && (folded[end] == ' ' || folded[end] == '-') && IsAsciiDigit(folded[end + 1]) && groups.size() < 8) ++end;
      else break;
    }
    for (size_t first = 0; first < groups.size(); ++first) {
      std::string digits;
      for (size_t last = first; last < groups.size(); ++last) {
        digits.append(folded.substr(groups[last].first, groups[last].second - groups[last].first));
        if (digits.size() > 14) break;
        if (alone(groups[first].first, groups[last].second)) take(groups[first].first, groups[last].second, digits);
      }
    }
    i = end;
  }
  return out;
}

}  // namespace

// Whether an HTML tag (its text between the angle brackets) starts a new
// line or item: <br>, <p>, <li>, <tr>, <td>, <div> and the like, opening
// or closing.
bool BreaksLine(std::string_view tag) {
  if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
  size_t n = 0;
  while (n < tag.size() && std::isalnum(static_cast<unsigned char>(tag[n]))) ++n;
  const std::string name = AsciiLower(tag.substr(0, n));
  for (const char* block : {"br", "p", "li", "ul", "ol", "tr", "td", "th", "div", "table", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"})
    if (name == block) return true;
  return false;
}

// Words that say an identifier after them is not the product's own: a
// negation ("This is NOT ASIN B0..."), or another listing or the original
// product ("see our other listing, ASIN ...", "Original EAN: ...").
bool SaysItIsAnothers(std::string_view w) {
  static const std::unordered_set<std::string_view> kMore = {"kein", "keine", "other", "see", "also", "original", "similar"};
  return SaysNotOrInstead(w) || kMore.count(w) != 0;
}

// A word labelling a GTIN (as GtinsIn reads them: EndsWithGtinLabel) or an
// ASIN, as NormalizeForMatching leaves it.
bool IsIdentifierLabel(std::string_view w) { return w == "asin" || EndsWithGtinLabel(w); }

// `folded` (NormalizeForMatching's) with the six words blanked that
// follow, in one clause, a word saying what the product goes with
// (SaysWhatItGoesWith: "compatible with ASIN B0...", "replacement for EAN
// ...") or that what follows is another's (SaysItIsAnothers): the
// identifiers a description labels there are another product's, as a
// model labelled there is (OwnLabelledModelNumbers). Italian "per", Czech
// "pro", Polish "do" (for) and Swedish "passar" (fits; Portuguese "to
// iron") count only right before a label or a number
// ("per EAN"), being words of other languages too; so does every such word
// `in_title`, and then only two words are blanked ("for kids" is common
// in titles). A word
// saying it is another's counts only a word or two before the identifier
// or its label ("NOT ASIN", "NOT the EAN"); "original" not after "100%",
// nor in a title right before the number, which say the goods are
// genuine ("USB Desktop Fan 100% Original 4040849620621"). A clause ends at a line
// break, a full stop before a space, ';', '|', '!' or '?'.
std::string WithoutOtherProductsIdentifiers(std::string folded, bool in_title) {
  const size_t window = in_title ? 2 : 6;
  const auto in_word = [](char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; };
  size_t blank = 0;  // words still to blank
  std::string_view previous;  // the word before, as it stands
  for (size_t i = 0; i < folded.size();) {
    const char c = folded[i];
    if (!in_word(c)) {
      const bool ends = c == '\n' || c == ';' || c == '|' || c == '!' || c == '?' ||
                        (c == '.' && (i + 1 == folded.size() || folded[i + 1] == ' ' || folded[i + 1] == '\n'));
      if (ends) blank = 0;
      ++i;
      continue;
    }
    size_t end = i;
    while (end < folded.size() && in_word(folded[end])) ++end;
    const std::string_view w(folded.data() + i, end - i);
    // The word `ahead` words on (1: the next) when only spaces, ':' or
    // '(' come before it, else empty.
    const auto word_ahead = [&](int ahead) {
      size_t at = end;
      for (int k = 1; k < ahead; ++k) {
        while (at < folded.size() && !in_word(folded[at])) ++at;
        while (at < folded.size() && in_word(folded[at])) ++at;
      }
      while (at < folded.size() && (folded[at] == ' ' || folded[at] == ':' || folded[at] == '(')) ++at;
      size_t word_end = at;
      while (word_end < folded.size() && in_word(folded[word_end])) ++word_end;
      return std::string_view(folded).substr(at, word_end - at);
    };
    // Whether that word is an identifier's label or the number itself.
    const auto identifier_ahead = [&](int ahead) {
      const std::string_view next = word_ahead(ahead);
      return !next.empty() && (IsIdentifierLabel(next) || IsAsciiDigit(next[0]));
    };
    // "Suitable for children over 3 years EAN ...": the word after
    // "(suitable) for" says whom it is for, and the EAN is the product's.
    const auto says_whom_it_is_for = [&] {
      for (int ahead = 1; ahead <= 3; ++ahead) {
        const std::string_view next = word_ahead(ahead);
        if (!SaysWhatItGoesWith(next)) return SaysWhomItIsFor(next);
      }
      return false;
    };
    if (blank > 0) {
      std::fill(folded.begin() + static_cast<std::ptrdiff_t>(i), folded.begin() + static_cast<std::ptrdiff_t>(end), ' ');
      --blank;
    } else if (SaysWhatItGoesWith(w) && (!in_title || identifier_ahead(1)) && !says_whom_it_is_for()) {
      blank = window;
    } else if (SaysItIsAnothers(w) && (identifier_ahead(1) || (!in_title && identifier_ahead(2))) &&
               !(w == "original" && (previous == "100" || (in_title && !IsIdentifierLabel(word_ahead(1)))))) {
      // Right before the identifier or its label, or one word before
      // ("NOT the EAN", "Non è EAN"): "Not for children under 36 months,
      // EAN ..." is the product's own.
      blank = 2;
    } else if ((w == "per" || w == "pro" || w == "do" || w == "passar") && identifier_ahead(1)) {
      blank = 2;
    }
    previous = std::string_view(folded).substr(i, end - i);
    i = end;
  }
  return folded;
}

// The value after a brand label and a colon in `folded` (NormalizeForMatching's
// text): "brand: power style" -> "power style". See StatedIdentifiers::brand.
std::string LabelledBrand(std::string_view folded) {
  // And as Central and Eastern European marketplaces label the brand:
  // Bulgarian "Марка", Greek "Μάρκα", Slovenian "Blagovna znamka",
  // Lithuanian "Prekės ženklas", Latvian "Zīmols", Estonian "Kaubamärk".
  // Not the manufacturer ("Producent", "Výrobce", "Gyártó", the EU's
  // product safety rules make listings name it), often a firm other than
  // the brand ("Výrobce: Qisda Corporation" of a BenQ projector).
  static const std::unordered_set<std::string_view> kLabels = {
      "brand", "marke", "marque", "marca", "marka", "merk", "märke", "merkki", "značka", "znacka", "márka", "бренд", "марка",
      "μάρκα", "μαρκα", "znamka", "ženklas", "zenklas", "zīmols", "zimols", "kaubamärk", "kaubamark", "品牌", "品牌名称", "品牌名稱",
      "ブランド", "브랜드"};
  const auto in_word = [](char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; };
  std::string_view previous;
  for (size_t i = 0; i < folded.size();) {
    if (!in_word(folded[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < folded.size() && in_word(folded[end])) ++end;
    const std::string_view w = folded.substr(i, end - i);
    size_t colon = end;
    while (colon < folded.size() && folded[colon] == ' ') ++colon;
    // "品 牌：", a form's label spaced out to a width.
    const bool label = kLabels.count(w) != 0 || (w == "牌" && previous == "品");
    if (label && colon < folded.size() && folded[colon] == ':' && !SaysWhatItGoesWith(previous)) {
      size_t from = colon + 1;
      while (from < folded.size() && folded[from] == ' ') ++from;
      size_t to = from;
      while (to < folded.size() && to - from < 40 && folded[to] != '\n' && folded[to] != ';' && folded[to] != '|' && folded[to] != ',' &&
             !(folded[to] == '.' && (to + 1 == folded.size() || folded[to + 1] == ' ')))
        ++to;
      std::string value = CollapseToWords(folded.substr(from, to - from));
      if (!value.empty() && std::count(value.begin(), value.end(), ' ') < 5 && !PlaceholderBrand(BrandKey(value))) return value;
    }
    previous = w;
    i = end;
  }
  return "";
}

// Whether a text may name a recall at all, before it is normalised: each
// phrase SaysNotRecalled reads holds one of these stems ("Rückruf" holds
// "ckruf"). Every listing's title is asked.
constexpr std::string_view kRecallStems[] = {"recall", "ckruf", "rappel", "retir", "richiamo", "wycofan", "terugroep", "召回", "リコール", "리콜"};
bool MayNameARecall(std::string_view text) {
  const std::string lower = AsciiLower(text);
  for (const std::string_view stem : kRecallStems)
    if (lower.find(stem) != std::string::npos) return true;
  return false;
}

// Whether a text (NormalizeForMatching's) says the goods are not affected
// by a recall, or were remedied under it, in the languages sellers write.
bool SaysNotRecalled(std::string_view folded) {
  // Every phrase below holds one of MayNameARecall's stems, and most texts
  // hold none: one look for those first (`folded` is in lower case).
  if (std::none_of(std::begin(kRecallStems), std::end(kRecallStems),
                   [folded](std::string_view stem) { return folded.find(stem) != std::string_view::npos; }))
    return false;
  for (const std::string_view phrase :
       {"not affected by the recall", "not affected by recall", "not affected by this recall", "not affected by any recall",
        "not part of the recall", "not recalled", "not subject to the recall", "not included in the recall", "unaffected by the recall",
        "not covered by the recall", "nicht vom rückruf betroffen", "nicht von dem rückruf betroffen", "vom rückruf nicht betroffen",
        "nicht von der rückrufaktion betroffen", "non concerné par le rappel", "non concernés par le rappel", "pas concerné par le rappel",
        "no afectado por la retirada", "no afectado por el retiro", "non interessato dal richiamo", "non soggetto a richiamo",
        "nie objęty wycofaniem", "niet getroffen door de terugroepactie", "valt niet onder de terugroepactie",
        // Chinese, Japanese, Korean: not affected by, not within, not of
        // the recall; not recall goods ("非召回批次", a batch not recalled).
        "不受召回影响", "不受召回影響", "不在召回范围", "不在召回範圍", "不属于召回", "不屬於召回", "非召回", "未被召回", "不涉及召回",
        "リコール対象外", "リコールの対象外", "リコール対象ではありません", "リコールの対象ではありません", "리콜 대상 아님", "리콜 대상이 아닙니다",
        "리콜 대상 아닌", "리콜 대상 제외", "리콜 해당 없음", "not the recalled", "recall does not apply", "recall doesn't apply",
        // Or that the recall's remedy was done: repaired, a part replaced,
        // a kit fitted.
        "under the recall", "through the recall", "as part of the recall", "recall repair", "recall fix", "recall kit", "recall remedy",
        "recall program", "recall replacement", "recall service", "im rahmen des rückrufs", "im zuge des rückrufs", "rückruf durchgeführt",
        "rückrufaktion durchgeführt", "dans le cadre du rappel", "suite au rappel", "réparé lors du rappel",
        // Spanish, as US and Latin American sellers write it ("reparado
        // bajo el retiro"; not "retiro" alone, which is also a shop's
        // pick-up, "retiro en tienda").
        "bajo el retiro", "conforme al retiro", "por el retiro del fabricante", "reparado por el retiro", "reparada por el retiro",
        "reparación del retiro", "reparacion del retiro", "del retiro instalado", "bajo el recall", "bajo la retirada",
        // Chinese: repaired under the recall ("已召回维修"), repaired
        // after it ("召回后已维修"), its repair kit fitted ("召回维修套件").
        "召回维修", "召回維修", "召回修复", "召回修復", "召回后已", "召回後已", "召回更换", "召回更換", "召回套件"})
    if (folded.find(phrase) != std::string_view::npos) return true;
  // "not affected by the HANS0002 recall": the recall named within a few
  // words; in French and Spanish too, feminine and plural ("non visée par
  // le rappel", "no está afectada por el retiro", "no incluido en el
  // retiro").
  static constexpr std::pair<std::string_view, std::string_view> kNotAffected[] = {
      {"not affected by", "recall"}, {"no afectad", "retir"},   {"no está afectad", "retir"}, {"no esta afectad", "retir"},
      {"no incluid", "retir"},       {"no cubiert", "retir"},   {"non visé", "rappel"},       {"non vise", "rappel"},
      {"non concern", "rappel"},     {"non affecté", "rappel"}, {"non affecte", "rappel"},    {"non touché", "rappel"},
      {"non touche", "rappel"},      {"pas visé", "rappel"},    {"pas vise", "rappel"},       {"pas concern", "rappel"},
      {"pas affecté", "rappel"},     {"pas touché", "rappel"}};
  // Within its clause: "envío no incluido, retiro en tienda" is no word on
  // a recall.
  for (const auto& [negation, recall] : kNotAffected)
    for (size_t at = folded.find(negation); at != std::string_view::npos; at = folded.find(negation, at + 1)) {
      const std::string_view clause = folded.substr(at, std::min<size_t>(48, folded.find_first_of(".,;:!?", at) - at));
      if (clause.find(recall) != std::string_view::npos) return true;
    }
  return false;
}

StatedIdentifiers ReadStatedIdentifiers(const Listing& listing) {
  StatedIdentifiers ids;
  // A document's models, when the description labels none: those read as
  // codes, as many as a description's list, so that StatedIdentifiersText
  // keeps each.
  const auto documents = [&] {
    if (ids.models.empty())
      for (const auto& e : listing.evidence)
        for (const auto& m : e.models)
          if (ids.models.size() < kMaxLabelledModels && ListedModelCode(m) && std::find(ids.models.begin(), ids.models.end(), m) == ids.models.end())
            ids.models.push_back(m);
  };
  const std::string_view raw = listing.description;
  if (raw.empty()) {
    documents();
    return ids;
  }
  // Marketplaces pass HTML through ("charger.<br>Model: QC-65A"): a tag
  // parts words, and one that starts a line or a list item ends the clause
  // (WithoutOtherProductsIdentifiers).
  std::string untagged;
  untagged.reserve(raw.size());
  // The next '>' at or after i, found once per tag: text with many '<' and
  // no '>' is read in one pass.
  size_t next_close = raw.find('>');
  for (size_t i = 0; i < raw.size(); ++i) {
    if (next_close != std::string_view::npos && next_close < i) next_close = raw.find('>', i);
    const size_t close = raw[i] == '<' && i + 1 < raw.size() && (std::isalpha(static_cast<unsigned char>(raw[i + 1])) || raw[i + 1] == '/')
                             ? next_close
                             : std::string_view::npos;
    if (close == std::string_view::npos) {
      untagged.push_back(raw[i]);
    } else {
      untagged.push_back(BreaksLine(raw.substr(i + 1, close - i - 1)) ? '\n' : ' ');
      i = close;
    }
  }
  std::string description = untagged.find('&') == std::string::npos ? untagged : DecodeHtmlEntities(untagged);
  // Amazon's product details put direction marks around the colon ("Item
  // model number ‏ : ‎ GV31", "UPC ‏ : ‎ ..."), French typography a
  // no-break space before it ("Modèle : GV31"), web pages thin and
  // zero-width spaces, and sellers paste non-breaking hyphens ("EAN‑13"):
  // read as a space, nothing (InvisibleCharLength) and a hyphen.
  if (description.find("\xE2\x80") != std::string::npos || description.find('\xC2') != std::string::npos ||
      description.find("\xE2\x81\xA0") != std::string::npos || description.find("\xEF\xBB\xBF") != std::string::npos) {
    std::string plain;
    plain.reserve(description.size());
    for (size_t i = 0; i < description.size(); ++i) {
      if (const size_t invisible = InvisibleCharLength(description, i)) {
        i += invisible - 1;
        continue;
      }
      if (description.compare(i, 2, "\xC2\xA0") == 0) {  // U+00A0
        plain += ' ';
        ++i;
        continue;
      }
      if (description.compare(i, 2, "\xE2\x80") == 0 && i + 2 < description.size()) {
        const auto third = static_cast<unsigned char>(description[i + 2]);
        // U+2000..U+200A (en, em, thin, hair spaces ...), U+200E, U+200F,
        // U+202F (narrow no-break space)
        if (third <= 0x8A || third == 0x8E || third == 0x8F || third == 0xAF) {
          plain += ' ';
          i += 2;
          continue;
        }
        if (third == 0x91) {  // U+2011
          plain += '-';
          i += 2;
          continue;
        }
      }
      plain += description[i];
    }
    description = std::move(plain);
  }
  ids.models = OwnLabelledModelNumbers(description);
  const std::string folded = NormalizeForMatching(description);
  ids.brand = LabelledBrand(folded);
  ids.says_not_recalled = SaysNotRecalled(folded);
  ids.batches = ReadBatches(folded);
  const std::string own = WithoutOtherProductsIdentifiers(folded, /*in_title=*/false);
  ids.gtins = GtinsIn(own, /*labelled_only=*/true);
  ids.asins = LabelledAsins(own);
  const auto others = [](std::vector<std::string> all, const std::vector<std::string>& own_ones) {
    std::erase_if(all, [&](const std::string& id) { return std::find(own_ones.begin(), own_ones.end(), id) != own_ones.end(); });
    return all;
  };
  if (own != folded) {
    ids.referenced_gtins = others(GtinsIn(folded, /*labelled_only=*/true), ids.gtins);
    ids.referenced_asins = others(LabelledAsins(folded), ids.asins);
  }
  documents();
  return ids;
}

std::string StatedIdentifiersText(const StatedIdentifiers& ids) {
  std::string text;
  if (!ids.brand.empty()) text = "brand: " + ids.brand;
  if (ids.says_not_recalled) text.append(text.empty() ? "" : ". ").append("not affected by the recall");
  for (const auto& b : ids.batches)
    text.append(text.empty() ? "" : ". ").append(b.starts_with(kSerialMark) ? BatchInWords(b) : "batch " + b);
  if (!ids.models.empty()) text.append(text.empty() ? "" : ". ").append("models ").append(Joined(ids.models, 0, " and "));
  for (const auto& g : ids.gtins) text.append(text.empty() ? "" : ". ").append("GTIN ").append(g);
  for (const auto& a : ids.asins) text.append(text.empty() ? "" : ". ").append("ASIN ").append(a);
  // Read back as another product's: "fits" starts their clause.
  for (const auto& g : ids.referenced_gtins) text.append(text.empty() ? "" : ". ").append("fits GTIN ").append(g);
  for (const auto& a : ids.referenced_asins) text.append(text.empty() ? "" : ". ").append("fits ASIN ").append(a);
  return text;
}

std::string ListingModel(const Listing& listing) {
  if (!listing.model.empty()) return listing.model;
  for (const auto& [name, value] : listing.attributes)
    if (name == "model" || name == "model_number" || name == "item_model_number" || name == "model_no" || name == "modelnumber")
      return value;
  return {};
}

// The names after "by", "von" or "marki" in a description's prose, each
// word capitalised ("Sparkler fountain. By World Class Fireworks.",
// "Portable projector by BenQ"): where a seller without a brand field
// names the maker when the title does not. A word in lower case after
// them is rarely one ("made by hand", "charged by usb"). At most two, the
// first in the text; a name ends at punctuation or a word in lower case
// ("by Apple in California"), and is at most four words.
std::vector<std::string> CapitalisedNamesAfterBy(std::string_view description) {
  std::vector<std::string> names;
  const auto in_word = [](char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; };
  const auto capitalised = [](std::string_view w) {
    return w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' && std::none_of(w.begin(), w.end(), IsAsciiDigit);
  };
  // The word starting at `at` (in_word there), and where it ends.
  const auto word_at = [&](size_t at) {
    size_t end = at;
    while (end < description.size() && in_word(description[end])) ++end;
    return description.substr(at, end - at);
  };
  for (size_t at = 0; at < description.size() && names.size() < 2;) {
    if (!in_word(description[at])) {
      ++at;
      continue;
    }
    const std::string_view label = word_at(at);
    at += label.size();
    if (label.size() != 2 && label.size() != 3 && label.size() != 5) continue;  // by, von, marki
    const std::string lower_label = AsciiLower(label);
    if (lower_label != "by" && lower_label != "von" && lower_label != "marki") continue;
    // Only a space between the label and the name: "by: 2 days" is no maker.
    size_t from = at + 1;
    if (at >= description.size() || description[at] != ' ' || from >= description.size() || !in_word(description[from])) continue;
    std::string_view first = word_at(from);
    const std::string lower_first = AsciiLower(first);
    if (!capitalised(first) || first.size() < 3 || StopWord(lower_first) || IsArticle(lower_first)) continue;
    size_t to = from + first.size();
    for (int words = 1; words < 4; ++words) {
      if (to + 1 >= description.size() || description[to] != ' ' || !in_word(description[to + 1])) break;
      const std::string_view next = word_at(to + 1);
      if (!capitalised(next)) break;
      to += 1 + next.size();
    }
    if (std::string key = BrandKey(description.substr(from, to - from)); !key.empty() && !PlaceholderBrand(key) &&
                                                                          std::find(names.begin(), names.end(), key) == names.end())
      names.push_back(std::move(key));
    at = to;
  }
  return names;
}

std::string IndexedDescription(const Listing& listing) { return IndexedDescription(listing, ReadStatedIdentifiers(listing)); }

std::string IndexedDescription(const Listing& listing, const StatedIdentifiers& described) {
  std::string text = StatedIdentifiersText(described);
  // The makers as BrandKey gives them, capitalised again to be read so.
  for (const std::string& maker : CapitalisedNamesAfterBy(listing.description)) {
    text.append(text.empty() ? "" : ". ").append("By");
    for (const std::string_view word : Words(maker)) {
      text += ' ';
      text += word[0] >= 'a' && word[0] <= 'z' ? static_cast<char>(word[0] - 'a' + 'A') : word[0];
      text.append(word.substr(1));
    }
    text += '.';
  }
  return text;
}

MatchRecord FromListing(const Listing& l) { return FromListing(l, ReadStatedIdentifiers(l)); }

MatchRecord FromListing(const Listing& l, const StatedIdentifiers& described) {
  // Scraped titles carry HTML references ("QC&#45;65A", "Sun &amp; Sport").
  const auto text = [](const std::string& s) { return s.find('&') == std::string::npos ? s : DecodeHtmlEntities(s); };
  const std::string model = ListingModel(l);
  // Without a model, the models the listing states otherwise (its
  // description, its documents) stand in for it, one in the model
  // attribute and the others apart, as a notice's.
  const bool model_given = !model.empty() || described.models.empty();
  // A model field listing several ("E33A/E34B", "40041, 40003", "GV11 |
  // GV31"), as wholesale and variation listings give it: the first is the
  // model, the others apart.
  std::vector<std::string> listed;
  if (model.find_first_of("/,;|") != std::string::npos) {
    for (size_t at = 0; at <= model.size();) {
      const size_t end = std::min(model.find_first_of("/,;|", at), model.size());
      std::string_view part = std::string_view(model).substr(at, end - at);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      listed.emplace_back(part);
      at = end + 1;
    }
    if (listed.size() < 2 || !std::all_of(listed.begin(), listed.end(), [](const std::string& m) {
          return ListedModelCode(m) && std::any_of(m.begin(), m.end(), IsAsciiDigit);
        }))
      listed.clear();
  }
  MatchRecord r;
  r.id = l.listing_id;
  // A brand field that says none ("Generic", "OEM") gives way to the brand
  // the description labels.
  const bool brand_given = described.brand.empty() || (!l.brand.empty() && !PlaceholderBrand(BrandKey(l.brand)));
  r.record.fields = {{"title", text(l.title)},
                     {"brand", brand_given ? text(l.brand) : described.brand},
                     {"model", !listed.empty() ? listed[0] : model_given ? text(model) : described.models[0]},
                     {"category", text(l.category)},
                     {"other models", !listed.empty() ? Joined(listed, 1) : model_given ? "" : Joined(described.models, 1)}};
  MonthsInText(r.record.Get("title"), /*description=*/false, &r.title_months);
  MonthsInText(l.description, /*description=*/true, &r.described_months);
  if (!l.gtin.empty()) {
    // A code that lost its leading zeros in a spreadsheet ("36000291452")
    // is still the code: zeros before a GTIN leave its check digit as it is.
    std::string gtin = l.gtin;
    if (gtin.size() > 8 && gtin.size() < 12 && std::all_of(gtin.begin(), gtin.end(), IsAsciiDigit)) gtin.insert(0, 12 - gtin.size(), '0');
    if (auto g = NormalizeGtin(gtin); g.ok()) r.gtins.push_back(g.value());
  }
  // A field the reader could not take as one GTIN may hold several
  // ("4006381333931 / 5901234123457", the product and an accessory): each
  // valid one counts.
  if (r.gtins.empty() && !l.gtin_unreadable.empty())
    for (auto& g : ExtractGtins(l.gtin_unreadable).gtins) r.gtins.push_back(std::move(g));
  // The reader sets an ASIN in the GTIN field aside (gtin_unreadable); a
  // listing index keeps it in `gtin`.
  for (const std::string* field : {&l.gtin, &l.gtin_unreadable}) {
    if (std::string asin = AsinInField(*field); !asin.empty() && r.asins.empty()) r.asins.push_back(std::move(asin));
    if (r.asins.empty() && field->size() > 10) r.asins = LabelledAsins(*field);  // "ASIN: B0..."
  }
  {
    const std::unordered_set<std::string> own(r.asins.begin(), r.asins.end());
    for (const auto& a : described.asins)
      if (own.count(a) == 0) r.asins_in_description.push_back(a);
  }
  for (const auto* referenced : {&described.referenced_gtins, &described.referenced_asins})
    for (const auto& id : *referenced)
      if (std::find(r.gtins.begin(), r.gtins.end(), id) == r.gtins.end() && std::find(r.asins.begin(), r.asins.end(), id) == r.asins.end())
        r.referenced_ids.push_back(id);
  // Most titles hold no run of eight digits, ASCII or full-width (UTF-8
  // EF BC 90..99), whole or in groups parted by single spaces or hyphens:
  // those are not normalised for them.
  const std::string& title = r.record.fields[0].second;
  size_t run = 0, longest = 0;
  bool full_width = false;
  for (size_t i = 0; i < title.size(); ++i) {
    const char c = title[i];
    if (IsAsciiDigit(c)) longest = std::max(longest, ++run);
    else if (!((c == ' ' || c == '-') && run > 0 && i + 1 < title.size() && IsAsciiDigit(title[i + 1]))) run = 0;
    full_width = full_width || static_cast<unsigned char>(c) == 0xEF;
  }
  const auto known = [&r](const std::string& g) {
    return std::find(r.gtins.begin(), r.gtins.end(), g) != r.gtins.end() ||
           std::find(r.gtins_in_title.begin(), r.gtins_in_title.end(), g) != r.gtins_in_title.end();
  };
  if (longest >= 8 || full_width) {
    // Right after "for", "fits", "not" or "original", with or without its
    // label ("passend für EAN 8055186669918"), another product's; in a
    // title, where "for kids" is common, only there.
    const std::string folded = NormalizeForMatching(title);
    const std::string own = WithoutOtherProductsIdentifiers(folded, /*in_title=*/true);
    const std::vector<std::string> own_gtins = own == folded ? std::vector<std::string>{} : GtinsIn(own, /*labelled_only=*/false);
    for (auto& g : GtinsIn(folded, /*labelled_only=*/false)) {
      if (known(g)) continue;
      if (own == folded || std::find(own_gtins.begin(), own_gtins.end(), g) != own_gtins.end()) r.gtins_in_title.push_back(std::move(g));
      else r.referenced_in_title.push_back(std::move(g));
    }
  }
  for (const auto& g : described.gtins)
    if (!known(g)) r.gtins_in_description.push_back(g);
  if (const std::string& brand = r.record.fields[1].second; brand.empty() || PlaceholderBrand(BrandKey(brand)))
    r.makers_in_prose = CapitalisedNamesAfterBy(l.description);
  // "B0" and eight more letters or digits, standing alone; each once (a
  // set: a title may hold thousands).
  std::unordered_set<std::string> title_asins(r.asins.begin(), r.asins.end());
  for (size_t at = title.find_first_of("Bb"); at != std::string::npos; at = title.find_first_of("Bb", at + 1)) {
    if (at + 10 > title.size() || title[at + 1] != '0' || (at > 0 && std::isalnum(static_cast<unsigned char>(title[at - 1]))) ||
        (at + 10 < title.size() && std::isalnum(static_cast<unsigned char>(title[at + 10]))))
      continue;
    std::string asin = AsinOf(std::string_view(title).substr(at, 10));
    if (!asin.empty() && title_asins.insert(asin).second) r.asins_in_title.push_back(std::move(asin));
  }
  if (!r.record.fields[1].second.empty()) r.brands.push_back(r.record.fields[1].second);
  // The title is normalised only when it may name a recall or a batch:
  // most name neither.
  r.says_not_recalled = described.says_not_recalled;
  r.batches = described.batches;
  const bool names_a_recall = MayNameARecall(title);
  if (names_a_recall || MayLabelABatch(title)) {
    const std::string folded = NormalizeForMatching(title);
    r.says_not_recalled = r.says_not_recalled || (names_a_recall && SaysNotRecalled(folded));
    for (std::string& b : ReadBatches(folded))
      if (std::find(r.batches.begin(), r.batches.end(), b) == r.batches.end()) r.batches.push_back(std::move(b));
  }
  return r;
}

}  // namespace conform::recalls
