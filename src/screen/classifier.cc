#include "conform/screen/classifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <cmath>
#include <exception>
#include <map>
#include <span>
#include <thread>

#include "conform/core/chinese_script.h"
#include "conform/core/text.h"
#include "conform/core/word_breaks.h"
#include "conform/knowledge/product_input.h"
#include "core/yaml_util.h"
#include "knowledge/attribute_yaml.h"

namespace conform {

namespace {

// The value of the Arabic-Indic (U+0660-0669), Extended Arabic-Indic
// (U+06F0-06F9) or Thai (U+0E50-0E59) digit at s[i], and its length in
// bytes; -1 when there is none.
int ScriptDigitAt(const std::string& s, size_t i, size_t* bytes) {
  const auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
  const unsigned char b0 = at(i), b1 = at(i + 1);
  if (b0 == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9) {
    *bytes = 2;
    return b1 - 0xA0;
  }
  if (b0 == 0xDB && b1 >= 0xB0 && b1 <= 0xB9) {
    *bytes = 2;
    return b1 - 0xB0;
  }
  if (b0 == 0xE0 && b1 == 0xB9 && at(i + 2) >= 0x90 && at(i + 2) <= 0x99) {
    *bytes = 3;
    return at(i + 2) - 0x90;
  }
  return -1;
}

// NormalizeForMatching, with the typographic apostrophes titles carry
// (pasted from word processors: U+2019, U+2018, U+02BC) written as "'", so
// that "children’s" is "children's" and "taie d’oreiller" the list's
// "taie d'oreiller"; and the dot that case folding leaves on a Turkish
// capital "İ" ("i" and U+0307) dropped, so that "ŞARJ ALETİ" is "şarj
// aleti"; and the digits of the Arabic and Thai scripts, which NFKC keeps,
// written as ASCII digits, so that ages and capacities read as numbers
// ("٣-٦ سنوات" is "3-6 سنوات"). Terms and texts both pass through it.
std::string NormalizeForTerms(std::string_view text) {
  std::string s = NormalizeForMatching(text);
  // Terms of several words are looked up with one space between them: a
  // seller's doubled space, tab or line break between "hair" and "dryer"
  // is that space.
  if (s.find_first_of("\t\n\r\f\v") != std::string::npos || s.find("  ") != std::string::npos) {
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
      if (blank && n > 0 && s[n - 1] == ' ') continue;
      s[n++] = blank ? ' ' : c;
    }
    s.resize(n);
  }
  // Traditional Chinese is read as simplified, terms and texts alike: the
  // vocabulary lists the simplified words ("電熱水壺" is "电热水壶").
  if (HasHanOrKana(s)) s = SimplifiedChinese(s);
  if (s.find_first_of("\xE2\xCA\xCC\xD9\xDB\xE0") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  size_t bytes = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (const int digit = ScriptDigitAt(s, i, &bytes); digit >= 0) {
      out += static_cast<char>('0' + digit);
      i += bytes - 1;
    } else if (s.compare(i, 3, "\u2019") == 0 || s.compare(i, 3, "\u2018") == 0) {
      out += '\'';
      i += 2;
    } else if (s.compare(i, 2, "\u02BC") == 0) {
      out += '\'';
      i += 1;
    } else if (s.compare(i, 2, "\u0307") == 0 && !out.empty() && out.back() == 'i') {
      i += 1;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool IsAsciiWordTerm(const std::string& t) {
  for (unsigned char c : t)
    if (c >= 0x80) return false;
  return true;
}

std::optional<double> ReadNumber(YamlReader& r, const YAML::Node& n, const char* key, double lo, double hi) {
  auto s = r.String(n, key, true);
  if (!s) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(s->c_str(), &end);
  if (end != s->c_str() + s->size() || d < lo || d > hi) {
    r.Fail(n[key], fmt::format("'{}' must be a number from {} to {}", key, lo, hi), "");
    return std::nullopt;
  }
  return d;
}

}  // namespace

Result<Classifier> Classifier::Load(const Vocabulary& v, const std::string& hs_file, const std::string& keywords_file) {
  Classifier c;
  std::vector<Diagnostic> diags;
  for (size_t i = 0; i < v.category_count(); ++i) c.category_names_.push_back(v.category(static_cast<CategoryId>(i)).name);
  const auto category_of = [&](YamlReader& r, const YAML::Node& at, const std::string& name) -> int {
    const auto id = v.FindCategory(name);
    if (!id) r.Fail(at, fmt::format("unknown category '{}'", name), SuggestionHint(name, v.CategoryNames()));
    return id ? static_cast<int>(*id) : -1;
  };

  {  // HS map
    YamlReader r(hs_file);
    if (auto root = r.Load(); root && r.CheckMap(*root, "the HS map", {"schema", "edition", "source", "mappings"})) {
      if (auto schema = r.String(*root, "schema", true); schema && *schema != "conform-hs-map/1")
        r.Fail((*root)["schema"], fmt::format("unsupported schema '{}'", *schema), "expected conform-hs-map/1");
      const YAML::Node maps = (*root)["mappings"];
      if (r.CheckSeq(maps, "mappings")) {
        for (const auto& m : maps) {
          if (!r.CheckMap(m, "a mapping", {"code", "category", "confidence", "attributes", "description"})) continue;
          HsMapping h;
          h.code = r.String(m, "code", true).value_or("");
          if (h.code.size() < 2 || h.code.size() > 10 || h.code.find_first_not_of("0123456789") != std::string::npos)
            r.Fail(m["code"], fmt::format("'{}' is not an HS code", h.code), "write 2 to 10 digits, quoted");
          const int cat = category_of(r, m["category"], r.String(m, "category", true).value_or(""));
          h.confidence = ReadNumber(r, m, "confidence", 0, 1).value_or(0);
          h.attributes = ReadAttributeMap(r, m["attributes"], v);
          h.description = r.String(m, "description", false).value_or("");
          if (cat >= 0) {
            h.category = static_cast<CategoryId>(cat);
            c.hs_.push_back(std::move(h));
          }
        }
      }
    }
    for (auto& d : r.diagnostics()) diags.push_back(std::move(d));
  }
  std::sort(c.hs_.begin(), c.hs_.end(), [](const HsMapping& a, const HsMapping& b) { return a.code < b.code; });
  for (size_t i = 1; i < c.hs_.size(); ++i)
    if (c.hs_[i].code == c.hs_[i - 1].code)
      diags.push_back(Diagnostic{hs_file, 0, 0, fmt::format("HS code '{}' is mapped twice", c.hs_[i].code), "keep one"});

  {  // keywords: the main list, then one file per further language
    std::map<std::string, uint32_t> index;  // normalised term -> matcher index
    // A term listed again (the same word in two languages' files: "peluche")
    // counts once: for a category with the larger weight, for an attribute
    // or the children list once.
    const auto add = [&](const std::string& raw, TermEffect effect) {
      const std::string term = NormalizeForTerms(raw);
      auto it = index.find(term);
      if (it == index.end()) {
        it = index.emplace(term, c.matcher_.Add(term, IsAsciiWordTerm(term))).first;
        c.effects_.emplace_back();
      }
      for (TermEffect& e : c.effects_[it->second]) {
        if (effect.category >= 0 && e.category == effect.category) {
          e.weight = std::max(e.weight, effect.weight);
          return;
        }
        if (effect.category < 0 && e.category < 0 && e.attributes == effect.attributes && e.children == effect.children &&
            e.set_aside == effect.set_aside && e.unless == effect.unless)
          return;
      }
      c.effects_[it->second].push_back(std::move(effect));
    };
    // Reads one file's sections; the main file may name further files,
    // relative to its own directory.
    const auto read = [&](const std::string& file, bool main, std::vector<std::string>* more) {
      YamlReader r(file);
      auto root = r.Load();
      if (root && !(main ? r.CheckMap(*root, "the keyword list", {"schema", "categories", "attributes", "children", "set_aside", "more_languages"})
                         : r.CheckMap(*root, "the keyword list", {"schema", "language", "categories", "attributes", "children", "set_aside"})))
        root.reset();
      if (root) {
        if (auto schema = r.String(*root, "schema", true); schema && *schema != "conform-keywords/1")
          r.Fail((*root)["schema"], fmt::format("unsupported schema '{}'", *schema), "expected conform-keywords/1");
        if (!main) r.String(*root, "language", true);
        const YAML::Node cats = (*root)["categories"];
        if (cats.IsMap()) {
          for (const auto& kv : cats) {
            const int cat = category_of(r, kv.first, kv.first.Scalar());
            if (!r.CheckSeq(kv.second, "a category's terms")) continue;
            for (const auto& t : kv.second) {
              if (!r.CheckMap(t, "a term", {"term", "weight"})) continue;
              auto term = r.String(t, "term", true);
              auto weight = ReadNumber(r, t, "weight", -10, 10);
              if (term && weight && cat >= 0) add(*term, TermEffect{cat, *weight, {}, false, SetAside::kNone, {}});
            }
          }
        } else {
          r.Fail(cats.IsDefined() ? cats : *root, "'categories' must map categories to term lists", "");
        }
        const YAML::Node attrs = (*root)["attributes"];
        if (attrs.IsDefined() && r.CheckSeq(attrs, "attributes")) {
          for (const auto& t : attrs) {
            if (!r.CheckMap(t, "an attribute term", {"term", "set", "unless"})) continue;
            auto term = r.String(t, "term", true);
            auto set = ReadAttributeMap(r, t["set"], v);
            std::vector<std::string> unless;
            for (const auto& word : r.StringList(t, "unless", false)) unless.push_back(NormalizeForTerms(word));
            if (term && !set.empty()) add(*term, TermEffect{-1, 0, std::move(set), false, SetAside::kNone, std::move(unless)});
          }
        }
        for (const auto& term : r.StringList(*root, "children", false)) add(term, TermEffect{-1, 0, {}, true, SetAside::kNone, {}});
        if (const YAML::Node aside = (*root)["set_aside"];
            aside.IsDefined() && r.CheckMap(aside, "set_aside", {"within", "after", "next_word", "before", "before_always"})) {
          for (const auto& [key, how] : {std::pair{"within", SetAside::kWithin}, std::pair{"after", SetAside::kAfter},
                                         std::pair{"next_word", SetAside::kNextWord}, std::pair{"before", SetAside::kBefore},
                                         std::pair{"before_always", SetAside::kBeforeAlways}})
            for (const auto& term : r.StringList(aside, key, false)) add(term, TermEffect{-1, 0, {}, false, how, {}});
        }
        if (main) {
          const auto dir = std::filesystem::path(file).parent_path();
          for (const auto& name : r.StringList(*root, "more_languages", false)) more->push_back((dir / name).string());
        }
      }
      for (auto& d : r.diagnostics()) diags.push_back(std::move(d));
    };
    // Read on a thread of its own: the YAML parser's many small temporaries
    // then come and go in that thread's malloc arena, and do not leave the
    // caller's heap holed for the rest of the run (20 000 terms made glibc's
    // malloc a quarter slower in screening afterwards).
    // Whatever the reading throws is thrown again here, as on one thread.
    std::exception_ptr thrown;
    std::thread reader([&] {
      try {
        std::vector<std::string> more;
        read(keywords_file, true, &more);
        for (const std::string& file : more) read(file, false, nullptr);
        // A set-aside phrase is skipped where it is found, so a term that
        // is also one would never count.
        for (const auto& [term, id] : index) {
          const auto& effects = c.effects_[id];
          const bool aside = std::any_of(effects.begin(), effects.end(), [](const TermEffect& e) { return e.set_aside != SetAside::kNone; });
          const bool counts = std::any_of(effects.begin(), effects.end(), [](const TermEffect& e) {
            return e.category >= 0 || !e.attributes.empty() || e.children;
          });
          if (aside && counts)
            diags.push_back(Diagnostic{keywords_file, 0, 0,
                                       fmt::format("'{}' is both a set-aside phrase and a category, attribute or children term, "
                                                   "so it would never count",
                                                   term),
                                       "list it in one place"});
        }
        c.matcher_.Build();
      } catch (...) {
        thrown = std::current_exception();
      }
    });
    reader.join();
    if (thrown) std::rethrow_exception(thrown);
  }
  if (!diags.empty()) return Error(ErrorCode::kInvalidInput, std::move(diags));

  const auto id_of = [&](const char* name) { auto id = v.FindAttribute(name); return id ? static_cast<int>(*id) : -1; };
  c.battery_ = id_of("battery");
  c.battery_wh_ = id_of("battery_wh");
  c.input_voltage_ac_ = id_of("input_voltage_ac");
  c.output_voltage_dc_ = id_of("output_voltage_dc");
  c.intended_age_max_ = id_of("intended_age_max");
  c.electrical_ = id_of("electrical");
  if (c.battery_ >= 0) c.li_ion_ = v.attribute(static_cast<AttributeId>(c.battery_)).EnumIndex("li_ion");
  return c;
}

const Classifier::HsMapping* Classifier::FindHs(const std::string& code) const {
  const HsMapping* best = nullptr;
  for (size_t len = std::min<size_t>(code.size(), 10); len >= 2; --len) {
    const std::string prefix = code.substr(0, len);
    auto it = std::lower_bound(hs_.begin(), hs_.end(), prefix, [](const HsMapping& m, const std::string& p) { return m.code < p; });
    if (it != hs_.end() && it->code == prefix) {
      best = &*it;
      break;
    }
  }
  return best;
}

namespace {


// Reads a number at text[i]; advances i.
double ReadNumberAt(const std::string& text, size_t* i) {
  size_t j = *i;
  while (j < text.size() && (IsAsciiDigit(text[j]) || (text[j] == '.' && j + 1 < text.size() && IsAsciiDigit(text[j + 1])))) ++j;
  const double v = std::strtod(text.substr(*i, j - *i).c_str(), nullptr);
  *i = j;
  return v;
}

bool StartsWith(const std::string& text, size_t i, std::string_view s) { return text.compare(i, s.size(), s) == 0; }
bool WordEnds(const std::string& text, size_t i) {
  return i >= text.size() || !((text[i] >= 'a' && text[i] <= 'z') || IsAsciiDigit(text[i]));
}

// Age units after a range, in the languages of the keyword lists: "3-8
// years", "3-6 Jahre", "2-4 ans", "3-5 лет", "0-12 meses", "3-6岁", "3~5歳".
// Words end at a space, punctuation or a digit; CJK units need no end.
constexpr std::string_view kYearUnits[] = {
    "years", "year", "yrs", "jahre", "jahren", "jaar", "ans", "anni", "años", "anos", "lat", "lata", "let", "roky", "rokov",
    "roků", "лет", "года", "год", "yaş", "yas", "ετών", "χρονών", "ani", "år", "aar", "vuotta", "év", "éves", "tuổi", "سنوات", "سنة"};
constexpr std::string_view kMonthUnits[] = {
    "months", "month", "monate", "monaten", "maanden", "mois", "mesi", "meses", "miesięcy", "měsíců", "mesiacov", "месяцев",
    "месяца", "мес", "ay", "aylık", "μηνών", "luni", "månader", "måneder", "mån", "kuukautta", "kk", "hónap", "hónapos", "tháng",
    "أشهر", "شهر", "شهور"};
// Units written without a space after them (CJK, Thai).
constexpr std::string_view kCjkYearUnits[] = {"岁", "歳", "才", "세", "ปี"};
constexpr std::string_view kCjkMonthUnits[] = {"个月", "ヶ月", "か月", "カ月", "개월", "เดือน"};

bool UnitWordAt(const std::string& text, size_t u, std::string_view word) {
  const size_t end = u + word.size();
  // A byte past ASCII after the unit continues the word in its script.
  return StartsWith(text, u, word) && WordEnds(text, end) && (end >= text.size() || static_cast<unsigned char>(text[end]) < 0x80);
}

bool IsUnit(const std::string& text, size_t u, std::span<const std::string_view> words, std::span<const std::string_view> cjk) {
  for (std::string_view w : words)
    if (UnitWordAt(text, u, w)) return true;
  for (std::string_view w : cjk)
    if (StartsWith(text, u, w)) return true;
  return false;
}

}  // namespace

namespace {

// Whether the word after "18+" says what is counted: "18+ months" is a
// baby's age, "14+ pieces" a set's size, neither an adult age grade.
bool CountsSomethingElse(const std::string& text, size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  for (std::string_view unit : {"month", "mo ", "m ", "piece", "pcs", "pc ", "个月", "月", "件", "片", "bulan", "monate", "mois", "meses", "mesi"})
    if (StartsWith(text, at, unit)) return true;
  return false;
}

// Whether `text` holds `word`: as a whole word (a trailing "s" or "es"
// allowed) when it is ASCII, anywhere otherwise, as terms match.
bool HasWord(const std::string& text, const std::string& word) {
  const bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80; };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    if (!ascii) return true;
    size_t end = at + word.size();
    if (text.compare(end, 2, "es") == 0 && (end + 2 >= text.size() || !alnum(text[end + 2]))) end += 2;
    else if (end < text.size() && text[end] == 's' && (end + 1 >= text.size() || !alnum(text[end + 1]))) end += 1;
    if ((at == 0 || !alnum(text[at - 1])) && (end >= text.size() || !alnum(text[end]))) return true;
  }
  return false;
}

// Whether what follows a number's "w" makes it something else than watts:
// a width ("160W x 230L cm"), an oil grade ("10W-40"), "with" ("2 w/ lids").
bool NotWatts(const std::string& text, size_t at) {
  if (at < text.size() && text[at] == '/') return true;
  while (at < text.size() && text[at] == ' ') ++at;
  if (at >= text.size()) return false;
  if (text[at] == 'x' || text[at] == '*' || StartsWith(text, at, "×")) return true;
  return text[at] == '-' && at + 1 < text.size() && IsAsciiDigit(text[at + 1]);
}

}  // namespace

int Classifier::InferQuantities(const std::string& text, const std::vector<bool>& stated, Classification* out, int* adult_grade) const {
  double mah = 0, wh = 0, vac = 0, vdc = 0, age_max = -1;
  int age_grade = -1;
  *adult_grade = -1;
  std::string mah_word, wh_word, vac_word, vdc_word, age_word, rating_word;
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiDigit(text[i]) || (i > 0 && ((text[i - 1] >= 'a' && text[i - 1] <= 'z') || IsAsciiDigit(text[i - 1]) || text[i - 1] == '.'))) {
      ++i;
      continue;
    }
    const size_t start = i;
    const double lo = ReadNumberAt(text, &i);
    double hi = lo;
    size_t j = i;
    while (j < text.size() && text[j] == ' ') ++j;
    if (j < text.size() && (text[j] == '-' || text[j] == '~') && j + 1 < text.size()) {
      size_t k = j + 1;
      while (k < text.size() && text[k] == ' ') ++k;
      if (k < text.size() && IsAsciiDigit(text[k])) {
        hi = ReadNumberAt(text, &k);
        j = k;
      }
    }
    size_t u = j;
    while (u < text.size() && text[u] == ' ') ++u;
    size_t word_end = u;
    while (word_end < text.size() && text[word_end] != ' ') ++word_end;
    if (StartsWith(text, u, "mah") && WordEnds(text, u + 3)) {
      if (hi > mah) { mah = hi; mah_word = text.substr(start, u + 3 - start); }
    } else if (StartsWith(text, u, "wh") && WordEnds(text, u + 2)) {
      if (hi > wh) { wh = hi; wh_word = text.substr(start, u + 2 - start); }
    } else if (StartsWith(text, u, "v") && (u + 1 >= text.size() || !(text[u + 1] >= 'a' && text[u + 1] <= 'z') ||
                                            StartsWith(text, u + 1, "ac") || StartsWith(text, u + 1, "dc"))) {
      // "5v2a" is common: a digit may follow the unit directly.
      const std::string w = text.substr(start, u + 1 - start);
      if (hi >= 90 && hi <= 1000 && !StartsWith(text, u + 1, "dc")) {
        if (hi > vac) { vac = hi; vac_word = w; }
      } else if (hi > 0 && hi <= 60) {
        if (hi > vdc) { vdc = hi; vdc_word = w; }
      }
    } else if (StartsWith(text, u, "watt") || (StartsWith(text, u, "w") && WordEnds(text, u + 1) && !NotWatts(text, u + 1))) {
      // A power rating, input or output: the product works on electricity.
      if (rating_word.empty() && hi > 0) rating_word = text.substr(start, (StartsWith(text, u, "watt") ? u + 4 : u + 1) - start);
    } else if (hi == lo && u == j && StartsWith(text, u, "+") && lo <= 12 && lo == std::floor(lo) &&
               (u + 1 >= text.size() || text[u + 1] == ' ' || StartsWith(text, u + 1, "岁"))) {
      age_grade = static_cast<int>(lo);  // "3+": for ages 3 and up
    } else if (hi == lo && u == j && StartsWith(text, u, "+") && lo >= 14 && lo <= 21 && lo == std::floor(lo) &&
               (u + 1 >= text.size() || text[u + 1] == ' ' || text[u + 1] == ')') && !CountsSomethingElse(text, u + 1)) {
      *adult_grade = std::max(*adult_grade, static_cast<int>(lo));  // "14+", "18+"
    } else if (hi > lo || StartsWith(text, u, "岁")) {
      // Age ranges: "3-8 years", "0-12 months", "3-6岁", "6-12个月".
      double years = -1;
      if (IsUnit(text, u, kYearUnits, kCjkYearUnits)) years = hi;
      else if (IsUnit(text, u, kMonthUnits, kCjkMonthUnits)) years = std::ceil(hi / 12.0);
      // "3岁以上" (3 and up) gives no upper age.
      if (StartsWith(text, u, "岁以上") || StartsWith(text, u, "岁+") || hi == lo) years = -1;
      if (years >= 0 && years <= 18 && years > age_max) { age_max = years; age_word = text.substr(start, word_end - start); }
    }
    i = std::max(i, j);
  }
  const auto infer = [&](int id, double value, const std::string& why) {
    if (id < 0 || stated[static_cast<size_t>(id)]) return;
    for (const auto& a : out->attributes)
      if (a.attribute == id) return;  // a keyword or the HS code said so already
    out->attributes.push_back(AttributeInference{static_cast<AttributeId>(id), value, why});
  };
  if (wh > 0) infer(battery_wh_, wh, fmt::format("text: '{}'", wh_word));
  else if (mah >= 300) infer(battery_wh_, std::round(mah * 3.7 / 100.0) / 10.0, fmt::format("text: '{}' at 3.7 V nominal", mah_word));
  if (mah >= 300) infer(battery_, li_ion_, fmt::format("text: '{}' (a lithium-ion capacity)", mah_word));
  if (vac > 0) infer(input_voltage_ac_, vac, fmt::format("text: '{}'", vac_word));
  if (vdc > 0) infer(output_voltage_dc_, vdc, fmt::format("text: '{}'", vdc_word));
  if (age_max >= 0) infer(intended_age_max_, age_max, fmt::format("text: '{}'", age_word));
  // Watts beside a microwave are the oven's a container may go in ("microwave
  // safe up to 800W").
  if (!rating_word.empty())
    for (std::string_view oven : {"microwave", "mikrowelle", "micro-onde", "microonda", "microonde", "微波"})
      if (text.find(oven) != std::string::npos) rating_word.clear();
  if (const std::string& rating = !rating_word.empty() ? rating_word : !vac_word.empty() ? vac_word : vdc_word; !rating.empty())
    infer(electrical_, 1, fmt::format("text: '{}'", rating));
  return age_grade;
}

namespace {

// Where a clause ends: the words after "pouch for" name what the pouch is
// for up to here ("pouch for power bank, black").
bool EndsClause(char c) {
  switch (c) {
    case ',': case ';': case '|': case '(': case ')': case '[': case ']': case '!': case '?': case ':': case '\n': case '/':
      return true;
    default:
      return false;
  }
}

// How far "after" looks at most, in bytes.
constexpr size_t kAfterReach = 64;
// How far "next_word" looks at most, in bytes: a word, or four characters of
// a script written without spaces ("适用于华为充电宝": "华为" is the device).
constexpr size_t kNextWordReach = 12;

// Whether only spaces, then the end of the clause or of the text, follow
// `at`.
bool ClauseEndsAt(const std::string& text, size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  return at == text.size() || EndsClause(text[at]) || text[at] == '-' || text[at] == '+' || text[at] == '&';
}

}  // namespace

void Classifier::CountedTerms(const std::string& text, const char* where, std::vector<uint32_t>* counted,
                              std::vector<uint32_t>* name_parts, std::vector<std::string>* why) const {
  thread_local std::vector<TermMatcher::Match> matches;
  matcher_.FindAll(text, &matches);
  counted->clear();
  const auto is_aside = [&](uint32_t term) {
    for (const TermEffect& e : effects_[term])
      if (e.set_aside != SetAside::kNone) return true;
    return false;
  };
  // Each set-aside phrase found, once for each way it sets aside ("charger
  // cable" keeps the "charger" in it and the product word before it from
  // counting). Most texts hold none: each term is then looked at once.
  struct Aside {
    TermMatcher::Match match;
    SetAside how;
  };
  thread_local std::vector<Aside> asides;
  asides.clear();
  for (const TermMatcher::Match& m : matches)
    for (const TermEffect& e : effects_[m.term])
      if (e.set_aside != SetAside::kNone) asides.push_back({m, e.set_aside});
  // What sets each match aside, if anything; null for the phrases
  // themselves too, which are skipped.
  thread_local std::vector<const Aside*> set_by;
  set_by.assign(matches.size(), nullptr);
  for (size_t k = 0; k < matches.size() && !asides.empty(); ++k) {
    const TermMatcher::Match& m = matches[k];
    if (is_aside(m.term)) continue;
    const Aside*& by = set_by[k];
    for (const Aside& aside : asides) {
      const TermMatcher::Match& a = aside.match;
      const SetAside how = aside.how;
      // A word phrase's match ends before the plural it allowed ("no
      // drawstring" in "no drawstrings"); the plural is inside it too.
      size_t a_end = a.end;
      if (text.compare(a_end, 2, "es") == 0) a_end += 2;
      else if (a_end < text.size() && text[a_end] == 's') a_end += 1;
      // A term that begins before a phrase set aside within and ends
      // inside it names what the phrase is about: "led bulb" in "led bulb
      // holder", "baby bottle" in "baby bottle holder". Not so before a
      // phrase: "food storage bag" is the product. One that holds the
      // whole phrase names more than it: "tree with led lights".
      const bool overlaps = m.begin < a.begin && m.end > a.begin && m.end < a_end;
      if (how == SetAside::kWithin && ((m.begin >= a.begin && m.end <= a_end) || overlaps)) {
        by = &aside;
      } else if (how == SetAside::kAfter && m.begin >= a.end && m.begin < a.end + kAfterReach) {
        bool same_clause = true;
        for (size_t i = a.end; i < m.begin && same_clause; ++i) same_clause = !EndsClause(text[i]);
        if (same_clause) by = &aside;
      } else if (how == SetAside::kNextWord && m.begin >= a.end) {
        size_t word = a.end;
        while (word < text.size() && text[word] == ' ') ++word;
        size_t word_end = word;
        while (word_end < text.size() && text[word_end] != ' ' && !EndsClause(text[word_end])) ++word_end;
        if (m.begin < std::min(word_end, word + kNextWordReach)) by = &aside;
      } else if ((how == SetAside::kBefore || how == SetAside::kBeforeAlways) && m.end <= a.begin) {
        // Only spaces between; and a Latin-script phrase must end its clause,
        // English heads coming last ("power bank case" against "charger
        // holder 15W", a product named in the marketplace way), unless it
        // names what is never the product ("kettle descaler tablets").
        bool near = true;
        for (size_t i = m.end; i < a.begin && near; ++i) near = text[i] == ' ';
        const bool cjk = static_cast<unsigned char>(text[a.begin]) >= 0x80;
        if (near && (how == SetAside::kBeforeAlways || cjk || ClauseEndsAt(text, a_end))) by = &aside;
      }
      if (by != nullptr) break;
    }
  }
  // A product word set aside before a phrase takes the words inside it
  // along: "smart" in "smart watch charger cable", "baby" in "baby monitor
  // wall mount".
  for (size_t k = 0; k < matches.size(); ++k) {
    const Aside* by = set_by[k];
    if (by == nullptr || (by->how != SetAside::kBefore && by->how != SetAside::kBeforeAlways)) continue;
    for (size_t j = 0; j < matches.size(); ++j)
      if (set_by[j] == nullptr && !is_aside(matches[j].term) && matches[j].begin >= matches[k].begin &&
          matches[j].end <= matches[k].end)
        set_by[j] = by;
  }
  // Whether match `inner` lies inside the longer match `outer`, which names
  // a category outright that `inner` has no weight for: "水壶" (food
  // contact) is part of the name "电热水壶" (an electric kettle, an
  // appliance), as words inside words are in scripts written without spaces.
  const auto part_of_other_name = [&](const TermMatcher::Match& inner, const TermMatcher::Match& outer) {
    if (outer.begin > inner.begin || inner.end > outer.end || outer.end - outer.begin <= inner.end - inner.begin) return false;
    for (const TermEffect& e : effects_[outer.term]) {
      if (e.category < 0 || e.weight < 3) continue;
      bool shared = false;
      for (const TermEffect& f : effects_[inner.term]) shared = shared || f.category == e.category;
      if (!shared) return true;
    }
    return false;
  };
  thread_local std::vector<bool> counted_alone;  // of each of *counted: one match outside such a name
  counted_alone.clear();
  for (size_t k = 0; k < matches.size(); ++k) {
    const TermMatcher::Match& m = matches[k];
    if (!asides.empty() && is_aside(m.term)) continue;
    const Aside* const by = set_by[k];
    if (by == nullptr) {
      const TermMatcher::Match* within_name = nullptr;
      for (size_t j = 0; j < matches.size() && within_name == nullptr && name_parts != nullptr; ++j)
        if (j != k && set_by[j] == nullptr && !is_aside(matches[j].term) && part_of_other_name(m, matches[j]))
          within_name = &matches[j];
      const auto at = std::find(counted->begin(), counted->end(), m.term);
      if (at == counted->end()) {
        counted->push_back(m.term);
        counted_alone.push_back(within_name == nullptr);
      } else if (within_name == nullptr) {
        counted_alone[at - counted->begin()] = true;
      }
      if (within_name != nullptr && why != nullptr && why->size() < 8) {
        std::string note = fmt::format("{}: '{}' (in '{}')", where, matcher_.term(m.term), matcher_.term(within_name->term));
        if (std::find(why->begin(), why->end(), note) == why->end()) why->push_back(std::move(note));
      }
    } else if (why != nullptr && why->size() < 8) {
      const SetAside how = by->how;
      const char* const relation = how == SetAside::kWithin ? "in"
                                   : how == SetAside::kBefore || how == SetAside::kBeforeAlways ? "before"
                                                                                                : "after";
      std::string note = fmt::format("{}: '{}' ({} '{}')", where, matcher_.term(m.term), relation, matcher_.term(by->match.term));
      if (std::find(why->begin(), why->end(), note) == why->end()) why->push_back(std::move(note));
    }
  }
  if (name_parts == nullptr) return;
  name_parts->clear();
  for (size_t i = 0; i < counted->size(); ++i)
    if (!counted_alone[i]) name_parts->push_back((*counted)[i]);
}

std::vector<double> Classifier::TermScores(std::string_view title, std::string_view description) const {
  std::vector<double> score(category_names_.size(), 0.0);
  thread_local std::vector<uint32_t> found;
  for (int part = 0; part < 2; ++part) {
    // Words inside another product's name count here too (no name_parts):
    // every category gets all its evidence ("electric blanket" is a
    // textile as well).
    CountedTerms(NormalizeForTerms(part == 0 ? title : description), "", &found, nullptr, nullptr);
    for (uint32_t t : found)
      for (const TermEffect& e : effects_[t])
        if (e.category >= 0) score[e.category] += e.weight * (part == 0 ? 1.0 : 0.5);
  }
  return score;
}

Classification Classifier::Classify(const Listing& l, std::optional<CategoryId> stated_category,
                                    const std::vector<bool>& stated) const {
  Classification out;
  std::vector<double> score(category_names_.size(), 0.0);
  std::vector<std::vector<std::string>> why(category_names_.size());
  std::vector<bool> outright(category_names_.size(), false);

  // Terms: the title counts fully, the description half.
  std::vector<uint32_t> found, name_parts;
  std::string child_word;  // the first word saying "made for children"
  const std::string title = NormalizeForTerms(l.title);
  const std::string description = NormalizeForTerms(l.description);
  for (int part = 0; part < 2; ++part) {
    const std::string& text = part == 0 ? title : description;
    const char* where = part == 0 ? "title" : "description";
    CountedTerms(text, where, &found, &name_parts, &out.set_aside);
    for (uint32_t t : found) {
      const bool name_part = std::find(name_parts.begin(), name_parts.end(), t) != name_parts.end();
      for (const TermEffect& e : effects_[t]) {
        if (e.children && child_word.empty()) child_word = fmt::format("{}: '{}'", where, matcher_.term(t));
        if (e.category >= 0 && !name_part) {
          if (e.weight >= 3) outright[e.category] = true;
          score[e.category] += e.weight * (part == 0 ? 1.0 : 0.5);
          why[e.category].push_back(fmt::format("{}: '{}'{}", where, matcher_.term(t), e.weight < 0 ? " (against)" : ""));
        }
        if (!e.attributes.empty() && !e.unless.empty()) {
          const auto with = std::find_if(e.unless.begin(), e.unless.end(), [&](const std::string& w) { return HasWord(text, w); });
          if (with != e.unless.end()) {
            std::string note = fmt::format("{}: '{}' (with '{}')", where, matcher_.term(t), *with);
            if (out.set_aside.size() < 8 && std::find(out.set_aside.begin(), out.set_aside.end(), note) == out.set_aside.end())
              out.set_aside.push_back(std::move(note));
            continue;
          }
        }
        for (const auto& [id, value] : e.attributes) {
          std::vector<AttributeInference>& into = stated[id] ? out.text_says : out.attributes;
          bool known = false;
          for (const auto& a : into) known = known || a.attribute == id;
          if (!known) into.push_back(AttributeInference{id, value, fmt::format("{}: '{}'", where, matcher_.term(t))});
        }
      }
    }
  }
  // The HS code: a declared tariff classification weighs like a strong term.
  if (!l.hs_code.empty()) {
    if (const HsMapping* h = FindHs(l.hs_code)) {
      score[h->category] += 4.0 * h->confidence;
      outright[h->category] = true;
      why[h->category].push_back(fmt::format("hs_code {} ({})", h->code, h->description));
      for (const auto& [id, value] : h->attributes) {
        if (stated[id]) continue;
        bool known = false;
        for (const auto& a : out.attributes) known = known || a.attribute == id;
        if (!known) out.attributes.push_back(AttributeInference{id, value, fmt::format("hs_code {}", h->code)});
      }
    }
  }
  int adult_grade = -1;
  const int age_grade = InferQuantities(title + " \n " + description, stated, &out, &adult_grade);
  // "14+": marked as not for children under 14, which is what the toy
  // rules cover (Directive 2009/48/EC Art. 2(1)).
  const auto toy = std::find(category_names_.begin(), category_names_.end(), "toy");
  if (adult_grade >= 14 && toy != category_names_.end()) {
    const size_t t = static_cast<size_t>(toy - category_names_.begin());
    score[t] -= 3;
    why[t].push_back(fmt::format("text: '{}+' (for ages {} and up: against toy)", adult_grade, adult_grade));
  }

  // A capacity in mAh belongs to a battery: between "charger" and "power
  // bank" words (fast-charging power banks), it speaks for the power bank.
  const auto power_bank = std::find(category_names_.begin(), category_names_.end(), "power_bank");
  if (power_bank != category_names_.end() && battery_wh_ >= 0) {
    const size_t pb = static_cast<size_t>(power_bank - category_names_.begin());
    for (const auto& a : out.attributes)
      if (a.attribute == battery_wh_ && score[pb] > 0 && a.reason.find("mah") != std::string::npos) {
        score[pb] += 2;
        why[pb].push_back(a.reason);
      }
  }

  // Clothing with a child's age range in the text ("3-8岁", "0-12 months") is
  // children's clothing, whatever the generic garment words say.
  const auto textile = std::find(category_names_.begin(), category_names_.end(), "textile");
  const auto childrens = std::find(category_names_.begin(), category_names_.end(), "childrens_apparel");
  if (textile != category_names_.end() && childrens != category_names_.end() && intended_age_max_ >= 0) {
    const size_t t = static_cast<size_t>(textile - category_names_.begin());
    const size_t c = static_cast<size_t>(childrens - category_names_.begin());
    for (const auto& a : out.attributes) {
      if (a.attribute == intended_age_max_ && a.value <= 14 && score[t] > 0) {
        score[c] += score[t] + 1;
        why[c] = why[t];
        why[c].push_back(a.reason + " (a child's age)");
      }
    }
  }

  // Confidence: the winner's share of the two best scores, times how much
  // evidence there is (one strong term gives about 0.78).
  size_t best = 0, second = SIZE_MAX;
  for (size_t c = 1; c < score.size(); ++c) {
    if (score[c] > score[best]) {
      second = best;
      best = c;
    } else if (second == SIZE_MAX || score[c] > score[second]) {
      second = c;
    }
  }
  if (score[best] > 0) {
    const double runner_up = second == SIZE_MAX ? 0 : std::max(0.0, score[second]);
    if (runner_up > 0) out.runner_up = static_cast<CategoryId>(second);
    out.named_outright = outright[best];
    out.inferred_category = static_cast<CategoryId>(best);
    out.inferred_confidence = (score[best] / (score[best] + runner_up)) * (1 - std::exp(-score[best] / 2));
  }
  // Made for children, but no age range: assume 12 or under, so that the
  // children's-product rules apply (the stricter reading); the seller's own
  // value wins. An age grade ("3+") counts only on toys and clothing.
  if (intended_age_max_ >= 0 && !stated[static_cast<size_t>(intended_age_max_)]) {
    bool has_age = false;
    for (const auto& a : out.attributes) has_age = has_age || a.attribute == intended_age_max_;
    const std::optional<CategoryId> cat = stated_category ? stated_category : out.inferred_category;
    const bool toy_or_clothing = cat && (category_names_[*cat] == "toy" || category_names_[*cat] == "childrens_apparel");
    std::string why_child = child_word;
    if (why_child.empty() && age_grade >= 0 && toy_or_clothing) why_child = fmt::format("text: '{}+'", age_grade);
    if (!has_age && !why_child.empty())
      out.attributes.push_back(AttributeInference{static_cast<AttributeId>(intended_age_max_), 12,
                                                  why_child + " (made for children; 12 or under assumed)"});
  }
  if (stated_category) {
    out.source = Classification::Source::kListing;
    out.category = *stated_category;
    out.confidence = 1;
    out.reasons.push_back("category given by the listing");
  } else if (out.inferred_category) {
    out.source = Classification::Source::kInferred;
    out.category = *out.inferred_category;
    out.confidence = out.inferred_confidence;
    out.reasons = why[best];
  }
  return out;
}

}  // namespace conform
