#include "conform/recalls/batches.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conform::recalls {
namespace {

TEST(BatchesTest, ListingsBatchAndSerialCodesAreRead) {
  EXPECT_EQ(ReadBatches("batch 2401, date code 2340. lot: l-2301"), (std::vector<std::string>{"2401", "2340", "L-2301"}));
  EXPECT_EQ(ReadBatches("charge: 2401; lote nº 77a1; 批次:2401"), (std::vector<std::string>{"2401", "77A1"}));
  EXPECT_EQ(ReadBatches("lot 23045, lotto 230415, charge 02114455, nr partii 5521a, ch.-b.: 8812"),
            (std::vector<std::string>{"23045", "230415", "02114455", "5521A", "8812"}));
  EXPECT_EQ(ReadBatches("batch: 2218, 2341"), (std::vector<std::string>{"2218", "2341"}));
  EXPECT_EQ(ReadBatches("lotto: 0909 700696"), std::vector<std::string>{"0909700696"});
  // The labels of the EU's other languages, as NormalizeForMatching leaves
  // them (lower case, accents kept).
  for (const char* text : {"číslo šarže: 2401a", "šarža 2401a", "gyártási tétel: 2401a", "tételszám: 2401a", "sarzsszám 2401a",
                           "partinummer: 2401a", "satsnummer 2401a", "eränumero: 2401a", "erä: 2401a", "partijos numeris: 2401a",
                           "partijas numurs 2401a", "partii number: 2401a", "partij: 2401a", "партида: 2401a", "партиден номер 2401a",
                           "αριθμόσ παρτίδασ: 2401a", "παρτίδα 2401a", "serija: 2401a", "broj serije 2401a", "numer serii: 2401a"})
    EXPECT_EQ(ReadBatches(text), std::vector<std::string>{"2401A"}) << text;
  // Not a quantity, a year or a word in another sense.
  for (const char* text : {"a lot of fun, fast charge 65w, batch of 12 cookies", "charge: 65w pd fast charging. batch 20pcs",
                           "batch: 500 pcs per carton", "lot: 100 pcs", "lotto: 120 pezzi", "new batch 2024 just arrived", "charge: 2023",
                           "lot de 3", "lote 2 unidades", "partij van 3 stuks", "1. erä alkaa", "politická partija 2", "era x100 series"})
    EXPECT_TRUE(ReadBatches(text).empty()) << text;
  // A unit's serial number, which a notice's serial ranges place.
  for (const char* text : {"serial number: mcpf-1005000", "s/n: mcpf-1005000", "seriennummer mcpf-1005000", "serien-nr.: mcpf-1005000",
                           "numéro de série : mcpf-1005000", "número de serie mcpf-1005000", "numero di serie: mcpf-1005000",
                           "numer seryjny: mcpf-1005000", "serienummer: mcpf-1005000"})
    EXPECT_EQ(ReadBatches(text), std::vector<std::string>{"SN MCPF-1005000"}) << text;
  for (const char* text : {"usb serial adapter for arduino", "serial port cable 2m", "modèle de série x200 à vendre", "serial 2024 edition"})
    EXPECT_TRUE(ReadBatches(text).empty()) << text;
}

TEST(BatchesTest, MayLabelABatchPassesEveryLabelledText) {
  for (const char* text : {"Batch 2401", "DATE CODE 2340", "Lot: L-2301", "Charge 02114455", "S/N MCPF-1005000", "Serial number: X1",
                           "šarža 2401a", "批次:2401"})
    EXPECT_TRUE(MayLabelABatch(text)) << text;
  EXPECT_FALSE(MayLabelABatch("Wooden toy train, 12 pieces"));
  EXPECT_TRUE(MayLabelABatch("USB-C fast charger 65W"));  // "charge": a look, not a reading
  EXPECT_FALSE(MayLabelABatch("Kids' helmet, size M"));
  EXPECT_EQ(BatchInWords("SN MCPF-1005000"), "serial number MCPF-1005000");
  EXPECT_EQ(BatchInWords("L2301"), "L2301");
}

TEST(BatchesTest, NoticesCodeRangesAreRead) {
  EXPECT_EQ(CodeRangesIn("only hair dryers with date codes 2301 through 2335 are included"), std::vector<std::string>{"2301-2335"});
  EXPECT_EQ(CodeRangesIn("all lot codes between 2301 and 2352"), std::vector<std::string>{"2301-2352"});
  EXPECT_EQ(CodeRangesIn("batch numbers l2301-l2352"), std::vector<std::string>{"L2301-L2352"});
  EXPECT_TRUE(CodeRangesIn("date codes ranging from december 2018 through december 2020").empty());
}

TEST(BatchesTest, ANoticesEntriesCoverTheBatchesTheyName) {
  EXPECT_TRUE(BatchesCover({"2301-2352"}, "2352"));
  EXPECT_FALSE(BatchesCover({"2301-2352"}, "2353"));
  EXPECT_FALSE(BatchesCover({"2301-2352"}, "23012"));
  EXPECT_TRUE(BatchesCover({"L2301 - L2352"}, "L2340"));
  EXPECT_FALSE(BatchesCover({"L2301 - L2352"}, "K2340"));
  EXPECT_TRUE(BatchesCover({"L2301, L2302"}, "L2302"));
  EXPECT_TRUE(BatchesCover({"24-0117"}, "240117"));
  // A number that could be a date ("052024", May 2024) against codes of as
  // many digits: compared as codes (the swing alert A12/03255/24's batches).
  EXPECT_FALSE(BatchesCover({"122023", "314017"}, "052024"));
  EXPECT_TRUE(BatchesCover({"122023", "314017"}, "314017"));
  EXPECT_TRUE(BatchesCover({"122023", "314017"}, "12/2023"));
  EXPECT_TRUE(BatchesCover({"2022/04"}, "L40820"));  // a date against a code: not comparable
  // Batches listed per type, as IKEA's alert on its VARMFRONT power banks
  // lists them: each type's limit only that type.
  const std::vector<std::string> per_type = {"E2037: 2318, 2319 and 2322", "E20382: 2313, 2316, 2318 and 2319"};
  EXPECT_FALSE(BatchesCover(per_type, "2322", "E20382"));
  EXPECT_TRUE(BatchesCover(per_type, "2316", "E20382"));
  EXPECT_TRUE(BatchesCover(per_type, "2322", "E2037"));
  EXPECT_FALSE(BatchesCover(per_type, "2313", "E2037"));
  EXPECT_TRUE(BatchesCover(per_type, "2322"));          // the type not known: any type's
  EXPECT_FALSE(BatchesCover(per_type, "2399"));
  EXPECT_TRUE(BatchesCover(per_type, "2399", "E2039"));  // a type no entry limits
  // Or a range per type, the type in brackets after it (Honda's Miimo).
  const std::vector<std::string> ranges = {"From MCJF-1000031 to MCJF-1005100 (HRM1000)", "From MCPF-1000050 to MCPF-1003289 (HRM4000 Live)"};
  EXPECT_TRUE(BatchesCover(ranges, "MCPF-1001234", "HRM4000"));
  EXPECT_FALSE(BatchesCover(ranges, "MCJF-1002000", "HRM4000"));
  EXPECT_TRUE(BatchesCover(ranges, "MCJF-1002000", "HRM1000"));
  EXPECT_FALSE(BatchesCover(ranges, "MCPF-1009999", "HRM4000"));
  // As sellers write a batch the notice names: a date in another order,
  // leading zeros or a lot marker dropped or added, a sub-lot, O for 0.
  EXPECT_TRUE(BatchesCover({"2022/04"}, "04/2022"));
  EXPECT_TRUE(BatchesCover({"10/2022"}, "2022/10"));
  EXPECT_TRUE(BatchesCover({"2023-06"}, "06.2023"));
  EXPECT_TRUE(BatchesCover({"05-12-2022 A"}, "2022-12-05"));
  EXPECT_TRUE(BatchesCover({"202403"}, "03/2024"));
  EXPECT_FALSE(BatchesCover({"2022/04"}, "05/2022"));
  EXPECT_TRUE(BatchesCover({"09918"}, "9918"));
  EXPECT_TRUE(BatchesCover({"40820"}, "L40820"));
  EXPECT_TRUE(BatchesCover({"2218"}, "2218-A"));
  EXPECT_TRUE(BatchesCover({"CMP01M21F"}, "CMPO1M21F"));
  EXPECT_TRUE(BatchesCover({"23W17 - 23W46"}, "23W30"));
  EXPECT_FALSE(BatchesCover({"23W17 - 23W46"}, "23W47"));
  EXPECT_TRUE(BatchesCover({"From MCJF-1000031 to MCJF-1005100 (HRM1000)"}, "MCJF-1002000"));
  EXPECT_TRUE(BatchesCover({"E2037: 2318, 2319 and 2322"}, "2319"));
  EXPECT_TRUE(BatchesCover({"20245-220722"}, "20245"));
  EXPECT_FALSE(BatchesCover({"E2037: 2318, 2319 and 2322"}, "2345"));
  // A field of other identifiers limits nothing.
  EXPECT_TRUE(BatchesCover({"REF 3985250"}, "2K01"));
  EXPECT_TRUE(BatchesCover({"All"}, "2K01"));
}

}  // namespace
}  // namespace conform::recalls
