#include "conform/recalls/model_number.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "conform/core/text.h"
#include "digit_scan.h"

namespace conform::recalls {

namespace {

constexpr bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsAlnum(char c) { return IsAsciiDigit(c) || IsAlpha(c); }
bool IsJoiner(char c) { return c == '-' || c == '/' || c == '.' || c == '_'; }
constexpr char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Of each byte, its upper case when it is an ASCII letter or digit, else 0.
constexpr std::array<char, 256> kUpperAlnum = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = IsAlnum(static_cast<char>(c)) ? Upper(static_cast<char>(c)) : '\0';
  return table;
}();

// Whether a byte is an ASCII letter or digit, by the table above: the
// scanner asks this of every byte of a candidate.
bool IsAlnumByte(char c) { return kUpperAlnum[static_cast<unsigned char>(c)] != 0; }

// A unit after a number, and the most digits the number may have for the pair
// to read as a quantity (0: any). Short units are ambiguous with the tail of
// a code ("700D" is a camera, "3D" is not), so they get a limit.
struct Unit {
  std::string_view name;
  int max_digits;
};
constexpr std::array kUnits = {
    Unit{"W", 0},      Unit{"KW", 0},     Unit{"MW", 0},      Unit{"WH", 0},      Unit{"KWH", 0},
    Unit{"WHR", 0},    Unit{"V", 4},      Unit{"KV", 0},      Unit{"MV", 0},      Unit{"VA", 0},
    Unit{"KVA", 0},    Unit{"VAC", 0},    Unit{"VDC", 0},     Unit{"A", 3},       Unit{"MA", 0},
    Unit{"AH", 0},     Unit{"MAH", 0},    Unit{"HZ", 0},      Unit{"KHZ", 0},     Unit{"MHZ", 0},
    Unit{"GHZ", 0},    Unit{"KB", 0},     Unit{"MB", 0},      Unit{"GB", 0},      Unit{"TB", 0},
    Unit{"KBPS", 0},   Unit{"MBPS", 0},   Unit{"GBPS", 0},    Unit{"BPS", 0},     Unit{"BIT", 0},
    Unit{"MM", 0},     Unit{"CM", 0},     Unit{"M", 4},       Unit{"KM", 0},      Unit{"NM", 0},
    Unit{"IN", 0},     Unit{"INCH", 0},   Unit{"INCHES", 0},  Unit{"FT", 0},      Unit{"FOOT", 0},
    Unit{"FEET", 0},   Unit{"YD", 0},     Unit{"MI", 0},      Unit{"METER", 0},   Unit{"METERS", 0},
    Unit{"OZ", 0},     Unit{"FLOZ", 0},   Unit{"LB", 0},      Unit{"LBS", 0},     Unit{"G", 4},
    Unit{"KG", 0},     Unit{"MG", 0},     Unit{"ML", 0},      Unit{"L", 3},       Unit{"LTR", 0},
    Unit{"LITER", 0},  Unit{"LITRE", 0},  Unit{"QT", 0},      Unit{"GAL", 0},     Unit{"CUP", 0},
    Unit{"CUPS", 0},   Unit{"CC", 0},     Unit{"CU", 0},      Unit{"SQFT", 0},    Unit{"CUFT", 0},
    Unit{"P", 4},      Unit{"I", 4},      Unit{"K", 2},       Unit{"D", 1},       Unit{"X", 3},
    Unit{"MP", 0},     Unit{"MPX", 0},    Unit{"FPS", 0},     Unit{"MS", 0},      Unit{"S", 4},
    Unit{"SEC", 0},    Unit{"MIN", 0},    Unit{"H", 3},       Unit{"HR", 0},      Unit{"HRS", 0},
    Unit{"HOUR", 0},   Unit{"HOURS", 0},  Unit{"DAY", 0},     Unit{"DAYS", 0},    Unit{"MONTH", 0},
    Unit{"MONTHS", 0}, Unit{"YR", 0},     Unit{"YRS", 0},     Unit{"YEAR", 0},    Unit{"YEARS", 0},
    Unit{"DB", 0},     Unit{"DBA", 0},    Unit{"DBI", 0},     Unit{"DBM", 0},     Unit{"RPM", 0},
    Unit{"DPI", 0},    Unit{"PPM", 0},    Unit{"LM", 0},      Unit{"LUMEN", 0},   Unit{"LUMENS", 0},
    Unit{"OHM", 0},    Unit{"OHMS", 0},   Unit{"UF", 0},      Unit{"AWG", 0},     Unit{"GAUGE", 0},
    Unit{"MPH", 0},    Unit{"KMH", 0},    Unit{"PSI", 0},     Unit{"BAR", 0},     Unit{"BTU", 0},
    Unit{"CFM", 0},    Unit{"HP", 2},     Unit{"C", 3},       Unit{"F", 3},       Unit{"PC", 3},
    Unit{"PCS", 0},    Unit{"PK", 0},     Unit{"PACK", 0},    Unit{"CT", 0},      Unit{"COUNT", 0},
    Unit{"PIECE", 0},  Unit{"PIECES", 0}, Unit{"PAIR", 0},    Unit{"PAIRS", 0},   Unit{"SET", 0},
    Unit{"ROLL", 0},   Unit{"ROLLS", 0},  Unit{"SHEET", 0},   Unit{"SHEETS", 0},  Unit{"PAGE", 0},
    Unit{"PAGES", 0},  Unit{"PORT", 0},   Unit{"PORTS", 0},   Unit{"WAY", 0},     Unit{"CH", 0},
    Unit{"CHANNEL", 0}, Unit{"CORE", 0},  Unit{"SPEED", 0},   Unit{"PIN", 0},     Unit{"SLOT", 0},
    Unit{"SLICE", 0},  Unit{"TIER", 0},   Unit{"PLY", 0},     Unit{"STAR", 0},    Unit{"MIL", 0},
    Unit{"PT", 0},     Unit{"PX", 0},     Unit{"PERSON", 0},  Unit{"PLAYER", 0},  Unit{"PLAYERS", 0},
    Unit{"LAYER", 0},  Unit{"BAND", 0},   Unit{"GEN", 0},     Unit{"TH", 0},      Unit{"ST", 0},
    Unit{"ND", 0},     Unit{"RD", 0},     Unit{"USB", 2},  // "6USB": six USB ports
    // Units and counted parts spelled out, as regulators write them
    // ("2000-Watt", "15-Drawer", "3-Burner").
    Unit{"WATT", 0},   Unit{"WATTS", 0},  Unit{"VOLT", 0},    Unit{"VOLTS", 0},   Unit{"AMP", 0},
    Unit{"AMPS", 0},   Unit{"GALLON", 0}, Unit{"GALLONS", 0}, Unit{"QUART", 0},   Unit{"QUARTS", 0},
    Unit{"POUND", 0},  Unit{"POUNDS", 0}, Unit{"OUNCE", 0},   Unit{"OUNCES", 0},  Unit{"YARD", 0},
    Unit{"YARDS", 0},  Unit{"MILE", 0},   Unit{"MILES", 0},   Unit{"LITERS", 0},  Unit{"LITRES", 0},
    Unit{"DRAWER", 0}, Unit{"DRAWERS", 0}, Unit{"SHELF", 0},  Unit{"DOOR", 0},    Unit{"DOORS", 0},
    Unit{"BURNER", 0}, Unit{"BURNERS", 0}, Unit{"WHEEL", 0},  Unit{"WHEELS", 0},  Unit{"STEP", 0},
    Unit{"STEPS", 0},  Unit{"CELL", 0},   Unit{"CELLS", 0},   Unit{"SEATER", 0},  Unit{"OUTLET", 0},
    Unit{"OUTLETS", 0}, Unit{"MATIC", 1},  // a drive ("4MATIC")
};

// Interface, format and rating names followed by a version or class: each
// names a specification shared by many products, not one product.
struct Prefix {
  std::string_view name;
  int max_digits;  // of the number after it
};
constexpr std::array kSpecPrefixes = {
    Prefix{"USB", 1},   Prefix{"HDMI", 1}, Prefix{"DDR", 1},    Prefix{"LPDDR", 1}, Prefix{"GDDR", 1},
    Prefix{"SATA", 1},  Prefix{"PCIE", 1}, Prefix{"CAT", 1},    Prefix{"MPEG", 1},  Prefix{"MP", 1},
    Prefix{"H", 3},     Prefix{"X", 3},    Prefix{"IPV", 1},    Prefix{"WIFI", 1},  Prefix{"BT", 1},
    Prefix{"IP", 2},    Prefix{"IPX", 1},  Prefix{"CLASS", 2},  Prefix{"UHS", 1},   Prefix{"V", 2},
    Prefix{"VER", 2},   Prefix{"VERSION", 2}, Prefix{"REV", 2}, Prefix{"GEN", 1},   Prefix{"PS", 1},
    Prefix{"DX", 2},    Prefix{"DIRECTX", 2}, Prefix{"F", 2},   Prefix{"QI", 1},    Prefix{"LTE", 1},
    Prefix{"AAC", 1},   Prefix{"OPENGL", 1}, Prefix{"LIFEPO", 1},  // a battery's chemistry, LiFePO4
    Prefix{"MY", 2},  // a vehicle's model year ("MY22")
};

// A number: digits with at most one decimal point inside. Returns its length
// in `s` from `pos` (0: none) and its digit count.
size_t ScanNumber(std::string_view s, size_t pos, int* digits) {
  size_t i = pos;
  *digits = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++*digits;
  if (i == pos) return 0;
  if (i + 1 < s.size() && s[i] == '.' && IsAsciiDigit(s[i + 1])) {
    ++i;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++*digits;
  }
  return i - pos;
}

size_t ScanLetters(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && IsAlpha(s[i])) ++i;
  return i - pos;
}

// kUnits by name, for a binary search: the scanner asks for every number
// followed by letters. Names are distinct, so the order is the only change.
constexpr auto kUnitsByName = [] {
  auto units = kUnits;
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.name < b.name; });
  return units;
}();

bool IsUnit(std::string_view letters, int digits) {
  const auto it = std::lower_bound(kUnitsByName.begin(), kUnitsByName.end(), letters,
                                   [](const Unit& u, std::string_view name) { return u.name < name; });
  if (it == kUnitsByName.end() || it->name != letters) return false;
  return it->max_digits == 0 || digits <= it->max_digits;
}

// `s` is upper case, letters, digits and '.' between digits only.
bool IsSpecText(std::string_view s) {
  if (s.empty()) return false;
  int digits = 0;
  size_t lead = ScanLetters(s, 0);
  if (lead > 0) {
    // Prefix + version (+ up to two letters: "CAT6A", "DDR3L").
    const std::string_view name = s.substr(0, lead);
    const size_t n = ScanNumber(s, lead, &digits);
    if (n == 0) return false;
    const size_t tail = ScanLetters(s, lead + n);
    if (lead + n + tail != s.size() || tail > 2) return false;
    // Only the integer part counts against the limit ("USB3.0", "V2.1").
    int int_digits = 0;
    for (size_t i = lead; i < lead + n && IsAsciiDigit(s[i]); ++i) ++int_digits;
    // A single letter with letters after the number is a maker's code
    // ("X100V", "V15S"), not a codec, bulb or version ("H264", "X10", "V2.1").
    if (tail > 0 && name.size() == 1) return false;
    for (const Prefix& p : kSpecPrefixes)
      if (p.name == name) return int_digits <= p.max_digits;
    // A drive with its power class ("XDRIVE30I", "EDRIVE40").
    for (const std::string_view drive : kVehicleDriveNames)
      if (drive == name) return int_digits <= 2;
    return false;
  }
  size_t n = ScanNumber(s, 0, &digits);
  if (n == 0) return false;
  if (s.substr(0, n).starts_with("802.11")) return true;  // Wi-Fi standards
  size_t pos = n;
  size_t letters = ScanLetters(s, pos);
  if (letters == 0) return false;  // a bare number
  std::string_view word = s.substr(pos, letters);
  pos += letters;
  if (pos == s.size()) {
    if (IsUnit(word, digits)) return true;
    // A measure said of the product ("200-foot-long", "5-year-old").
    for (const std::string_view dimension : {"LONG", "WIDE", "TALL", "HIGH", "DEEP", "THICK", "OLD"})
      if (word.size() > dimension.size() && word.ends_with(dimension) &&
          IsUnit(word.substr(0, word.size() - dimension.size()), digits))
        return true;
    return false;
  }
  // "4IN1"; "12X18", "10X20X30", optionally with a unit after the last number.
  if (word == "IN") {
    int d2 = 0;
    const size_t n2 = ScanNumber(s, pos, &d2);
    return n2 > 0 && pos + n2 == s.size() && d2 <= 2;
  }
  if (word == "X") {
    while (true) {
      int d2 = 0;
      const size_t n2 = ScanNumber(s, pos, &d2);
      if (n2 == 0) return false;
      pos += n2;
      if (pos == s.size()) return true;
      const size_t l2 = ScanLetters(s, pos);
      const std::string_view w2 = s.substr(pos, l2);
      pos += l2;
      if (pos == s.size()) return IsUnit(w2, 0);
      if (w2 != "X") return false;
    }
  }
  return false;
}

// Upper-case letters and digits of text[begin, end) joined, with '.' kept
// where it stands between two digits (a decimal point); written to `buffer`,
// which the view returned points into.
std::string_view SpecText(std::string_view text, size_t begin, size_t end, std::string* buffer) {
  buffer->resize(end - begin);
  char* const out = buffer->data();
  size_t n = 0;
  for (size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (IsAlnum(c))
      out[n++] = Upper(c);
    else if (c == '.' && i > begin && i + 1 < end && IsAsciiDigit(text[i - 1]) && IsAsciiDigit(text[i + 1]))
      out[n++] = '.';
  }
  return std::string_view(out, n);
}

bool IsCompactCode(std::string_view compact, bool has_list_or_decimal_joiner) {
  int letters = 0, digits = 0;
  for (char c : compact) (IsAsciiDigit(c) ? digits : letters)++;
  if (digits == 0) return false;
  if (letters > 0) return compact.size() >= 3;
  if (has_list_or_decimal_joiner || digits < 5) return false;
  return !compact.ends_with("000");  // 12000 pages, 50000 hours
}

std::string MakeStem(const std::string& code) {
  size_t end = code.size();
  while (end > 0 && IsAlpha(code[end - 1])) --end;
  const size_t trailing = code.size() - end;
  if (trailing == 0 || trailing > 3 || end < 4) return "";
  std::string stem = code.substr(0, end);
  bool letter = false;
  for (char c : stem) letter = letter || IsAlpha(c);
  return letter ? stem : "";
}

struct Part {
  size_t begin, end;  // in the text
};

// The parts buffer, one per thread: a scanner is made per text, and most
// texts are short, so a buffer of its own would be most of its allocations.
std::vector<Part>& SharedParts() {
  thread_local std::vector<Part> parts;
  return parts;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  CodesAndSpecs Run() {
    // Every spec and every code holds a digit, and most candidates are plain
    // words: the scan goes from digit to digit, and reads each candidate
    // holding one from its start. A candidate is a maximal run of letters
    // and digits joined by single joiners, so its start is found going back
    // as well as forth; it never reaches into the candidate before, which
    // would have taken the bytes in.
    size_t i = 0;
    const size_t size = text_.size();
    while (i < size) {
      const size_t digit = FindDigit(text_, i);
      if (digit == size) break;
      size_t start = digit;
      while (start > i) {
        if (IsAlnumByte(text_[start - 1])) {
          --start;
        } else if (start >= i + 2 && IsJoiner(text_[start - 1]) && IsAlnumByte(text_[start - 2])) {
          start -= 2;
        } else {
          break;
        }
      }
      std::vector<Part>& parts = *parts_;
      parts.clear();
      size_t j = start;
      while (true) {
        const size_t b = j;
        while (j < size && IsAlnumByte(text_[j])) ++j;
        parts.push_back({b, j});
        if (j + 1 < size && IsJoiner(text_[j]) && IsAlnumByte(text_[j + 1])) {
          ++j;
          continue;
        }
        break;
      }
      Judge(parts);
      i = j;
    }
    return std::move(out_);
  }

 private:
  void Judge(const std::vector<Part>& parts) {
    const size_t begin = parts.front().begin, end = parts.back().end;
    if (const std::string_view spec = SpecText(text_, begin, end, &spec_); IsSpecText(spec)) {
      out_.specs.push_back({std::string(spec), begin});
      return;
    }
    // A vehicle's model years as a range ("MY22-24", "MY2022/2023"): not
    // the code "MY2224", and no one spec either (a year inside the range
    // is not another).
    if (parts.size() > 1 && IsModelYearRange(parts)) return;
    // Codes listed with slashes ("E33A/E34B/E35C", "RH99F2U1/RH99A2U1"):
    // each group between slashes holding letters and digits is a code of
    // its own. A group without digits is a suffix of the code before
    // ("SX-12/B"), and one without letters a number: read as before.
    if (parts.size() > 1 && SlashListOfCodes(parts)) return;
    bool split = false, list_or_decimal = false, has_year = false, all_digits = true;
    // Points alone joining three parts or more, after letters or seven
    // digits or more ("TT.1902.0617", "304.558.13"), write one code, not
    // a decimal number nor a version ("2.10.15").
    bool only_points = parts.size() >= 3;
    for (size_t k = 1; k < parts.size() && only_points; ++k) only_points = text_[parts[k].begin - 1] == '.';
    bool pointed_code = false;
    if (only_points) {  // rare: most candidates are one part
      size_t digits = 0;
      for (size_t i = parts.front().begin; i < parts.back().end; ++i) digits += IsAsciiDigit(text_[i]);
      pointed_code = digits >= 7 || !IsAsciiDigit(text_[parts[0].begin]);
    }
    for (size_t k = 0; k < parts.size(); ++k) {
      const std::string_view p = text_.substr(parts[k].begin, parts[k].end - parts[k].begin);
      has_year = has_year || IsYear(p);
      all_digits = all_digits && p.find_first_not_of("0123456789") == std::string_view::npos;
      // A quantity inside ("1080p/24fps") splits the candidate; a version
      // name does not: "MB13-PNK-SEE-V2" is one code.
      if (IsAsciiDigit(p[0]) && IsSpecText(SpecText(text_, parts[k].begin, parts[k].end, &spec_))) split = true;
      if (k > 0) {
        const char joiner = text_[parts[k].begin - 1];
        if (joiner == '/') list_or_decimal = true;
        if (joiner == '.' && !pointed_code && IsAsciiDigit(text_[parts[k].begin]) && IsAsciiDigit(text_[parts[k].begin - 2])) {
          list_or_decimal = true;
          split = true;  // a decimal number inside: "f/3.5-5.6", "1999.99"
        }
      }
    }
    if (has_year && all_digits) split = true;  // "2019-2020"; but "KT-2000" is a code
    if (split && IsPrefixedCode(parts)) split = false;  // "QC-65A" is a model, not QC and 65 amperes
    if (split && parts.size() > 1) {
      JudgeEach(parts);
      return;
    }
    std::string compact = CompactAlnum(text_.substr(begin, end - begin));
    // A number before a unit word is a quantity, as it is with the unit
    // joined: "10400 mAh" is "10400mAh", not a code.
    if (all_digits && parts.size() == 1 && end + 1 < text_.size() && text_[end] == ' ') {
      size_t word_end = end + 1;
      while (word_end < text_.size() && IsAlpha(text_[word_end])) ++word_end;
      const std::string_view unit = text_.substr(end + 1, word_end - end - 1);
      if ((word_end == text_.size() || !IsAsciiDigit(text_[word_end])) && IsQuantityWord(unit)) {
        std::string spec = compact;
        for (const char c : unit) spec += Upper(c);
        out_.specs.push_back({std::move(spec), begin});
        return;
      }
    }
    if (IsCompactCode(compact, list_or_decimal)) {
      ModelCode code;
      code.stem = MakeStem(compact);
      code.normalized = std::move(compact);
      code.offset = begin;
      code.length = end - begin;
      out_.codes.push_back(std::move(code));
      return;
    }
    if (parts.size() > 1) JudgeEach(parts);
  }

  // "MY" and a year's two digits or the year ("MY2022"), then each further
  // part the same after a '-' or '/'.
  bool IsModelYearRange(const std::vector<Part>& parts) const {
    const std::string_view first = text_.substr(parts[0].begin, parts[0].end - parts[0].begin);
    if (first.size() < 4 || Upper(first[0]) != 'M' || Upper(first[1]) != 'Y' || !IsModelYearDigits(first.substr(2))) return false;
    for (size_t k = 1; k < parts.size(); ++k) {
      const char joiner = text_[parts[k].begin - 1];
      if ((joiner != '-' && joiner != '/') || !IsModelYearDigits(text_.substr(parts[k].begin, parts[k].end - parts[k].begin))) return false;
    }
    return true;
  }

  // Judges each group of `parts` between slashes as a candidate of its
  // own when there are two or more and every one holds a letter and a
  // digit and three letters or digits at least; returns whether it did.
  bool SlashListOfCodes(const std::vector<Part>& parts) {
    size_t groups = 1;
    for (size_t k = 1; k < parts.size(); ++k) groups += text_[parts[k].begin - 1] == '/';
    if (groups < 2) return false;
    std::vector<std::vector<Part>> split(1);
    for (size_t k = 0; k < parts.size(); ++k) {
      if (k > 0 && text_[parts[k].begin - 1] == '/') split.emplace_back();
      split.back().push_back(parts[k]);
    }
    for (const auto& group : split) {
      size_t letters = 0, digits = 0;
      for (const Part& p : group)
        for (size_t i = p.begin; i < p.end; ++i) (IsAsciiDigit(text_[i]) ? digits : letters) += 1;
      if (letters == 0 || digits == 0 || letters + digits < 3) return false;
    }
    for (const auto& group : split) Judge(group);
    return true;
  }

  // A maker's letter prefix, a hyphen and a number with one letter after it
  // ("QC-65A", "HD-150S", "AB-12C", "PB-2000S") is a model code although its second
  // part reads as a quantity: makers number models that way, and a quantity
  // is not written after a bare letter prefix. Words that do qualify a
  // quantity ("AC-220V", "LED-10W", "MAX-40C") are kept apart, and so are
  // watts, which charger names put after any label ("PD-20W", "QC-18W").
  bool IsPrefixedCode(const std::vector<Part>& parts) const {
    if (parts.size() != 2 || text_[parts[1].begin - 1] != '-') return false;
    const std::string_view prefix = text_.substr(parts[0].begin, parts[0].end - parts[0].begin);
    const std::string_view number = text_.substr(parts[1].begin, parts[1].end - parts[1].begin);
    if (prefix.size() < 2 || prefix.size() > 3 || ScanLetters(prefix, 0) != prefix.size()) return false;
    if (number.size() < 3 || number.size() > 5 || !IsAlpha(number.back()) || Upper(number.back()) == 'W') return false;
    for (size_t i = 0; i + 1 < number.size(); ++i)
      if (!IsAsciiDigit(number[i])) return false;
    char upper[3] = {};
    for (size_t i = 0; i < prefix.size(); ++i) upper[i] = Upper(prefix[i]);
    static constexpr std::string_view kQualifiers[] = {"AC", "DC", "PD", "UP", "TO", "USB", "LED", "MAX", "MIN", "FOR",
                                                       "SET", "AND", "PER", "NEW", "TOP", "ALL", "BIG", "PRO", "OUT", "IN"};
    const std::string_view word(upper, prefix.size());
    for (std::string_view q : kQualifiers)
      if (q == word) return false;
    return true;
  }

  void JudgeEach(const std::vector<Part>& parts) {
    for (size_t k = 0; k < parts.size(); ++k) {
      // Keep a decimal number whole: "2.4GHZ/5GHZ" has "2.4GHZ" in it.
      size_t last = k;
      while (last + 1 < parts.size() && text_[parts[last + 1].begin - 1] == '.' &&
             IsAsciiDigit(text_[parts[last + 1].begin]) && IsAsciiDigit(text_[parts[last].end - 1]))
        ++last;
      const size_t begin = parts[k].begin, end = parts[last].end;
      if (const std::string_view spec = SpecText(text_, begin, end, &spec_); IsSpecText(spec)) {
        out_.specs.push_back({std::string(spec), begin});
      } else if (last == k) {
        std::string compact = CompactAlnum(text_.substr(begin, end - begin));
        if (!IsYear(compact) && IsCompactCode(compact, false)) {
          ModelCode code;
          code.stem = MakeStem(compact);
          code.normalized = std::move(compact);
          code.offset = begin;
          code.length = end - begin;
          out_.codes.push_back(std::move(code));
        }
      }
      k = last;
    }
  }

  std::string_view text_;
  CodesAndSpecs out_;
  // Reused across candidates: most texts hold dozens.
  std::vector<Part>* parts_ = &SharedParts();  // of the candidate being judged
  std::string spec_;         // SpecText's output
};

}  // namespace

bool IsYear(std::string_view text) {
  if (text.size() != 4) return false;
  for (char c : text)
    if (!IsAsciiDigit(c)) return false;
  return (text[0] == '1' && text[1] == '9') || (text[0] == '2' && text[1] == '0');
}

bool IsModelYearDigits(std::string_view text) { return (text.size() == 2 && IsAsciiDigit(text[0]) && IsAsciiDigit(text[1])) || IsYear(text); }

CodesAndSpecs ExtractCodesAndSpecs(std::string_view text) { return Scanner(text).Run(); }

bool SplitCodeNumber(std::string_view code, CodeNumber* out) {
  size_t begin = code.size();
  while (begin > 0 && IsAsciiDigit(code[begin - 1])) --begin;
  if (begin == code.size() || code.size() - begin > 12) return false;
  for (size_t i = 0; i < begin; ++i)
    if (!std::isalnum(static_cast<unsigned char>(code[i])) && code[i] != '-' && code[i] != '.' && code[i] != '_') return false;
  out->head = code.substr(0, begin);
  out->digits = code.substr(begin);
  out->value = 0;
  for (const char c : out->digits) out->value = out->value * 10 + static_cast<uint64_t>(c - '0');
  return true;
}

std::vector<ModelCode> ExtractModelCodes(std::string_view text) { return ExtractCodesAndSpecs(text).codes; }

bool IsWholeCompactCode(std::string_view compact, std::string* stem) {
  // A compact text is one candidate, with no joiners: the scanner judges it
  // when it holds a digit, reads it as a spec when SpecText (the text itself,
  // upper case alphanumerics) says so, and else as a code when
  // IsCompactCode holds. A lone part is never split.
  stem->clear();
  if (std::none_of(compact.begin(), compact.end(), IsAsciiDigit)) return false;
  if (IsSpecText(compact) || !IsCompactCode(compact, false)) return false;
  *stem = MakeStem(std::string(compact));
  return true;
}

std::string CompactAlnum(std::string_view text) {
  // Written through a pointer into a buffer of the input's size, then cut:
  // appending byte by byte costs more than the test of each byte.
  // Every byte is stored, and kept only when it is a letter or digit: no
  // branch on the byte.
  std::string out(text.size(), '\0');
  char* at = out.data();
  for (char c : text) {
    const char kept = kUpperAlnum[static_cast<unsigned char>(c)];
    *at = kept;
    at += kept != 0;
  }
  out.resize(static_cast<size_t>(at - out.data()));
  return out;
}

bool IsQuantityWord(std::string_view word) {
  static const std::unordered_set<std::string_view> kCounts = {
      "teile", "stück", "stuck", "stk", "pièces", "pieces", "pezzi", "piezas", "peças", "pecas", "sztuk", "szt", "elementów",
      "elementow", "elementy", "stuks", "ks", "kpl", "db", "buc", "bucăți", "bucati", "kom", "шт", "штук", "деталей"};
  if (kCounts.count(word) != 0) return true;
  // Two letters at least, and not "in" ("3511 in black"): one-letter units
  // and the inch are words or initials too often.
  if (word.size() < 2 || word.size() > 8 || word == "in" || word == "IN" || !std::all_of(word.begin(), word.end(), [](char c) { return IsAlpha(c); }))
    return false;
  std::string upper(word);
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return IsUnit(upper, 0);
}

bool LooksLikeModelCode(std::string_view token) {
  const CodesAndSpecs found = ExtractCodesAndSpecs(token);
  return found.codes.size() == 1 && found.specs.empty() && found.codes[0].offset == 0 &&
         found.codes[0].length == token.size();
}


namespace {

// What regulators and sellers write for "no one model", and interface
// names many products share.
bool IsNotAModelWord(std::string_view compact) {
  static const std::unordered_set<std::string_view> kNotAModel = {
      "VARIOUS", "VARIOUSMODELS", "UNKNOWN", "NA", "NONE", "NULL", "STANDARD", "GENERIC", "ASSORTED", "MULTIPLE", "ALL",
      "ALLMODELS", "OTHER", "OTHERS", "MISC", "MIXED", "DEFAULT", "UNIVERSAL", "DIVERSE", "DIVERS", "VERSCHIEDENE", "DIVERSOS",
      "VARIOS", "VARI", "NOTKNOWN", "NOTAVAILABLE", "NOTAPPLICABLE", "NOMODEL", "TBD", "NEW", "BASIC", "CLASSIC", "REGULAR",
      "MODEL", "MODELS", "USB", "USBC", "TYPEC", "HDMI", "LIGHTNING", "MICROUSB", "MINIUSB", "VGA", "DVI", "DISPLAYPORT",
      "BLUETOOTH", "WIFI", "ETHERNET", "AUX"};
  return kNotAModel.count(compact) != 0;
}

// Whether one word of a model attribute says nothing of which model: a
// placeholder or interface name, a year, a bare number, or a spec that is
// the whole word ("4-in-1", "2-pack"; "CO-10W" is a code ending like one).
bool SaysNoModel(std::string_view word) {
  const std::string compact = CompactAlnum(word);
  if (compact.empty() || IsNotAModelWord(compact)) return true;
  if (AllAsciiDigits(compact) && compact.size() < 5) return true;  // "2", "50", "2024"
  for (const Spec& spec : ExtractCodesAndSpecs(word).specs)
    if (CompactAlnum(spec.normalized) == compact) return true;
  return false;
}

}  // namespace

bool ModelAttributeNamesAModel(std::string_view model) {
  const std::string folded = NormalizeForMatching(model);
  if (!ExtractModelCodes(folded).empty()) return true;
  std::vector<std::string_view> words;
  for (size_t i = 0; i < folded.size();) {
    const size_t end = std::min(folded.find(' ', i), folded.size());
    if (end > i) words.push_back(std::string_view(folded).substr(i, end - i));
    i = end + 1;
  }
  if (words.empty()) return false;
  const std::string compact = CompactAlnum(folded);
  if (words.size() == 1) {
    // One token: a maker's code written without digits ("WPEUSDVDRT") or
    // a short number ("7653"), unless it says no model.
    if (compact.size() < 3) return false;
    if (IsNotAModelWord(compact)) return false;
    if (compact.size() == 4 && AllAsciiDigits(compact) && (compact.starts_with("19") || compact.starts_with("20"))) return false;
    for (const Spec& spec : ExtractCodesAndSpecs(words[0]).specs)
      if (CompactAlnum(spec.normalized) == compact) return false;
    return true;
  }
  // Several words: a model name with digits ("ivisa 50 light", "SCG 2"),
  // unless every word says no model ("USB-C 2.0"); words alone ("matte
  // white", "various models") name none.
  if (std::none_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return !std::all_of(words.begin(), words.end(), SaysNoModel);
}

bool ListedModelCode(std::string_view token) {
  if (LooksLikeModelCode(token)) return true;
  bool digit = false, letter = false;
  for (const char c : token) {
    if (c >= '0' && c <= '9') digit = true;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letter = true;
    else if (c != '-' && c != '/' && c != '.') return false;
  }
  return digit && letter && token.size() >= 4 && std::isalnum(static_cast<unsigned char>(token.front())) &&
         std::isalnum(static_cast<unsigned char>(token.back()));
}

}  // namespace conform::recalls
