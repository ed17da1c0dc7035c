// Calendar dates and clock times as the markup writes them (ISO 8601).
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace easyread {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

struct ClockTime {
  int hour = 0, minute = 0;
  bool operator==(const ClockTime&) const = default;
};

// "2027-01-11" -> Date; nullopt if the text is not a real calendar date.
std::optional<Date> parse_iso_date(std::string_view text);
// "14:30", "9:30", "14.30", "2:30pm", "2pm", "2.30 p.m.", "midday" -> ClockTime;
// nullopt if it is not a real time.
std::optional<ClockTime> parse_clock_time(std::string_view text);

// Days since 1970-01-01 (negative before), and back: for "2 weeks later".
long days_from_date(const Date& date);
Date date_from_days(long days);
// 0 for Monday ... 6 for Sunday.
int weekday(const Date& date);
// Today, in the computer's own time zone.
Date today();

}  // namespace easyread
