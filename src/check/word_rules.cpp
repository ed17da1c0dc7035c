// Rules that look at single words, numbers and marks in a sentence.
#include <algorithm>
#include <array>
#include <optional>

#include "check/rules.hpp"
#include "text/text.hpp"

namespace easyread::check::detail {
namespace {

std::optional<std::string> expand_contraction(const Lexicons& lex, std::string_view w) {
  for (const auto& [short_form, full] : lex.contractions) {
    if (short_form.front() == '-') {  // an ending: "-n't"
      const std::string_view tail = std::string_view(short_form).substr(1);
      if (w.size() > tail.size() && w.ends_with(tail))
        return std::string(w.substr(0, w.size() - tail.size())) + " " + full;
    } else if (short_form == w) {
      return full;
    }
  }
  return std::nullopt;
}

// "sent", "checked", "agreed": a word that can be the action of a passive.
bool looks_like_participle(const Lexicons& lex, std::string_view w) {
  if (lex.verbs.participles.count(w)) return true;
  if (w.size() < 4 || !w.ends_with("ed") || w.ends_with("eed")) return false;
  if (w.starts_with("un")) return false;  // "unexpected", "unemployed": they describe
  return !lex.describing.count(w);
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
    const std::string_view w = t.lower;

    if (on(number_as_word)) {
      if (english_ && facts_[i].number >= 0) {
        int total = facts_[i].number;
        std::size_t last = i;
        if (i + 1 < tokens_.size() && tokens_[i + 1].joined) {  // "twenty-five"
          if (const int unit = facts_[i + 1].number; unit >= 0 && unit < 10) {
            total += unit;
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
    if (t.apostrophe) {  // the only way an apostrophe gets into a word
      if (on(contraction) && english_)
        if (auto full = expand_contraction(lex_, w))
          report_at(contraction, t.begin, t.end, message_about(raw, " is a short form of 2 words."),
                    "Write " + quote(*full) + " instead.");
      continue;
    }
    if (w.size() <= 4 && (w[0] == 'e' || w[0] == 'i') && on(abbreviation) && english_ &&
        (w == "e.g." || w == "i.e." || w == "etc" || w == "eg" || w == "ie")) {
      const bool etc = w == "etc";
      const std::size_t end = etc && t.end < text.size() && text[t.end] == '.' ? t.end + 1 : t.end;
      report_at(abbreviation, t.begin, end,
                message_about(text.substr(t.begin, end - t.begin), " is a short form that many people do not know."),
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
        explained_abbreviation_.emplace(w);
        continue;
      }
      if (!seen_abbreviation_.emplace(w).second) continue;
      report_at(abbreviation, t.begin, t.end,
                message_about(raw, " is a short form. Many people will not know what it means."),
                is_markup ? "Write the words in full, or explain it in the word list."
                          : "Write the words in full, or explain it the first time you use it.");
      continue;
    }
    if (t.all_caps || plural_caps) {
      const std::string stem(plural_caps ? w.substr(0, w.size() - 1) : w);
      if (settings_.allowed_words.count(stem) || settings_.allowed_words.count(w)) continue;
      const bool roman = raw.find_first_not_of("IVX") == std::string_view::npos;
      if (roman) continue;
      const bool is_word = (english_ && (lex_.common.count(w) || lex_.familiar.count(w))) || t.letters >= 6;
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
      if (in_brackets || before_brackets || explained_by_sentence(i, i)) explained_abbreviation_.insert(stem);
      if (explained_abbreviation_.count(stem) || !seen_abbreviation_.insert(stem).second) continue;
      const std::string_view shown = plural_caps ? raw.substr(0, raw.size() - 1) : raw;
      report_at(abbreviation, t.begin, t.end,
                message_about(shown, " is a short form. Many people will not know what it means."),
                is_markup ? "Write the words in full, or explain it in the word list."
                          : "Write the words in full, or explain it the first time you use it. If your readers know it, add it to \"allow\" in the settings.");
      continue;
    }
    // Hard words: long, rarely used, not everyday, and not explained.
    if (!on(hard_word) || !english_ || t.letters < 6 || (t.capitalised && i > 0)) continue;
    if (t.letters < settings_.hard_word_letters && t.syllables < settings_.hard_word_syllables) continue;
    std::string_view key = w;
    if (key.ends_with("'s")) key.remove_suffix(2);
    if (facts_[i].known || settings_.allowed_words.count(key))
      continue;
    if (!seen_hard_.insert(std::string(key)).second) continue;
    if (explained_by_sentence(i, i)) continue;  // "Dysphagia means ..."
    report_at(hard_word, t.begin, t.end, message_about(raw, " is a hard word. Many people will not know it."),
              is_markup ? "Use an easier word. Or mark it <hard>like this</hard> and explain it in the word list."
                        : "Use an easier word, or say what it means the first time you use it.");
  }
}

void FileContext::passive_rule(std::string_view text) {
  if (!on(passive_voice)) return;
  for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
    const std::string_view be = tokens_[i].lower;
    if (tokens_[i].kind != Token::Kind::word || be.size() > 5 || be.size() < 2) continue;
    const char c = be[0];
    if ((c != 'a' && c != 'i' && c != 'w' && c != 'b') || !facts_[i].be) continue;
    if (tokens_[i].quoted && settings_.skip_quotes) continue;
    std::size_t j = i + 1;
    while (j < tokens_.size() && j <= i + 2 && tokens_[j].kind == Token::Kind::word &&
           (facts_[j].between || (tokens_[j].lower.ends_with("ly") && tokens_[j].lower.size() > 4)))
      ++j;
    if (j >= tokens_.size() || tokens_[j].kind != Token::Kind::word || tokens_[j].joined) continue;
    if (!looks_like_participle(lex_, tokens_[j].lower)) continue;
    // "I am used to it" describes; "it is used to pay" is an action.
    if (tokens_[j].lower == "used" && j + 2 < tokens_.size() && tokens_[j + 1].lower == "to") {
      const std::string_view after = tokens_[j + 2].lower;
      if (lex_.used_to_things.count(after) || after.ends_with("ing")) continue;
    }
    const std::string_view found = text.substr(tokens_[i].begin, tokens_[j].end - tokens_[i].begin);
    report_at(passive_voice, tokens_[i].begin, tokens_[j].end,
              message_of({"This sentence does not say who does the action: \"", found, "\"."}),
              "Say who does it first. For example: \"The council sent the letter\", not \"The letter was sent\".");
    i = j;  // every passive in the sentence
  }
}

}  // namespace easyread::check::detail
