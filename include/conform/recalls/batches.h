// Batch, lot, date and serial codes: those a listing states and those a
// notice limits its recall to, and whether the one is among the other.
//
// A notice that names batches recalls only those: the matcher reviews,
// rather than takes down, a listing that states only batches the notice's
// entries do not cover. What a listing states is read from its text
// (ReadBatches); what a notice names is its batch field's entries and the
// code ranges its text gives (CodeRangesIn).
#ifndef CONFORM_RECALLS_BATCHES_H_
#define CONFORM_RECALLS_BATCHES_H_

#include <string>
#include <string_view>
#include <vector>

namespace conform::recalls {

// The batch, lot and date codes a text (NormalizeForMatching's) labels, as
// written, in capitals: "batch 2401", "batch no. L-2301", "date code
// 2340", "Lot: A123", "Charge: 2401", "lote: 2401", "Ch.-B.: 8812", "nr
// partii 5521", "šarža", "tételszám", "eränumero", "партида", "παρτίδα"
// and the labels of the EU's other languages, "批次：2401", and those
// listed after one ("batch: 2218,
// 2341"); a number in groups whole ("Lotto: 0909 700696"). "Lot",
// "Charge", "lote", "lotto", "partia" count only before a colon, "#", a
// number word or a code of four characters or more ("a lot of 5", "fast
// charge 65W"). A code has a digit and 3 to 20 letters and digits; a
// quantity ("Lot: 100 pcs") or a year ("New batch 2024") is none. A unit's
// serial number ("Serial number:", "S/N", "Seriennummer", "numéro de
// série") is read too, marked "SN " before it ("SN MCPF-1005000"), which
// BatchesCover compares only with a notice's codes of its shape.
std::vector<std::string> ReadBatches(std::string_view folded);
// The ranges of date, lot or batch codes a notice's text names, each as
// "FIRST-LAST": "date codes 2301 through 2335", "all lot codes between 2301
// and 2352", "batch numbers 2301-2352".
std::vector<std::string> CodeRangesIn(std::string_view folded);
// Whether a notice's batch entries cover a listing's batch code `batch`:
// an entry equal to it, one of an entry's codes ("L2301, L2302") or parts
// ("20245-220722"), or inside a range of an entry ("2301-2352", "2301 to
// 2352", "23W17 - 23W46", "From MCJF-1000031 to MCJF-1005100": the same
// letters before digits of one length). Codes compare without leading
// zeros or a lot marker ("09918" and "9918", "L40820" and "40820"), with
// a sub-lot's letters ("2218-A" of "2218") and O and I read as 0 and 1;
// dates compare as dates in any order ("04/2022" and "2022/04"), and a
// date against a code that is none cannot be compared (covered), unless
// both are numbers of as many digits ("052024" and "314017": codes). Entries
// holding other identifiers ("REF 3985250", "All") limit nothing: covered.
// An entry of one type's batches ("E2037: 2318, 2319", SplitTypedBatches)
// limits only that type: with `type`, the compact code (CompactAlnum) the
// listing is matched on, another type's entries are passed over, and a
// listing of a type no entry limits is covered.
bool BatchesCover(const std::vector<std::string>& entries, std::string_view batch, std::string_view type = {});

// Whether a text, before it is normalised, holds one of ReadBatches's
// labels in any case (a text with characters outside ASCII always may): a
// cheap look, so that most texts are read no further.
bool MayLabelABatch(std::string_view text);

// What ReadBatches writes before a serial number's value ("SN MCPF-1005000").
inline constexpr std::string_view kSerialMark = "SN ";

// A batch as a sentence names it: "serial number X" for one marked
// kSerialMark, the batch as it is otherwise.
std::string BatchInWords(const std::string& batch);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_BATCHES_H_
