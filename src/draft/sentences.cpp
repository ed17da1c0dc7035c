// Marking sentences: long forms of abbreviations, hard words from the
// checker's word lists, and plain notes for each Easy Read rule a sentence breaks.
#include "draft/sentences.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "draft/internal.hpp"
#include "text/text.hpp"

namespace easyread::draft::detail {
namespace {

// The rules whose findings become a note above the sentence.
const std::set<std::string, std::less<>> kSentenceRules = {"long-sentence", "many-ideas", "passive-voice",
                                                           "big-number"};
// Small words that a short form usually leaves out ("Department of Health").
constexpr std::array<std::string_view, 9> kSmallWords = {"of", "and", "for", "the", "&", "in", "on", "to", "at"};

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || is_upper(c) || (c >= '0' && c <= '9') || c == '\'' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Short forms: 2 to 6 capital letters, as a whole word.
struct ShortForm {
  std::size_t begin, end;
};
std::vector<ShortForm> short_forms(std::string_view s) {
  std::vector<ShortForm> out;
  for (std::size_t i = 0; i < s.size();) {
    if (!is_word_char(s[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && is_word_char(s[end])) ++end;
    const std::string_view word = s.substr(i, end - i);
    if (word.size() >= 2 && word.size() <= 6 && std::all_of(word.begin(), word.end(), is_upper))
      out.push_back({i, end});
    i = end;
  }
  return out;
}

// The words just before `before` whose first letters spell `letters`
// ("Care Quality Commission" for "CQC"); empty if they do not.
std::string spelled_out_before(std::string_view s, std::size_t before, std::string_view letters) {
  std::size_t pos = before;
  std::size_t matched = 0;
  std::size_t start = std::string_view::npos;
  while (matched < letters.size()) {
    while (pos > 0 && s[pos - 1] == ' ') --pos;
    std::size_t word_begin = pos;
    while (word_begin > 0 && (is_word_char(s[word_begin - 1]) || s[word_begin - 1] == '&')) --word_begin;
    if (word_begin == pos) return {};
    const std::string word = ascii_lower(s.substr(word_begin, pos - word_begin));
    const bool small = std::find(kSmallWords.begin(), kSmallWords.end(), word) != kSmallWords.end();
    if (!small) {
      if (s[word_begin] != letters[letters.size() - 1 - matched]) return {};
      ++matched;
      start = word_begin;
    }
    pos = word_begin;
  }
  return std::string(trim(s.substr(start, before - start)));
}

// The words inside brackets right after `after` ("CQC (Care Quality Commission)").
std::string spelled_out_after(std::string_view s, std::size_t after, std::string_view letters) {
  std::size_t open = after;
  while (open < s.size() && s[open] == ' ') ++open;
  if (open >= s.size() || s[open] != '(') return {};
  const std::size_t close = s.find(')', open);
  if (close == std::string_view::npos) return {};
  const std::string inside(trim(s.substr(open + 1, close - open - 1)));
  const std::string found = spelled_out_before(inside, inside.size(), letters);
  return found == inside ? found : std::string();
}

// The plain words in a jargon finding's suggestion: `Try "help" instead.` -> "help".
std::string plain_words(const std::string& suggestion) {
  const std::size_t open = suggestion.find('"');
  const std::size_t close = open == std::string::npos ? std::string::npos : suggestion.find('"', open + 1);
  if (suggestion.starts_with("Try ") && close != std::string::npos) return suggestion.substr(open + 1, close - open - 1);
  return suggestion;
}

}  // namespace

std::string end_sentence(std::string_view text) {
  std::string out(trim(text));
  if (!out.empty() && std::string_view(".!?:;").find(out.back()) == std::string_view::npos) out += '.';
  return out;
}

SentenceMarker::Expanded SentenceMarker::expand_abbreviations(std::string_view sentence) {
  Expanded out;
  std::size_t copied = 0;
  auto copy_to = [&](std::size_t at) {
    out.text += sentence.substr(copied, at - copied);
    copied = at;
  };
  for (const ShortForm& f : short_forms(sentence)) {
    const std::string_view letters = sentence.substr(f.begin, f.end - f.begin);
    const bool in_brackets = f.begin > 0 && sentence[f.begin - 1] == '(';
    if (in_brackets) {
      if (std::string long_form = spelled_out_before(sentence, f.begin - 1, letters); !long_form.empty()) {
        long_forms_[std::string(letters)] = long_form;
        copy_to(f.begin);
        const std::size_t at = out.text.rfind(long_form);
        if (at != std::string::npos) out.names.push_back({at, at + long_form.size()});
      }
      continue;
    }
    if (std::string long_form = spelled_out_after(sentence, f.end, letters); !long_form.empty()) {
      long_forms_[std::string(letters)] = long_form;
      if (const std::size_t at = sentence.find(long_form, f.end); at != std::string_view::npos) {
        copy_to(at);
        out.names.push_back({out.text.size(), out.text.size() + long_form.size()});
      }
      continue;
    }
    const auto known = long_forms_.find(letters);
    if (known == long_forms_.end()) continue;
    // Keep the short form too, so that no word of the document is lost.
    copy_to(f.begin);
    out.names.push_back({out.text.size(), out.text.size() + known->second.size()});
    out.text += known->second + " (" + std::string(letters) + ")";
    copied = f.end;
  }
  copy_to(sentence.size());
  return out;
}

void SentenceMarker::add_word(std::string_view term, std::string_view suggestion) {
  // A short form keeps its capitals ("CQC"); other words are kept in small letters.
  const bool capitals = std::none_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const std::string folded = capitals ? std::string(term) : text::fold_case(term);
  for (const WordToKnow& w : words_)
    if (w.term == folded) return;
  std::string meaning = plain_words(std::string(suggestion));
  if (!meaning.empty() && meaning[0] >= 'a' && meaning[0] <= 'z') meaning[0] = static_cast<char>(meaning[0] - 32);
  words_.push_back({folded, end_sentence(meaning)});
}

std::vector<MarkedSentence> SentenceMarker::mark(const std::vector<std::string>& sentences) {
  std::vector<Expanded> expanded;
  std::string all;  // one sentence a paragraph: finding line 2n+1 is sentence n
  for (const std::string& s : sentences) {
    expanded.push_back(expand_abbreviations(text::fold_white_space(s)));
    all += expanded.back().text + "\n\n";
  }
  std::vector<std::vector<Diagnostic>> findings(sentences.size());
  const check::Report report = checker_.check_text(all, "draft");
  for (const Diagnostic& d : report.diagnostics.items()) {
    const std::size_t index = static_cast<std::size_t>(std::max(0, d.span.line - 1) / 2);
    if (index < findings.size()) findings[index].push_back(d);
  }
  for (auto& list : findings)
    std::stable_sort(list.begin(), list.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.span.column < b.span.column; });
  std::vector<MarkedSentence> out;
  for (std::size_t i = 0; i < expanded.size(); ++i) {
    const std::string& s = expanded[i].text;
    // "Commission" in "Care Quality Commission" is part of a name, not jargon;
    // the whole name can be.
    auto in_a_name = [&](std::size_t begin, std::size_t end) {
      for (const auto& [b, e] : expanded[i].names)
        if (begin < e && end > b && !(begin <= b && end >= e)) return true;
      return false;
    };
    MarkedSentence marked;
    std::size_t copied = 0;
    for (const Diagnostic& d : findings[i]) {
      if (kSentenceRules.contains(d.rule)) {
        marked.notes.push_back(d.message + (d.suggestion.empty() ? "" : " " + d.suggestion));
        continue;
      }
      if (d.rule != "jargon" || d.span.end_line != d.span.line) continue;
      const std::size_t begin = text::skip_code_points(s, 0, static_cast<std::size_t>(d.span.column - 1));
      const std::size_t end = text::skip_code_points(s, 0, static_cast<std::size_t>(d.span.end_column - 1));
      if (begin < copied || end <= begin || end > s.size() || in_a_name(begin, end)) continue;
      if (begin > copied) marked.pieces.push_back({s.substr(copied, begin - copied), false});
      marked.pieces.push_back({s.substr(begin, end - begin), true});
      add_word(s.substr(begin, end - begin), d.suggestion);
      copied = end;
    }
    if (copied < s.size()) marked.pieces.push_back({s.substr(copied), false});
    out.push_back(std::move(marked));
  }
  return out;
}

}  // namespace easyread::draft::detail
