// Dates, times, places and actions as people write them in UK meeting notes.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <regex>

#include "draft/internal.hpp"

namespace easyread::draft::detail {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

int month_number(std::string_view name) {
  const std::string lower = ascii_lower(name.substr(0, 3));
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (kMonths[i] == lower) return static_cast<int>(i) + 1;
  return 0;
}

// A month name in full or short ("March", "Mar", "Sept"), not any word that starts like one.
const std::string kMonth =
    "(january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
const std::string kDay = "(\\d{1,2})(?:st|nd|rd|th)?";
const std::string kWeekday =
    "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)"
    "\\.?,?\\s+)?";

const std::regex& day_month_pattern() {
  static const std::regex r("\\b" + kWeekday + kDay + "(?:\\s+of)?\\s+" + kMonth + "(?:,?\\s+(\\d{4}))?\\b",
                            std::regex::icase);
  return r;
}
const std::regex& month_day_pattern() {
  static const std::regex r("\\b" + kWeekday + kMonth + "\\s+" + kDay + "(?:,?\\s+(\\d{4}))?\\b", std::regex::icase);
  return r;
}
const std::regex& numeric_pattern() {
  static const std::regex r("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b");
  return r;
}
const std::regex& iso_pattern() {
  static const std::regex r("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  return r;
}

std::optional<Date> real_date(int year, int month, int day) {
  if (year == 0) {  // no year known: check the day against a leap year
    if (!real_date(2028, month, day)) return std::nullopt;
    return Date{0, month, day};
  }
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year % 10000, month % 100, day % 100);
  return parse_iso_date(iso);
}

// std::regex searches by recursion, as deep as the text it matches: only the
// start of a long paragraph is searched, so a hostile one cannot use up the stack.
constexpr std::size_t kLongestSearch = 2000;
std::string searched_part(std::string_view text) { return std::string(text.substr(0, kLongestSearch)); }

int number(const std::ssub_match& m) { return m.matched ? std::stoi(m.str()) : 0; }

void add(std::vector<FoundDate>& found, const std::smatch& m, std::size_t offset, int year, int month,
         int day, bool year_given) {
  if (auto date = real_date(year, month, day))
    found.push_back({*date, year_given, offset + static_cast<std::size_t>(m.position(0)),
                     offset + static_cast<std::size_t>(m.position(0) + m.length(0))});
}

template <typename OnMatch>
void each_match(std::string_view text, const std::regex& pattern, OnMatch on_match) {
  const std::string s = searched_part(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), pattern); it != std::sregex_iterator(); ++it)
    on_match(*it);
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::vector<FoundDate> find_dates(std::string_view text, int year_if_missing) {
  std::vector<FoundDate> found;
  auto with_year = [&](const std::smatch& m, int month, int day, const std::ssub_match& year) {
    const bool given = year.matched;
    add(found, m, 0, given ? number(year) : year_if_missing, month, day, given);
  };
  // Month names start with a capital, so "we may march 3 times" is no date.
  auto capital = [](const std::ssub_match& month) { return month.length() > 0 && month.str()[0] >= 'A' && month.str()[0] <= 'Z'; };
  each_match(text, day_month_pattern(), [&](const std::smatch& m) {
    if (capital(m[2])) with_year(m, month_number(m[2].str()), number(m[1]), m[3]);
  });
  each_match(text, month_day_pattern(), [&](const std::smatch& m) {
    if (capital(m[1])) with_year(m, month_number(m[1].str()), number(m[2]), m[3]);
  });
  each_match(text, numeric_pattern(), [&](const std::smatch& m) {
    int year = number(m[3]);
    if (m[3].length() == 2) year += 2000;
    add(found, m, 0, year, number(m[2]), number(m[1]), true);  // UK order: day, month, year
  });
  each_match(text, iso_pattern(), [&](const std::smatch& m) {
    add(found, m, 0, number(m[1]), number(m[2]), number(m[3]), true);
  });
  std::sort(found.begin(), found.end(), [](const FoundDate& a, const FoundDate& b) { return a.begin < b.begin; });
  // Forms can overlap ("Wed 3 March 2027" and "March 2027"?): keep the first of each overlap.
  std::vector<FoundDate> distinct;
  for (const FoundDate& d : found)
    if (distinct.empty() || d.begin >= distinct.back().end) distinct.push_back(d);
  return distinct;
}

std::optional<ClockTime> find_time(std::string_view text) {
  static const std::regex twelve("\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)", std::regex::icase);
  static const std::regex twenty_four("\\b([01]?\\d|2[0-3])[:.]([0-5]\\d)\\b(?![./]\\d)");
  static const std::regex noon("\\b(midday|noon)\\b", std::regex::icase);
  const std::string s = searched_part(text);
  std::smatch m;
  if (std::regex_search(s, m, twelve)) {
    int hour = number(m[1]);
    const int minute = number(m[2]);
    const bool pm = std::tolower(static_cast<unsigned char>(m[3].str()[0])) == 'p';
    if (hour < 1 || hour > 12 || minute > 59) return std::nullopt;
    hour = hour % 12 + (pm ? 12 : 0);
    return ClockTime{hour, minute};
  }
  if (std::regex_search(s, m, twenty_four)) return ClockTime{number(m[1]), number(m[2])};
  if (std::regex_search(s, m, noon)) return ClockTime{12, 0};
  return std::nullopt;
}

std::optional<std::string> find_place(std::string_view text) {
  static const std::regex labelled("\\b(?:place|where|venue|location)[ \\t]{0,4}:[ \\t]{0,4}", std::regex::icase);
  // "at Riverside Community Hall": a name with capitals, up to a comma, full
  // stop, or a word that starts the next part ("on", "from", "at").
  static const std::regex at_name(
      "\\b(?:at|in)\\s+((?:the\\s+)?[A-Z][\\w'&-]{0,40}(?:\\s+(?:of\\s+|the\\s+)?[A-Z0-9][\\w'&-]{0,40}){0,8})");
  const std::string s = searched_part(text);
  std::smatch m;
  if (std::regex_search(s, m, labelled)) {
    const std::string rest = m.suffix().str();
    std::string place(trim(rest.substr(0, rest.find_first_of(".;\n"))));
    if (!place.empty()) return place;
  }
  for (auto it = std::sregex_iterator(s.begin(), s.end(), at_name); it != std::sregex_iterator(); ++it) {
    const std::string place = (*it)[1].str();
    if (month_number(place) && place.size() <= 9) continue;  // "in March"
    return place;
  }
  return std::nullopt;
}

std::optional<ActionLine> read_action(std::string_view text, bool in_actions_part, int year) {
  static const std::regex label("^\\s*(?:action(?:\\s+point)?s?|to do)\\s*[:\\-]\\s*", std::regex::icase);
  // Up to 4 names ("Priya", "Sam and Jo", "The chair") then "to", "will", ...
  static const std::regex who_then_verb(
      "^((?:[A-Z][\\w'-]{0,30})(?:(?:\\s+and|\\s*,)?\\s+[A-Z][\\w'-]{0,30}){0,3}|[Tt]he\\s+\\w{1,30}|[Aa]ll|[Ee]veryone)\\s+"
      "(?:to|will|should|must|agreed to|is going to|are going to)\\s+\\S");
  const std::string s = searched_part(text);
  std::smatch m;
  const bool labelled = std::regex_search(s, m, label);
  const std::string rest = labelled ? m.suffix().str() : s;
  std::smatch who;
  const bool has_who = std::regex_search(rest, who, who_then_verb);
  const std::string lower = ascii_lower(s);
  std::optional<FoundDate> by;
  if (const auto at = lower.rfind(" by "); at != std::string::npos) {
    const auto dates = find_dates(std::string_view(s).substr(at), year);
    if (!dates.empty() && dates.front().begin <= 5) by = dates.front();
  }
  // Without a label, a line must say who and by when to be an action.
  if (!labelled && !(has_who && (in_actions_part || by))) return std::nullopt;
  ActionLine action;
  if (has_who) action.who = std::string(trim(who[1].str()));
  action.by = by;
  return action;
}

bool is_next_meeting(std::string_view text) {
  const std::string lower = ascii_lower(text);
  return lower.find("next meeting") != std::string::npos || lower.find("future meeting") != std::string::npos;
}

bool is_actions_heading(std::string_view text) {
  const std::string lower = ascii_lower(trim(text));
  return lower == "actions" || lower == "action points" || lower == "action log" || lower == "actions agreed" ||
         lower == "what we will do" || lower == "to do";
}

}  // namespace easyread::draft::detail
