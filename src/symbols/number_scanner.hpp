// Reads SVG numbers from text: "-1.5e2", ".5.5" (two numbers), "1-2" (two).
#pragma once
#include <cctype>
#include <charconv>
#include <optional>
#include <string_view>

namespace easyread::symbols::detail {

class NumberScanner {
 public:
  explicit NumberScanner(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  void advance() { ++pos_; }
  std::size_t position() const { return pos_; }

  void skip_spaces() {
    while (!at_end() && is_space(text_[pos_])) ++pos_;
  }
  // Spaces and at most one comma.
  void skip_separators() {
    skip_spaces();
    if (peek() == ',') {
      ++pos_;
      skip_spaces();
    }
  }

  // One number in SVG's grammar; nullopt (and no movement) if there is none.
  std::optional<double> number() {
    const std::size_t start = pos_;
    std::size_t p = pos_;
    if (p < text_.size() && (text_[p] == '+' || text_[p] == '-')) ++p;
    const std::size_t digits_start = p;
    while (p < text_.size() && is_digit(text_[p])) ++p;
    bool any_digit = p > digits_start;
    if (p < text_.size() && text_[p] == '.') {
      ++p;
      const std::size_t frac = p;
      while (p < text_.size() && is_digit(text_[p])) ++p;
      any_digit = any_digit || p > frac;
    }
    if (!any_digit) return std::nullopt;
    if (p < text_.size() && (text_[p] == 'e' || text_[p] == 'E')) {
      std::size_t q = p + 1;
      if (q < text_.size() && (text_[q] == '+' || text_[q] == '-')) ++q;
      const std::size_t exp_digits = q;
      while (q < text_.size() && is_digit(text_[q])) ++q;
      if (q > exp_digits) p = q;  // "e" without digits is not part of the number
    }
    // from_chars does not accept a leading '+'.
    std::size_t from = start;
    if (text_[from] == '+') ++from;
    double value = 0;
    const auto result = std::from_chars(text_.data() + from, text_.data() + p, value);
    if (result.ec != std::errc() || result.ptr != text_.data() + p) return std::nullopt;
    pos_ = p;
    return value;
  }

  // An arc flag: exactly one '0' or '1' (flags may touch the next number).
  std::optional<double> flag() {
    if (peek() == '0' || peek() == '1') return double(text_[pos_++] - '0');
    return std::nullopt;
  }

 private:
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace easyread::symbols::detail
