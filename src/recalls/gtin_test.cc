#include "conform/recalls/gtin.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

using Gtins = std::vector<std::string>;

TEST(BarcodeFieldTest, ReadsSeveralCodesWhateverSeparatesThem) {
  // Safety Gate puts one code per line; others use commas, semicolons, labels.
  EXPECT_EQ(ExtractGtins("8055186669918\n8055186669925").gtins, (Gtins{"08055186669918", "08055186669925"}));
  const BarcodeScan s = ExtractGtins("EAN: 5901234123457; UPC 036000291452, see packaging");
  EXPECT_EQ(s.gtins, (Gtins{"05901234123457", "00036000291452"}));
  EXPECT_TRUE(s.problems.empty());
  EXPECT_EQ(ExtractGtins("4006381333931 / 96385074").gtins, (Gtins{"04006381333931", "00000096385074"}));
}

TEST(BarcodeFieldTest, JoinsPrintedDigitGroupsOnlyIntoAValidCode) {
  EXPECT_EQ(ExtractGtins("0 36000 29145 2").gtins, Gtins{"00036000291452"});
  EXPECT_EQ(ExtractGtins("5-901234-123457.").gtins, Gtins{"05901234123457"});
  EXPECT_EQ(ExtractGtins("5 901234 123457").gtins, Gtins{"05901234123457"});
  // The longest valid join: "1 00 12345" is itself a valid GTIN-8, the
  // head of this ITF-14.
  const BarcodeScan itf = ExtractGtins("1 00 12345 67890 2");
  EXPECT_EQ(itf.gtins, Gtins{"10012345678902"});
  EXPECT_TRUE(itf.problems.empty());
  // A number after the code may make a longer valid join: both are taken.
  EXPECT_EQ(ExtractGtins("UPC 0 36000 29145 2 2 pack").gtins, (Gtins{"00036000291452", "00360002914522"}));
  // Two whole codes side by side stay two codes.
  EXPECT_EQ(ExtractGtins("4006381333931 5901234123457").gtins, (Gtins{"04006381333931", "05901234123457"}));
  // Groups that never make a valid code are reported, not glued together.
  const BarcodeScan s = ExtractGtins("2022 4006381333931");
  EXPECT_EQ(s.gtins, Gtins{"04006381333931"});
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_EQ(s.problems[0].text, "2022");
}

TEST(BarcodeFieldTest, ReportsWhatIsNotAGtinWithTheReason) {
  const struct {
    const char* field;
    const char* reason;
  } cases[] = {
      {"871565899960", "wrong check digit (expected 1)"},  // a real Safety Gate barcode
      {"X001N2FNJP", "letters mixed with digits"},         // an Amazon fulfilment label (FNSKU)
      {"B0CHYPVWH", "letters mixed with digits"},          // an ASIN a character short
      {"7802694520", "10 digits: not a GTIN length"},
      {"12345678905", "lost its leading zero"},
      {"1234", "too short"},
      {"0000000000000", "all zeros"},
  };
  for (const auto& c : cases) {
    const BarcodeScan s = ExtractGtins(c.field);
    EXPECT_TRUE(s.gtins.empty()) << c.field;
    ASSERT_EQ(s.problems.size(), 1u) << c.field;
    EXPECT_EQ(s.problems[0].text, c.field);
    EXPECT_NE(s.problems[0].reason.find(c.reason), std::string::npos) << c.field << ": " << s.problems[0].reason;
  }
}

TEST(BarcodeFieldTest, KeepsEachCodeOnceAndIgnoresProse) {
  const BarcodeScan s = ExtractGtins("4006381333931, 04006381333931 and 4006381333931");
  EXPECT_EQ(s.gtins, Gtins{"04006381333931"});
  EXPECT_TRUE(s.problems.empty());
  EXPECT_TRUE(ExtractGtins("N/A").gtins.empty());
  EXPECT_TRUE(ExtractGtins("N/A").problems.empty());
  EXPECT_TRUE(ExtractGtins("").problems.empty());
}

TEST(BarcodeFieldTest, FullWidthDigitsAreDigits) {
  const BarcodeScan scan = ExtractGtins("EAN：５９０１２３４１２３４５７");
  EXPECT_EQ(scan.gtins, std::vector<std::string>{"05901234123457"});
  EXPECT_TRUE(scan.problems.empty());
}

TEST(BarcodeFieldTest, RestrictedCirculationNumbers) {
  EXPECT_TRUE(IsRestrictedCirculationGtin("02000010534982"));  // in-store code from a Safety Gate alert
  EXPECT_TRUE(IsRestrictedCirculationGtin("00200030569151"));  // 02 prefix
  EXPECT_TRUE(IsRestrictedCirculationGtin("00000020123451"));  // GTIN-8 starting 2
  EXPECT_FALSE(IsRestrictedCirculationGtin("04006381333931"));
  EXPECT_FALSE(IsRestrictedCirculationGtin("00000096385074"));
  EXPECT_FALSE(IsRestrictedCirculationGtin("00036000291452"));
}

TEST(BarcodeFieldTest, NumbersThatLookMadeUp) {
  EXPECT_TRUE(LooksMadeUpGtin("06912345678902"));  // a real alert's (A11/00168/24), on its charger and on others
  EXPECT_TRUE(LooksMadeUpGtin("00012345678905"));  // the UPC of every example
  EXPECT_TRUE(LooksMadeUpGtin("05987654321003"));  // down
  EXPECT_FALSE(LooksMadeUpGtin("04006381333931"));
  EXPECT_FALSE(LooksMadeUpGtin("08690000000005"));  // zeros are item numbers' and prefixes'
  EXPECT_FALSE(LooksMadeUpGtin("00036000291452"));
}

// Safety Gate prints Amazon's catalogue number where the barcode goes
// (alert A12/03648/24: "B0CHYPVWHV"): not a GTIN, and not a problem.
TEST(BarcodeFieldTest, ReadsAnAsinApart) {
  const BarcodeScan s = ExtractGtins("B0CHYPVWHV, 4006381333931, b0chypvwhv");
  EXPECT_EQ(s.gtins, Gtins{"04006381333931"});
  EXPECT_EQ(s.asins, Gtins{"B0CHYPVWHV"});
  EXPECT_TRUE(s.problems.empty());
}

TEST(AsinTest, ReadsLabelledOnesInText) {
  // As Amazon's product details print it, with right-to-left and
  // left-to-right marks around the colon.
  EXPECT_EQ(LabelledAsins("Item model number: GV31 \u200F : \u200E x. ASIN \u200F : \u200E B0CHYPVWHV. Date first available"),
            Gtins{"B0CHYPVWHV"});
  EXPECT_EQ(LabelledAsins("asin: b0chypvwhv; ASIN B0CHYPVWHV, ASIN#B07XJ8C8F5"), (Gtins{"B0CHYPVWHV", "B07XJ8C8F5"}));
  // Tags between (as spaces), several in a list, the label in the plural.
  EXPECT_EQ(LabelledAsins("ASIN \u200F : \u200E     B0CHYPVWHV"), Gtins{"B0CHYPVWHV"});
  EXPECT_EQ(LabelledAsins("ASINs: B07XJ8C8F5, B0CHYPVWHV / B0ZZQ1X7KP and B0ZZQ1X7KQ"), (Gtins{"B07XJ8C8F5", "B0CHYPVWHV", "B0ZZQ1X7KP"}));
  EXPECT_EQ(LabelledAsins("ASIN(s): B0CHYPVWHV"), Gtins{"B0CHYPVWHV"});
  // Not labelled, not the label, not an ASIN after it, or too far.
  for (const char* text : {"B0CHYPVWHV", "basin B0CHYPVWHV", "ASINE B0CHYPVWHV", "ASIN: B0CHYPVWHVX", "ASIN: X001N2FNJP", "ASIN",
                           "ASIN:                          B0CHYPVWHV"})
    EXPECT_TRUE(LabelledAsins(text).empty()) << text;
}


// A label that carries the code's length is no code, and a first group of
// eight digits that is no GTIN-8 heads a longer code.
TEST(BarcodeFieldTest, LengthLabelsAndAnEightDigitFirstGroup) {
  const BarcodeScan labelled = ExtractGtins("EAN13: 4006381333931, EAN-8: 96385074");
  EXPECT_EQ(labelled.gtins, (std::vector<std::string>{"04006381333931", "00000096385074"}));
  EXPECT_TRUE(labelled.problems.empty());
  const BarcodeScan grouped = ExtractGtins("40063813 33931");
  EXPECT_EQ(grouped.gtins, std::vector<std::string>{"04006381333931"});
  EXPECT_TRUE(grouped.problems.empty());
  EXPECT_EQ(ExtractGtins("96385074 12").gtins, std::vector<std::string>{"00000096385074"});  // a valid GTIN-8 stays one
  EXPECT_EQ(ExtractGtins("40063812 77").problems.size(), 1u);
}

}  // namespace
}  // namespace conform
