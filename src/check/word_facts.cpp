#include "check/word_facts.hpp"

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

WordFactsCache::Slot& WordFactsCache::insert(const Key& key, const WordFacts& facts) {
  const std::size_t at = pair_of(key);
  Slot& first = slots_[at];
  Slot& second = slots_[at + 1];
  // A pair fills first slot first, so an empty first slot means an empty pair.
  if (first.key == Key{} || second.key == Key{}) ++used_;
  second = first;  // the older word of the two goes
  first.key = key;
  first.facts = facts;
  return first;
}

// Twice the slots, with every word kept, in place: a word's pair is then
// the one it was in, or that one plus the old number of slots (one more bit
// of its hash), and each pair keeps its order (the word last used first).
// The memory was reserved at the start, so nothing is copied or freed.
void WordFactsCache::grow() {
  const std::size_t old_size = slots_.size();
  slots_.resize(old_size * 2);
  pair_mask_ = slots_.size() - 2;
  for (std::size_t at = 0; at < old_size; at += 2) {
    std::array<Slot, 2> stay{}, move{};
    std::size_t stays = 0, moves = 0;
    for (const Slot& slot : {slots_[at], slots_[at + 1]})
      if (!(slot.key == Key{})) (pair_of(slot.key) == at ? stay[stays++] : move[moves++]) = slot;
    slots_[at] = stay[0];
    slots_[at + 1] = stay[1];
    slots_[at + old_size] = move[0];
    slots_[at + old_size + 1] = move[1];
  }
}

const WordFacts& WordFactsCache::look_up(const Key& key, std::string_view word) {
  if (word.empty() || word.size() > 15) {
    long_word_ = look_up_word(lex_, word);
    return long_word_;
  }
  if (used_ * 4 >= slots_.size() && slots_.size() < kMaxSlots) grow();
  return insert(key, look_up_word(lex_, word)).facts;
}

}  // namespace easyread::check::detail
