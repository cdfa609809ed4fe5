// The words that name, in a listing's title, an accessory of a product, a
// part made for it or goods sold under its name: AccessoryNamed
// (made_for.h) reads them. Data apart from the reading, in the languages
// sellers write; each list says what its words mean.
#ifndef CONFORM_RECALLS_ACCESSORY_WORDS_H_
#define CONFORM_RECALLS_ACCESSORY_WORDS_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace conform::recalls {

// An accessory's word ("case", "screen protector", "θήκη"), with
// code_too: an accessory also of a listing that names the notice's code,
// not only its brand and name.
struct AccessoryWord {
  std::string_view word;
  bool code_too;
  // A part of a device, which the device's own listings name as a
  // feature after its name ("Cordless Stick Vacuum, HEPA Filter",
  // "projector + tripod"): an accessory only when the title does not
  // list it after a comma or such.
  bool part = false;
  // An accessory only when the title names nothing else but it, the
  // brand and the code: a remote control, which titles list as a
  // feature of the product too.
  bool alone = false;
  // What some products' own listings call them, which AccessoryNamed
  // does not take for an accessory of such a product.
  enum class Also : uint8_t { kNothing, kChargingStation, kCable } also = Also::kNothing;
};

// Words of titles in Latin and Greek letters, folded as titles are
// ("Schutzhülle" is "schutzhulle", "étui" "etui"), whole words.
std::span<const AccessoryWord> AccessoryWords();
// Chinese, Japanese, Korean and Thai ones, written without spaces: found
// anywhere in a title.
std::span<const AccessoryWord> CjkAccessoryWords();

// Parts and spares made for a device, in Chinese, Japanese and Korean, as
// AccessoryWords' parts: a cable, a power adapter, a remote control, a
// filter, a tripod, a door seal, a handle. `english` is the kind a notice
// names in English (a cable's own recall is no accessory of it).
struct CjkPart {
  std::string_view word, english;
  // A part the goods only as the head of its phrase: a
  // door seal or a handle, which appliances' titles name as features.
  bool head_only = false;
};

std::span<const CjkPart> CjkParts();

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_ACCESSORY_WORDS_H_
