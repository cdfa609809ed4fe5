#include "vehicle_dates.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace conform::recalls {
namespace {

constexpr int Month(int year, int month) { return year * 12 + month - 1; }

std::vector<std::pair<int, bool>> Months(std::string_view raw, bool description) {
  std::vector<MatchRecord::DatedMonth> out = {{1, true}};  // cleared by MonthsInText
  MonthsInText(raw, description, &out);
  std::vector<std::pair<int, bool>> months;
  for (const auto& m : out) months.emplace_back(m.month, m.made);
  return months;
}

using Dated = std::vector<std::pair<int, bool>>;

TEST(VehicleDatesTest, ATitleDatesTheVehicleButNotItsInspection) {
  EXPECT_EQ(Months("Bentley Bentayga V8, EZ 07/2022, 31.000 km", false), (Dated{{Month(2022, 7), false}}));
  EXPECT_EQ(Months("2021 Bentley Bentayga V8 - built December 2020 - 14,000 km", false), (Dated{{Month(2020, 12), true}}));
  EXPECT_EQ(Months("Golf VIII, Produktion 02/2019, EZ 04/2019", false), (Dated{{Month(2019, 2), true}, {Month(2019, 4), false}}));
  EXPECT_EQ(Months("Passat Variant, TÜV 08/2025", false), Dated{});
  // A run of numbers is no date ("07/2022/1").
  EXPECT_EQ(Months("Teil 07/2022/1", false), Dated{});
}

TEST(VehicleDatesTest, ADescriptionDatesTheVehicleOnlyAfterAWordOfMakingOrRegistration) {
  EXPECT_EQ(Months("Production date: 12/2020. First registered 01/2021 in Ireland.", true),
            (Dated{{Month(2020, 12), true}, {Month(2021, 1), false}}));
  EXPECT_EQ(Months("Erstzulassung 03/2020, Garantie bis 03/2025.", true), (Dated{{Month(2020, 3), false}}));
  EXPECT_EQ(Months("Service 05/2023, new tyres 06/2024.", true), Dated{});
}

TEST(VehicleDatesTest, AnAlertsProductionPeriodIsReadInItsForms) {
  MatchRecord r;
  ReadProductionPeriod("13.12.2018 - 11.12.2020", "", &r);
  EXPECT_EQ(r.made_from_month, Month(2018, 12));
  EXPECT_EQ(r.made_to_month, Month(2020, 12));
  EXPECT_EQ(r.made_from_year, 2018);
  EXPECT_EQ(r.made_to_year, 2020);
  ReadProductionPeriod("The affected vehicles were manufactured between 22 January 2018 and 06 March 2019.", "", &r);
  EXPECT_EQ(r.made_from_month, Month(2018, 1));
  EXPECT_EQ(r.made_to_month, Month(2019, 3));
  // A year alone is its January to December.
  ReadProductionPeriod("2021", "", &r);
  EXPECT_EQ(r.made_from_month, Month(2021, 1));
  EXPECT_EQ(r.made_to_month, Month(2021, 12));
  // A year that names the model is none (Peugeot's 2008).
  ReadProductionPeriod("From 3/1/2022 to 14/10/2022 (2008)", "peugeot 2008", &r);
  EXPECT_EQ(r.made_from_month, Month(2022, 1));
  EXPECT_EQ(r.made_to_month, Month(2022, 10));
  ReadProductionPeriod("unknown", "", &r);
  EXPECT_EQ(r.made_from_month, 0);
  EXPECT_EQ(r.made_to_month, 0);
}

TEST(VehicleDatesTest, APeriodsLinesGiveTheirModelsOwn) {
  const auto periods = LabelledPeriods("C3: 24.9.2008 - 21.2.2017\nKauai N (OS N): 15.06.2020 - 03.05.2022");
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].second, std::make_pair(Month(2008, 9), Month(2017, 2)));
  EXPECT_EQ(periods[1].second, std::make_pair(Month(2020, 6), Month(2022, 5)));
}

}  // namespace
}  // namespace conform::recalls
