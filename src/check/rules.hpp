// The rules that read one sentence at a time, and the state they share
// while one file is checked.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "check/check.hpp"
#include "check/lexicon.hpp"
#include "check/tokens.hpp"
#include "check/word_facts.hpp"

namespace easyread::check::detail {

// Rule ids in the order of rules(), so a rule can be found by number. The
// names come from the catalogue (src/base/messages.tsv): "long-sentence" is long_sentence.
enum Rule : std::size_t {
#include "base/rule_enum.inc"
  rule_count
};

// The word lists, loaded once for a Checker (see wordlists/README.txt).
struct Lexicons {
  PhraseList phrases;  // jargon, disability language and the user's lists
  FastWords familiar;  // long words most people know, and everyday short words
  FastWords common;    // everyday short words (capitals, not abbreviations)
  FastWords frequent;  // long words used often enough not to be hard (word-frequency.txt)
  IrregularVerbs verbs;
  FastWords be, between;                 // passive-voice: looked at for many words
  WordSet describing;
  FastWords joining, joining_after_comma;  // many-ideas
  std::vector<std::pair<std::string, std::string>> contractions;  // "-n't" is an ending
  std::vector<std::pair<std::string, int>> number_words;
  // A quick test: (length, first, last letter) of any number word. Sized
  // here, so a checker whose lists could not be read still runs.
  std::vector<bool> number_keys = std::vector<bool>(10 * 26 * 26);
  WordSet short_months, short_days;
  std::vector<std::string> month_names;  // "january" first (month-names.txt)
  std::vector<std::string> day_names;    // "sunday" first (day-names.txt)
  WordSet participle_helpers;  // "was", "has": the verb after them is a participle ("was sent")
  WordSet used_to_things;      // "used to it": "used" describes, it is not a passive
  WordSet exact_before;  // big-number: "ref 4471203"
  WordSet explaining;    // "X is a ...": explains X
  WordSet after_group;   // "the disabled and ...": words after a group name
};

// Everything the rules need while one file (or one XML document) is checked.
class FileContext {
 public:
  FileContext(const Lexicons& lexicons, const Settings& settings, std::string file,
              const Sink& sink, std::string lang);

  // Where bytes [begin, end) of the current text are in the file.
  std::function<Span(std::size_t, std::size_t)> locate;
  // The document's own word list (XML), and which of its entries were used.
  const PhraseList* document_words = nullptr;
  std::vector<bool>* used_words = nullptr;
  bool count_word_use = true;
  bool is_markup = false;
  std::vector<std::string> ignore;  // rule ids switched off here (XML points)
  // Bytes of the current text that are <hard> words: the word list explains them.
  std::vector<std::pair<std::size_t, std::size_t>> hard_ranges;

  // Checks one sentence: text[begin, end). Adds to the stats.
  void check_sentence(std::string_view text, std::size_t begin, std::size_t end);
  // Reports a finding for any rule (used by the XML checks too).
  void report(Rule rule, Span span, std::string message, std::string suggestion);
  bool on(Rule rule) const { return enabled_[rule] && (ignore.empty() || !ignored(rule)); }

  // A section ends: its findings go out, each jargon word once with how often it is used.
  void end_section();
  Stats finish_stats() const;
  const std::string& file() const { return file_; }
  const std::string& lang() const { return lang_; }

 private:
  bool ignored(Rule rule) const;
  void find_phrases(std::string_view text);
  void sentence_rules(std::string_view text, std::size_t begin, std::size_t end, int words);
  void word_rules(std::string_view text);
  void passive_rule(std::string_view text);
  bool explained_by_sentence(std::size_t first, std::size_t last) const;
  void report_jargon(const Entry& entry, std::size_t first, std::size_t last, std::string_view text);
  void number_rules(std::string_view text, std::size_t i);
  bool short_date_word(std::string_view text, std::size_t i);  // true: reported
  // The message and suggestion are copied into a finding kept from before,
  // so most findings need no new memory.
  void report_at(Rule rule, std::size_t begin, std::size_t end, std::string_view message, std::string_view suggestion,
                 std::size_t entry = static_cast<std::size_t>(-1));
  // The pieces joined, in a buffer kept for the next message: for messages
  // made of words and numbers, without new memory for each.
  std::string_view message_of(std::initializer_list<std::string_view> pieces);
  // `"word" rest`: the usual message about one word or phrase of the text.
  std::string_view message_about(std::string_view word, std::string_view rest) {
    return message_of({"\"", word, "\"", rest});
  }

  const Lexicons& lex_;
  const Settings& settings_;
  std::string file_;
  const Sink& sink_;
  std::string lang_;
  std::array<bool, rule_count> enabled_{};
  std::array<Severity, rule_count> severity_{};
  WordFactsCache word_facts_;
  std::vector<Token> tokens_;
  std::string folded_;  // the tokens' small letters, where the text has capitals
  std::vector<WordFacts> facts_;  // what the lists say about each token (words only)
  struct Finding {
    std::size_t offset = 0;                      // for the order in the sentence
    std::size_t entry = static_cast<std::size_t>(-1);  // jargon: the list entry
    Diagnostic diagnostic;
  };
  // Every finding not yet sent, in slots that are used again once it is
  // sent, with their strings' memory: a finding rarely needs new memory
  // (big files have many). Findings move between lists by their numbers,
  // never by copying their strings.
  std::vector<Finding> found_;
  std::vector<std::uint32_t> free_slots_;
  std::uint32_t take_slot();
  std::vector<std::uint32_t> sentence_;  // this sentence's findings, as found
  std::string message_;  // message_of()'s buffer
  // This section's findings in order, how often each is used, and for each
  // jargon entry where its finding is (1 + index; 0: none).
  std::vector<std::uint32_t> section_;
  std::vector<int> section_uses_;
  Diagnostic& next_in_section();  // a finding added to the section, to fill in
  std::vector<std::uint32_t> jargon_at_;
  std::vector<std::size_t> jargon_touched_;
  std::vector<char> explained_entries_;  // list entries the text explains ("X means ...")
  bool english_ = true;
  std::vector<char> covered_;  // tokens a list entry already explains or flags
  WordSet seen_hard_, seen_abbreviation_, explained_abbreviation_;
  long sentences_ = 0, words_ = 0, syllables_ = 0, short_sentences_ = 0;
};

// "word" with double quotes, for messages.
inline std::string quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Friendlier ways to say numbers, for the suggestions.
std::string friendly_percentage(double percent);
std::string friendly_big_number(double value);

}  // namespace easyread::check::detail

namespace easyread::check {
// What a Checker holds: its settings and the lists it loaded.
struct Checker::Impl {
  Settings settings;
  detail::Lexicons lexicons;
};
}  // namespace easyread::check
