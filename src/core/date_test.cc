#include "conform/core/date.h"

#include <gtest/gtest.h>

namespace conform {

TEST(DateTest, ParsesAndFormats) {
  auto d = Date::Parse("2024-08-01");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.value().ToString(), "2024-08-01");
  EXPECT_EQ(Date::Parse("1970-01-01").value().days_since_epoch(), 0);
  EXPECT_EQ(Date::Parse("1970-01-02").value().days_since_epoch(), 1);
}

TEST(DateTest, OrdersByDay) {
  EXPECT_LT(Date::Parse("2024-07-31").value(), Date::Parse("2024-08-01").value());
  EXPECT_EQ(Date::Parse("2024-12-13").value(), Date::Parse("2024-12-13").value());
  EXPECT_LT(Date::Parse("9999-12-31").value(), Date::Max());
}

TEST(DateTest, AcceptsLeapDayOnlyInLeapYears) {
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
  EXPECT_FALSE(Date::Parse("2023-02-29").ok());
  EXPECT_FALSE(Date::Parse("2100-02-29").ok());
}

TEST(DateTest, RejectsMalformedDatesWithAHint) {
  for (const char* bad : {"", "2024-8-1", "01/08/2024", "2024-13-01", "2024-00-10", "2024-01-32", "20x4-01-01",
                          "2024-01-01T00:00", "1899-12-31"}) {
    auto d = Date::Parse(bad);
    ASSERT_FALSE(d.ok()) << bad;
    EXPECT_NE(d.error().ToString().find("YYYY-MM-DD"), std::string::npos) << bad;
  }
}

}  // namespace conform
