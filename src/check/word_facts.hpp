// What the word lists say about one word, looked up once for all the rules.
// A big file uses a few thousand words again and again: each is looked up
// in every list the first time, and then found again with one hash.
#pragma once
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace easyread::check::detail {

struct Lexicons;

struct WordFacts {
  std::int32_t first_word = -1;   // number of the word among the phrases' first words, or -1
  std::int32_t second_word = -1;  // the same among their second words
  std::int32_t number = -1;       // a number word's value ("twelve": 12), or -1
  std::int32_t syllables = 0;
  bool joining = false;              // joins ideas ("because")
  bool joining_after_comma = false;  // joins ideas after a comma ("which")
  bool be = false;                   // a form of "be" for the passive voice ("was")
  bool between = false;              // may stand between "be" and the action ("not")
  bool known = false;                // frequent, familiar or common (without "'s"): not a hard word
  bool short_date = false;           // a short day or month ("Mon", "Jan")
};

// The facts of `word` (in small letters), from the lists themselves.
WordFacts look_up_word(const Lexicons& lex, std::string_view word);

// Facts of recent words: a table with two slots a hash (the word last used
// first), so memory stays bounded however big the file is, and two words
// with the same hash do not push each other out. The table starts small, so
// a short text touches little memory, and doubles when a quarter full, up to
// kMaxSlots. Longer words are looked up each time.
class WordFactsCache {
 public:
  // The memory for the biggest table is kept from the start, but only the
  // part in use is written, so a short text touches little of it.
  explicit WordFactsCache(const Lexicons& lex) : lex_(lex) {
    slots_.reserve(kMaxSlots);
    slots_.resize(kFirstSlots);
  }
  // Here, so that a word found again costs no call: this runs for every word.
  const WordFacts& facts(std::string_view word) {
    if (word.empty() || word.size() > 15) return look_up({}, word);
    const Key key = key_of(word);
    const std::size_t at = pair_of(key);
    if (slots_[at].key == key) return slots_[at].facts;
    if (slots_[at + 1].key == key) return slots_[at + 1].facts;
    return look_up(key, word);
  }

 private:
  // A word of up to 15 bytes, padded with zeros, and its length in the last
  // byte: 2 numbers that are equal only for the same word (0, 0: empty).
  struct Key {
    std::uint64_t low = 0, high = 0;
    bool operator==(const Key&) const = default;
  };
  struct Slot {
    Key key;
    WordFacts facts;
  };
  static constexpr std::size_t kFirstSlots = 1024;   // about 40 kB
  static constexpr std::size_t kMaxSlots = 32768;    // about 1.3 MB
  // The word's key, read without a copy: loads that may overlap, and never
  // a byte outside the word (a word of 1 to 15 bytes).
  static Key key_of(std::string_view word) {
    static_assert(std::endian::native == std::endian::little, "the key is built for little-endian machines");
    const std::size_t n = word.size();
    Key key;
    if (n <= 8) {
      key.low = load_up_to_8(word.data(), n);
    } else {
      std::memcpy(&key.low, word.data(), 8);
      key.high = load_up_to_8(word.data() + 8, n - 8);
    }
    key.high |= std::uint64_t{n} << 56;
    return key;
  }
  // `n` (1 to 8) bytes from `p` in the low bytes of a number, the rest zero.
  static std::uint64_t load_up_to_8(const char* p, std::size_t n) {
    if (n >= 4) {
      std::uint32_t first = 0, last = 0;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);  // its last n - 4 bytes are bytes 4 on
      return first | (std::uint64_t{last} >> (8 * (8 - n)) << 32);
    }
    std::uint64_t v = static_cast<unsigned char>(p[0]);
    if (n > 1) v |= std::uint64_t{static_cast<unsigned char>(p[1])} << 8;
    if (n > 2) v |= std::uint64_t{static_cast<unsigned char>(p[2])} << 16;
    return v;
  }
  std::size_t pair_of(const Key& key) const {
    const std::uint64_t mixed = (key.low ^ (key.high * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
    return static_cast<std::size_t>(mixed >> 40) & pair_mask_;
  }
  // A word not in the table (or too long for it): looked up in the lists.
  const WordFacts& look_up(const Key& key, std::string_view word);
  // Puts a word first in its pair; the pair's older word moves second.
  Slot& insert(const Key& key, const WordFacts& facts);
  void grow();

  const Lexicons& lex_;
  std::vector<Slot> slots_;
  std::size_t pair_mask_ = kFirstSlots - 2;  // the first slot of a hash's pair: hash & pair_mask_
  std::size_t used_ = 0;                     // slots that hold a word
  WordFacts long_word_;
};

}  // namespace easyread::check::detail
