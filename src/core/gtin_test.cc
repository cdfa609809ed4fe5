#include "conform/core/gtin.h"

#include <gtest/gtest.h>

namespace conform {
namespace {

TEST(GtinTest, NormalisesEveryLengthToFourteenDigits) {
  EXPECT_EQ(NormalizeGtin("09520123456788").value(), "09520123456788");  // GTIN-14 (GS1's example)
  EXPECT_EQ(NormalizeGtin("4006381333931").value(), "04006381333931");   // EAN-13
  EXPECT_EQ(NormalizeGtin("036000291452").value(), "00036000291452");    // UPC-A
  EXPECT_EQ(NormalizeGtin("96385074").value(), "00000096385074");        // EAN-8
  EXPECT_EQ(NormalizeGtin("4006381 333931").value(), "04006381333931");
  EXPECT_EQ(NormalizeGtin("400-6381-333931").value(), "04006381333931");
}

// Pasted from a web page, a code may hold invisible characters.
TEST(GtinTest, InvisibleCharactersInsideAreIgnored) {
  EXPECT_EQ(NormalizeGtin("80551866\u200b69918").value(), "08055186669918");
  EXPECT_EQ(NormalizeGtin("\ufeff8055186\u00ad669918").value(), "08055186669918");
  EXPECT_EQ(NormalizeGtin("8055186\u00a0669918").value(), "08055186669918");  // a no-break space, a space
}

TEST(GtinTest, RefusesWrongCheckDigitLengthAndLetters) {
  auto bad = NormalizeGtin("4006381333932");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().ToString().find("should be 1"), std::string::npos);
  EXPECT_FALSE(NormalizeGtin("12345").ok());
  EXPECT_FALSE(NormalizeGtin("").ok());
  EXPECT_FALSE(NormalizeGtin("40063813339X1").ok());
  EXPECT_FALSE(NormalizeGtin("0000000000000000").ok());
}

TEST(AsinTest, TakesTheProductFormOnly) {
  EXPECT_EQ(AsinOf("B0CHYPVWHV"), "B0CHYPVWHV");
  EXPECT_EQ(AsinOf(" b0chypvwhv "), "B0CHYPVWHV");
  for (const char* not_asin : {"", "B0CHYPVWH", "B0CHYPVWHVX", "X001N2FNJP", "B1CHYPVWHV", "B0CHY-VWHV", "0306406152", "B0CHYPVWH\xC3\xA9"})
    EXPECT_EQ(AsinOf(not_asin), "") << not_asin;
}

// Sellers type the number in groups, as they do barcodes, and in
// full-width characters from a Chinese keyboard.
TEST(AsinTest, ReadsOneTypedInAField) {
  EXPECT_EQ(AsinInField("B0 CHY PVW HV"), "B0CHYPVWHV");
  EXPECT_EQ(AsinInField(" b0-chypvwhv "), "B0CHYPVWHV");
  EXPECT_EQ(AsinInField("\uFF22\uFF10CHYPVWHV"), "B0CHYPVWHV");
  for (const char* not_asin : {"", "B0CHYPVWHV B07XJ8C8F5", "ASIN: B0CHYPVWHV", "B0CHY/PVWHV", "4006381333931", "X001-N2F-NJP"})
    EXPECT_EQ(AsinInField(not_asin), "") << not_asin;
}

TEST(GtinTest, UnitOfACase) {
  // GS1: indicator 1-8, the unit's GTIN-13 without its check digit, a new check digit.
  EXPECT_EQ(UnitGtinOfCase("14006381333938"), "04006381333931");
  EXPECT_EQ(UnitGtinOfCase("34006381333932"), "04006381333931");
  EXPECT_EQ(UnitGtinOfCase("10614141000415"), "00614141000418");  // of a UPC-A
  EXPECT_EQ(UnitGtinOfCase("04006381333931"), "");  // a unit
  EXPECT_EQ(UnitGtinOfCase("94006381333934"), "");  // variable measure
  EXPECT_EQ(UnitGtinOfCase("4006381333931"), "");   // not the 14-digit form
}

TEST(GtinTest, CheckDigit) {
  EXPECT_EQ(GtinCheckDigit("400638133393"), 1);
  EXPECT_EQ(GtinCheckDigit("0952012345678"), 8);
  EXPECT_EQ(GtinCheckDigit("03600029145"), 2);
}

}  // namespace
}  // namespace conform
