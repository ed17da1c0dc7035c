// Rules for numbers, dates and times: digits, percentages, big numbers and
// dates written in a short way.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <optional>

#include "check/rules.hpp"
#include "text/text.hpp"

namespace easyread::check::detail {
namespace {

std::string capitalised(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// "Friday 12 March 2027", without ICU: the rule may run on every date of a
// big file, and making an ICU date format each time is slow. The names come
// from month-names.txt and day-names.txt; if those could not be read (an
// error already says so), ICU writes the date.
std::string english_long_date(const Lexicons& lex, const Date& d) {
  if (lex.month_names.size() != 12 || lex.day_names.size() != 7) return text::format_long_date(d, "en");
  static constexpr std::array<int, 12> kOffsets = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  const int y = d.month < 3 ? d.year - 1 : d.year;  // Sakamoto's day-of-week method
  const int weekday = (y + y / 4 - y / 100 + y / 400 + kOffsets[static_cast<std::size_t>(d.month - 1)] + d.day) % 7;
  return capitalised(lex.day_names[static_cast<std::size_t>(weekday)]) + " " + std::to_string(d.day) + " " +
         capitalised(lex.month_names[static_cast<std::size_t>(d.month - 1)]) + " " + std::to_string(d.year);
}

bool is_month_word(const Lexicons& lex, std::string_view w) {
  return lex.short_months.count(w) ||
         std::find(lex.month_names.begin(), lex.month_names.end(), w) != lex.month_names.end();
}

// "£1,250", "$30": money stays exact.
bool after_currency(std::string_view text, std::size_t at) {
  if (at >= 1 && text[at - 1] == '$') return true;
  if (at >= 2 && text.substr(at - 2, 2) == "\xC2\xA3") return true;       // £
  return at >= 3 && text.substr(at - 3, 3) == "\xE2\x82\xAC";             // €
}

// "12/03/2027", "12-3-27", "12.03.2027" (day first) and "2027-03-12".
std::optional<Date> numeric_date(std::string_view s) {
  char separator = 0;
  for (char c : s)
    if (c == '/' || c == '-' || c == '.') {
      separator = c;
      break;
    }
  if (!separator) return std::nullopt;
  std::array<int, 3> parts{};
  std::array<std::size_t, 3> lengths{};
  std::size_t count = 0, start = 0;
  while (start <= s.size() && count < 4) {
    std::size_t stop = s.find(separator, start);
    if (stop == std::string_view::npos) stop = s.size();
    if (count == 3) return std::nullopt;
    auto [p, error] = std::from_chars(s.data() + start, s.data() + stop, parts[count]);
    if (error != std::errc() || p != s.data() + stop) return std::nullopt;
    lengths[count] = stop - start;
    ++count;
    start = stop + 1;
  }
  if (count != 3) return std::nullopt;
  Date d;
  if (lengths[0] == 4) d = {parts[0], parts[1], parts[2]};
  else d = {lengths[2] == 2 ? 2000 + parts[2] : parts[2], parts[1], parts[0]};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 || d.year < 1000 || d.year > 9999) return std::nullopt;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", d.year, d.month, d.day);
  return parse_iso_date(iso);  // only real calendar dates
}

}  // namespace

bool FileContext::short_date_word(std::string_view text, std::size_t i) {
  const Token& t = tokens_[i];
  if (!on(date_format) || !english_ || !facts_[i].short_date)
    return false;
  // Short forms of days and months next to a number: "Mon 3 Jan".
  const bool number_near = (i + 1 < tokens_.size() && tokens_[i + 1].kind == Token::Kind::number) ||
                           (i > 0 && tokens_[i - 1].kind == Token::Kind::number);
  if (!number_near) return false;
  report_at(date_format, t.begin, t.end,
            message_about(text.substr(t.begin, t.end - t.begin), " is a short form of a day or month."),
            "Write the date in full, like \"Monday 3 January 2028\".");
  return true;
}

void FileContext::number_rules(std::string_view text, std::size_t i) {
  const Token& t = tokens_[i];
  const std::string_view raw = text.substr(t.begin, t.end - t.begin);
  const Token* next = i + 1 < tokens_.size() ? &tokens_[i + 1] : nullptr;
  const Token* prev = i > 0 ? &tokens_[i - 1] : nullptr;

  // Percentages: "45%", "45 per cent", "45 percent".
  const bool per_cent = next && (next->lower == "percent" ||
                                 (next->lower == "per" && i + 2 < tokens_.size() && tokens_[i + 2].lower == "cent"));
  if (t.percent || per_cent) {
    if (!on(percentage)) return;
    double value = 0;
    std::from_chars(raw.data(), raw.data() + raw.size(), value);
    const std::size_t end = t.percent ? t.end : (next->lower == "per" ? tokens_[i + 2].end : next->end);
    report_at(percentage, t.begin, end,
              "Percentages like " + std::string(text.substr(t.begin, end - t.begin)) + " are hard for many people.",
              "Try " + quote(friendly_percentage(value)) + " instead.");
    return;
  }
  // Times: "14:30" (24-hour clock) or "10:30" without am or pm.
  if (raw.find(':') != std::string_view::npos) {
    if (!on(date_format)) return;
    int hour = -1, minute = -1;
    const std::size_t colon = raw.find(':');
    auto h = std::from_chars(raw.data(), raw.data() + colon, hour);
    auto m = std::from_chars(raw.data() + colon + 1, raw.data() + raw.size(), minute);
    const std::string_view suffix = std::string_view(m.ptr, raw.data() + raw.size() - m.ptr);
    const bool has_am_pm = suffix == "am" || suffix == "pm" ||
                           (next && (next->lower == "am" || next->lower == "pm" || next->lower == "a.m." ||
                                     next->lower == "p.m."));
    if (h.ec != std::errc() || h.ptr != raw.data() + colon || m.ec != std::errc() || hour > 23 ||
        minute > 59 || has_am_pm || !suffix.empty() || raw.find(':', colon + 1) != std::string_view::npos)
      return;
    std::string minutes = (minute < 10 ? ":0" : ":") + std::to_string(minute);
    if (hour >= 13 || hour == 0) {
      const int twelve = hour == 0 ? 12 : hour - 12;
      report_at(date_format, t.begin, t.end, quote(raw) + " uses the 24-hour clock. Many people find it hard.",
                "Write " + quote(std::to_string(twelve) + minutes + (hour == 0 ? "am" : "pm")) + " instead.");
    } else {
      report_at(date_format, t.begin, t.end, quote(raw) + " does not say if it is morning or afternoon.",
                "Write " + quote(std::to_string(hour) + minutes + "am") + " or " +
                    quote(std::to_string(hour == 12 ? 12 : hour) + minutes + "pm") + ".");
    }
    return;
  }
  // Dates written with numbers: "12/03/2027".
  if (raw.find_first_of("/-") != std::string_view::npos ||
      std::count(raw.begin(), raw.end(), '.') == 2) {
    if (auto date = numeric_date(raw); date && on(date_format)) {
      report_at(date_format, t.begin, t.end, quote(raw) + " is a date written in a short way.",
                "Write the date in full, like " +
                    quote(lang().starts_with("en") ? english_long_date(lex_, *date) : text::format_long_date(*date, lang())) +
                    ".");
    }
    return;
  }
  // "3rd March", "March 3rd": ordinals in dates.
  const std::size_t letters_at = raw.find_first_not_of("0123456789,.");
  if (letters_at != std::string_view::npos) {
    const std::string_view suffix = raw.substr(letters_at);
    const bool ordinal = suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
    if (ordinal && on(date_format) &&
        ((next && is_month_word(lex_, next->lower)) || (prev && is_month_word(lex_, prev->lower))))
      report_at(date_format, t.begin, t.end, quote(raw) + " is not how Easy Read writes a date.",
                "Write the day as a plain number, like " + quote(std::string(raw.substr(0, letters_at)) + " March") +
                    ", and give the day of the week and the year.");
    return;
  }
  // Big numbers: "12,500", "3 million". Numbers that must stay exact are fine: years,
  // phone and NHS numbers in groups ("0300 123 4567", "943 476 5919"), money
  // ("£1,250"), reference numbers ("#12345", "ref 123456", "AB123456").
  if (!on(big_number) || (t.begin > 0 && (text[t.begin - 1] == '#' || text[t.begin - 1] == '+'))) return;
  if (after_currency(text, t.begin) || (prev && prev->kind == Token::Kind::word && lex_.exact_before.count(prev->lower)))
    return;
  if ((prev && prev->kind == Token::Kind::number && !prev->percent) || (next && next->kind == Token::Kind::number))
    return;  // a number in groups
  double value = 0;
  bool has_comma = false;
  for (char c : raw) {
    if (c == ',') has_comma = true;
    else if (c >= '0' && c <= '9') value = value * 10 + (c - '0');
    else if (c == '.') break;
  }
  double scale = 1;
  if (next && (next->lower == "million" || next->lower == "millions")) scale = 1e6;
  if (next && (next->lower == "billion" || next->lower == "billions")) scale = 1e9;
  if (next && next->lower == "thousand") scale = 1e3;
  if (scale == 1) {
    const bool year = !has_comma && raw.size() == 4 && value >= 1000 && value < 2200;
    const bool phone = raw.size() > 1 && raw[0] == '0';
    const bool code = !has_comma && raw.find('.') == std::string_view::npos && raw.size() >= 6;  // "123456"
    if (year || phone || code || value < 1000) return;
  } else {
    std::from_chars(raw.data(), raw.data() + raw.size(), value);  // "1.5 million"
    value *= scale;
  }
  const std::size_t end = scale == 1 ? t.end : next->end;
  report_at(big_number, t.begin, end,
            "Big numbers like " + std::string(text.substr(t.begin, end - t.begin)) + " are hard for many people.",
            "Try " + quote(friendly_big_number(value)) + ", or words like \"lots\" or \"many\".");
}

}  // namespace easyread::check::detail
