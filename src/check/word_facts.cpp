#include "check/word_facts.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "check/rules.hpp"

namespace easyread::check::detail {
namespace {

// A quick test before the number-word search: (length, first, last letter).
std::int32_t number_word(const Lexicons& lex, std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return -1;
  const char first = w.front(), last = w.back();
  if (first < 'a' || first > 'z' || last < 'a' || last > 'z') return -1;
  const std::size_t key =
      (w.size() * 26 + static_cast<std::size_t>(first - 'a')) * 26 + static_cast<std::size_t>(last - 'a');
  if (!lex.number_keys[key]) return -1;
  for (const auto& [word, value] : lex.number_words)
    if (word == w) return value;
  return -1;
}

}  // namespace

WordFacts look_up_word(const Lexicons& lex, std::string_view word) {
  WordFacts f;
  f.first_word = static_cast<std::int32_t>(lex.phrases.first_word_number(word));
  f.second_word = static_cast<std::int32_t>(lex.phrases.second_word_number(word));
  f.number = number_word(lex, word);
  f.syllables = count_syllables(word);
  f.joining = lex.joining.count(word) > 0;
  f.joining_after_comma = lex.joining_after_comma.count(word) > 0;
  f.be = lex.be.count(word) > 0;
  f.between = lex.between.count(word) > 0;
  f.short_date = lex.short_months.count(word) || lex.short_days.count(word);
  std::string_view key = word;
  if (key.ends_with("'s")) key.remove_suffix(2);
  f.known = lex.frequent.count(key) || lex.familiar.count(key) || lex.common.count(key);
  return f;
}

const WordFacts& WordFactsCache::facts(std::string_view word) {
  if (word.empty() || word.size() > 15) {
    long_word_ = look_up_word(lex_, word);
    return long_word_;
  }
  // Whole words at once rather than a byte at a time: this runs for every word.
  std::array<char, 16> bytes{};
  std::memcpy(bytes.data(), word.data(), word.size());
  bytes[15] = static_cast<char>(word.size());
  Key key;
  std::memcpy(&key.low, bytes.data(), 8);
  std::memcpy(&key.high, bytes.data() + 8, 8);
  const std::uint64_t mixed = (key.low ^ (key.high * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
  const std::size_t at = static_cast<std::size_t>(mixed >> 40) & (kSlots - 2);
  Slot& first = slots_[at];
  if (first.key == key) return first.facts;
  Slot& second = slots_[at + 1];
  if (second.key == key) return second.facts;
  second = first;  // the older word of the two goes
  first.facts = look_up_word(lex_, word);
  first.key = key;
  return first.facts;
}

}  // namespace easyread::check::detail
