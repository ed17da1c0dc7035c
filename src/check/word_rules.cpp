// Rules that look at single words, numbers and marks in a sentence.
#include <algorithm>
#include <array>
#include <optional>

#include "check/rules.hpp"
#include "text/text.hpp"

namespace easyread::check::detail {
namespace {

struct NumberWord {
  std::string_view word;
  int value;
};
constexpr std::array<NumberWord, 27> kNumberWords = {{
    {"two", 2},      {"three", 3},     {"four", 4},       {"five", 5},      {"six", 6},
    {"seven", 7},    {"eight", 8},     {"nine", 9},       {"ten", 10},      {"eleven", 11},
    {"twelve", 12},  {"thirteen", 13}, {"fourteen", 14},  {"fifteen", 15},  {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},
    {"forty", 40},   {"fifty", 50},    {"sixty", 60},     {"seventy", 70},  {"eighty", 80},
    {"ninety", 90},  {"hundred", 100},
}};

// Every word is checked, so first a quick test of length, first and last
// letter: a table of the (length, first, last) that any number word has.
constexpr std::size_t number_key(std::size_t length, char first, char last) {
  return (length * 26 + static_cast<std::size_t>(first - 'a')) * 26 + static_cast<std::size_t>(last - 'a');
}
constexpr auto kNumberKeys = [] {
  std::array<bool, 10 * 26 * 26> keys{};
  for (const NumberWord& n : kNumberWords) keys[number_key(n.word.size(), n.word.front(), n.word.back())] = true;
  return keys;
}();

std::optional<int> number_word(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return std::nullopt;
  const char first = w.front(), last = w.back();
  if (first < 'a' || first > 'z' || last < 'a' || last > 'z') return std::nullopt;
  if (!kNumberKeys[number_key(w.size(), first, last)]) return std::nullopt;
  for (const NumberWord& n : kNumberWords)
    if (n.word == w) return n.value;
  return std::nullopt;
}

struct Contraction {
  std::string_view short_form, full;
};
constexpr std::array<Contraction, 12> kContractions = {{
    {"can't", "cannot"},   {"won't", "will not"}, {"shan't", "shall not"}, {"it's", "it is"},
    {"let's", "let us"},   {"that's", "that is"}, {"there's", "there is"}, {"what's", "what is"},
    {"he's", "he is"},     {"she's", "she is"},   {"who's", "who is"},     {"here's", "here is"},
}};

std::optional<std::string> expand_contraction(std::string_view w) {
  for (const Contraction& c : kContractions)
    if (c.short_form == w) return std::string(c.full);
  struct Tail {
    std::string_view tail, full;
  };
  static constexpr std::array<Tail, 6> kTails = {
      {{"n't", " not"}, {"'re", " are"}, {"'ve", " have"}, {"'ll", " will"}, {"'m", " am"}, {"'d", " would"}}};
  for (const Tail& t : kTails)
    if (w.size() > t.tail.size() && w.ends_with(t.tail))
      return std::string(w.substr(0, w.size() - t.tail.size())) + std::string(t.full);
  return std::nullopt;
}

// Be-verbs, then the words that may sit between them and the participle.
constexpr std::array<std::string_view, 8> kBe = {"am", "is", "are", "was", "were", "be", "been", "being"};
constexpr std::array<std::string_view, 12> kBetween = {"not", "also", "often", "always", "never", "now",
                                                       "still", "just", "being", "usually", "already", "all"};
constexpr std::array<std::string_view, 58> kIrregular = {
    "given", "taken", "made", "done", "seen", "written", "known", "shown", "told", "sent", "held",
    "paid", "built", "brought", "bought", "chosen", "driven", "eaten", "found", "heard", "kept",
    "lost", "meant", "met", "said", "sold", "spent", "stolen", "thought", "understood", "won",
    "caught", "taught", "broken", "forgotten", "forgiven", "hidden", "spoken", "worn", "torn",
    "beaten", "bitten", "drawn", "grown", "thrown", "flown", "fed", "led", "struck", "begun",
    "hung", "sworn", "frozen", "shaken", "chosen", "sought", "overtaken", "withdrawn"};
// Words in -ed that mostly describe a state ("I am tired"), not an action.
constexpr std::array<std::string_view, 52> kStateWords = {
    "tired", "bored", "interested", "worried", "scared", "excited", "married", "disabled", "pleased",
    "surprised", "confused", "annoyed", "relaxed", "supposed", "used", "called", "named", "allowed",
    "involved", "qualified", "concerned", "prepared", "finished", "closed", "isolated", "stressed",
    "depressed", "frightened", "embarrassed", "retired", "engaged", "divorced", "related", "limited",
    "skilled", "experienced", "advanced", "detailed", "complicated", "mixed", "crowded", "based",
    "needed", "aged", "shaped", "sized", "coloured", "colored", "dressed", "satisfied", "amazed",
    "determined"};

bool looks_like_participle(std::string_view w) {
  if (in(kIrregular, w)) return true;
  if (w.size() < 5 || !w.ends_with("ed") || w.ends_with("eed")) return false;
  return !in(kStateWords, w);
}

}  // namespace

void FileContext::word_rules(std::string_view text) {
  const bool skip_quotes = settings_.skip_quotes;
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (t.quoted && skip_quotes) continue;
    const std::string_view raw = text.substr(t.begin, t.end - t.begin);
    if (t.kind == Token::Kind::symbol) {
      if (!on(punctuation)) continue;
      const char c = t.lower[0];
      if (c == '(' || c == '[') {
        const char closing = c == '(' ? ')' : ']';
        std::size_t end = t.end;
        for (std::size_t j = i + 1; j < tokens_.size(); ++j)
          if (tokens_[j].lower[0] == closing) {
            end = tokens_[j].end;
            break;
          }
        report_at(punctuation, t.begin, end, "Brackets make a sentence harder to read.",
                  "Put the words in brackets into a sentence of their own.");
      } else if (c == ';') {
        report_at(punctuation, t.begin, t.end, "A semicolon joins 2 ideas. It can be hard to read.",
                  "Use a full stop and start a new sentence.");
      } else if (c == '/') {
        report_at(punctuation, t.begin, t.end, "A slash can be hard to read.",
                  "Use the word \"or\" or \"and\" instead.");
      } else if (c == '&') {
        report_at(punctuation, t.begin, t.end, "The sign \"&\" can be hard to read.",
                  "Write the word \"and\" instead.");
      }
      continue;
    }
    if (t.kind == Token::Kind::number) {
      number_rules(text, i);
      continue;
    }
    if (covered_[i]) continue;
    const std::string& w = t.lower;

    if (on(number_as_word)) {
      if (auto value = number_word(w)) {
        int total = *value;
        std::size_t last = i;
        if (i + 1 < tokens_.size() && tokens_[i + 1].joined) {  // "twenty-five"
          if (auto unit = number_word(tokens_[i + 1].lower); unit && *unit < 10) {
            total += *unit;
            last = i + 1;
          }
        }
        const bool after_number = i > 0 && tokens_[i - 1].kind == Token::Kind::number;
        if (!after_number) {
          const std::string found(text.substr(t.begin, tokens_[last].end - t.begin));
          report_at(number_as_word, t.begin, tokens_[last].end,
                    "Write numbers as digits. " + std::to_string(total) + " is easier to read than " + quote(found) + ".",
                    "Write " + quote(std::to_string(total)) + " instead of " + quote(found) + ".");
        }
        i = last;
        continue;
      }
    }
    if (w.find('\'') != std::string::npos) {
      if (on(contraction))
        if (auto full = expand_contraction(w))
          report_at(contraction, t.begin, t.end, quote(raw) + " is a short form of 2 words.",
                    "Write " + quote(*full) + " instead.");
      continue;
    }
    if (w.size() <= 4 && (w[0] == 'e' || w[0] == 'i') && on(abbreviation) &&
        (w == "e.g." || w == "i.e." || w == "etc" || w == "eg" || w == "ie")) {
      const bool etc = w == "etc";
      const std::size_t end = etc && t.end < text.size() && text[t.end] == '.' ? t.end + 1 : t.end;
      report_at(abbreviation, t.begin, end, quote(text.substr(t.begin, end - t.begin)) + " is a short form that many people do not know.",
                etc ? "Say all the things you mean, or write \"and other things\"."
                    : (w[0] == 'e' ? "Write \"for example\" instead." : "Write \"that means\" instead."));
      continue;
    }
    if (t.capitalised && short_date_word(text, i)) continue;
    // Capitals: shouting ("PLEASE NOTE") or an abbreviation ("CQC", "GPs").
    const bool plural_caps = !t.all_caps && w.size() >= 3 && raw.back() == 's' &&
                             std::all_of(raw.begin(), raw.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; });
    // Mixed short forms: "HbA1c", "eGFR", "mRNA" (but not "McCann" or "iPhone").
    const bool mixed_caps = !t.all_caps && !plural_caps && t.capitals >= 2 && t.letters <= 6 &&
                            (!t.capitalised || raw.find_first_of("0123456789") != std::string_view::npos);
    if (mixed_caps) {
      if (settings_.allowed_words.count(w) || explained_abbreviation_.count(w)) continue;
      const bool in_brackets = i > 0 && tokens_[i - 1].lower == "(";
      const bool before_brackets = i + 1 < tokens_.size() && tokens_[i + 1].lower == "(";
      if (in_brackets || before_brackets) {
        explained_abbreviation_.insert(w);
        continue;
      }
      if (!seen_abbreviation_.insert(w).second) continue;
      report_at(abbreviation, t.begin, t.end, quote(raw) + " is a short form. Many people will not know what it means.",
                is_markup ? "Write the words in full, or explain it in the word list."
                          : "Write the words in full, or explain it the first time you use it.");
      continue;
    }
    if (t.all_caps || plural_caps) {
      const std::string stem = plural_caps ? w.substr(0, w.size() - 1) : w;
      if (settings_.allowed_words.count(stem) || settings_.allowed_words.count(w)) continue;
      const bool roman = raw.find_first_not_of("IVX") == std::string_view::npos;
      if (roman) continue;
      const bool is_word = lex_.common.count(w) || lex_.familiar.count(w) || t.letters >= 6;
      if (is_word && !plural_caps) {
        std::size_t last = i;
        while (last + 1 < tokens_.size() && tokens_[last + 1].all_caps && !covered_[last + 1]) ++last;
        if (on(capitals))
          report_at(capitals, t.begin, tokens_[last].end, "Words in capital letters are hard to read.",
                    "Use small letters. Use bold if you want words to stand out.");
        i = last;
        continue;
      }
      // "National Health Service (NHS)" and "NHS (National Health Service)" explain it.
      const bool in_brackets = i > 0 && tokens_[i - 1].lower == "(";
      const bool before_brackets = i + 1 < tokens_.size() && tokens_[i + 1].lower == "(";
      if (in_brackets || before_brackets) explained_abbreviation_.insert(stem);
      if (explained_abbreviation_.count(stem) || !seen_abbreviation_.insert(stem).second) continue;
      const std::string shown(plural_caps ? raw.substr(0, raw.size() - 1) : raw);
      report_at(abbreviation, t.begin, t.end, quote(shown) + " is a short form. Many people will not know what it means.",
                is_markup ? "Write the words in full, or explain it in the word list."
                          : "Write the words in full, or explain it the first time you use it. If your readers know it, add it to \"allow\" in the settings.");
      continue;
    }
    // Hard words: long, not everyday, and not explained.
    if (!on(hard_word) || t.letters < 6 || (t.capitalised && i > 0)) continue;
    if (t.letters < settings_.hard_word_letters && t.syllables < settings_.hard_word_syllables) continue;
    std::string_view key = w;
    if (key.ends_with("'s")) key.remove_suffix(2);
    if (lex_.familiar.count(key) || lex_.common.count(key) || settings_.allowed_words.count(key)) continue;
    if (!seen_hard_.insert(std::string(key)).second) continue;
    report_at(hard_word, t.begin, t.end, quote(raw) + " is a hard word. Many people will not know it.",
              is_markup ? "Use an easier word. Or mark it <hard>like this</hard> and explain it in the word list."
                        : "Use an easier word, or say what it means the first time you use it.");
  }
}

void FileContext::passive_rule(std::string_view text) {
  if (!on(passive_voice)) return;
  for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
    const std::string& be = tokens_[i].lower;
    if (tokens_[i].kind != Token::Kind::word || be.size() > 5 || be.size() < 2) continue;
    const char c = be[0];
    if ((c != 'a' && c != 'i' && c != 'w' && c != 'b') || !in(kBe, be)) continue;
    if (tokens_[i].quoted && settings_.skip_quotes) continue;
    std::size_t j = i + 1;
    while (j < tokens_.size() && j <= i + 2 && tokens_[j].kind == Token::Kind::word &&
           (in(kBetween, tokens_[j].lower) || (tokens_[j].lower.ends_with("ly") && tokens_[j].lower.size() > 4)))
      ++j;
    if (j >= tokens_.size() || tokens_[j].kind != Token::Kind::word || tokens_[j].joined) continue;
    if (!looks_like_participle(tokens_[j].lower)) continue;
    const std::string found(text.substr(tokens_[i].begin, tokens_[j].end - tokens_[i].begin));
    report_at(passive_voice, tokens_[i].begin, tokens_[j].end,
              "This sentence does not say who does the action: " + quote(found) + ".",
              "Say who does it first. For example: \"The council sent the letter\", not \"The letter was sent\".");
    return;  // once a sentence is enough
  }
}

}  // namespace easyread::check::detail
