// Word lists for the checker: loading the plain files and finding their
// words and phrases, in any usual form, in a sentence's tokens.
#pragma once
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/hashing.hpp"
#include "check/tokens.hpp"

namespace easyread::check::detail {

// Hashing that lets a std::string_view find a std::string key without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// Words to numbers, for lookups done on every word of a file: a cheap FNV-1a
// hash, a bit filter that answers most "not here" at once, then open addressing.
class FastWords {
 public:
  friend struct LexiconCodec;  // keeps the table in the cache file as it is
  // Adds `word` (if new) and returns its number, counting from 0.
  std::uint32_t add(std::string_view word);
  // The number of `word`, or -1.
  std::int64_t find(std::string_view word) const {
    const std::uint64_t h = hash(word);
    if (!(filter_[(h >> 6) & kFilterMask] & (std::uint64_t{1} << (h & 63)))) return -1;
    for (std::size_t at = (h >> 20) & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      const std::uint32_t slot = slots_[at];
      if (slot == 0) return -1;
      if (word_at(slot - 1) == word) return slot - 1;
    }
  }
  std::size_t size() const { return starts_.size() - 1; }
  // Word number `i` (less than size()).
  std::string_view word(std::size_t i) const { return word_at(i); }
  std::size_t count(std::string_view word) const { return find(word) >= 0 ? 1 : 0; }

 private:
  static std::uint64_t hash(std::string_view word) {
    const std::uint64_t h = fnv1a(word);
    return h ^ (h >> 29);
  }
  void place(std::uint64_t h, std::uint32_t slot);  // puts `slot` in the first free place for `h`
  static constexpr std::size_t kFilterMask = (1u << 11) - 1;  // 2^17 bits: 16 KB, stays in the cache
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>(kFilterMask + 1);
  // Word i is chars_[starts_[i], starts_[i + 1]): one string for all the
  // words, so adding one seldom allocates.
  std::string_view word_at(std::size_t i) const {
    return std::string_view(chars_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }
  std::vector<std::uint32_t> slots_ = std::vector<std::uint32_t>(1024);  // 1 + word number; 0: empty
  std::string chars_;
  std::vector<std::uint32_t> starts_ = std::vector<std::uint32_t>(1, 0);
  std::vector<std::uint64_t> hashes_;  // hash(word_at(i))
};

// The usual other forms of a lower-case word: plurals, -ed, -ing, -s, and
// the -ise/-ize spellings. Includes the word itself.
std::vector<std::string> word_forms(std::string_view word);

enum class ListKind { jargon, disability, user };

// English verbs whose past forms do not end in -ed (wordlists/irregular-verbs.txt).
struct IrregularVerbs {
  struct Forms {
    std::string past, participle;
  };
  std::unordered_map<std::string, Forms, StringHash, std::equal_to<>> by_base;
  WordSet participles;  // "given", "sent": for the passive-voice rule
  const Forms* find(std::string_view base) const;
};

// The form of a verb that a sentence uses, so a suggestion can use it too.
enum class VerbForm { base, third_person, past, participle, ing };
// `phrase` with its first word in `form`: "send to" -> "sent to".
std::string inflect(std::string_view phrase, VerbForm form, const IrregularVerbs& verbs);

struct Entry {
  std::string term;        // as written in the list
  std::string suggestion;  // plainer choice
  ListKind kind = ListKind::jargon;
  std::size_t id = 0;      // position in the list, in the order added
  bool verb = false;       // written "to refer | to send": the suggestion takes the verb's form
  std::string first_word;  // verbs: the first word of the term, in small letters
};

struct Match {
  const Entry* entry = nullptr;
  std::size_t token_count = 0;  // how many tokens the phrase covers
};

// Words and phrases, each with a plainer choice. Entries written with
// capitals ("CQC", "NICE guidance") only match those capitals, so "send"
// is not "SEND".
class PhraseList {
 public:
  friend struct LexiconCodec;
  // `any_case`: match whatever the capitals (a document's own word list).
  // `verbs` gives the irregular forms of verb entries ("undertook").
  void add(std::string term, std::string suggestion, ListKind kind, bool any_case = false,
           const IrregularVerbs* verbs = nullptr);
  // The longest entry that starts at tokens[at], if any.
  // `text` is the string the tokens point into.
  Match longest_at(const std::vector<Token>& tokens, std::size_t at, std::string_view text) const {
    const bool next = at + 1 < tokens.size();
    return longest_at(tokens, at, text, first_word_number(tokens[at].lower),
                      next ? second_word_number(tokens[at + 1].lower) : -1);
  }
  // The same, with first_word_number(tokens[at].lower) and
  // second_word_number(tokens[at + 1].lower) already looked up.
  Match longest_at(const std::vector<Token>& tokens, std::size_t at, std::string_view text,
                   std::int64_t first_word, std::int64_t next_word) const;
  // The number of `word` among the entries' first words (in small letters), or -1.
  std::int64_t first_word_number(std::string_view word) const { return first_words_.find(word); }
  // The number of `word` among the entries' second words, or -1.
  std::int64_t second_word_number(std::string_view word) const { return second_words_.find(word); }
  std::size_t size() const { return entries_.size(); }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  struct Phrase {
    // The words after the first: rest_words_ numbers rest_[rest_begin, rest_begin + rest_count).
    std::uint32_t rest_begin = 0, rest_count = 0;
    std::int64_t second = -1;  // number of the second word in second_words_ (-1: one word)
    std::size_t entry = 0;
    bool exact_case = false;
  };
  struct SecondWordLess {
    bool operator()(const Phrase& p, std::int64_t w) const { return p.second < w; }
    bool operator()(std::int64_t w, const Phrase& p) const { return w < p.second; }
  };
  std::vector<Entry> entries_;
  FastWords first_words_;                        // every form of every entry's first word
  FastWords second_words_;                       // the second words of the phrases
  std::vector<std::vector<Phrase>> by_first_;    // the phrases of each first word
  // The words after the first of every phrase, as numbers: no strings or
  // vectors of their own for the thousands of phrase forms.
  FastWords rest_words_;
  std::vector<std::uint32_t> rest_;
  std::string_view rest_word(const Phrase& phrase, std::size_t i) const {
    return rest_words_.word(rest_[phrase.rest_begin + i]);
  }
};

// Reads "term | suggestion" lines. Bad lines become diagnostics.
void load_phrase_file(const std::string& path, ListKind kind, PhraseList& into, Diagnostics& diags,
                      const IrregularVerbs* verbs = nullptr);
// Reads words split by spaces and lines (with `forms`, all their forms go into the set).
void load_word_file(const std::string& path, WordSet& into, Diagnostics& diags, bool forms = true);
// The same into a FastWords table, for the lists looked at for every word.
void load_word_file(const std::string& path, FastWords& into, Diagnostics& diags, bool forms = true);
// Reads exactly `how_many` words, in the file's order (months, days); else an
// error that shows `example`, and `into` is left as it was.
void load_words_in_order(const std::string& path, std::size_t how_many, const std::string& example,
                         std::vector<std::string>& into, Diagnostics& diags);
// Reads "a | b" lines as they are (contractions, number words, short dates).
void load_pair_file(const std::string& path, std::vector<std::pair<std::string, std::string>>& into,
                    Diagnostics& diags);
// Reads "base past participle" lines.
void load_verb_file(const std::string& path, IrregularVerbs& into, Diagnostics& diags);
// Reads "word number" lines and keeps the words used at least `per_million` times.
void load_frequency_file(const std::string& path, double per_million, FastWords& into, Diagnostics& diags);

}  // namespace easyread::check::detail
