// Markdown: blank out the syntax, byte for byte, so the words keep their places.
#include <string>

#include "check/check.hpp"

namespace easyread::check {
namespace {

void blank(std::string& s, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end && i < s.size(); ++i)
    if (s[i] != '\n') s[i] = ' ';
}

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// One line without its line end: [begin, end).
void blank_line_syntax(std::string& s, std::size_t begin, std::size_t end) {
  std::size_t pos = begin;
  while (pos < end && pos < begin + 3 && s[pos] == ' ') ++pos;
  // A rule ("---", "***") or a table's header line ("|---|:--|").
  const std::string_view line(s.data() + pos, end - pos);
  if (!line.empty() && line.find_first_not_of("-*_=|: \t\r") == std::string_view::npos) {
    blank(s, begin, end);
    return;
  }
  // "[id]: https://..." defines a link.
  if (!line.empty() && line[0] == '[' && line.find("]:") != std::string_view::npos) {
    blank(s, begin, end);
    return;
  }
  // Headings, quotes and list markers at the start of the line.
  while (pos < end && (s[pos] == '#' || s[pos] == '>')) s[pos++] = ' ';
  if (pos + 1 < end && (s[pos] == '-' || s[pos] == '*' || s[pos] == '+') && s[pos + 1] == ' ') s[pos] = ' ';
  std::size_t digits = pos;
  while (digits < end && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > pos && digits + 1 < end && (s[digits] == '.' || s[digits] == ')') && s[digits + 1] == ' ')
    blank(s, pos, digits + 1);

  for (std::size_t i = pos; i < end; ++i) {
    const char c = s[i];
    if (c == '`') {  // code: not words to check
      const std::size_t close = s.find('`', i + 1);
      const std::size_t stop = close == std::string::npos || close >= end ? end : close + 1;
      blank(s, i, stop);
      i = stop - 1;
    } else if (c == '<') {  // HTML tags and <https://...> links
      const std::size_t close = s.find('>', i + 1);
      if (close != std::string::npos && close < end) {
        blank(s, i, close + 1);
        i = close;
      }
    } else if (c == '!' && i + 1 < end && s[i + 1] == '[') {  // images: all of it
      const std::size_t close = s.find("](", i);
      const std::size_t paren = close == std::string::npos ? std::string::npos : s.find(')', close);
      if (paren != std::string::npos && paren < end) {
        blank(s, i, paren + 1);
        i = paren;
      }
    } else if (c == '[') {  // links: keep the words, blank the address
      const std::size_t close = s.find(']', i + 1);
      if (close != std::string::npos && close < end) {
        s[i] = ' ';
        s[close] = ' ';
        if (close + 1 < end && s[close + 1] == '(') {
          const std::size_t paren = s.find(')', close + 1);
          if (paren != std::string::npos && paren < end) blank(s, close + 1, paren + 1);
        }
      }
    } else if (c == '*' || c == '|' || c == '\\') {
      s[i] = ' ';
    } else if (c == '_') {  // _emphasis_, but not snake_case
      const bool inside = i > pos && i + 1 < end && word_char(s[i - 1]) && word_char(s[i + 1]);
      if (!inside) s[i] = ' ';
    } else if (c == '~' && i + 1 < end && s[i + 1] == '~') {
      s[i] = s[i + 1] = ' ';
      ++i;
    }
  }
}

}  // namespace

std::string blank_markdown(std::string_view markdown) {
  std::string s(markdown);
  bool in_fence = false;
  bool after_blank = true;    // the line before was blank (or the start)
  bool in_indented = false;   // inside an indented code block
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t end = s.find('\n', begin);
    if (end == std::string::npos) end = s.size();
    std::size_t first = begin;
    while (first < end && s[first] == ' ') ++first;
    const std::string_view line(s.data() + first, end - first);
    const bool fence = line.starts_with("```") || line.starts_with("~~~");
    const bool blank_line = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (fence || in_fence) {
      blank(s, begin, end);
      if (fence) in_fence = !in_fence;
    } else if (first - begin >= 4 && !blank_line && (after_blank || in_indented)) {
      blank(s, begin, end);  // indented code starts after a blank line
      in_indented = true;
    } else {
      if (!blank_line) in_indented = false;
      blank_line_syntax(s, begin, end);
    }
    after_blank = blank_line;
    begin = end + 1;
  }
  return s;
}

}  // namespace easyread::check
