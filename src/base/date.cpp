#include "base/date.hpp"

#include <cctype>
#include <ctime>
#include <string>

namespace easyread {
namespace {

bool read_number(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  Date d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!read_number(text, 0, 4, d.year) || !read_number(text, 5, 2, d.month) ||
      !read_number(text, 8, 2, d.day))
    return std::nullopt;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  int limit = days[d.month - 1] + ((d.month == 2 && is_leap(d.year)) ? 1 : 0);
  if (d.day > limit) return std::nullopt;
  return d;
}

std::optional<ClockTime> parse_clock_time(std::string_view text) {
  // Small letters, no spaces and no dots in "a.m.": "2.30 P.M." becomes "2.30pm".
  std::string s;
  for (char c : text)
    if (c != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* dotted : {"a.m.", "p.m.", "a.m", "p.m"})
    if (s.size() > 4 && s.ends_with(dotted)) s = s.substr(0, s.size() - std::string_view(dotted).size()) + dotted[0] + 'm';
  if (s == "midday" || s == "noon" || s == "12noon") return ClockTime{12, 0};
  if (s == "midnight") return ClockTime{0, 0};
  const bool am = s.ends_with("am"), pm = s.ends_with("pm");
  if (am || pm) s.resize(s.size() - 2);
  ClockTime t;
  const std::size_t separator = s.find_first_of(":.");
  const std::size_t hour_digits = separator == std::string::npos ? s.size() : separator;
  if (hour_digits < 1 || hour_digits > 2 || !read_number(s, 0, hour_digits, t.hour)) return std::nullopt;
  if (separator != std::string::npos &&
      (s.size() != separator + 3 || !read_number(s, separator + 1, 2, t.minute)))
    return std::nullopt;
  if (am || pm) {
    if (t.hour < 1 || t.hour > 12) return std::nullopt;
    t.hour = t.hour % 12 + (pm ? 12 : 0);
  } else if (separator == std::string::npos) {
    return std::nullopt;  // "14" alone could be anything
  }
  if (t.hour > 23 || t.minute > 59) return std::nullopt;
  return t;
}

// Howard Hinnant's days-from-civil: the proleptic Gregorian calendar.
long days_from_date(const Date& date) {
  const long y = date.year - (date.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long year_of_era = y - era * 400;
  const long day_of_year = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Date date_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long mp = (5 * day_of_year + 2) / 153;
  Date d;
  d.day = int(day_of_year - (153 * mp + 2) / 5 + 1);
  d.month = int(mp < 10 ? mp + 3 : mp - 9);
  d.year = int(year_of_era + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

int weekday(const Date& date) {
  const long days = days_from_date(date);  // 1970-01-01 was a Thursday (3)
  return int(((days % 7) + 7 + 3) % 7);
}

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace easyread
