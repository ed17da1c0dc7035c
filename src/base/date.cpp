#include "base/date.hpp"

#include <cctype>

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
  ClockTime t;
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  if (!read_number(text, 0, 2, t.hour) || !read_number(text, 3, 2, t.minute)) return std::nullopt;
  if (t.hour > 23 || t.minute > 59) return std::nullopt;
  return t;
}

}  // namespace easyread
