// Groups of words that a reader must see on one line: a phone number split
// over two lines ("01484 / 342000") is easy to dial wrongly, and "10 / am" or
// "Dr / Okafor" reads as two things.
#include <algorithm>
#include <iterator>
#include <cctype>
#include <cstring>

#include "text/text.hpp"

namespace easyread::text {
namespace {

struct Token {
  std::size_t begin = 0, end = 0;  // bytes, in the whole text
  std::string_view word;           // without punctuation at its ends
};

// Month names, then their short forms in the same order.
constexpr const char* kMonths[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                   "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr const char* kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                     "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr const char* kTitles[] = {"dr",   "mr",   "mrs", "ms",   "miss",       "mx",       "prof",
                                   "sir",  "dame", "cllr", "rev", "councillor", "professor"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool equals_folded(std::string_view word, const char* name) {
  if (word.size() != std::strlen(name)) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(word[i])) != name[i]) return false;
  return true;
}

template <std::size_t N>
bool one_of(std::string_view word, const char* const (&names)[N]) {
  return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return equals_folded(word, n); });
}

// 1 for the first name, ...; the list holds long names then short ones, `cycle` of each.
template <std::size_t N>
int number_in(std::string_view word, const char* const (&names)[N], int cycle) {
  for (std::size_t i = 0; i < N; ++i)
    if (equals_folded(word, names[i])) return int(i) % cycle + 1;
  return 0;
}

bool all_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t digit_count(std::string_view w) {
  return static_cast<std::size_t>(std::count_if(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

// Words split at spaces, with the punctuation around each word set aside
// (a "£" or "+" stays: it belongs to the number).
std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end])) ++end;
    if (end == i) break;
    std::string_view w = text.substr(i, end - i);
    while (!w.empty() && std::strchr("(\"'", w.front())) w.remove_prefix(1);
    while (!w.empty() && std::strchr(".,;:!?)\"'", w.back())) w.remove_suffix(1);
    out.push_back({i, end, w});
    i = end;
  }
  return out;
}

// A number as people write it in a phone number: digits, maybe "+44" or "(01484)".
bool is_number_group(std::string_view w) {
  if (!w.empty() && w.front() == '+') w.remove_prefix(1);
  if (w.size() > 2 && w.front() == '(' && w.back() == ')') w = w.substr(1, w.size() - 2);
  return all_digits(w);
}

bool is_clock(std::string_view w) {  // "10", "10:30", "10.30"
  const std::size_t sep = w.find_first_of(":.");
  if (sep == std::string_view::npos) return all_digits(w) && w.size() <= 2;
  return all_digits(w.substr(0, sep)) && sep <= 2 && w.size() == sep + 3 && all_digits(w.substr(sep + 1));
}

bool is_am_pm(std::string_view w) {
  return equals_folded(w, "am") || equals_folded(w, "pm") || equals_folded(w, "a.m") || equals_folded(w, "p.m") ||
         equals_folded(w, "o'clock");
}

bool is_day_number(std::string_view w) { return day_of_month(w) > 0; }
bool is_month(std::string_view w) { return english_month(w) > 0; }
bool is_year(std::string_view w) { return w.size() == 4 && all_digits(w); }

bool is_postcode_start(std::string_view w) {  // "HD1", "SW1A", "M4"
  std::size_t letters = 0;
  while (letters < w.size() && std::isupper(static_cast<unsigned char>(w[letters]))) ++letters;
  if (letters < 1 || letters > 2 || letters == w.size() || w.size() > letters + 2) return false;
  if (!std::isdigit(static_cast<unsigned char>(w[letters]))) return false;
  return w.size() == letters + 1 || std::isalnum(static_cast<unsigned char>(w[letters + 1]));
}

bool is_postcode_end(std::string_view w) {  // "2AB"
  return w.size() == 3 && std::isdigit(static_cast<unsigned char>(w[0])) && std::isupper(static_cast<unsigned char>(w[1])) &&
         std::isupper(static_cast<unsigned char>(w[2]));
}

bool is_currency(std::string_view w) { return w == "£" || w == "$" || w == "€"; }
bool is_amount(std::string_view w) {
  if (w.starts_with("£")) w.remove_prefix(std::strlen("£"));
  return !w.empty() && std::isdigit(static_cast<unsigned char>(w.front()));
}
bool is_money_word(std::string_view w) {
  return equals_folded(w, "pounds") || equals_folded(w, "pound") || equals_folded(w, "pence") || equals_folded(w, "p");
}

// How many tokens from `i` make one group (1: no group).
std::size_t group_length(const std::vector<Token>& t, std::size_t i) {
  auto word = [&](std::size_t k) { return k < t.size() ? t[k].word : std::string_view(); };
  // Phone and NHS numbers: groups of digits with 9 to 13 digits in all.
  if (is_number_group(word(i)) && is_number_group(word(i + 1))) {
    std::size_t n = 0, digits = 0;
    while (i + n < t.size() && is_number_group(word(i + n))) digits += digit_count(word(i + n++));
    if (digits >= 9 && digits <= 13) return n;
  }
  if (is_clock(word(i)) && is_am_pm(word(i + 1))) return 2;
  // Dates: "Monday 14 March 2027", "14 March", "March 14 2027".
  {
    std::size_t n = english_weekday(word(i)) > 0 ? 1 : 0;
    const bool day_month = is_day_number(word(i + n)) && is_month(word(i + n + 1));
    const bool month_day = is_month(word(i + n)) && is_day_number(word(i + n + 1));
    if (day_month || month_day) return n + 2 + (is_year(word(i + n + 2)) ? 1 : 0);
  }
  if (is_postcode_start(word(i)) && is_postcode_end(word(i + 1))) return 2;
  if (is_currency(word(i)) && is_amount(word(i + 1))) return 2;
  if (is_amount(word(i)) && is_money_word(word(i + 1))) return 2;
  if (one_of(word(i), kTitles) && std::isupper(static_cast<unsigned char>(word(i + 1).empty() ? 'a' : word(i + 1)[0])))
    return 2;
  return 1;
}

}  // namespace

int english_month(std::string_view word) { return number_in(word, kMonths, 12); }
int english_weekday(std::string_view word) { return number_in(word, kWeekdays, 7); }

int day_of_month(std::string_view w) {  // "3", "14", "3rd", "21st"
  std::size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string_view rest = w.substr(digits);
  if (!rest.empty() && !equals_folded(rest, "st") && !equals_folded(rest, "nd") && !equals_folded(rest, "rd") &&
      !equals_folded(rest, "th"))
    return 0;
  const int day = digits == 1 ? w[0] - '0' : (w[0] - '0') * 10 + (w[1] - '0');
  return day >= 1 && day <= 31 ? day : 0;
}

std::vector<Range> unbreakable_ranges(std::string_view utf8) {
  const std::vector<Token> tokens = tokens_of(utf8);
  std::vector<Range> out;
  for (std::size_t i = 0; i < tokens.size();) {
    const std::size_t n = group_length(tokens, i);
    if (n > 1) out.push_back({tokens[i].begin, tokens[i + n - 1].end});
    i += n;
  }
  return out;
}

}  // namespace easyread::text
