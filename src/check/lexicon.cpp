#include "base/files.hpp"
#include "check/lexicon.hpp"

#include <algorithm>
#include <fstream>

#include "text/text.hpp"

namespace easyread::check::detail {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool has_capital(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Splits a list term into the words the tokenizer would give.
std::vector<std::string> term_words(std::string_view term, bool exact_case) {
  std::vector<Token> tokens;
  tokenize(term, 0, term.size(), tokens);
  std::vector<std::string> words;
  for (const Token& t : tokens) {
    if (t.kind == Token::Kind::symbol) continue;
    words.push_back(exact_case ? std::string(term.substr(t.begin, t.end - t.begin)) : t.lower);
  }
  return words;
}

}  // namespace

std::vector<std::string> word_forms(std::string_view word) {
  std::vector<std::string> forms{std::string(word)};
  const std::size_t n = word.size();
  if (n < 3 || word.find_first_of("0123456789'.&") != std::string_view::npos) return forms;
  const std::string w(word);
  const char last = w[n - 1];
  auto add = [&](std::string f) { forms.push_back(std::move(f)); };
  const bool sibilant = last == 's' || last == 'x' || last == 'z' || w.ends_with("ch") ||
                        w.ends_with("sh");
  if (last == 'y' && !is_vowel(w[n - 2])) {
    const std::string stem = w.substr(0, n - 1);
    add(stem + "ies");
    add(stem + "ied");
    add(w + "ing");
  } else if (last == 'e') {
    add(w + "s");
    add(w + "d");
    add(w.substr(0, n - 1) + "ing");
  } else {
    add(w + (sibilant ? "es" : "s"));
    add(w + "ed");
    add(w + "ing");
    // "refer" -> "referred": a short last syllable doubles its consonant.
    if (!is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(w[n - 2]) &&
        !is_vowel(w[n - 3])) {
      add(w + last + "ed");
      add(w + last + "ing");
    }
  }
  if (w.ends_with("ise") || w.ends_with("isation") || w.ends_with("ised") || w.ends_with("ising")) {
    const std::size_t at = w.rfind("is");
    std::vector<std::string> more;
    for (const std::string& f : forms)
      if (f.size() > at && f.compare(at, 2, "is") == 0) more.push_back(f.substr(0, at) + "iz" + f.substr(at + 2));
    forms.insert(forms.end(), more.begin(), more.end());
  }
  return forms;
}

std::size_t PhraseList::sketch(std::string_view w) {
  if (w.empty()) return 0;
  const unsigned a = static_cast<unsigned char>(w[0]), b = static_cast<unsigned char>(w[w.size() / 2]),
                 c = static_cast<unsigned char>(w.back());
  return ((a * 131u + b) * 131u + c + static_cast<unsigned>(w.size()) * 7919u) & 0xFFFFu;
}

void PhraseList::add(std::string term, std::string suggestion, ListKind kind) {
  const bool exact_case = has_capital(term);
  std::vector<std::string> words = term_words(term, exact_case);
  if (words.empty()) return;
  const std::size_t index = entries_.size();
  entries_.push_back({std::move(term), std::move(suggestion), kind, index});
  auto put = [&](std::vector<std::string> variant) {
    Phrase phrase;
    phrase.entry = index;
    phrase.exact_case = exact_case;
    phrase.rest.assign(variant.begin() + 1, variant.end());
    first_words_.set(sketch(variant.front()));
    // Each list stays sorted by its second word (one-word entries first), so
    // a frequent first word such as "the" needs no walk through all its phrases.
    std::vector<Phrase>& list = by_first_[variant.front()];
    const auto place = std::upper_bound(list.begin(), list.end(), phrase, [](const Phrase& a, const Phrase& b) {
      return second_word(a) < second_word(b);
    });
    list.insert(place, std::move(phrase));
  };
  if (exact_case) {  // acronyms: only the plural ("KPIs")
    put(words);
    std::vector<std::string> plural = words;
    plural.back() += "s";
    put(std::move(plural));
    return;
  }
  // Every form of the first word, and every form of the last word.
  for (const std::string& form : word_forms(words.front())) {
    std::vector<std::string> variant = words;
    variant.front() = form;
    put(std::move(variant));
  }
  if (words.size() > 1) {
    const std::vector<std::string> last_forms = word_forms(words.back());
    for (std::size_t i = 1; i < last_forms.size(); ++i) {
      std::vector<std::string> variant = words;
      variant.back() = last_forms[i];
      put(std::move(variant));
    }
  }
}

Match PhraseList::longest_at(const std::vector<Token>& tokens, std::size_t at, std::string_view text) const {
  Match best;
  const Token& first = tokens[at];
  if (first.kind == Token::Kind::symbol) return best;
  auto try_key = [&](std::string_view key, bool exact) {
    if (!first_words_.test(sketch(key))) return;
    auto found = by_first_.find(key);
    if (found == by_first_.end()) return;
    const std::vector<Phrase>& list = found->second;
    // One-word entries, then the phrases whose second word is the next token's.
    auto one_word_end = std::find_if(list.begin(), list.end(), [](const Phrase& p) { return !p.rest.empty(); });
    std::string_view next;
    if (at + 1 < tokens.size() && tokens[at + 1].kind != Token::Kind::symbol)
      next = exact ? text.substr(tokens[at + 1].begin, tokens[at + 1].end - tokens[at + 1].begin)
                   : std::string_view(tokens[at + 1].lower);
    auto [from, to] = next.empty() ? std::pair{one_word_end, one_word_end}
                                   : std::equal_range(one_word_end, list.end(), next, SecondWordLess{});
    auto check = [&](const Phrase& phrase) {
      if (phrase.exact_case != exact) return;
      const std::size_t length = phrase.rest.size() + 1;
      if (length <= best.token_count || at + length > tokens.size()) return;
      bool same = true;
      for (std::size_t i = 0; i < phrase.rest.size() && same; ++i) {
        const Token& t = tokens[at + 1 + i];
        if (t.kind == Token::Kind::symbol) same = false;
        else if (exact) same = text.substr(t.begin, t.end - t.begin) == phrase.rest[i];
        else same = t.lower == phrase.rest[i];
      }
      if (same) best = {&entries_[phrase.entry], length};
    };
    std::for_each(list.begin(), one_word_end, check);
    std::for_each(from, to, check);
  };
  try_key(first.lower, false);
  if (first.capitalised) try_key(text.substr(first.begin, first.end - first.begin), true);
  // A possessive: "commissioner's", "doctors'".
  if (!best.entry && first.lower.size() > 2) {
    if (first.lower.ends_with("'s")) try_key(std::string_view(first.lower).substr(0, first.lower.size() - 2), false);
    else if (first.lower.ends_with("'")) try_key(std::string_view(first.lower).substr(0, first.lower.size() - 1), false);
  }
  return best;
}

void load_phrase_file(const std::string& path, ListKind kind, PhraseList& into, Diagnostics& diags) {
  std::ifstream in(path);
  if (!in) {
    diags.error(path, {}, "word-list", "easyread cannot open the word list \"" + path + "\".",
                "Check that the file is there and that you may read it.");
    return;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    const std::size_t bar = text.find('|');
    const std::string_view term = trim(text.substr(0, bar));
    const std::string_view suggestion = bar == std::string_view::npos ? std::string_view() : trim(text.substr(bar + 1));
    if (term.empty() || suggestion.empty()) {
      diags.error(path, {number, 1, number, static_cast<int>(text::count_code_points(line)) + 1},
                  "word-list", "This line needs a word, a | sign, and a plainer way to say it.",
                  "Write it like this: care pathway | the steps in your care");
      continue;
    }
    into.add(std::string(term), std::string(suggestion), kind);
  }
}

void load_word_file(const std::string& path, WordSet& into, Diagnostics& diags) {
  std::ifstream in(path);
  if (!in) {
    diags.error(path, {}, "word-list", "easyread cannot open the word list \"" + path + "\".",
                "Check that the file is there and that you may read it.");
    return;
  }
  std::string line;
  while (std::getline(in, line)) {
    const std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    std::size_t start = 0;
    while (start < text.size()) {  // one or more words a line, split by spaces
      std::size_t space = text.find_first_of(" \t", start);
      if (space == std::string_view::npos) space = text.size();
      if (space > start)
        for (std::string& form : word_forms(text::fold_case(text.substr(start, space - start))))
          into.insert(std::move(form));
      start = space + 1;
    }
  }
}

}  // namespace easyread::check::detail
