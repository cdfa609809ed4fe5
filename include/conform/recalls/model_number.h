// Model and type numbers in free text.
//
// Recall notices and listings name a product by brand and a manufacturer's
// code ("KDL-40EX500", "WH-1000XM4", "SX-12/B"), written with or without
// separators and often glued to other words. Codes are the strongest evidence
// that two texts describe the same product; quantities with units ("500W",
// "64GB", "1080p", "3.5mm", "USB3.0") look alike but describe a
// specification that many products share, so they are kept apart as specs.
#ifndef CONFORM_RECALLS_MODEL_NUMBER_H_
#define CONFORM_RECALLS_MODEL_NUMBER_H_

#include <string>
#include <string_view>
#include <vector>

namespace conform::recalls {

// A code found in text.
struct ModelCode {
  std::string normalized;  // upper case, separators removed: "KDL40EX500"
  // `normalized` without 1 to 3 trailing letters after its last digit
  // ("LDS4821WW" -> "LDS4821", "SX12B" -> "SX12"), when what is left still
  // mixes letters and digits and has at least 4 characters; else empty.
  // Makers append finish, colour and region letters to a base model (BK,
  // WH, SS, /B, E), and two sellers often disagree about them; a stem match
  // is weaker evidence than an exact one and is reported apart.
  std::string stem;
  size_t offset = 0;  // byte offset of the code in the text it came from
  size_t length = 0;  // bytes it spans there, separators included
};

// A quantity with a unit or a named interface version, normalised to upper
// case with '.' kept inside numbers: "3.5MM", "64GB", "1080P", "USB3.0",
// "4IN1", "12X18".
struct Spec {
  std::string normalized;
  size_t offset = 0;
};

struct CodesAndSpecs {
  std::vector<ModelCode> codes;
  std::vector<Spec> specs;
};

// Scans `text` for codes and specs, in order of appearance. Only ASCII letters
// and digits make up codes; callers normalise first (NormalizeForMatching)
// so that full-width forms count. A candidate is a run of letters and digits
// joined by single '-', '/', '.' or '_'. It is:
//   - a spec when it is a number (optionally decimal) followed by a unit
//     (W, V, mAh, GB, GHz, mm, in, p, fps, x, pack, ...), an ordinal ("4th"),
//     "N-in-1", a dimension ("12x18") or a known interface or format name with
//     a version (USB, HDMI, DDR, MP3, MPEG-4, Cat6, IP68, ...);
//   - otherwise, a code when it mixes letters and digits in at least 3
//     characters, or is a digit run of at least 5 digits (separators aside)
//     that is neither a round quantity (12000) nor a list ("10/100/1000").
// A candidate with a part that is a quantity ("1080p/24fps"), a decimal number
// ("f/3.5-5.6") or a year among other numbers ("2019-2020") is judged part
// by part. Bare numbers, years and words are neither.
CodesAndSpecs ExtractCodesAndSpecs(std::string_view text);

// Whether `text` is four digits from 1900 to 2099: a year, as model
// numbers, batches and dates are told from one.
bool IsYear(std::string_view text);
// Whether `text` is a model year as written after "MY": two digits or a
// year ("22" of "MY22", "2022" of "MY2022").
bool IsModelYearDigits(std::string_view text);

// A code split before its last run of digits (1 to 12 of them): "CD-1801"
// is head "CD-", digits "1801", value 1801; "23W17" is "23W" and 17. False
// when the code ends in no digit, or holds before its digits something
// other than letters, digits, "-", "." and "_". Ranges of models and of
// batch codes are read with it.
struct CodeNumber {
  std::string_view head, digits;
  uint64_t value = 0;
};
bool SplitCodeNumber(std::string_view code, CodeNumber* out);

// Just the codes of ExtractCodesAndSpecs.
std::vector<ModelCode> ExtractModelCodes(std::string_view text);

// Whether `compact`, an output of CompactAlnum, is as a whole a code:
// whether ExtractModelCodes(compact) finds exactly one code spanning it.
// `stem` gets that code's stem (empty when false). Cheaper than the scan,
// for model attributes that are compacted anyway.
bool IsWholeCompactCode(std::string_view compact, std::string* stem);

// Upper case with everything but ASCII letters and digits removed: the form
// in which a code is looked for inside another text ("KDL 40EX500" and
// "kdl-40ex500" both become "KDL40EX500").
std::string CompactAlnum(std::string_view text);

// Whether a model attribute (a field meant for the model or type number)
// names one model: when it holds a code as ExtractModelCodes reads them,
// or is one token of at least 3 letters and digits (separators aside) that
// is not a placeholder ("Various", "Unknown", "N/A", "Standard"), a year,
// a spec ("4-in-1", "2-pack") or an interface name ("USB-C", "HDMI").
// Letter-only codes and short numbers ("WPEUSDVDRT", "7653") name models
// there, though not in free text; so do several words with digits among
// them ("ivisa 50 light", "SCG 2") unless each says no model ("USB-C 2.0");
// words alone ("matte white") do not.
bool ModelAttributeNamesAModel(std::string_view model);

// BMW's names of its drives, which come with the engine's power class
// ("xDrive30i", "sDrive18d", "eDrive40"), in the upper case of codes: as
// "4MATIC" is Mercedes-Benz's, every model of a line has one and none
// names a model. The scanner reads them as specifications; the matcher
// drops a code that ends in one.
inline constexpr std::string_view kVehicleDriveNames[] = {"XDRIVE", "SDRIVE", "EDRIVE"};

// Whether a word after a number makes the number a quantity, not a name:
// a unit as specs are read ("ml", "pcs", "mAh", in any case) or a count of
// pieces in the languages sellers write, in lower case as NormalizeText
// leaves it ("3511 teile", "500 pièces", "100 sztuk").
bool IsQuantityWord(std::string_view word);

// Whether `token` alone (separators allowed) would be taken as a code.
bool LooksLikeModelCode(std::string_view token);

// Whether `token` is read as a code in a list a model label opens: one
// LooksLikeModelCode takes, or letters and digits joined by separators,
// which the label says are one code ("BCD-215V-62H", where "215V" alone
// would read as a voltage).
bool ListedModelCode(std::string_view token);

// The model numbers a text names as such, as written: the codes
// (LooksLikeModelCode) after "model", "models", "model number(s)", "model
// no.", "model #", "item number", "style number" or "part number", as CPSC
// and Health Canada write them in prose ("model number E33A", "Model No:
// UMCDB01", "models 40041, 40003 and 16154", "BSFIREPIT01 (UPC code ...)").
// A list ends at the first word that is neither a code (ListedModelCode)
// nor "and", "or", "&"; a label whose next word is no code reads the list
// after a colon later in its sentence ("the following model numbers are
// recalled: A, B"). Each once, in order; at most kMaxLabelledModels.
// A code followed by a word that names another model of its range ("Model:
// HD-2200X Plus") is given with the word: "HD-2200X Plus".
inline constexpr size_t kMaxLabelledModels = 16;
std::vector<std::string> LabelledModelNumbers(std::string_view text);

// The model numbers a seller's description labels as the product's own: as
// LabelledModelNumbers, but a label that follows "for", "fits", "works
// (with)", "compatible", "suitable", "replaces" or "replacement", at most
// six words back in its sentence, names what an accessory or spare goes
// with ("Replacement battery for model BL1830"), and is passed over.
std::vector<std::string> OwnLabelledModelNumbers(std::string_view description);

// Model ranges and shorthand lists as regulators write them, expanded to
// the codes they stand for, each written as the first is:
//   - a range: the first and last code with the same letters and
//     separators before digits of one length, the last above the first and
//     at most kMaxModelRange codes in all, joined by "-", "to", "through",
//     "thru", "~" or "bis" ("8801-8809", "SK2210 to SK2219", "CD-1801
//     through CD-1812"; not "DH35-01", "100-240" or "2021-0123");
//   - the last digits written again after "/" ("12345/6/7": 12345, 12346,
//     12347), or codes of digits only parted by "/" ("3301/3302/3303");
//   - a prefix left out after the first code ("HB-100, -200 and -300").
// Ranges are expanded only from codes of 3 characters or more.
inline constexpr size_t kMaxModelRange = 100;
// The codes a model attribute's entry stands for, when it is one of the
// forms above as a whole; empty otherwise (a single code, or words).
std::vector<std::string> ExpandModelEntry(std::string_view entry);
// The codes of the ranges and shorthand lists a text's prose names after a
// model label ("model numbers 4120 through 4135", "models SK2210 to
// SK2219", "item numbers 70231-70236", "model numbers DH35-01 through
// DH35-09 and DH50-01 through DH50-04", "model numbers HB-100, -200 and
// -300"), in order, each once; at most 4 * kMaxModelRange.
std::vector<std::string> ModelRangesInText(std::string_view text);

// Whether a word, in lower case as NormalizeForMatching leaves it, says
// that a product named after it is what the listing's product goes with:
// "for", "fits", "compatible", "replacement" and their counterparts in the
// languages sellers write ("für", "pour", "для", "适用" inside a word).
bool SaysWhatItGoesWith(std::string_view word);
// Whether a word after such a word says whom or where the product is for,
// not which product it goes with: "suitable for children", "für Kinder",
// "pour enfants", "for indoor use". An identifier after it in the same
// sentence is the product's own.
bool SaysWhomItIsFor(std::string_view word);

// Whether `word` (lower case) is a word for "number" as labels write it
// after "model" or "item" ("No", "Nr", "numéro", "№", "номер"), or in a
// list of them ("Nos").
bool IsNumberWord(std::string_view word);

// Whether `word` (any case) names, after a model code, another model of the
// range: "Plus", "Pro", "Max", "Ultra", "Mini", "Lite", "Neo", "Evo",
// "Elite", "ProMax" ("HD-2200X Plus", "S24 Ultra", "KX450Pro"). Not "Air"
// ("TP07 Air Purifier"), "XL" (a garment's size), "Slim" or "Turbo", which
// as often say what the product is.
bool IsModelVariantWord(std::string_view word);
// IsModelVariantWord for a word of a folded text (lower case), also as
// Korean and Japanese write those words ("프로", "플러스", "プロ", "プラス";
// not "라이트" or "ライト", which are "light" as often) and with a Chinese
// word for "edition" or "model" joined to it ("plus版", "pro款", "max型").
bool IsModelVariantWordInText(std::string_view word);
// The word IsModelVariantWordInText accepts in upper-case English ("프로",
// "pro版" and "pro" are "PRO"), so that codes written with it compare; empty
// for any other word.
std::string_view ModelVariantWordInEnglish(std::string_view word);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_MODEL_NUMBER_H_
