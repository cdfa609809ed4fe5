#include "conform/core/date.h"

#include <fmt/format.h>

#include <chrono>

#include "conform/core/text.h"

namespace conform {

namespace {
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

Result<Date> Date::Parse(std::string_view text) {
  const auto bad = [&](const char* why) {
    return Error(ErrorCode::kInvalidInput, fmt::format("invalid date '{}': {}", text, why),
                 "write dates as YYYY-MM-DD, e.g. 2024-08-01");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad("not in YYYY-MM-DD form");
  const std::string_view ys = text.substr(0, 4), ms = text.substr(5, 2), ds = text.substr(8, 2);
  if (!AllAsciiDigits(ys) || !AllAsciiDigits(ms) || !AllAsciiDigits(ds)) return bad("not in YYYY-MM-DD form");
  const int y = ToInt(ys);
  if (y < 1900) return bad("year before 1900");
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(ToInt(ms))},
                                        std::chrono::day{static_cast<unsigned>(ToInt(ds))}};
  if (!ymd.ok()) return bad("no such day in the calendar");
  return Date(std::chrono::sys_days(ymd).time_since_epoch().count());
}

Date Date::Today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date(static_cast<int32_t>(now.time_since_epoch().count()));
}

std::string Date::ToString() const {
  if (days_ == INT32_MAX) return "9999-12-31";
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days_}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

}  // namespace conform
