// Calendar dates, as the law uses them: a day, no time zone.
#ifndef CONFORM_CORE_DATE_H_
#define CONFORM_CORE_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "conform/core/result.h"

namespace conform {

class Date {
 public:
  // 1970-01-01.
  constexpr Date() = default;

  // Parses exactly "YYYY-MM-DD" and rejects dates that do not exist
  // (2023-02-29) or lie outside years 1900..9999.
  static Result<Date> Parse(std::string_view text);
  static Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }
  // Today in UTC.
  static Date Today();
  // The largest representable date, for "no end".
  static constexpr Date Max() { return Date(INT32_MAX); }

  int32_t days_since_epoch() const { return days_; }
  // "YYYY-MM-DD".
  std::string ToString() const;

  friend constexpr auto operator<=>(Date a, Date b) = default;

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

}  // namespace conform

#endif  // CONFORM_CORE_DATE_H_
