// Model numbers a text gives after a label ("Model: GV31", "型号：E33A",
// "Art.-Nr. 4127"), and the variant words that end a model's name
// ("Plus", "Pro", "Max"): model_number.h.
#include "conform/recalls/model_number.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "conform/core/text.h"

namespace conform::recalls {

namespace {

// Labels written in Chinese, Japanese, Korean and Thai, glued to their
// neighbours ("产品型号：E33A，黑色", "모델명:GV31", "รุ่นGV31"), and what
// they read as once set apart: model numbers ("型号", "型番", "型式",
// "모델명", "รุ่น"), article numbers ("货号", "品番", "품번"), and the
// full-width punctuation and the ideographic space around them as ASCII.
// Longer labels first. Japanese "型式" only before a colon or a space: in
// Chinese it begins "型式认证" (type approval), whose certificate number is
// no model.
struct CjkLabel {
  std::string_view label, as;
  bool before_separator_only = false;
};
constexpr CjkLabel kCjkLabels[] = {
    // "型号规格" (model and specification), "款号" (style number), and the
    // labels of forms spaced out to a width ("型 号", "型　　号").
    {"型号规格", " model "}, {"型號規格", " model "}, {"款号", " item no "}, {"款號", " item no "}, {"型 号", " model "},
    {"型 號", " model "}, {"型\u3000号", " model "}, {"型\u3000號", " model "}, {"型\u3000\u3000号", " model "},
    {"型\u3000\u3000號", " model "}, {"型号", " model "}, {"型號", " model "}, {"型番", " model "}, {"型式", " model ", true},
    {"货号", " item no "},
    {"貨號", " item no "}, {"品番", " item no "}, {"모델명", " model "}, {"모델번호", " model "}, {"모델", " model "},
    {"품번", " item no "}, {"รุ่น", " model "}, {"：", ": "}, {"，", ", "}, {"、", ", "}, {"；", "; "}, {"。", ". "},
    {"（", " ("}, {"）", ") "}, {"．", ". "}, {"\u3000", " "}};

// Words that label what follows as the product's model, alone ("Modell:
// X", "Référence fabricant : X", Polish and Czech "numer modelu: X",
// Russian "Модель: X", "номер модели X", "Артикул: X", Arabic "الموديل:
// X", "رقم الموديل X", Finnish "Malli: X", Hungarian "Típus: X",
// "Cikkszám: X", Romanian "Modelul: X", Danish and Norwegian
// "Varenummer: X", Greek "Μοντέλο: X"), in one word ("Art.-Nr."), or
// before a number word ("model no"). Greek words are folded, a final
// sigma to "σ".
bool IsModelLabel(std::string_view w) {
  static const std::unordered_set<std::string_view> kLabels = {
      "model", "models", "modell", "modelle", "modèle", "modèles", "modele", "modeles", "modelo", "modelos", "modello", "modelli",
      "modelnummer", "modellnummer", "modelnr", "modellnr", "model-nr", "modell-nr", "model/type", "model/typ", "modell/typ",
      "modeltyp", "modelltyp", "typnummer", "typenummer", "typ-nr", "type-nr", "tipe", "art-nr", "art.-nr", "art.nr", "artnr",
      "artikelnummer", "artikelnr", "artikel-nr", "teilenummer", "modelu", "référence", "reference", "referencia", "riferimento",
      "réf", "ref", "модель", "модели", "артикул", "арт", "موديل", "الموديل", "طراز", "الطراز", "malli", "mallit", "mallinumero",
      "típus", "tipus", "típusszám", "cikkszám", "cikkszam", "modelul", "modelului", "varenummer", "varenr", "μοντέλο", "μοντελο",
      "μοντέλου", "μοντελου",
      // Bulgarian "Модел", Lithuanian and Latvian "Modelis", Estonian
      // "Mudel". (Not a shop's product code, "Kod produktu", "Cod produs",
      // "Κωδικός", "Šifra", "Tootekood": its own number as often as the
      // maker's model.)
      "модел", "modelis", "mudel"};
  return kLabels.count(w) != 0;
}

// Two words that label the maker's model together: Polish "Kod
// producenta" (the maker's code), "Numer katalogowy"; Czech and Slovak
// "Kód výrobce", "Kód výrobcu", "Katalogové číslo"; Romanian "Cod
// producător". Both folded.
bool IsTwoWordModelLabel(std::string_view first, std::string_view second) {
  if (first == "kod" || first == "kód")
    return second == "producenta" || second == "výrobce" || second == "vyrobce" || second == "výrobcu" || second == "vyrobcu";
  if (first == "numer") return second == "katalogowy";
  if (first == "katalogové" || first == "katalogove" || first == "katalógové") return second == "číslo" || second == "cislo";
  if (first == "cod") return second == "producător" || second == "producator";
  return false;
}

// Words that label a model only before a number word: "item number",
// "Art. No.", "article no", "part number".
bool IsNumberedLabel(std::string_view w) {
  return w == "item" || w == "style" || w == "part" || w == "art" || w == "article" || w == "artikel";
}

// Words that say what a model label reads, a few words after it: "model #
// on the bottom says HANS0002", "model number on the plate reads ...".
bool SaysWhatIsWritten(std::string_view w) { return w == "says" || w == "reads" || w == "shows" || w == "is"; }

// Words that join the codes of a list: "models A, B and C", in the
// languages of the labels above.
bool IsListJoiner(std::string_view w) {
  // A slash or a bar between codes written apart ("Model: GV11 | GV31 |
  // GS50", as variation listings list their models).
  return w == "/" || w == "|" || w == "and" || w == "or" || w == "&" || w == "et" || w == "ou" || w == "und" || w == "oder" || w == "y" || w == "o" ||
         w == "e" || w == "en" || w == "i" || w == "lub" || w == "oraz" || w == "dan" || w == "atau" || w == "и" || w == "или";
}

}  // namespace

bool IsNumberWord(std::string_view w) {
  return w == "number" || w == "numbers" || w == "no" || w == "nos" || w == "nr" || w == "nummer" || w == "numéro" || w == "numero" ||
         w == "número" || w == "n°" || w == "nº" || w == "№" || w == "номер" || w == "numarası" || w == "numarasi";
}

// Words that say a model named after them is what the product goes with:
// "for", "fits", "compatible", "inspired" ... and their German, French, Spanish,
// Italian, Portuguese, Dutch, Slovak, Indonesian, Russian, Vietnamese
// ("cho"), Swedish, Danish, Norwegian, Finnish, Hungarian, Romanian and
// Greek counterparts; and Chinese and Korean ones written inside a word
// ("适用型号" is "suitable models", "GV31 호환" "fits GV31"). Not those
// that are common English words too:
// Czech "pro" ("MacBook Pro, model A2338"), Italian "per" ("2 per pack")
// and Polish "do", which count only right before a label of their
// language ("per modello"; "pro model" only as Czech writes it, in lower
// case). Nor the Swedish "passar" (fits), which is the Portuguese "to
// iron" ("ferro de passar, modelo X" names the iron's model); the
// "till" after it is taken.
bool SaysWhatItGoesWith(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "for", "fits", "fit", "works", "compatible", "replaces", "replacement", "suits", "suitable", "für", "passend", "kompatibel",
      "ersatz", "pour", "remplace", "para", "compatibile", "voor", "geschikt", "pre", "untuk", "cocok", "для", "совместим",
      "совместимый", "совместимая", "совместимые", "подходит", "замена", "compatível", "cho", "för", "till", "til",
      "sopii", "yhteensopiva", "kompatibilis", "való", "pentru", "compatibil", "compatibilă", "για", "συμβατό", "συμβατή",
      "συμβατόσ", "συμβατο", "συμβατη", "συμβατοσ", "passt", "ersatzteil", "convient", "pasuje", "odpowiedni", "odpowiednia",
      "zamiennik", "vhodné", "vhodný", "vhodná",
      // What a dupe is made after ("Inspired by ... (EAN ...)", a perfume
      // quoting the original's barcode).
      "inspired", "inspiriert", "inspiré", "inspirée", "inspirado", "inspirada", "ispirato", "ispirata", "dupe",
      // Czech, Slovak, Polish and Bulgarian "compatible (with)";
      // Lithuanian "skirtas" and Latvian "paredzēts" (intended for),
      // Estonian "sobib" (suits).
      "kompatibilní", "kompatibilni", "kompatibilný", "kompatibilny", "kompatybilny", "kompatybilna", "kompatybilne", "съвместим",
      "съвместима", "съвместимо", "съвместими", "skirtas", "skirta", "skirti", "paredzēts", "paredzets", "paredzēta", "paredzeta",
      "sobib"};
  if (kWords.count(w) != 0) return true;
  for (std::string_view cjk : {"适用", "適用", "兼容", "适配", "適配", "対応", "호환", "전용", "교체용"})
    if (w.find(cjk) != std::string_view::npos) return true;
  return false;
}

bool SaysWhomItIsFor(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "children", "child", "kids", "kid", "babies", "baby", "toddlers", "toddler", "infants", "adults", "adult", "ages", "age",
      "boys", "girls", "men", "women", "everyone", "beginners", "home", "indoor", "indoors", "outdoor", "outdoors", "daily",
      "everyday", "travel", "dogs", "cats", "pets", "kinder", "kindern", "babys", "erwachsene", "jungen", "mädchen", "damen",
      "herren", "hunde", "katzen", "enfants", "enfant", "bébés", "bébé", "adultes", "garçons", "filles", "femmes", "hommes",
      "chiens", "chats", "niños", "niñas", "bebés", "adultos", "perros", "gatos", "kinderen", "volwassenen", "barn", "vuxna",
      "voksne", "copii", "детей", "взрослых",
      // As titles fold them ("para bebé" is "para bebe"), and in Italian,
      // Polish and Czech.
      "bebe", "bebes", "ninos", "ninas", "madchen", "garcons", "bambini", "bambino", "bambina", "bimbi", "neonati", "adulti",
      "dzieci", "dziecka", "niemowląt", "niemowlat", "děti", "deti"};
  return kWords.count(w) != 0;
}

namespace {

// `w` in lower case when it is written in ASCII and the Russian alphabet
// only ("Модель", "АРТИКУЛ"), else empty: Russian labels compare without
// Unicode normalisation, which every word of a Russian description would
// otherwise pay for.
std::string LowerAsciiOrCyrillic(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    const auto b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      continue;
    }
    if ((b != 0xD0 && b != 0xD1) || i + 1 == w.size()) return {};
    const auto c = static_cast<unsigned char>(w[++i]);
    if (c < 0x80 || c > 0xBF) return {};
    if (b == 0xD0 && c >= 0x90 && c <= 0x9F) {  // А to П
      out += '\xD0';
      out += static_cast<char>(c + 0x20);
    } else if (b == 0xD0 && c >= 0xA0 && c <= 0xAF) {  // Р to Я
      out += '\xD1';
      out += static_cast<char>(c - 0x20);
    } else if (b == 0xD0 && c == 0x81) {  // Ё
      out += "\xD1\x91";
    } else {
      out += static_cast<char>(b);
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::vector<std::string> ModelNumbersAfterLabels(std::string_view original, bool own_only) {
  // Chinese, Japanese, Korean and Thai labels set apart as words, the
  // full-width colon as an ASCII one.
  std::string spaced;
  std::string_view text = original;
  if (std::any_of(original.begin(), original.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    for (size_t i = 0; i < original.size();) {
      bool replaced = false;
      // Every entry starts with a byte outside ASCII.
      if (static_cast<unsigned char>(original[i]) >= 0x80)
        for (const auto& [label, as, before_separator_only] : kCjkLabels) {
          if (original.compare(i, label.size(), label) != 0) continue;
          const std::string_view after = original.substr(i + label.size());
          if (before_separator_only && !after.starts_with("：") && !after.starts_with(":") && !after.starts_with(" ") &&
              !after.starts_with("\u3000"))
            continue;
          spaced += as;
          i += label.size();
          replaced = true;
          break;
        }
      if (!replaced) spaced += original[i++];
    }
    text = spaced;
  }
  // Words split at spaces, with the punctuation around them set apart.
  struct Word {
    std::string_view text;  // without surrounding punctuation
    std::string lower;
    // The text in ASCII when it is written in full-width forms ("ＧＶ３１"
    // is "GV31"), else empty: what a code is read from.
    std::string ascii;
    std::string_view code() const { return ascii.empty() ? text : std::string_view(ascii); }
    bool opens = false;   // a bracket opens in the word: "(UPC", "40041(previously"
    bool closes = false;  // and closes: "680079015930);"
    bool ends = false;    // ends a sentence or a clause: "charger.", "pack;"
    bool colon = false;   // ends with a colon: "recall:"
    bool comma = false;   // ends with a comma: "black,"
    bool opens_line = false;  // the first word of a line
  };
  std::vector<Word> words;
  for (size_t i = 0; i < text.size();) {
    bool new_line = words.empty();
    for (; i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'); ++i)
      new_line = new_line || text[i] == '\n' || text[i] == '\r';
    size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r') ++end;
    std::string_view w = text.substr(i, end - i);
    i = end;
    const bool ends = !w.empty() && (w.back() == '.' || w.back() == '!' || w.back() == '?' || w.back() == ';');
    const bool colon = !w.empty() && w.back() == ':';
    const bool opens = w.find('(') != std::string_view::npos, closes = w.find(')') != std::string_view::npos;
    // "40041(previously": what precedes an opening bracket is the word.
    if (const size_t open = w.find('('); open != std::string_view::npos && open > 0) w = w.substr(0, open);
    const auto punctuation = [](char c) { return c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')' || c == '"' || c == '\'' || c == '#'; };
    while (!w.empty() && punctuation(w.front())) w.remove_prefix(1);
    while (!w.empty() && punctuation(w.back())) w.remove_suffix(1);
    // Labels with accents ("MODÈLE", "für", "número", "Référence",
    // "Típus", "Cikkszám": the letters they start with), Greek words
    // ("Μοντέλο", "ΣΥΜΒΑΤΟ") and words in full-width forms compare folded;
    // other words, whole descriptions in Chinese or Cyrillic among them,
    // need no Unicode normalisation to be told from a label.
    const auto lead = !w.empty() ? static_cast<unsigned char>(w.front()) : 0;
    const bool may_be_label =
        !w.empty() && w.size() <= 40 &&
        (std::string_view("mMfFnNrRtTcCkKsS").find(w.front()) != std::string_view::npos || lead == 0xEF || lead == 0xCE || lead == 0xCF ||
         lead == 0xC5) &&
        std::all_of(w.begin(), w.end(), [](char c) {
          const auto b = static_cast<unsigned char>(c);
          return b < 0xE0 || b == 0xEF;  // ASCII, two-byte sequences, full-width forms
        });
    const bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    const bool cyrillic = !ascii && !may_be_label && (static_cast<unsigned char>(w.front()) | 1) == 0xD1;
    std::string lower = ascii ? AsciiLower(w) : may_be_label ? NormalizeForMatching(w) : cyrillic ? LowerAsciiOrCyrillic(w) : std::string(w);
    if (cyrillic && lower.empty()) lower = w;
    std::string folded_code;
    if (!ascii && may_be_label && std::all_of(lower.begin(), lower.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
      folded_code = AsciiUpper(lower);
    const bool comma = !w.empty() && text[i - 1] == ',';
    words.push_back({w, std::move(lower), std::move(folded_code), opens, closes, ends, colon, comma, new_line});
  }
  // Whether the label at `label` follows, in its sentence and at most six
  // words back, a word that says the model is what the product goes with.
  const auto names_what_it_goes_with = [&words](size_t label) {
    // Italian "per modello", Polish "do modelu", Czech "pro model": "for"
    // only right before a label in its own language, being English words
    // too; Czech "pro" in lower case ("MacBook Pro model A1708" is the
    // laptop).
    if (label > 0) {
      const std::string& before = words[label - 1].lower;
      const std::string& l = words[label].lower;
      if ((before == "per" && (l == "modello" || l == "modelli")) || (before == "do" && l == "modelu") ||
          (words[label - 1].text == "pro" && (l == "model" || l == "modely" || l == "modelu")))
        return true;
    }
    for (size_t k = label; k > 0 && label - k < 6;) {
      --k;
      if (words[k].ends) break;
      if (!SaysWhatItGoesWith(words[k].lower)) continue;
      // "Suitable for children over 3 years model ...": the word after
      // "(suitable) for" says whom it is for.
      size_t next = k + 1;
      while (next < label && SaysWhatItGoesWith(words[next].lower)) ++next;
      if (next < label && SaysWhomItIsFor(words[next].lower)) continue;
      return true;
    }
    return false;
  };
  constexpr size_t kMaxModels = kMaxLabelledModels;
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size() && out.size() < kMaxModels; ++i) {
    const std::string& w = words[i].lower;
    size_t next = i + 1;
    if (IsModelLabel(w)) {
      if (next < words.size() && IsNumberWord(words[next].lower)) ++next;
    } else if (next < words.size() && IsTwoWordModelLabel(w, words[next].lower)) {
      ++next;
    } else if (IsNumberedLabel(w)) {
      if (next >= words.size() || !IsNumberWord(words[next].lower)) continue;
      ++next;
    } else if ((w == "type" && words[i].colon) || (w == "typ" && !words[i].ends)) {
      // "Type: KX-1234", "typ 04GN" (German, Czech, Slovak, Polish); not
      // "USB type C", "this type of", nor a data sheet's "typ. 2100mA"
      // (typical).
    } else {
      continue;
    }
    if (own_only && names_what_it_goes_with(i)) continue;
    // "one of the following model numbers are included in this recall:
    // BCD-215V-62H, GLR76TRDER or GLR76TWEER": the list after a colon
    // later in the sentence.
    if (next < words.size() && !words[next - 1].colon && !ListedModelCode(words[next].code()))
      for (size_t k = next; k < words.size() && k < next + 12 && !words[k].ends; ++k) {
        if (words[k].colon) {
          next = k + 1;
          break;
        }
        // "model # on the bottom says HANS0002": where the seller read it.
        if (k + 1 < words.size() && SaysWhatIsWritten(words[k].lower) && ListedModelCode(words[k + 1].code())) {
          next = k + 1;
          break;
        }
      }
    // A number of four to eight digits right after the label, or listed
    // after one ("Model No: 8809", "models 8801 and 8802"), names a model
    // too; not a year ("Model: 2024"), nor a quantity ("Model: 1500 W").
    const size_t first_after_label = next;
    bool numbers_listed = false;
    const auto model_number = [&](size_t k) {
      const std::string_view t = words[k].code();
      if (k != first_after_label && !numbers_listed) return false;
      if (t.size() < 4 || t.size() > 8 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
      if (IsYear(t)) return false;
      if (words[k].ends || words[k].comma || k + 1 == words.size()) return true;
      const std::string& unit = words[k + 1].lower;
      return !IsQuantityWord(unit) && unit != "w" && unit != "v" && unit != "a" && unit != "kw" && unit != "watt" && unit != "watts" &&
             unit != "volt" && unit != "volts";
    };
    // Where the codes after a slash or a bar start in `out`: a list parted
    // so is the models' only when it ends its clause ("Model: GV11 | GV31.",
    // not "Model: LC-31 | GV31 lens cap", a cap for the GV31).
    size_t after_bar = SIZE_MAX;
    for (; next < words.size() && out.size() < kMaxModels; ++next) {
      const Word& x = words[next];
      if (!x.opens && model_number(next)) {
        numbers_listed = true;
        if (std::find(out.begin(), out.end(), x.code()) == out.end()) out.emplace_back(x.code());
        continue;
      }
      // A remark in brackets between the codes ("BSFIREPIT01 (UPC code
      // 680079015930); BSFIREPIT02") is passed over.
      if (x.opens && !ListedModelCode(x.code())) {
        while (next < words.size() && !words[next].closes) ++next;
        continue;
      }
      if ((x.lower == "/" || x.lower == "|") && after_bar == SIZE_MAX) after_bar = out.size();
      if (x.lower.empty() || IsListJoiner(x.lower)) continue;
      // A code written in groups, letters in capitals then digits ("Model:
      // TT 1902 0617", "Modell: QXAB 0002"), as a model field may hold it:
      // the groups together are the code, as written.
      if (!ListedModelCode(x.code())) {
        const auto capitals = [](std::string_view t) {
          return t.size() <= 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        };
        const auto digits = [](std::string_view t) {
          return t.size() >= 2 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        size_t last = next, digit_count = 0;
        while (!words[last].ends && !words[last].comma && !words[last].colon && last + 1 < words.size() && !words[last + 1].opens_line &&
               !words[last + 1].opens && digits(words[last + 1].text)) {
          ++last;
          digit_count += words[last].text.size();
        }
        // Not the label of another number ("GTIN 0400...", "LOT 2318"),
        // nor a word of the next sentence.
        static const std::unordered_set<std::string_view> kOtherLabels = {"GTIN", "EAN", "UPC", "JAN", "ASIN", "SKU", "LOT", "ISBN", "NR", "NO", "REF"};
        // ("model no. HANS 0002": the label's abbreviation ends no sentence.)
        const bool after_sentence = next > 0 && words[next - 1].ends && !IsNumberWord(words[next - 1].lower);
        if (!capitals(x.text) || digit_count < 4 || kOtherLabels.count(x.text) != 0 || after_sentence) {
          if (after_bar < out.size() && !words[next - 1].ends && !words[next - 1].comma && !x.opens_line) out.resize(after_bar);
          break;
        }
        std::string grouped(x.text);
        for (size_t k = next + 1; k <= last; ++k) grouped.append(" ").append(words[k].text);
        if (std::find(out.begin(), out.end(), grouped) == out.end()) out.push_back(grouped);
        next = last;
        continue;
      }
      std::string code(x.code());
      // "HD-2200X Plus": the word after the code makes the model, on its
      // line and ending the name ("Model: HD-2200X Plus", "... Pro, black",
      // "... Max and HD-2300"); not the next line's or sentence's first word
      // ("Model: HD-2200X\nPro tip:", "... HD-2200X Max power 2000 W").
      const auto names_end_at = [&](size_t k) {
        const Word& v = words[k];
        if (v.ends || v.comma || k + 1 == words.size() || words[k + 1].opens_line) return true;
        return IsListJoiner(words[k + 1].lower) || ListedModelCode(words[k + 1].code());
      };
      if (next + 1 < words.size() && !x.ends && !x.comma && !x.opens && !words[next + 1].opens_line &&
          IsModelVariantWord(words[next + 1].text) && names_end_at(next + 1)) {
        code.append(" ").append(words[next + 1].text);
        ++next;
      }
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
      if (x.opens && !x.closes)  // "40041(previously recalled)": the remark after the code
        while (next + 1 < words.size() && !words[next].closes) ++next;
    }
    i = next - 1;
  }
  return out;
}

}  // namespace

std::vector<std::string> LabelledModelNumbers(std::string_view text) { return ModelNumbersAfterLabels(text, false); }

bool IsModelVariantWord(std::string_view word) {
  static constexpr std::array<std::string_view, 10> kWords = {"plus", "pro", "max",  "ultra", "mini",
                                                              "lite", "neo", "evo", "elite", "promax"};
  if (word.size() < 3 || word.size() > 6) return false;
  char lower[6];
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::find(kWords.begin(), kWords.end(), std::string_view(lower, word.size())) != kWords.end();
}

std::string_view ModelVariantWordInEnglish(std::string_view word) {
  for (const std::string_view suffix : {"版", "款", "型"})
    if (word.size() > suffix.size() && word.ends_with(suffix)) {
      word.remove_suffix(suffix.size());
      break;
    }
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"plus", "PLUS"},   {"pro", "PRO"},      {"max", "MAX"},          {"ultra", "ULTRA"},    {"mini", "MINI"},
      {"lite", "LITE"},   {"neo", "NEO"},      {"evo", "EVO"},          {"elite", "ELITE"},    {"promax", "PROMAX"},
      {"프로", "PRO"},    {"플러스", "PLUS"},  {"맥스", "MAX"},         {"울트라", "ULTRA"},   {"미니", "MINI"},
      {"프로맥스", "PROMAX"}, {"プロ", "PRO"}, {"プラス", "PLUS"},      {"マックス", "MAX"},   {"ウルトラ", "ULTRA"},
      {"ミニ", "MINI"}};
  if (IsModelVariantWord(word)) {
    std::string lower(word);
    for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    for (const auto& [written, english] : kWords)
      if (written == lower) return english;
  }
  for (const auto& [written, english] : kWords)
    if (written == word) return english;
  return {};
}

bool IsModelVariantWordInText(std::string_view word) { return !ModelVariantWordInEnglish(word).empty(); }

std::vector<std::string> OwnLabelledModelNumbers(std::string_view description) { return ModelNumbersAfterLabels(description, true); }

}  // namespace conform::recalls
