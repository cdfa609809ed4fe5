// Dates of vehicles: the months a vehicle alert's production period
// gives, and the months a listing of a vehicle says it was made or first
// registered in.
//
// A vehicle alert covers the vehicles made in its period; a listing dated
// outside it sells another. Alerts write periods in many forms ("From
// 3/1/2022 to 14/10/2022", "13.12.2018 - 11.12.2020", "The affected
// vehicles were manufactured between 2 July 2012 to 21 October 2020");
// sellers date a vehicle by its making ("Produktionsdatum 08/2022",
// "built December 2020") or its first registration ("EZ 03/2020"), and
// date much else besides (an inspection, a service, a warranty's end).
// Months are counted as year * 12 + month - 1.
#ifndef CONFORM_RECALLS_VEHICLE_DATES_H_
#define CONFORM_RECALLS_VEHICLE_DATES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conform/recalls/recall_matcher.h"

namespace conform::recalls {

// Whether a folded word before a date says it dates something other than
// the vehicle: an inspection ("TÜV", "MOT"), a service, a new part, a
// guarantee's end, the model line's start or an owner's ("seit").
bool DatesSomethingElse(std::string_view word);

// The months of a vehicle listing's title as written ("EZ 07/2022", "-
// 06/2022 -", "produkcja 06/2023", "15.07.2022", "built December 2020"),
// but those after a word that dates something else (DatesSomethingElse),
// to `out` (cleared first), each marked made when a word of making comes
// before it. Read from the raw title: folded, "1.2 2022" would read as
// February. Of a description (`description`), only the months after a
// word of making or of first registration ("Erstzulassung", "Bj."): a
// description dates much else.
void MonthsInText(std::string_view raw, bool description, std::vector<MatchRecord::DatedMonth>* out);

// MatchRecord::made_from_month, made_to_month and their years, from a
// notice's production period `text` (0 when it gives none; a year alone
// is its January to December). `named` is the notice's normalised names:
// a year among them names a model ("From 3/1/2022 to 14/10/2022 (2008)",
// Peugeot's 2008), not a date, unless it is inside a date.
void ReadProductionPeriod(std::string_view text, std::string_view named, MatchRecord* r);

// The lines of a production period that give their models' own ("From
// 3/1/2022 to 14/10/2022 (2008)", "C3: 24.9.2008 - 21.2.2017", "Kauai N
// (OS N): 15.06.2020 - 03.05.2022"): each model label, folded, and its
// months.
std::vector<std::pair<std::string, std::pair<int, int>>> LabelledPeriods(std::string_view text);

}  // namespace conform::recalls

#endif  // CONFORM_RECALLS_VEHICLE_DATES_H_
