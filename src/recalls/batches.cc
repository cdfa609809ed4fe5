#include "conform/recalls/batches.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "conform/core/text.h"
#include "conform/recalls/model_number.h"
#include "conform/recalls/notice.h"
#include "conform/recalls/text_similarity.h"
#include "text_words.h"

namespace conform::recalls {

namespace {


// The words of a folded text for ReadBatches, CodeRangesIn and
// BatchesCover: split at blanks, a colon, "#" and a comma (or semicolon)
// words of their own ("batch:2401" is "batch", ":", "2401"; "2218, 2341" is
// "2218", ",", "2341"), brackets and trailing punctuation dropped (a "-"
// alone kept: "L2301 - L2352").
std::vector<std::string_view> BatchWords(std::string_view folded, std::string* buffer) {
  buffer->clear();
  buffer->reserve(folded.size() + 16);
  for (const char c : folded) {
    if (c == ':' || c == '#' || c == ',' || c == ';') {
      buffer->append(" ");
      buffer->push_back(c == ';' ? ',' : c);
      buffer->append(" ");
    } else {
      buffer->push_back(c == '\n' || c == '\t' || c == '(' || c == ')' || c == '[' || c == ']' ? ' ' : c);
    }
  }
  std::vector<std::string_view> words;
  for (std::string_view w : Words(*buffer)) {
    while (w.size() > 1 && (w.back() == '.' || w.back() == '!' || w.back() == '?' || w.back() == '-' || w.back() == '/')) w.remove_suffix(1);
    if (!w.empty()) words.push_back(w);
  }
  return words;
}

// A batch or range end: letters and digits (with "-", "/" or "." between),
// a digit among them, 3 to 20 of them; compact, in capitals, or empty.
std::string BatchCode(std::string_view w) {
  if (!std::any_of(w.begin(), w.end(), IsAsciiDigit)) return {};
  for (const char c : w)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '/' && c != '.') return {};
  std::string compact = CompactAlnum(w);
  return compact.size() >= 3 && compact.size() <= 20 ? compact : std::string();
}

bool IsBatchNumberWord(std::string_view w) {
  return w == "number" || w == "numbers" || w == "no" || w == "nr" || w == "nummer" || w == "numero" || w == "número" || w == "numéro" || w == "n°" ||
         w == "nº" || w == "code" || w == "codes" || w == ":" || w == "#" || w == "numeris" || w == "numurs" || w == "номер" ||
         w == "szám" || w == "szam";
}

}  // namespace

// What every batch label ReadBatches reads holds, folded: the labels, and
// the words that are as often something else ("lot", "charge").
constexpr std::string_view kBatchStems[] = {"batch", "date code", "批次", "批号", "批號", "ロット", "partii", "sarze", "šarže", "šarža", "sarza",
                                            "ch.-b", "lotnummer", "partijnummer", "partinummer", "satsnummer", "sarzs", "tételszám",
                                            "tetelszam", "gyártási tétel", "gyartasi tetel", "eränumero", "eranumero", "партид", "παρτίδ",
                                            "παρτιδ", "s/n", "serienummer", "de serie", "de série", "di serie", "seryjny"};
std::string BatchInWords(const std::string& batch) {
  return batch.starts_with(kSerialMark) ? "serial number " + batch.substr(kSerialMark.size()) : batch;
}

constexpr std::string_view kWeakBatchStems[] = {"lot", "charge", "partia", "partie", "partij", "los-nr", "erä", "serij", "serii",
                                                "serial", "serien"};

// An ASCII text holds a stem above in any case; one with other characters
// may, folded.
bool MayLabelABatch(std::string_view text) {
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) return true;
  // In lower case once, then each stem found as library searches find it
  // (the stems outside ASCII cannot be in it).
  thread_local std::string lower;
  lower.assign(text);
  for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  const auto holds = [](std::string_view stem) {
    return static_cast<unsigned char>(stem[0]) < 0x80 && std::string_view(lower).find(stem) != std::string_view::npos;
  };
  return std::any_of(std::begin(kBatchStems), std::end(kBatchStems), holds) ||
         std::any_of(std::begin(kWeakBatchStems), std::end(kWeakBatchStems), holds);
}

std::vector<std::string> ReadBatches(std::string_view folded) {
  std::vector<std::string> batches;
  // Most texts name no batch: one look for the labels first, the words
  // that are as often something else ("slot", "charger") only before a
  // colon, "#", "n" (a number word) or a digit a few bytes on.
  const auto weak_label_ahead = [folded](std::string_view stem) {
    for (size_t at = folded.find(stem); at != std::string_view::npos; at = folded.find(stem, at + 1)) {
      // A word of its own or its word's start ("lotto", "lote", "charge"),
      // not inside one ("slot", "pilot", "discharge").
      if (at > 0 && std::isalpha(static_cast<unsigned char>(folded[at - 1])) != 0) continue;
      const std::string_view ahead = folded.substr(at + stem.size(), 6);
      if (ahead.find_first_of(":#n0123456789") != std::string_view::npos) return true;
    }
    return false;
  };
  const auto holds = [folded](std::string_view stem) { return folded.find(stem) != std::string_view::npos; };
  if (std::none_of(std::begin(kBatchStems), std::end(kBatchStems), holds) &&
      std::none_of(std::begin(kWeakBatchStems), std::end(kWeakBatchStems), weak_label_ahead))
    return batches;
  thread_local std::string buffer;
  const std::vector<std::string_view> words = BatchWords(folded, &buffer);
  // In the EU's languages as packaging prints them: Czech and Slovak
  // "šarže", "šarža"; Danish and Norwegian "partinummer"; Swedish
  // "satsnummer"; Finnish "eränumero"; Hungarian "tételszám", "sarzs",
  // "sarzsszám" ("gyártási tétel" below); Bulgarian "партида", "партиден
  // номер"; Greek "παρτίδα", "αριθμός παρτίδας".
  static const std::unordered_set<std::string_view> kLabels = {
      "batch", "batch-nr", "batchnr", "batchnummer", "chargennummer", "charge-nr", "chargen-nr", "ch.-b", "ch-b", "lot-nr", "los-nr",
      "lotnummer", "partijnummer", "partinummer", "partinr", "satsnummer", "sarze", "šarže", "šarža", "sarza", "eränumero", "eranumero",
      "tételszám", "tetelszam", "sarzs", "sarzsszám", "sarzsszam", "партида", "партиден", "παρτίδα", "παρτιδα", "παρτίδασ", "παρτιδασ",
      "批次", "批号", "批號", "生产批号", "生產批號", "ロット番号",
      // A unit's serial number, which a notice's serial ranges place
      // ("From MCPF-1000050 to MCPF-1003289"): German, Dutch, Danish,
      // Norwegian and Swedish.
      "seriennummer", "serien-nr", "seriennr", "serienummer", "s/n"};
  // Labels of two words: "date code"; Polish "nr partii", "numer partii",
  // "numer serii", Croatian "broj serije", Slovenian "številka serije" (the
  // number of the batch); Hungarian "gyártási tétel" (production lot).
  static const std::set<std::pair<std::string_view, std::string_view>> kTwoWordLabels = {
      {"date", "code"},       {"date", "codes"},     {"nr", "partii"},        {"numer", "partii"},    {"nr", "serii"},
      {"numer", "serii"},     {"nr", "serije"},      {"numer", "serije"},     {"broj", "serii"},      {"broj", "serije"},
      {"številka", "serii"},  {"številka", "serije"}, {"stevilka", "serii"},  {"stevilka", "serije"}, {"gyártási", "tétel"},
      {"gyártási", "tetel"},  {"gyartasi", "tétel"}, {"gyartasi", "tetel"},
      // A serial number: French "numéro de série", Spanish "número de
      // serie", Italian "numero di serie", Polish "numer seryjny".
      {"de", "série"},        {"de", "serie"},       {"di", "serie"},         {"numer", "seryjny"},   {"nr", "seryjny"}};
  // Words that are as often something else ("a lot of", "fast charge", a
  // political party: Dutch "partij", Lithuanian "partija", Latvian and
  // Estonian "partii", Finnish "erä" a round): only before a colon, "#" or
  // a number word, or a code of four characters or more.
  static const std::unordered_set<std::string_view> kWeakLabels = {"lot", "charge", "lote", "lotto", "partia", "partie", "partij", "partijos",
                                                                    "partijas", "partii", "erä", "serija", "ロット", "serial"};
  // Words after a number that make it a quantity: "Batch: 500 pcs", "Lotto:
  // 120 pezzi".
  static const std::unordered_set<std::string_view> kCounts = {"pcs", "pc", "pieces", "piece", "pezzi", "pz", "stuck", "stück", "szt",
                                                               "units", "unit", "uds", "unidades", "pieces", "pièces", "carton",
                                                               "cartons", "sets", "pairs", "bottles", "flaschen"};
  for (size_t i = 0; i < words.size() && batches.size() < 8; ++i) {
    size_t at = i + 1;
    bool strong = kLabels.count(words[i]) != 0;
    // A serial number's label: its number is marked (kSerialMark).
    static const std::unordered_set<std::string_view> kSerialLabels = {"seriennummer", "serien-nr", "seriennr", "serienummer", "s/n", "serial",
                                                                       "de", "di", "seryjny"};
    const bool serial = kSerialLabels.count(words[i]) != 0 || (i + 1 < words.size() && words[i + 1] == "seryjny");
    // "de série" after a number word only ("numéro de série"; not
    // "modèle de série").
    if (!strong && at < words.size() && kTwoWordLabels.count(std::pair(words[i], words[at])) != 0 &&
        ((words[i] != "de" && words[i] != "di") || (i > 0 && IsBatchNumberWord(words[i - 1])))) {
      strong = true;
      ++at;
    }
    if (!strong && kWeakLabels.count(words[i]) == 0) continue;
    bool numbered = false;
    while (at < words.size() && IsBatchNumberWord(words[at])) {
      numbered = true;
      ++at;
    }
    if (at >= words.size()) continue;
    // A number written in groups ("Lotto: 0909 700696"), as the notice
    // may write it whole: the groups together.
    std::string_view value = words[at];
    std::string grouped(value);
    size_t last = at;
    if (std::all_of(value.begin(), value.end(), IsAsciiDigit))
      for (size_t k = at + 1; k < words.size() && k < at + 3; ++k) {
        if (words[k].size() < 3 || words[k].size() > 8 || !std::all_of(words[k].begin(), words[k].end(), IsAsciiDigit)) break;
        grouped.append(words[k]);
        last = k;
      }
    std::string code = BatchCode(grouped);
    if (code.empty()) continue;
    if (!strong && !numbered && code.size() < 4) continue;
    // A quantity is no batch ("Charge: 65W PD", "batch 20pcs", "Lot: 100
    // pcs"), nor a year ("New batch 2024", "Charge: 2023").
    if (const CodesAndSpecs read = ExtractCodesAndSpecs(value); read.codes.empty() && !read.specs.empty()) continue;
    if (last + 1 < words.size() && kCounts.count(words[last + 1]) != 0) continue;
    if (IsYear(grouped)) continue;
    std::string written = serial ? std::string(kSerialMark) + grouped : grouped;
    for (char& c : written) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (std::find(batches.begin(), batches.end(), written) == batches.end()) batches.push_back(std::move(written));
    // More listed after it: "Batch: 2218, 2341", "lots 2218 and 2341".
    for (size_t k = last + 1; k + 1 < words.size() && batches.size() < 8; k += 2) {
      if (words[k] != "," && words[k] != "and" && words[k] != "&" && words[k] != "/") break;
      const std::string more = BatchCode(words[k + 1]);
      if (more.empty() || !std::any_of(words[k + 1].begin(), words[k + 1].end(), IsAsciiDigit) ||
          (k + 2 < words.size() && kCounts.count(words[k + 2]) != 0))
        break;
      std::string listed(words[k + 1]);
      for (char& c : listed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (std::find(batches.begin(), batches.end(), listed) == batches.end()) batches.push_back(std::move(listed));
      i = k + 1;
    }
  }
  return batches;
}

std::vector<std::string> CodeRangesIn(std::string_view folded) {
  std::vector<std::string> ranges;
  static constexpr std::string_view kStems[] = {"date code", "lot", "batch"};
  if (std::none_of(std::begin(kStems), std::end(kStems), [folded](std::string_view s) { return folded.find(s) != std::string_view::npos; }))
    return ranges;
  thread_local std::string buffer;
  const std::vector<std::string_view> words = BatchWords(folded, &buffer);
  const auto label_ends = [&](size_t i) {  // the word after a label at i, or 0
    const std::string_view w = words[i];
    if ((w == "date" || w == "lot" || w == "batch") && i + 1 < words.size() && IsBatchNumberWord(words[i + 1])) return i + 2;
    return size_t{0};
  };
  static const std::unordered_set<std::string_view> kTo = {"through", "thru", "to", "-", "and", "until", "till", "bis", "à", "a", "al"};
  for (size_t i = 0; i < words.size() && ranges.size() < 8; ++i) {
    const size_t from = label_ends(i);
    if (from == 0) continue;
    // Within a few words: "date codes ranging from 2301 through 2335",
    // "lot codes between 2301 and 2352".
    for (size_t k = from; k < words.size() && k < from + 6; ++k) {
      const std::string first = BatchCode(words[k]);
      if (first.empty()) continue;
      // "2301-2335" written as one word.
      if (const size_t dash = words[k].find('-'); dash != std::string_view::npos && words[k].find('-', dash + 1) == std::string_view::npos) {
        const std::string a = BatchCode(words[k].substr(0, dash)), b = BatchCode(words[k].substr(dash + 1));
        // Letters, then digits, at either end ("L2301-L2352").
        const auto letters_then_digits = [](std::string_view code, CodeNumber* n) {
          return SplitCodeNumber(code, n) && std::none_of(n->head.begin(), n->head.end(), IsAsciiDigit);
        };
        CodeNumber pa, pb;
        if (!a.empty() && !b.empty() && letters_then_digits(a, &pa) && letters_then_digits(b, &pb) && pa.digits.size() == pb.digits.size() &&
            pa.head == pb.head && pa.value < pb.value) {
          ranges.push_back(a + "-" + b);
          break;
        }
      }
      if (k + 2 < words.size() && kTo.count(words[k + 1]) != 0) {
        const std::string last = BatchCode(words[k + 2]);
        if (!last.empty()) ranges.push_back(first + "-" + last);
      }
      break;
    }
  }
  return ranges;
}

namespace {

// A batch code as compared: letters and digits in capitals, a leading lot
// marker ("L", "LOT": Directive 2011/91/EU's "L") and leading zeros left
// out (exports drop them: "09918" is "9918"), and O and I read as 0 and 1.
std::string ComparableBatch(std::string_view code) {
  std::string c = CompactAlnum(code);
  if (c.starts_with("LOT") && c.size() > 3 && IsAsciiDigit(c[3])) c.erase(0, 3);
  else if (c.starts_with("L") && c.size() > 1 && IsAsciiDigit(c[1])) c.erase(0, 1);
  size_t zeros = 0;
  while (zeros + 1 < c.size() && c[zeros] == '0') ++zeros;
  c.erase(0, zeros);
  for (char& ch : c) ch = ch == 'O' ? '0' : ch == 'I' ? '1' : ch;
  return c;
}

// The (year, month) a date-shaped batch may mean, in any order sellers
// write one: "2022/04", "04/2022", "10/2022", "2023-06", "06.2023",
// "05-12-2022", "202403", "122023", "20221205". Empty when it is no date.
std::vector<std::pair<int, int>> DateReadings(std::string_view written) {
  std::vector<std::pair<int, int>> out;
  std::vector<std::string_view> parts;
  for (size_t at = 0; at < written.size();) {
    size_t end = at;
    while (end < written.size() && IsAsciiDigit(written[end])) ++end;
    if (end > at) parts.push_back(written.substr(at, end - at));
    at = end == at ? at + 1 : end;
  }
  const auto year_of = [](std::string_view p) { return IsYear(p) ? std::stoi(std::string(p)) : 0; };
  const auto add = [&out](int year, int month) {
    if (year > 0 && month >= 1 && month <= 12 && std::find(out.begin(), out.end(), std::pair{year, month}) == out.end()) out.emplace_back(year, month);
  };
  const auto month_of = [](std::string_view p) { return p.size() <= 2 ? std::stoi(std::string(p)) : 0; };
  if (parts.size() >= 2 && parts.size() <= 3) {
    // The year first or last; the month beside it (or, day first, before
    // it: "05-12-2022" is December or May).
    if (const int y = year_of(parts.front())) {
      add(y, month_of(parts[1]));
      if (parts.size() == 3) add(y, month_of(parts[2]));
    }
    if (const int y = year_of(parts.back())) {
      add(y, month_of(parts[parts.size() - 2]));
      if (parts.size() == 3) add(y, month_of(parts[0]));
    }
  } else if (parts.size() == 1 && parts[0].size() == written.size()) {
    const std::string_view d = parts[0];
    if (d.size() == 6) {  // YYYYMM or MMYYYY
      if (const int y = year_of(d.substr(0, 4))) add(y, month_of(d.substr(4, 2)));
      if (const int y = year_of(d.substr(2, 4))) add(y, month_of(d.substr(0, 2)));
    } else if (d.size() == 8) {  // YYYYMMDD or DDMMYYYY
      if (const int y = year_of(d.substr(0, 4))) add(y, month_of(d.substr(4, 2)));
      if (const int y = year_of(d.substr(4, 4))) add(y, month_of(d.substr(2, 2)));
    }
  }
  return out;
}

}  // namespace

bool BatchesCover(const std::vector<std::string>& entries, std::string_view batch, std::string_view type) {
  // A unit's serial number (ReadBatches' kSerialMark before it) compares only
  // with a notice's codes of its shape, serials or their ranges ("From
  // MCPF-1000050 to MCPF-1003289"): the same letters before as many digits.
  // Against lots or date codes it says nothing: covered. Its shape is looked
  // for under every type, its number under the listing's type only: an
  // HRM1000 with a serial of the HRM4000's range is not the recalled HRM1000
  // as stated.
  if (batch.starts_with(kSerialMark)) {
    batch.remove_prefix(kSerialMark.size());
    CodeNumber serial;
    const std::string s = ComparableBatch(batch);
    // Digits alone ("20230817") are read as a lot or a date as often.
    if (!SplitCodeNumber(s, &serial) || serial.head.empty()) return true;
    thread_local std::string serial_buffer;
    bool comparable = false;
    for (const std::string& listed : entries) {
      std::string_view entry = listed, entry_type;
      SplitTypedBatches(listed, &entry_type, &entry);
      const std::string folded = NormalizeForMatching(entry);
      for (const std::string_view w : BatchWords(folded, &serial_buffer)) {
        const std::string c = ComparableBatch(w);
        CodeNumber code;
        if (!c.empty() && SplitCodeNumber(c, &code) && code.head == serial.head && code.digits.size() == serial.digits.size()) comparable = true;
      }
    }
    if (!comparable) return true;
  }
  const std::string b = ComparableBatch(batch);
  if (b.empty()) return true;
  const std::vector<std::pair<int, int>> batch_dates = DateReadings(batch);
  thread_local std::string buffer;
  // Whether one code of the notice is the listing's: the same, or one the
  // other with a sub-lot's letters after it ("2218-A" of "2218").
  const auto same = [&b](std::string_view code) {
    const std::string c = ComparableBatch(code);
    if (c.empty()) return false;
    const auto sub_lot = [](const std::string& longer, const std::string& shorter) {
      return longer.size() > shorter.size() && longer.size() - shorter.size() <= 2 && longer.starts_with(shorter) &&
             std::all_of(longer.begin() + static_cast<std::ptrdiff_t>(shorter.size()), longer.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    };
    return c == b || sub_lot(b, c) || sub_lot(c, b);
  };
  bool limited = false;  // whether an entry limits the listing's type
  for (const std::string& listed : entries) {
    // "E2037: 2318, 2319 and 2322": type E2037's batches, which limit
    // nothing of another type the listing is matched on.
    std::string_view entry = listed, entry_type;
    if (SplitTypedBatches(listed, &entry_type, &entry) && !type.empty() && CompactAlnum(entry_type) != type) continue;
    limited = true;
    const std::string folded = NormalizeForMatching(entry);
    const std::vector<std::string_view> words = BatchWords(folded, &buffer);
    // A field of other identifiers (an article reference "REF 3985250", an
    // order "ORD ...", serial numbers) limits nothing a listing's batch can
    // be compared with: every word a code, a joining word or a colon.
    static const std::unordered_set<std::string_view> kJoins = {"-", "to", "through", "thru", "and", "bis", "from", "till", "until",
                                                                "&", ":", ",", "a", "al", "do", "od", "i", "y", "et", "und", "e"};
    const bool codes_only = std::all_of(words.begin(), words.end(), [](std::string_view w) {
      return kJoins.count(w) != 0 || std::any_of(w.begin(), w.end(), IsAsciiDigit);
    });
    if (!codes_only) return true;
    if (same(entry)) return true;
    // Dates compare as dates, read in any order; a date against a code
    // that is no date cannot be compared.
    const std::vector<std::pair<int, int>> entry_dates = DateReadings(entry);
    if (!entry_dates.empty() || !batch_dates.empty()) {
      // Two numbers of as many digits, one of which could be read as a
      // date ("052024" against "314017"), are codes, and not the same.
      const std::string e = CompactAlnum(entry), l = CompactAlnum(batch);
      const bool digits_alike = e.size() == l.size() && std::all_of(e.begin(), e.end(), IsAsciiDigit) && std::all_of(l.begin(), l.end(), IsAsciiDigit);
      if ((entry_dates.empty() || batch_dates.empty()) && digits_alike) continue;
      if (entry_dates.empty() || batch_dates.empty()) return true;
      for (const auto& d : entry_dates)
        if (std::find(batch_dates.begin(), batch_dates.end(), d) != batch_dates.end()) return true;
      continue;
    }
    // Ranges compare the last run of digits under the same head ("23W17 -
    // 23W46").
    CodeNumber listing_number;
    const bool numbered = SplitCodeNumber(b, &listing_number);
    const auto in_range = [&](std::string_view first, std::string_view last) {
      const std::string low = ComparableBatch(first), high = ComparableBatch(last);
      CodeNumber lo, hi;
      return SplitCodeNumber(low, &lo) && SplitCodeNumber(high, &hi) && lo.head == listing_number.head && hi.head == listing_number.head &&
             lo.digits.size() == hi.digits.size() && listing_number.digits.size() == lo.digits.size() && lo.value <= listing_number.value &&
             listing_number.value <= hi.value;
    };
    for (size_t i = 0; i < words.size(); ++i) {
      if (same(words[i])) return true;
      // Each part of a pair ("20245-220722": a lot and a date).
      for (size_t from = 0; from < words[i].size();) {
        const size_t dash = std::min(words[i].find('-', from), words[i].size());
        if (dash < words[i].size() && same(words[i].substr(from, dash - from))) return true;
        if (dash == words[i].size() && from > 0 && same(words[i].substr(from))) return true;
        from = dash + 1;
      }
      if (!numbered) continue;
      // "2301 to 2352", "From MCJF-1000031 to MCJF-1005100" as three words,
      // or "L2301-L2352" as one.
      if (i + 2 < words.size() && (words[i + 1] == "-" || words[i + 1] == "to" || words[i + 1] == "through" || words[i + 1] == "thru" ||
                                   words[i + 1] == "bis") &&
          in_range(words[i], words[i + 2]))
        return true;
      if (const size_t dash = words[i].find('-'); dash != std::string_view::npos && dash > 0 && dash + 1 < words[i].size() &&
                                                  in_range(words[i].substr(0, dash), words[i].substr(dash + 1)))
        return true;
    }
  }
  return !limited;
}

}  // namespace conform::recalls
