// FromNotice (recall_matcher.h): a notice read into the record the recall
// matcher compares, with what it states: brands and firms, names, model
// codes, GTINs, batches, a vehicle's dates and powertrains.
#include "conform/recalls/recall_matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "conform/core/text.h"
#include "conform/recalls/brand.h"
#include "conform/recalls/text_similarity.h"
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

}  // namespace conform::recalls
