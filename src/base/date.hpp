// Calendar dates and clock times as the markup writes them (ISO 8601).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace easyread {

struct Date {
  int year = 0, month = 0, day = 0;
  bool operator==(const Date&) const = default;
};

struct ClockTime {
  int hour = 0, minute = 0;
  bool operator==(const ClockTime&) const = default;
};

// "2027-01-11" -> Date; nullopt if the text is not a real calendar date.
std::optional<Date> parse_iso_date(std::string_view text);
// "14:30" -> ClockTime; nullopt if it is not a 24-hour time.
std::optional<ClockTime> parse_clock_time(std::string_view text);

}  // namespace easyread
