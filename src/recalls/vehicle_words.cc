#include "vehicle_words.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "conform/core/text.h"
#include "conform/recalls/model_number.h"
#include "conform/recalls/text_similarity.h"
#include "text_words.h"

namespace conform::recalls {

// Whether a product name's last word names a whole vehicle.
bool IsVehicleWord(std::string_view w) {
  static constexpr std::string_view kVehicles[] = {
      "car",   "cars",    "vehicle", "vehicles", "van",    "vans",      "motorcycle", "motorcycles", "motorbike", "truck",  "trucks",
      "lorry", "bus",     "coach",   "quad",     "atv",    "moped",     "tractor",    "motorhome",   "caravan",   "pickup", "minibus",
      "suv",   "snowmobile", "scooter"};
  return std::find(std::begin(kVehicles), std::end(kVehicles), w) != std::end(kVehicles);
}

// A letter or a Roman numeral up to X, folded: what ends a vehicle
// model's name to mark its generation ("Astra L", "Koleos II").
bool IsGenerationMark(std::string_view w) {
  static constexpr std::string_view kRoman[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"};
  return (w.size() == 1 && w[0] >= 'a' && w[0] <= 'z') || std::find(std::begin(kRoman), std::end(kRoman), w) != std::end(kRoman);
}

// The words for a maker's class and series in the languages sellers
// write ("A-Klasse", "Classe A", "Serie 3", "3 sorozat").
const std::unordered_set<std::string_view> kClassWords = {"class", "klasse", "classe", "clase", "klasa", "klasy", "trida",
                                                          "trieda", "osztaly", "klass", "klassen"};

// The numbered model lines a vehicle's name or title (folded words) gives
// as the makers number them: Mercedes-Benz's classes, by their letter
// ("A-Class", "A-Klasse", "Classe A", "Klasa A") or a model's name ("A
// 200", "C220d", "E 300 de", "S 580"), and BMW's series ("3 Series",
// "5series", "Serie 3", "3er", or a model's: "320d", "118i", "530e",
// "740Li", "M340i"): "aclass", "3series". A number alone is no BMW model
// ("320" is not: BMW's have a letter after).
std::vector<std::string> NumberedModelLines(const std::vector<std::string_view>& words) {
  const auto class_letter = [](std::string_view w) {
    return w.size() == 1 && std::string_view("abcegrstvx").find(w[0]) != std::string_view::npos;
  };
  const auto series_digit = [](std::string_view w) { return w.size() == 1 && w[0] >= '1' && w[0] <= '8'; };
  // A class's model number: three digits in tens ("200", "220", "580") or
  // an AMG model's two ("35", "63"). Not a body's chassis code, a letter
  // and three digits that are no tens ("C253", "S206", "V223").
  const auto model_number = [](std::string_view digits) {
    if (digits.size() == 3) return digits[0] != '0' && digits[2] == '0';
    static const std::unordered_set<std::string_view> kAmg = {"35", "43", "45", "53", "55", "63", "65"};
    return digits.size() == 2 && kAmg.count(digits) != 0;
  };
  std::vector<std::string> lines;
  const auto add = [&lines](std::string line) {
    if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(std::move(line));
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    const std::string_view next = i + 1 < words.size() ? words[i + 1] : std::string_view();
    const std::string_view before = i > 0 ? words[i - 1] : std::string_view();
    // The model's number, and its letters run on ("220d", "300de").
    size_t digits = 0;
    while (digits < next.size() && IsAsciiDigit(next[digits])) ++digits;
    const bool model_next = digits > 0 && model_number(next.substr(0, digits)) && next.size() - digits <= 2 &&
                            std::all_of(next.begin() + digits, next.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (class_letter(w) && (kClassWords.count(next) != 0 || kClassWords.count(before) != 0 || model_next)) add(std::string(w) + "class");
    if (series_digit(w) && (kSeriesWords.count(next) != 0 || kSeriesWords.count(before) != 0)) add(std::string(w) + "series");
    // One word: "c220d", "a200"; "3series"; "3er"; "320d", "m340i".
    if (w.size() >= 3 && class_letter(w.substr(0, 1))) {
      size_t d = 1;
      while (d < w.size() && IsAsciiDigit(w[d])) ++d;
      if ((d == 3 || d == 4) && model_number(w.substr(1, d - 1)) && w.size() - d <= 2 &&
          std::all_of(w.begin() + d, w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        add(std::string(w.substr(0, 1)) + "class");
    }
    if (w.size() >= 2 && series_digit(w.substr(0, 1))) {
      const std::string_view rest = w.substr(1);
      if (rest == "series" || rest == "er") add(std::string(w.substr(0, 1)) + "series");
    }
    const std::string_view model = w.size() > 1 && w[0] == 'm' ? w.substr(1) : w;
    if (model.size() >= 4 && model.size() <= 5 && series_digit(model.substr(0, 1)) && IsAsciiDigit(model[1]) && IsAsciiDigit(model[2]) &&
        std::all_of(model.begin() + 3, model.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      static const std::unordered_set<std::string_view> kSuffixes = {"d", "i", "e", "li", "xd", "xi", "sd", "de", "le"};
      if (kSuffixes.count(model.substr(3)) != 0) add(std::string(model.substr(0, 1)) + "series");
    }
  }
  return lines;
}

// Whether a compacted code ends with the name of a BMW drive and its power
// class after a model ("I5EDRIVE40", "X3XDRIVE30I"; "XDRIVE30I" alone is a
// specification, model_number.cc).
bool EndsWithADrive(std::string_view code) {
  for (const std::string_view drive : kVehicleDriveNames) {
    const size_t at = code.find(drive);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view rest = code.substr(at + drive.size());
    size_t digits = 0;
    while (digits < rest.size() && IsAsciiDigit(rest[digits])) ++digits;
    if (digits >= 1 && digits <= 2 && rest.size() - digits <= 2 && AllLetters(rest.substr(digits))) return true;
  }
  return false;
}

// A model of letters and a number parted by a full stop ("ID.7"), run
// together in lower case as sellers write it ("id7"); empty for another
// token. A vehicle alert's name and a listing's title are keyed so.
std::string DottedModelJoined(std::string_view token) {
  const size_t dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == token.size() || token.size() > 6 ||
      token.find('.', dot + 1) != std::string_view::npos)
    return {};
  const std::string_view left = token.substr(0, dot), right = token.substr(dot + 1);
  if (!std::all_of(left.begin(), left.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }) ||
      !std::all_of(right.begin(), right.end(), IsAsciiDigit))
    return {};
  return AsciiLower(std::string(left) + std::string(right));
}

const std::unordered_set<std::string_view> kSeriesWords = {"series", "serie", "seria", "serii", "sorozat", "rada", "reeks"};

// The powertrains a listing's title (folded) names: its words for an
// electric car, a hybrid of a kind, a battery's capacity ("54 kWh": an
// electric car's or a plug-in hybrid's), a fuel. A fuel alone is a
// combustion engine's, or a mild hybrid's, which sellers seldom name. 0
// when it names none.
uint8_t PowertrainsNamed(std::string_view title) {
  static const std::unordered_set<std::string_view> kElectric = {
      "bev",        "ev",         "electric",  "elektrisch", "elektrische", "elektro",    "elektroauto", "elektrofahrzeug",
      "electrique", "electrico",  "electrica", "elettrica",  "elettrico",   "elektryczny", "elektryczna", "elektryczne",
      "elektrisk",  "elbil",      "sahkoauto", "elektromos", "elektricky"};
  static const std::unordered_set<std::string_view> kPlugIn = {"phev", "4xe", "rechargeable", "enchufable", "plugin"};
  // A fuel cell's, and the hydrogen it runs on.
  static const std::unordered_set<std::string_view> kFuelCellWords = {"fcev",     "brennstoffzelle", "brennstoffzellen", "wasserstoff",
                                                                      "hydrogen", "hydrogene",       "idrogeno",         "hidrogeno",
                                                                      "waterstof", "wodor",          "wodorowy",         "vatgas"};
  static const std::unordered_set<std::string_view> kHybrid = {"hybrid", "hybride", "ibrida", "ibrido", "hibrido", "hibrida",
                                                             "hybryda", "hybrydowy", "hybrydowa", "hybridni", "hibrid"};
  static const std::unordered_set<std::string_view> kFuel = {"diesel",  "benzin", "benziner", "petrol", "gasoline", "essence", "benzina",
                                                           "gasolina", "tdi",    "tsi",      "tfsi",   "hdi",      "bluehdi", "dci",
                                                           "crdi",    "cdi",    "multijet", "jtd",    "jtdm",     "tdci",    "gasolio",
                                                           "benzyna", "lpg",    "cng"};
  thread_local std::vector<std::string_view> words;
  SplitWords(title, &words);
  uint8_t bits = 0;
  bool hybrid = false, hybrid_kind = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    const std::string_view next = i + 1 < words.size() ? words[i + 1] : std::string_view();
    if (kElectric.count(w) != 0) {
      bits |= kBatteryElectric;
    } else if (kFuelCellWords.count(w) != 0 || (w == "fuel" && next == "cell")) {
      bits |= kFuelCell;
    } else if (w == "recharge") {  // Volvo's name for its electric cars and its plug-in hybrids
      bits |= kBatteryElectric | kPlugInHybrid;
      hybrid_kind = true;
    } else if (kPlugIn.count(w) != 0 || (w == "plug" && (next == "in" || next == "hybrid"))) {
      bits |= kPlugInHybrid;
      hybrid_kind = true;
    } else if (w == "mhev" || (w == "mild" && (next == "hybrid" || next == "hybride"))) {
      bits |= kMildHybrid;
      hybrid_kind = true;
    } else if (w == "hev" || w == "vollhybrid" || (w == "full" && next == "hybrid")) {
      bits |= kFullHybrid;
      hybrid_kind = true;
    } else if (kHybrid.count(w) != 0) {
      hybrid = true;
    } else if (kFuel.count(w) != 0) {
      bits |= kCombustion | kMildHybrid;
    } else if (w.size() >= 3 && w.ends_with("kwh") && (w.size() == 3 ? i > 0 && IsAsciiDigit(words[i - 1].back()) : IsAsciiDigit(w[w.size() - 4]))) {
      bits |= kBatteryElectric | kPlugInHybrid | kFuelCell;  // a fuel cell vehicle's battery too
    }
  }
  if (hybrid && !hybrid_kind) bits |= kPlugInHybrid | kMildHybrid | kFullHybrid;
  return bits;
}

}  // namespace conform::recalls
