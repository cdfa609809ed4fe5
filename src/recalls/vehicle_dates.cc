#include "vehicle_dates.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "conform/core/text.h"
#include "conform/recalls/text_similarity.h"
#include "text_words.h"

namespace conform::recalls {

namespace {


// The words before a date in a vehicle's listing that date something other
// than the vehicle: an inspection, a service, a new part, a guarantee's
// end, the model line's start or an owner's.
const std::unordered_set<std::string_view> kOtherVehicleDates = {
    "tuv",     "hu",     "au",      "bis",  "inspektion", "service", "serviced", "inspection", "neu",      "new",   "ct",
    "itv",     "apk",    "mot",     "revisione", "przeglad", "until", "valid",   "gultig",     "nouveau",  "neuf",  "nuevo",
    "nuovo",   "nowy",   "nowe",    "nieuw", "keuring",   "ab",      "since",    "seit",       "from",     "desde", "dal",
    "depuis",  "od",     "facelift", "garantie", "warranty", "garanzia", "gwarancja"};

// A date written in digits at `at`, in the EU's order, day first: day,
// month and year ("5.1.2022", "24-10-2023", "15.07.2022") or month and
// year ("04.2019", "07/2022"), parted by '.', '/' or '-'. With
// `alert_forms`, as alerts also write them: a two-digit year ("20.07.23")
// and a blank before the year ("01.07. 2010"). The month as written,
// unchecked; `end` is past the year.
struct NumericDate {
  bool with_day = false;
  int month = 0, year = 0;
  size_t end = 0;
};
std::optional<NumericDate> NumericDateAt(std::string_view text, size_t at, bool alert_forms) {
  const auto digits_at = [&](size_t i) {
    size_t end = i;
    while (end < text.size() && IsAsciiDigit(text[end])) ++end;
    return end - i;
  };
  const auto separator = [&](size_t i) { return i < text.size() && (text[i] == '.' || text[i] == '/' || text[i] == '-'); };
  const auto number = [&](size_t i, size_t len) { return std::stoi(std::string(text.substr(i, len))); };
  const size_t a = digits_at(at);
  if (a == 0 || a > 2 || !separator(at + a)) return std::nullopt;
  const size_t m_at = at + a + 1, m = digits_at(m_at);
  if (m == 4) return NumericDate{false, number(at, a), number(m_at, 4), m_at + 4};
  if (m == 0 || m > 2 || !separator(m_at + m)) return std::nullopt;
  size_t y_at = m_at + m + 1;
  if (alert_forms && y_at < text.size() && text[y_at] == ' ') ++y_at;
  const size_t y = digits_at(y_at);
  if (y == 4) return NumericDate{true, number(m_at, m), number(y_at, 4), y_at + 4};
  if (y == 2 && alert_forms) return NumericDate{true, number(m_at, m), 2000 + number(y_at, 2), y_at + 2};
  return std::nullopt;
}

// The words before a date in a vehicle's listing that say when it was
// made ("produkcja 06/2023", "Production date: 12/2020"), folded.
const std::unordered_set<std::string_view> kMadeVehicleDates = {
    "produkcja", "produkcji", "production", "produktion", "produziert", "hergestellt", "herstellung", "built",     "build",
    "manufactured", "manufacture", "produced", "made",   "fabrication", "fabrique",    "fabricado",   "fabricacion", "produzione",
    "prodotto",  "prodotta",  "produccion", "productie", "gebouwd",     "prod",        "vyroba",      "gyartas",
    "produktionsdatum", "herstelldatum", "bouwdatum", "gyartasi", "vyroby", "vyrobeno", "vyrobene", "tillverkad", "tillverkningsdatum",
    "valmistettu", "fabricatiei", "fabricat", "producao", "fabrico", "proizvodnje", "proizvedeno"};

// The words before a date in a vehicle's listing that say when it was
// first registered ("EZ 02/2023", "First registered 01/2021", "Première
// mise en circulation 06/2024", "prvá registrácia 07/2023") or built in
// sellers' loose sense ("Bj. 09/2021", which many write of the
// registration): made then or before. Folded.
const std::unordered_set<std::string_view> kRegisteredVehicleDates = {
    "ez",          "erstzulassung", "zulassung",   "registered", "registration", "circulation", "immatriculation", "immatricule",
    "rejestracja", "rejestracji",   "registracia", "registrace",   "immatricolazione", "immatricolata", "matriculacion",
    "matricula",   "toelating",     "registrerad", "registreret", "bj",          "baujahr"};

// Links between such a word and the date: "produced in 06/2023", "gyártási
// idő 03/2024" (time of making), "datum výroby" written the other way,
// "Production date: 12/2020".
const std::unordered_set<std::string_view> kVehicleDateLinks = {"in", "im", "am", "en", "w", "we", "du", "de", "del", "von", "vom", "of", "on",
                                                                "z",  "ze", "ido", "datum", "date"};

// The month a month's name gives (1 to 12), folded, in English, German,
// French, Spanish, Italian, Dutch, Portuguese, Polish (both cases sellers
// write) and the Nordic languages, and the short forms of English and
// German; 0 for another word.
int MonthOfName(std::string_view w) {
  static const std::unordered_map<std::string_view, int> kMonths = [] {
    const std::vector<std::pair<int, std::vector<std::string_view>>> names = {
        {1, {"january", "jan", "januar", "janner", "janvier", "enero", "gennaio", "januari", "janeiro", "styczen", "stycznia"}},
        {2, {"february", "feb", "februar", "fevrier", "febrero", "febbraio", "februari", "fevereiro", "luty", "lutego"}},
        {3, {"march", "mar", "marz", "mars", "marzo", "maart", "marco", "marzec", "marca"}},
        {4, {"april", "apr", "avril", "abril", "aprile", "kwiecien", "kwietnia"}},
        {5, {"may", "mai", "mayo", "maggio", "mei", "maio", "maj", "maja"}},
        {6, {"june", "jun", "juni", "juin", "junio", "giugno", "junho", "czerwiec", "czerwca"}},
        {7, {"july", "jul", "juli", "juillet", "julio", "luglio", "julho", "lipiec", "lipca"}},
        {8, {"august", "aug", "aout", "agosto", "augustus", "augusti", "sierpien", "sierpnia"}},
        {9, {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro", "wrzesien", "wrzesnia"}},
        {10, {"october", "oct", "okt", "oktober", "octobre", "octubre", "ottobre", "outubro", "pazdziernik", "pazdziernika"}},
        {11, {"november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada"}},
        {12, {"december", "dec", "dez", "dezember", "decembre", "diciembre", "dicembre", "dezembro", "grudzien", "grudnia"}}};
    std::unordered_map<std::string_view, int> months;
    for (const auto& [month, words] : names)
      for (const std::string_view word : words) months.emplace(word, month);
    return months;
  }();
  const auto it = kMonths.find(w);
  return it == kMonths.end() ? 0 : it->second;
}

}  // namespace

bool DatesSomethingElse(std::string_view word) { return kOtherVehicleDates.count(word) != 0; }

// The months of a vehicle listing's title as written ("EZ 07/2022", "-
// 06/2022 -", "produkcja 06/2023", "15.07.2022", "built December 2020"),
// but those after a word of kOtherVehicleDates. Read from the raw title:
// folded, "1.2 2022" would read as February. Of a description
// (`description`), only the months after a word of kMadeVehicleDates or
// kRegisteredVehicleDates: a description dates much else.
void MonthsInText(std::string_view raw, bool description, std::vector<MatchRecord::DatedMonth>* out) {
  out->clear();
  // The folded words before byte `i`. Of a long description, only the text
  // just before: the words looked at are its last two or three.
  thread_local std::string before;
  thread_local std::vector<std::string_view> words;
  const auto words_before = [&](size_t i) -> const std::vector<std::string_view>& {
    size_t from = 0;
    if (description && i > 96) {
      from = i - 96;
      while (from < i && (static_cast<unsigned char>(raw[from]) & 0xC0) == 0x80) ++from;  // a character's start
    }
    before = CollapseToWords(FoldForMatching(raw.substr(from, i - from)));
    SplitWords(before, &words);
    if (from > 0 && !words.empty()) words.erase(words.begin());  // may be cut
    return words;
  };
  // Whether the words before a date, up to `k`, let it count, and whether
  // they say it was made then; past a link ("produced in 06/2023").
  const auto judge = [&](const std::vector<std::string_view>& w, size_t k, int month) {
    if (k > 0 && kVehicleDateLinks.count(w[k - 1]) != 0) --k;
    const std::string_view word = k > 0 ? w[k - 1] : std::string_view();
    const bool made = kMadeVehicleDates.count(word) != 0;
    if (description ? (made || kRegisteredVehicleDates.count(word) != 0) : kOtherVehicleDates.count(word) == 0)
      out->push_back({month, made});
  };
  for (size_t i = 0; i < raw.size();) {
    if (!IsAsciiDigit(raw[i]) || (i > 0 && (IsAsciiDigit(raw[i - 1]) || raw[i - 1] == '.' || raw[i - 1] == ','))) {
      ++i;
      continue;
    }
    const std::optional<NumericDate> date = NumericDateAt(raw, i, /*alert_forms=*/false);
    // Not a part of a longer run of numbers ("07/2022/1").
    const size_t next = date ? date->end : 0;
    if (!date || (next + 1 < raw.size() && (raw[next] == '.' || raw[next] == '/' || raw[next] == '-') && IsAsciiDigit(raw[next + 1]))) {
      const size_t start = i;
      while (i < raw.size() && IsAsciiDigit(raw[i])) ++i;
      // A year after a month's name ("built December 2020", "Produktion:
      // März 2021").
      if (!date && i - start == 4) {
        const int year = std::stoi(std::string(raw.substr(start, 4)));
        if (year >= 1950 && year <= 2039) {
          const std::vector<std::string_view>& w = words_before(start);
          if (const int month = w.empty() ? 0 : MonthOfName(w.back()); month != 0) judge(w, w.size() - 1, year * 12 + month - 1);
        }
      }
      continue;
    }
    const int month = date->month, year = date->year;
    if (month < 1 || month > 12 || year < 1950 || year > 2039) {
      i = next;
      continue;
    }
    const std::vector<std::string_view>& w = words_before(i);
    judge(w, w.size(), year * 12 + month - 1);
    i = next;
  }
}

namespace {

// The first and last month a production period's text gives, as year * 12
// + month - 1; {0, 0} when it gives none. A year alone is a month's range,
// January to December. A year that names a model is none ("From 3/1/2022
// to 14/10/2022 (2008)", Peugeot's 2008); a year inside a date always is
// one.
std::pair<int, int> MonthsOfPeriod(std::string_view text, std::string_view named) {
  int from = 0, to = 0;
  const auto add = [&](int year, int first_month, int last_month) {
    if (year < 1950 || year > 2039) return;
    const int a = year * 12 + first_month - 1, b = year * 12 + last_month - 1;
    from = from == 0 ? a : std::min(from, a);
    to = std::max(to, b);
  };
  const auto digits_at = [&](size_t at) {
    size_t end = at;
    while (end < text.size() && IsAsciiDigit(text[end])) ++end;
    return end - at;
  };
  const auto number = [&](size_t at, size_t len) { return std::stoi(std::string(text.substr(at, len))); };
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiDigit(text[i]) || (i > 0 && IsAsciiDigit(text[i - 1]))) {
      ++i;
      continue;
    }
    const size_t a = digits_at(i);
    // A date in digits ("5.1.2022", "20.07.23", "01.07. 2010", "04.2019").
    // A month and year of another month than 1 to 12 is passed over whole;
    // a day, month and year of one is read on from after its day.
    if (const std::optional<NumericDate> date = NumericDateAt(text, i, /*alert_forms=*/true)) {
      const bool month_valid = date->month >= 1 && date->month <= 12;
      if (month_valid) add(date->year, date->month, date->month);
      if (month_valid || !date->with_day) {
        i = date->end;
        continue;
      }
    }
    if (a == 4) {
      // "14 December 2020": the month's name before the year.
      static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
      size_t end = i;
      while (end > 0 && text[end - 1] == ' ') --end;
      size_t begin = end;
      while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1])) != 0) --begin;
      int month = 0;
      if (end - begin >= 3) {
        std::string word(text.substr(begin, 3));
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (int k = 0; k < 12; ++k)
          if (word == kMonths[k]) month = k + 1;
      }
      if (month != 0)
        add(number(i, 4), month, month);
      else if (!HasWord(named, text.substr(i, 4)))
        add(number(i, 4), 1, 12);
    }
    i += a;
  }
  return {from, to};
}

}  // namespace

// MatchRecord::made_from_month and the rest, from a notice's production
// period.
void ReadProductionPeriod(std::string_view text, std::string_view named, MatchRecord* r) {
  const auto [from, to] = MonthsOfPeriod(text, named);
  r->made_from_month = from;
  r->made_to_month = to;
  r->made_from_year = from == 0 ? 0 : from / 12;
  r->made_to_year = to == 0 ? 0 : to / 12;
}

// The lines of a production period that give their models' own ("From
// 3/1/2022 to 14/10/2022 (2008)", "C3: 24.9.2008 - 21.2.2017", "Kauai N
// (OS N): 15.06.2020 - 03.05.2022"): each model label, folded, and its
// months.
std::vector<std::pair<std::string, std::pair<int, int>>> LabelledPeriods(std::string_view text) {
  std::vector<std::pair<std::string, std::pair<int, int>>> out;
  for (size_t at = 0; at < text.size();) {
    const size_t end = std::min(text.find('\n', at), text.size());
    std::string_view line = TrimBlanks(text.substr(at, end - at));
    at = end + 1;
    std::string_view label, period;
    if (const size_t colon = line.find(": "); colon != std::string_view::npos) {
      label = line.substr(0, colon);
      period = line.substr(colon + 2);
    } else if (!line.empty() && line.back() == ')' && line.rfind('(') != std::string_view::npos) {
      const size_t open = line.rfind('(');
      label = line.substr(open + 1, line.size() - open - 2);
      period = line.substr(0, open);
    } else {
      continue;
    }
    const std::pair<int, int> months = MonthsOfPeriod(period, "");
    std::string folded = CollapseToWords(FoldForMatching(label));
    if (months.first != 0 && !folded.empty()) out.emplace_back(std::move(folded), months);
  }
  return out;
}

}  // namespace conform::recalls
