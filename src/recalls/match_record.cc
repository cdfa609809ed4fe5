// FromNotice and FromListing (recall_matcher.h): a notice and a listing
// read into the records the recall matcher compares, with what each
// states: brands and firms, names, model codes, GTINs, batches, a
// vehicle's dates and powertrains, and what a listing says of recalls.
#include "conform/recalls/recall_matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_set>

#include "conform/core/gtin.h"
#include "conform/core/text.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/gtin.h"
#include "conform/recalls/text_similarity.h"
#include "product_words.h"
#include "text_words.h"
#include "vehicle_words.h"
#include "vehicle_dates.h"

namespace conform::recalls {

namespace {

// A vehicle's name without the codes it gives in brackets, a body's or
// series' ("GLC-class (BR 254)", "Kauai N (OS N)"): words of three
// characters at most or with a digit, which sellers seldom write. Not a
// model's name so given ("FXRST (Low Rider El Diablo)").
std::string WithoutBracketedCodes(std::string_view name) {
  std::string out;
  size_t from = 0;
  for (size_t open = name.find('('); open != std::string_view::npos; open = name.find('(', open + 1)) {
    const size_t close = name.find(')', open);
    if (close == std::string_view::npos) break;
    std::vector<std::string_view> inside;
    const std::string folded = CollapseToWords(FoldForMatching(name.substr(open + 1, close - open - 1)));
    SplitWords(folded, &inside);
    const bool code = !inside.empty() && std::all_of(inside.begin(), inside.end(), [](std::string_view w) {
      return w.size() <= 3 || std::any_of(w.begin(), w.end(), IsAsciiDigit);
    });
    if (!code) continue;
    out.append(name.substr(from, open - from)).append(" ");
    from = close + 1;
  }
  out.append(name.substr(from));
  return out;
}

// Whether a word of two letters is the initials of the brand's words
// ("mb" of " mercedes benz").
bool InitialsOf(std::string_view brand_words, std::string_view word) {
  std::vector<std::string_view> words;
  SplitWords(brand_words, &words);
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i][0] == word[0] && words[i + 1][0] == word[1]) return true;
  return false;
}

// A vehicle's name (folded) without the words that name its powertrain
// ("Avenger BEV", "Renegade PHEV and MHEV", "C-Class Plug-In-Hybrid"),
// which sellers write in their own words or not at all; their bits go to
// `powertrains`. The name unchanged when nothing else would be left.
std::string WithoutPowertrains(const std::string& folded, uint8_t* powertrains) {
  *powertrains = 0;
  thread_local std::vector<std::string_view> words;
  SplitWords(folded, &words);
  std::string kept;
  uint8_t bits = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    const std::string_view next = i + 1 < words.size() ? words[i + 1] : std::string_view();
    uint8_t bit = 0;
    if (w == "bev" || w == "ev" || w == "electric") {
      bit = kBatteryElectric;
    } else if (w == "phev") {
      bit = kPlugInHybrid;
    } else if (w == "plug" && (next == "in" || next == "hybrid")) {
      bit = kPlugInHybrid;
      if (next == "in") ++i;
      if (i + 1 < words.size() && words[i + 1] == "hybrid") ++i;
    } else if (w == "mhev") {
      bit = kMildHybrid;
    } else if (w == "mild" && next == "hybrid") {
      bit = kMildHybrid;
      ++i;
    } else if (w == "hev") {
      bit = kFullHybrid;
    } else if (w == "fcev") {
      bit = kFuelCell;
    } else if (w == "fuel" && next == "cell") {
      bit = kFuelCell;
      ++i;
    } else if (w == "hybrid") {
      bit = kPlugInHybrid | kMildHybrid | kFullHybrid;
    }
    if (bit != 0) {
      bits |= bit;
      continue;
    }
    // "and" between two powertrains ("PHEV and MHEV") goes with them.
    if (w == "and" && bits != 0 && !next.empty() && (next == "phev" || next == "mhev" || next == "hev" || next == "bev" || next == "ev" || next == "fcev"))
      continue;
    if (!kept.empty()) kept.push_back(' ');
    kept.append(w);
  }
  if (bits == 0 || kept.empty()) return folded;
  *powertrains = bits;
  return kept;
}

// Safety Gate's product description is most often the product's own name
// ("VARMFRONT", "Limar Torino", "Baby Biceps Gift Set"), which sellers put
// in their titles: a few words, not a sentence. Its words key the notice
// and make rule 4's name evidence (MatchRecord::name_words); a sentence is
// description only. The pair model sees the description as before: the
// notice's title is left as the regulator wrote it.
// The names a description gives: itself when it is one name of at most 8
// words, or its parts at " / " ("Astronaut Nebula projector / Star
// projection lamp"); a longer one, up to 120 bytes, that lists names of at
// most 8 words each after commas ("Quiet Book Montessori Spielzeug, 3D
// Filz Busy Book Sensorisches Spielzeug"), each of them. None for a
// sentence (a full stop at its end, a line break) or a placeholder.
// With `models_listed` (an alert on a whole vehicle: "Astra L, Corsa,
// Mokka"), a short description with commas lists names too.
std::vector<std::string_view> NamesInDescription(std::string_view d, bool models_listed) {
  constexpr size_t kMaxWords = 8, kMaxBytes = 80, kMaxListBytes = 120;
  d = TrimBlanks(d);
  if (d.empty() || d.size() > kMaxListBytes || d.back() == '.' || d.find('\n') != std::string_view::npos || PlaceholderBrand(BrandKey(d))) return {};
  const auto word_count = [](std::string_view t) {
    size_t words = 0;
    for (size_t i = 0; i < t.size();) {
      while (i < t.size() && t[i] == ' ') ++i;
      if (i == t.size()) break;
      ++words;
      while (i < t.size() && t[i] != ' ') ++i;
    }
    return words;
  };
  const auto split = [](std::string_view t, std::string_view at) {
    std::vector<std::string_view> parts;
    for (size_t from = 0; from <= t.size();) {
      const size_t end = std::min(t.find(at, from), t.size());
      parts.push_back(t.substr(from, end - from));
      from = end + at.size();
    }
    return parts;
  };
  // A whole vehicle's alert may join two models with "&" ("Kauai N (OS N)
  // & Santa Fé PE (TM PE)").
  const bool listed = models_listed && (d.find(", ") != std::string_view::npos || d.find(" & ") != std::string_view::npos);
  if (d.size() <= kMaxBytes && word_count(d) <= kMaxWords && !listed) return split(d, " / ");
  if (d.find(", ") == std::string_view::npos && !listed) return {};
  std::vector<std::string_view> names;
  for (const std::string_view part : split(d, ", "))
    for (const std::string_view name : models_listed ? split(part, " & ") : std::vector<std::string_view>{part}) names.push_back(name);
  for (const std::string_view name : names)
    if (word_count(name) > kMaxWords) return {};
  return names;
}

// The names a recalling firm goes by, as CPSC writes them: the firm, the
// name it does business as ("dba", "d/b/a", "doing business as"; several
// joined by " or "), and a name in brackets after either, its English
// name beside a Pinyin one ("shenzhenshiyuezhangwangluokejiyouxiangongsi
// (Shenzhen Yuezhang Network Technology Co., Ltd.), doing business as
// YUEZHANG, of China"). Each runs to its end or to a comma or " of " after
// it, which the caller cuts at.
std::vector<std::string_view> FirmNames(std::string_view firm) {
  std::vector<std::string_view> names;
  const std::string lower = AsciiLower(firm);
  size_t marker = std::string::npos, marker_size = 0;
  for (const std::string_view m : {" dba ", " d/b/a ", " doing business as "}) {
    const size_t at = lower.find(m);
    if (at != std::string::npos && at < marker) marker = at, marker_size = m.size();
  }
  std::vector<std::string_view> parts = {firm.substr(0, marker)};
  if (marker != std::string::npos) {
    std::string_view after = firm.substr(marker + marker_size);
    for (size_t from = 0; from <= after.size();) {
      size_t to = lower.find(" or ", marker + marker_size + from);
      to = to == std::string::npos ? after.size() : to - marker - marker_size;
      parts.push_back(after.substr(from, to - from));
      from = to + 4;
    }
  }
  for (std::string_view part : parts) {
    while (!part.empty() && (part.back() == ' ' || part.back() == ',')) part.remove_suffix(1);
    const size_t open = part.find(" (");
    const size_t close = open == std::string_view::npos ? std::string_view::npos : part.find(')', open);
    if (close != std::string_view::npos) {
      names.push_back(part.substr(0, open));
      names.push_back(part.substr(open + 2, close - open - 2));
    } else {
      names.push_back(part);
    }
  }
  return names;
}

// Whether a description is a type designation alone (FromNotice): up to
// three parts, letters and digits both, no run of three letters or more,
// no word for "number" first, 4 characters or more run together.
bool IsTypeDesignation(std::string_view d) {
  d = TrimBlanks(d);
  if (d.empty() || d.size() > 24 || std::count(d.begin(), d.end(), ' ') > 2) return false;
  size_t letters = 0, digits = 0, run = 0;
  for (const char c : d) {
    const bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
    if ((c & 0x80) != 0) return false;  // ASCII only: "n°", "JAM²" are names
    run = letter ? run + 1 : 0;
    if (run >= 3) return false;
    letters += letter;
    digits += IsAsciiDigit(c);
  }
  const std::string first = AsciiLower(d.substr(0, d.find_first_of(" .:#")));
  if (first == "no" || first == "nr" || first == "n") return false;
  return letters > 0 && digits > 0 && CompactAlnum(d).size() >= 4;
}

// Toyota's European plants, as its alerts write them after a model built
// in one ("C-HR TMMT"): Toyota Manufacturing UK, Toyota Motor
// Manufacturing Turkey, France, Czech Republic and Poland. Folded.
bool IsToyotaPlant(std::string_view w) { return w == "tmuk" || w == "tmmt" || w == "tmmf" || w == "tmmc" || w == "tmmp"; }

// A whole vehicle's name that quotes the model's own name after the base
// it is built on ('Crafter "Grand California"', a camper van sold as the
// Grand California): the quoted name is one of the alert's names too.
void AddQuotedNames(std::vector<std::string_view>* names) {
  static constexpr std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\"", "\""}, {"\u201C", "\u201D"}, {"\u201E", "\u201C"}, {"\u00AB", "\u00BB"}, {"'", "'"}};
  const size_t given = names->size();
  for (size_t i = 0; i < given; ++i) {
    const std::string_view name = (*names)[i];
    for (const auto& [open, close] : kQuotes) {
      const size_t from = name.find(open);
      if (from == std::string_view::npos) continue;
      const size_t to = name.find(close, from + open.size());
      if (to == std::string_view::npos) continue;
      const std::string_view quoted = TrimBlanks(name.substr(from + open.size(), to - from - open.size()));
      if (!quoted.empty() && quoted.size() < TrimBlanks(name).size() &&
          std::find(names->begin(), names->end(), quoted) == names->end())
        names->push_back(quoted);
      break;
    }
  }
}

}  // namespace

MatchRecord FromNotice(const Notice& n) {
  MatchRecord r;
  if (!n.production_period.empty())
    ReadProductionPeriod(n.production_period, NormalizeText(n.description + " " + n.title + " " + n.product_name), &r);
  r.id = fmt::format("{}:{}", NoticeSourceName(n.source), n.id);
  r.is_notice = true;
  r.batches.assign(n.batch_numbers.begin(), n.batch_numbers.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(n.batch_numbers.size(), 64)));
  for (const std::string_view text : {std::string_view(n.description), std::string_view(n.title)})
    if (!text.empty())
      for (std::string& range : CodeRangesIn(NormalizeForMatching(text)))
        if (std::find(r.batches.begin(), r.batches.end(), range) == r.batches.end()) r.batches.push_back(std::move(range));
  // The first kMaxBrands (CanonicalBrands): every brand is searched for in
  // the text of each record paired with this one.
  r.brands.assign(n.brands.begin(), n.brands.begin() + static_cast<std::ptrdiff_t>(std::min(n.brands.size(), kMaxBrands)));
  // The brands' words, folded as names are: a name's words that are the
  // brand's are not the name's.
  std::string brand_words;
  for (const auto& b : r.brands) brand_words.append(" ").append(CollapseToWords(FoldForMatching(b)));
  const std::string name = n.product_name.empty() ? n.title : n.product_name;
  const std::string product = CollapseToWords(FoldForMatching(name));
  const bool names_a_vehicle = n.source == NoticeSource::kEuSafetyGate && IsVehicleWord(product.substr(product.rfind(' ') + 1));
  // A vehicle alert of several makes may write each model with its make
  // in brackets and no comma between ("Berlingo (Citroen) Partner
  // (Peugeot) Proace city(Toyota) Combo(Opel)"): those brackets part the
  // models as commas do.
  // Each such model's make, by where its bracket stood, for the period a
  // line gives that make ("12.2019 - 04.2021 (Toyota Motor Europe)").
  std::string described = n.description;
  std::vector<std::pair<size_t, std::string>> makes_at;
  if (names_a_vehicle && r.brands.size() > 1) {
    for (size_t open = described.find('('); open != std::string::npos; open = described.find('(', open + 1)) {
      const size_t close = described.find(')', open);
      if (close == std::string::npos) break;
      const std::string make = BrandKey(std::string_view(described).substr(open + 1, close - open - 1));
      if (make.empty() || std::none_of(r.brands.begin(), r.brands.end(), [&](const std::string& b) { return BrandKey(b) == make; })) continue;
      described.replace(open, close - open + 1, ", ");
      makes_at.emplace_back(open, make);
    }
    if (makes_at.size() < 2) {
      described = n.description;
      makes_at.clear();
    }
  }
  std::vector<std::string> name_makes;  // of each of r.name_words, its make so given, or empty
  if (std::vector<std::string_view> names = NamesInDescription(described, names_a_vehicle); !names.empty()) {
    if (names_a_vehicle) AddQuotedNames(&names);
    // An alert without a brand whose description names the product ("LED
    // Crystal Magic Ball Light", "Slime Melma di Miele"): that name, whole,
    // is what the title of a listing selling it has, as a CPSC name
    // without a brand is (product_name_words), the kind of product among
    // its words. Three words or more.
    const bool whole_names = n.source == NoticeSource::kEuSafetyGate && !names_a_vehicle && NamesNoBrand(r.brands);
    for (const std::string_view one : names) {
      std::vector<std::string> words;
      uint8_t powertrains = 0;
      std::string folded = CollapseToWords(FoldForMatching(names_a_vehicle ? WithoutBracketedCodes(one) : std::string(one)));
      if (names_a_vehicle) folded = WithoutPowertrains(folded, &powertrains);
      // A number is part of the name however short: "14 Her" and "16 Her"
      // are two perfumes. But not a vehicle's model years ("MY22-24
      // FXLRST", folded "my22 24 fxlrst"), which no listing writes so.
      const std::vector<std::string_view> folded_words = Words(folded);
      if (whole_names) {
        std::vector<std::string> whole;
        for (const std::string_view w : folded_words)
          if ((!StopWord(w) || std::any_of(w.begin(), w.end(), IsAsciiDigit)) && std::find(whole.begin(), whole.end(), w) == whole.end())
            whole.emplace_back(w);
        if (whole.size() >= 3) r.product_name_words.push_back(std::move(whole));
      }
      // A vehicle's name that opens with a make the alert gives after the
      // maker's ("Range Rover Sport" of "Land Rover, Range Rover") keeps
      // that make's words: without them the name is "Sport", which a
      // "Discovery Sport" has.
      size_t make_words = 0;
      if (names_a_vehicle)
        for (size_t b = 1; b < r.brands.size() && make_words == 0; ++b) {
          const std::string make_folded = CollapseToWords(FoldForMatching(r.brands[b]));
          const std::vector<std::string_view> make = Words(make_folded);
          if (!make.empty() && make.size() <= folded_words.size() && std::equal(make.begin(), make.end(), folded_words.begin()))
            make_words = make.size();
        }
      // A vehicle's model of short words alone ("NX", "GT", "CR-V", "C-HR"):
      // those words are the name.
      const bool short_model = names_a_vehicle && !folded_words.empty() && folded_words.size() <= 2 &&
                               std::all_of(folded_words.begin(), folded_words.end(), [](std::string_view w) {
                                 return w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
                               });
      for (size_t i = 0; i < folded_words.size(); ++i) {
        const std::string_view w = folded_words[i];
        if (i < make_words) {
          if (std::find(words.begin(), words.end(), w) == words.end()) words.emplace_back(w);
          continue;
        }
        // "GLC-class": sellers write "GLC".
        if (names_a_vehicle && kClassWords.count(w) != 0 && i > 0 && folded_words[i - 1].size() >= 2 &&
            std::all_of(folded_words[i - 1].begin(), folded_words[i - 1].end(), [](char c) { return c >= 'a' && c <= 'z'; }))
          continue;
        if (names_a_vehicle && w.starts_with("my") && (w.size() == 2 || IsModelYearDigits(w.substr(2)))) {
          // "my" alone, then the year ("MY 22"); the range's other years.
          if (w.size() == 2 && (i + 1 == folded_words.size() || !IsModelYearDigits(folded_words[i + 1]))) continue;
          if (w.size() == 2) ++i;
          while (i + 1 < folded_words.size() && IsModelYearDigits(folded_words[i + 1])) ++i;
          continue;
        }
        // A generation's Roman numeral inside the name ("TRAFIC III
        // SPACENOMAD"), which sellers leave out, and the plant a Toyota was
        // built in ("C-HR TMMT", "AURIS TMUK"), which they never write:
        // no words of the name.
        if (names_a_vehicle && ((i + 1 < folded_words.size() && w.size() >= 2 && IsGenerationMark(w)) || IsToyotaPlant(w))) continue;
        // A vehicle name's two letters are its variant's ("e-tron GT", "RS
        // e-tron GT"): the Q4 e-tron is not the e-tron GT.
        // Not a Roman numeral (a generation's mark, read apart), nor the
        // make's initials ("MB E 16 RHD" of Mercedes-Benz). (A body's code
        // in brackets, "Stinger (CK)", is gone: WithoutBracketedCodes.)
        const bool vehicle_letters = names_a_vehicle && w.size() == 2 && std::isalpha(static_cast<unsigned char>(w[0])) != 0 &&
                                     std::isalpha(static_cast<unsigned char>(w[1])) != 0 && !IsGenerationMark(w) &&
                                     !InitialsOf(brand_words, w);
        // A vehicle name's letter before another word ("F-PACE", "T-Roc"):
        // the E-Pace is not the F-Pace.
        const bool vehicle_initial = names_a_vehicle && w.size() == 1 && std::isalpha(static_cast<unsigned char>(w[0])) != 0 &&
                                     i + 1 < folded_words.size() && std::isalpha(static_cast<unsigned char>(folded_words[i + 1][0])) != 0 &&
                                     kClassWords.count(folded_words[i + 1]) == 0;
        if ((!StopWord(w) || std::any_of(w.begin(), w.end(), IsAsciiDigit) || short_model || vehicle_letters || vehicle_initial) &&
            !HasWord(product, w) &&
            !HasWord(brand_words, w) &&
            std::find(words.begin(), words.end(), w) == words.end())
          words.emplace_back(w);
      }
      // A colour after the name is the variant's ("Kala gray"): apart, so
      // that "Hochstuhl MoMi Kala grau" names it (MatchRecord::name_colours).
      uint32_t colours = 0;
      while (words.size() > 1) {
        const std::string_view last[] = {words.back()};
        const uint32_t bits = ColourBits(WordList(last));
        if (bits == 0) break;
        colours |= bits;
        words.pop_back();
      }
      // So is how it is packed, after a name of two words or more ("Baby
      // Biceps Gift Set": a "Geschenkset", a "set de regalo").
      while (words.size() > 2 && (words.back() == "gift" || words.back() == "set" || words.back() == "kit" || words.back() == "pack" ||
                                  words.back() == "bundle" || words.back() == "box"))
        words.pop_back();
      if (!words.empty()) {
        // Its hyphenated words written together, as sellers write them
        // ("ICARE" for "I-CARE"), for blocking: a part of one letter is no
        // word of the name.
        const std::string folded_name = FoldForMatching(one);
        for (size_t at = 0; at < folded_name.size();) {
          const size_t end = std::min(folded_name.find(' ', at), folded_name.size());
          const std::string_view token = std::string_view(folded_name).substr(at, end - at);
          at = end + 1;
          // And a model's letters and number parted by a full stop ("ID.7").
          const std::string dotted = names_a_vehicle ? DottedModelJoined(token) : std::string();
          if (token.find('-') == std::string_view::npos && dotted.empty()) continue;
          std::string joined = dotted.empty() ? Without(token, '-') : dotted;
          // A vehicle's model of short parts too ("CR-V", "C-HR").
          if (joined.size() >= (names_a_vehicle ? 3u : 4u) &&
              std::all_of(joined.begin(), joined.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }) &&
              std::find(r.name_joined.begin(), r.name_joined.end(), joined) == r.name_joined.end())
            r.name_joined.push_back(std::move(joined));
        }
        r.name_words.push_back(std::move(words));
        {
          // The make whose bracket follows the name.
          const size_t end = static_cast<size_t>(one.data() - described.data()) + one.size();
          const auto at = std::find_if(makes_at.begin(), makes_at.end(), [end](const auto& m) { return m.first >= end; });
          name_makes.push_back(at == makes_at.end() ? std::string() : at->second);
        }
        r.name_colours.push_back(colours);
        r.name_powertrains.push_back(powertrains);
        const size_t last_space = folded.rfind(' ');
        const std::string_view last = std::string_view(folded).substr(last_space == std::string::npos ? 0 : last_space + 1);
        if (names_a_vehicle) {
          r.name_marks.emplace_back(last_space != std::string::npos && IsGenerationMark(last) ? last : std::string_view());
          // Its mark run on, as sellers write it ("500X"), a blocking key.
          if (!r.name_marks.back().empty() && !r.name_words.back().empty()) {
            std::string joined = r.name_words.back().back() + r.name_marks.back();
            if (joined.size() >= 4 && std::find(r.name_joined.begin(), r.name_joined.end(), joined) == r.name_joined.end())
              r.name_joined.push_back(std::move(joined));
          }
        } else {
          // A product's "II", the one Roman numeral a name's words drop,
          // before the brand a name may give in brackets ("Scorpion Trail
          // II (Pirelli)", a tyre; "III" stays a word, which a listing must
          // have).
          size_t end = folded_words.size();
          while (end > 1 && HasWord(brand_words, folded_words[end - 1])) --end;
          r.name_marks.emplace_back(end > 1 && folded_words[end - 1] == "ii" ? folded_words[end - 1] : std::string_view());
        }
        std::string compact = CompactAlnum(folded);
        // A vehicle's short model too ("ID.7", written "ID7").
        const size_t shortest = names_a_vehicle ? 3 : 6;
        r.name_compacts.push_back(compact.size() >= shortest && folded.find(' ') != std::string::npos ? std::move(compact) : std::string());
        // A numbered model line ("A-Class", "3 Series", "5series", "C-Class
        // AMG").
        std::string line;
        if (names_a_vehicle)
          if (std::vector<std::string> lines = NumberedModelLines(folded_words); lines.size() == 1) line = std::move(lines.front());
        r.name_lines.push_back(std::move(line));
      }
    }
    // A powertrain after a dash that closes the list is every name's ("3008,
    // 5008 - MHEV": both mild hybrids), but for a name that gives its own.
    if (names_a_vehicle && r.name_powertrains.size() > 1) {
      const std::string_view d = described;
      const size_t dash = d.rfind(" - ");
      if (dash != std::string_view::npos) {
        // Read after a stand-in name: alone, the words would be kept.
        uint8_t closing = 0;
        const std::string tail = "x " + CollapseToWords(FoldForMatching(d.substr(dash + 3)));
        if (WithoutPowertrains(tail, &closing) == "x" && closing != 0)
          for (uint8_t& bits : r.name_powertrains)
            if (bits == 0) bits = closing;
      }
    }
    // A name's own period, where a line of the period gives its model's
    // ("From 5/1/2022 to 19/10/2022 (Corsa)"): the label has every word of
    // the name, and its mark. A line whose label names no model ("Others:
    // ...", beside "Defender N1: ...") may hold any, and widens each.
    if (!n.production_period.empty() && !r.name_words.empty()) {
      const auto labelled = LabelledPeriods(n.production_period);
      if (!labelled.empty()) {
        r.name_made_months.assign(r.name_words.size(), {0, 0});
        std::vector<bool> used(labelled.size(), false), by_make(r.name_words.size(), false);
        for (size_t k = 0; k < r.name_words.size(); ++k) {
          auto& [from, to] = r.name_made_months[k];
          for (size_t i = 0; i < labelled.size(); ++i) {
            const auto& [label, months] = labelled[i];
            const bool all = std::all_of(r.name_words[k].begin(), r.name_words[k].end(), [&](const std::string& w) { return HasWord(label, w); }) &&
                             (k >= r.name_marks.size() || r.name_marks[k].empty() || HasWord(label, r.name_marks[k]));
            // Or the label names the make the name was given with.
            const bool make = !all && k < name_makes.size() && !name_makes[k].empty() && HasWord(label, name_makes[k]);
            if (!all && !make) continue;
            used[i] = true;
            by_make[k] = by_make[k] || make;
            from = from == 0 ? months.first : std::min(from, months.first);
            to = std::max(to, months.second);
          }
        }
        for (size_t i = 0; i < labelled.size(); ++i) {
          if (used[i]) continue;
          for (size_t k = 0; k < r.name_made_months.size(); ++k) {
            auto& [from, to] = r.name_made_months[k];
            // A line of another maker ("STELLANTIS") widens no make's own.
            if (from == 0 || by_make[k]) continue;
            from = std::min(from, labelled[i].second.first);
            to = std::max(to, labelled[i].second.second);
          }
        }
      }
    }
  } else if (n.source != NoticeSource::kEuSafetyGate && !n.product_name.empty()) {
    // CPSC's and Health Canada's product names ("Flaunt MagSafe Battery
    // Chargers", "Galanz Retro Refrigerators"; several joined by "; "):
    // a name of at least two words beyond the brand, short of a sentence.
    // Brand and kind alone ("Galanz Refrigerators") name every product of
    // the brand's line; two words more narrow it to what a listing without
    // a code is reviewed for.
    // A name without a brand field often holds the brand ("Arizer Solo
    // III Portable Vaporizers", "New Horse Riding Helmet 100 Fouganza"),
    // and is used whole, but for the words a regulator puts before any
    // name ("New", "Certain") and remarks in brackets ("(Black)").
    for (size_t from = 0; from < n.product_name.size();) {
      const size_t end = std::min(n.product_name.find("; ", from), n.product_name.size());
      std::string one(std::string_view(n.product_name).substr(from, end - from));
      from = end + 2;
      for (size_t open = one.find('('); open != std::string::npos; open = one.find('(')) {
        const size_t close = one.find(')', open);
        one.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
      }
      const std::string folded = CollapseToWords(FoldForMatching(one));
      if (HasWord(folded, "model") || HasWord(folded, "models")) continue;  // a list of models: prose
      std::vector<std::string> words;
      size_t count = 0;
      for (const std::string_view w : Words(folded)) {
        ++count;
        // "Brookstone-branded Tabletop Fire Pits": CPSC's wording, not the name.
        if (w == "new" || w == "certain" || w == "various" || w == "recalled" || w == "branded") continue;
        if ((!StopWord(w) || std::any_of(w.begin(), w.end(), IsAsciiDigit)) && !HasWord(brand_words, w) &&
            std::find(words.begin(), words.end(), w) == words.end())
          words.emplace_back(w);
      }
      // Without a brand, the name is all there is: three words or more.
      if (words.size() < (NamesNoBrand(r.brands) ? 3u : 2u) || count > 8) continue;
      r.product_name_words.push_back(std::move(words));
    }
  }
  // One code in the model attribute, so that it reads as one code, the
  // others apart (the pair model compares the one the listing shows).
  // Without a model field (CPSC, Health Canada), the model numbers the
  // text labels as such ("model number E33A"): the pair model learned what
  // a model attribute is worth, and does not see one in prose.
  const std::string prose = fmt::format("{}. {}", name, n.description);
  std::vector<std::string> given = !n.model_numbers.empty() ? n.model_numbers : LabelledModelNumbers(prose);
  // A part's alert whose description is a type designation alone ("EB+
  // 4.0", Haldex's trailer brake module) names its model there: letters
  // and digits, no word, 4 or more characters run together. Not after a
  // word for "number" ("No: 3519", a perfume's), nor a vehicle's models.
  if (given.empty() && n.source == NoticeSource::kEuSafetyGate && !names_a_vehicle && IsTypeDesignation(n.description))
    given.push_back(std::string(TrimBlanks(n.description)));
  // A range or shorthand list stands for each code in it ("8801-8809",
  // "SK2210 to SK2219" in prose, "12345/6/7"), the entry as written kept
  // after them (a listing may copy it).
  std::vector<std::string> models;
  const auto add_model = [&models](std::string code) {
    if (models.size() < 4 * kMaxModelRange && std::find(models.begin(), models.end(), code) == models.end()) models.push_back(std::move(code));
  };
  // A model year among them ("RX-8; 2023/24") is no model: a listing's
  // "2024" would be taken for one.
  const auto model_year = [](std::string_view entry) {
    if (std::any_of(entry.begin(), entry.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; })) return false;
    for (size_t at = 0; at < entry.size();) {
      size_t end = at;
      while (end < entry.size() && IsAsciiDigit(entry[end])) ++end;
      const std::string_view digits = entry.substr(at, end - at);
      if (IsYear(digits)) return true;
      at = end == at ? at + 1 : end;
    }
    return false;
  };
  for (const std::string& entry : given) {
    for (std::string& code : ExpandModelEntry(entry)) add_model(std::move(code));
    if (!model_year(entry)) add_model(entry);
  }
  for (std::string& code : ModelRangesInText(prose)) add_model(std::move(code));
  r.record.fields = {{"title", name},
                     {"brand", Joined(r.brands)},
                     {"model", models.empty() ? "" : models[0]},
                     {"other models", Joined(models, 1)},
                     {"category", n.category},
                     {"description", n.description}};
  r.gtins = n.gtins;
  r.asins = n.asins;
  // Safety Gate's product name is the kind of product ("Stroller",
  // "Travel adapter"), its description the product's own name when the
  // authority knows one; CPSC's and Health Canada's names mix the two.
  if (n.source == NoticeSource::kEuSafetyGate && models.empty() && r.gtins.empty() && r.asins.empty() && !NamesNoBrand(r.brands)) {
    const std::string kind = CollapseToWords(FoldForMatching(name));
    const std::string described = CollapseToWords(FoldForMatching(n.description));
    size_t kind_words = 0;
    bool spec = false;  // "Charger 65W" names more than a kind
    for (const std::string_view w : Words(kind)) {
      kind_words += !HasWord(brand_words, w);
      spec = spec || std::any_of(w.begin(), w.end(), IsAsciiDigit);
    }
    // The description may repeat the kind, in the singular or the plural
    // ("Submersible pump" of a "Submersible water pump").
    const std::vector<std::string_view> kind_list = Words(kind), described_words = Words(described);
    r.names_only_brand_and_kind = kind_words >= 1 && kind_words <= 3 && !spec &&
                                  std::all_of(described_words.begin(), described_words.end(), [&](std::string_view w) {
                                    return StopWord(w) || HasWord(brand_words, w) ||
                                           std::any_of(kind_list.begin(), kind_list.end(), [w](std::string_view k) { return SameWordOrPlural(k, w); });
                                  });
  }
  // "Anker Innovations Limited, of China", "... Limited of Changsha, China":
  // the name before the place.
  // "Groupe SEB USA dba Rowenta USA, of Parsippany": the firm and the name
  // it does business as.
  for (const auto& firm : n.companies) {
    if (r.companies.size() >= kMaxBrands) break;  // as brands (CanonicalBrands)
    for (std::string_view name : FirmNames(firm)) {
      std::string key = BrandKey(name.substr(0, std::min(name.find(','), name.find(" of "))));
      if (key.empty() || PlaceholderBrand(key)) continue;
      // "Joyin US Corp.": the firm's American arm, named Joyin in trade
      // (not "Toys R Us").
      std::string trade_name;
      if (key.ends_with(" us") && key.size() > 6 && key[key.size() - 5] != ' ') trade_name = key.substr(0, key.size() - 3);
      for (std::string* k : {&key, &trade_name})
        if (!k->empty() && std::find(r.companies.begin(), r.companies.end(), *k) == r.companies.end()) r.companies.push_back(std::move(*k));
    }
  }
  return r;
}

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
