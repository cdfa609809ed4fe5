// Words of vehicles as alerts and sellers write them: the words that
// name a vehicle, its model lines ("C-Class", "Série 3"), generations
// ("II", "Mk7"), BMW's drives and models parted by a full stop ("ID.7").
#ifndef CONFORM_RECALLS_VEHICLE_WORDS_H_
#define CONFORM_RECALLS_VEHICLE_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace conform::recalls {

// Whether a product name's last word names a whole vehicle.
bool IsVehicleWord(std::string_view w);

// A letter or a Roman numeral up to X, folded: what ends a vehicle
// model's name to mark its generation ("Astra L", "Koleos II").
bool IsGenerationMark(std::string_view w);

// The words for a maker's class and series in the languages sellers
// write ("A-Klasse", "Classe A", "Serie 3", "3 sorozat").
extern const std::unordered_set<std::string_view> kClassWords;

// The numbered model lines a vehicle's name or title (folded words) gives
// as the makers number them: Mercedes-Benz's classes, by their letter
// ("A-Class", "A-Klasse", "Classe A", "Klasa A") or a model's name ("A
// 200", "C220d", "E 300 de", "S 580"), and BMW's series ("3 Series",
// "5series", "Serie 3", "3er", or a model's: "320d", "118i", "530e",
// "740Li", "M340i"): "aclass", "3series". A number alone is no BMW model
// ("320" is not: BMW's have a letter after).
std::vector<std::string> NumberedModelLines(const std::vector<std::string_view>& words);

// Whether a compacted code ends with the name of a BMW drive and its power
// class after a model ("I5EDRIVE40", "X3XDRIVE30I"; "XDRIVE30I" alone is a
// specification, model_number.cc).
bool EndsWithADrive(std::string_view code);

// A model of letters and a number parted by a full stop ("ID.7"), run
// together in lower case as sellers write it ("id7"); empty for another
// token. A vehicle alert's name and a listing's title are keyed so.
std::string DottedModelJoined(std::string_view token);

// Powertrains, one bit each, as a vehicle alert's names and a listing's
// title give them (MatchRecord::name_powertrains).
enum Powertrain : uint8_t {
  kBatteryElectric = 1,  // "BEV", "EV", "electric"
  kPlugInHybrid = 2,     // "PHEV", "Plug-In-Hybrid"
  kMildHybrid = 4,       // "MHEV"
  kFullHybrid = 8,       // "HEV"
  kCombustion = 16,      // a listing's fuel alone ("Diesel", "TDI")
  kFuelCell = 32,        // "FCEV", "Fuel Cell", "Wasserstoff"
};

// The powertrains a listing's title (folded) names: its words for an
// electric car, a hybrid of a kind, a battery's capacity ("54 kWh": an
// electric car's or a plug-in hybrid's), a fuel. A fuel alone is a
// combustion engine's, or a mild hybrid's, which sellers seldom name. 0
// when it names none.
uint8_t PowertrainsNamed(std::string_view title);

// Words for a series after a model's number ("3 Series", "Seria 5").
extern const std::unordered_set<std::string_view> kSeriesWords;

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_VEHICLE_WORDS_H_
