// Word lists for the checker: loading the plain files and finding their
// words and phrases, in any usual form, in a sentence's tokens.
#pragma once
#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/diagnostic.hpp"
#include "check/tokens.hpp"

namespace easyread::check::detail {

// Hashing that lets a std::string_view find a std::string key without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// The usual other forms of a lower-case word: plurals, -ed, -ing, -s, and
// the -ise/-ize spellings. Includes the word itself.
std::vector<std::string> word_forms(std::string_view word);

enum class ListKind { jargon, disability, user };

struct Entry {
  std::string term;        // as written in the list
  std::string suggestion;  // plainer choice
  ListKind kind = ListKind::jargon;
  std::size_t id = 0;      // position in the list, in the order added
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
  void add(std::string term, std::string suggestion, ListKind kind);
  // The longest entry that starts at tokens[at], if any.
  // `text` is the string the tokens point into.
  Match longest_at(const std::vector<Token>& tokens, std::size_t at, std::string_view text) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Phrase {
    std::vector<std::string> rest;  // words after the first
    std::size_t entry = 0;
    bool exact_case = false;
  };
  static std::string_view second_word(const Phrase& p) { return p.rest.empty() ? std::string_view() : p.rest[0]; }
  struct SecondWordLess {
    bool operator()(const Phrase& p, std::string_view w) const { return second_word(p) < w; }
    bool operator()(std::string_view w, const Phrase& p) const { return w < second_word(p); }
  };
  // A quick "certainly not a first word" test, so most words skip the hash table.
  static std::size_t sketch(std::string_view word);
  std::bitset<1 << 16> first_words_;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<Phrase>, StringHash, std::equal_to<>> by_first_;
};

// Reads "term | suggestion" lines. Bad lines become diagnostics.
void load_phrase_file(const std::string& path, ListKind kind, PhraseList& into, Diagnostics& diags);
// Reads words split by spaces and lines (all their forms go into the set).
void load_word_file(const std::string& path, WordSet& into, Diagnostics& diags);

}  // namespace easyread::check::detail
