#include "base/files.hpp"
#include "check/lexicon.hpp"

#include <algorithm>
#include <type_traits>

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
  std::string folded;
  tokenize(term, 0, term.size(), tokens, folded);
  std::vector<std::string> words;
  for (const Token& t : tokens) {
    if (t.kind == Token::Kind::symbol) continue;
    words.push_back(exact_case ? std::string(term.substr(t.begin, t.end - t.begin)) : std::string(t.lower));
  }
  return words;
}

}  // namespace

std::vector<std::string> word_forms(std::string_view word) {
  std::vector<std::string> forms;
  forms.reserve(8);
  forms.emplace_back(word);
  const std::size_t n = word.size();
  if (n < 3 || word.find_first_of("0123456789'.&") != std::string_view::npos) return forms;
  const std::string_view w = word;
  const char last = w[n - 1];
  // Each form is built in its place in the list: no temporary strings.
  auto add = [&](std::string_view stem, std::string_view ending) -> std::string& {
    std::string& form = forms.emplace_back();
    form.reserve(stem.size() + ending.size() + 3);
    return form.append(stem).append(ending);
  };
  const bool sibilant = last == 's' || last == 'x' || last == 'z' || w.ends_with("ch") ||
                        w.ends_with("sh");
  if (last == 'y' && !is_vowel(w[n - 2])) {
    const std::string_view stem = w.substr(0, n - 1);
    add(stem, "ies");
    add(stem, "ied");
    add(w, "ing");
  } else if (last == 'e') {
    add(w, "s");
    add(w, "d");
    add(w.substr(0, n - 1), "ing");
  } else {
    add(w, sibilant ? "es" : "s");
    add(w, "ed");
    add(w, "ing");
    // "refer" -> "referred": a short last syllable doubles its consonant.
    if (!is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(w[n - 2]) &&
        !is_vowel(w[n - 3])) {
      add(w, std::string_view(&last, 1)).append("ed");
      add(w, std::string_view(&last, 1)).append("ing");
    }
  }
  if (w.ends_with("ise") || w.ends_with("isation") || w.ends_with("ised") || w.ends_with("ising")) {
    const std::size_t at = w.rfind("is");
    const std::size_t before = forms.size();
    for (std::size_t i = 0; i < before; ++i)
      if (forms[i].size() > at && forms[i].compare(at, 2, "is") == 0) {
        std::string spelled_z = forms[i];  // a copy: push_back may move the list
        spelled_z[at + 1] = 'z';
        forms.push_back(std::move(spelled_z));
      }
  }
  return forms;
}

std::uint32_t FastWords::add(std::string_view word) {
  // One hash for both the look-up and the insert; the hashes are kept, so
  // growing the table hashes no word again.
  const std::uint64_t h = hash(word);
  std::size_t at = (h >> 20) & (slots_.size() - 1);
  if (filter_[(h >> 6) & kFilterMask] & (std::uint64_t{1} << (h & 63)))
    for (; slots_[at] != 0; at = (at + 1) & (slots_.size() - 1))
      if (hashes_[slots_[at] - 1] == h && word_at(slots_[at] - 1) == word) return slots_[at] - 1;
  const std::size_t count = size();
  if ((count + 1) * 2 > slots_.size()) {  // keep the table at most half full
    std::vector<std::uint32_t> bigger(slots_.size() * 2, 0);
    bigger.swap(slots_);
    for (std::size_t i = 0; i < count; ++i) place(hashes_[i], static_cast<std::uint32_t>(i + 1));
  }
  filter_[(h >> 6) & kFilterMask] |= std::uint64_t{1} << (h & 63);
  chars_.append(word);
  starts_.push_back(static_cast<std::uint32_t>(chars_.size()));
  hashes_.push_back(h);
  place(h, static_cast<std::uint32_t>(count + 1));
  return static_cast<std::uint32_t>(count);
}

void FastWords::place(std::uint64_t h, std::uint32_t slot) {
  std::size_t at = (h >> 20) & (slots_.size() - 1);
  while (slots_[at] != 0) at = (at + 1) & (slots_.size() - 1);
  slots_[at] = slot;
}

void PhraseList::add(std::string term, std::string suggestion, ListKind kind, bool any_case,
                     const IrregularVerbs* verbs) {
  // "to refer | to send": a verb, whose suggestion takes the form the text uses.
  const bool verb = term.starts_with("to ") && term.size() > 3;
  if (verb) {
    term.erase(0, 3);
    if (suggestion.starts_with("to ")) suggestion.erase(0, 3);
  }
  const bool exact_case = !any_case && has_capital(term);
  std::vector<std::string> words = term_words(term, exact_case);
  if (words.empty()) return;
  const std::size_t index = entries_.size();
  entries_.push_back({std::move(term), std::move(suggestion), kind, index, verb, verb ? words.front() : ""});
  // One way the phrase may be written: `first` as its first word and `last`
  // as its last (a one-word entry uses `first` only). Built in place: no
  // vector of words is copied for each form.
  const std::size_t count = words.size();
  auto put = [&](std::string_view first, std::string_view last) {
    Phrase phrase;
    phrase.entry = index;
    phrase.exact_case = exact_case;
    if (count > 1) {
      phrase.rest_begin = static_cast<std::uint32_t>(rest_.size());
      phrase.rest_count = static_cast<std::uint32_t>(count - 1);
      for (std::size_t i = 1; i + 1 < count; ++i) rest_.push_back(rest_words_.add(words[i]));
      rest_.push_back(rest_words_.add(last));
      phrase.second = second_words_.add(count > 2 ? std::string_view(words[1]) : last);
    }
    const std::uint32_t number = first_words_.add(first);
    if (number >= by_first_.size()) by_first_.resize(number + 1);
    // Each list stays sorted by the number of its second word (one-word
    // entries first), so a frequent first word such as "the" needs no walk
    // through all its phrases, and no words are compared to find them.
    std::vector<Phrase>& list = by_first_[number];
    const auto place = std::upper_bound(list.begin(), list.end(), phrase.second, SecondWordLess{});
    list.insert(place, std::move(phrase));
  };
  const std::string& front = words.front();
  const std::string& last = words.back();
  if (exact_case) {  // acronyms: only the plural ("KPIs")
    put(front, last);
    const std::string plural = last + "s";
    put(count == 1 ? plural : front, plural);
    return;
  }
  // Every form of the first word, and every form of the last word.
  std::vector<std::string> first_forms = word_forms(front);
  if (verb && verbs) {  // "undertake" -> "undertook", "undertaken"
    for (const auto& [base, forms] : verbs->by_base)
      if (front.ends_with(base) && (front.size() == base.size() || front.size() >= base.size() + 2)) {
        const std::string prefix = front.substr(0, front.size() - base.size());
        first_forms.push_back(prefix + forms.past);
        if (forms.participle != forms.past) first_forms.push_back(prefix + forms.participle);
      }
  }
  for (const std::string& form : first_forms) put(form, last);
  if (count > 1) {
    const std::vector<std::string> last_forms = word_forms(last);
    for (std::size_t i = 1; i < last_forms.size(); ++i) put(front, last_forms[i]);
  }
  // A plural in the list also finds the singular in the text ("parameters", "parameter").
  // Not for disability words: "autistics" is hurtful, "autistic" is not.
  if (!verb && kind != ListKind::disability && last.size() > 3 && last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us") &&
      !last.ends_with("is") && !last.ends_with("ings")) {  // "findings" is not "finding"
    const std::string singular =
        last.ends_with("ies") ? last.substr(0, last.size() - 3) + "y" : last.substr(0, last.size() - 1);
    put(count == 1 ? singular : front, singular);
  }
}

const IrregularVerbs::Forms* IrregularVerbs::find(std::string_view base) const {
  const auto found = by_base.find(base);
  return found == by_base.end() ? nullptr : &found->second;
}

namespace {
// "stop" -> "stopp": a short word that ends consonant, vowel, consonant doubles its last letter.
bool doubles_last(std::string_view w) {
  const std::size_t n = w.size();
  if (n < 3 || n > 4) return false;
  const char last = w[n - 1];
  return !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(w[n - 2]) && !is_vowel(w[n - 3]);
}
}  // namespace

std::string inflect(std::string_view phrase, VerbForm form, const IrregularVerbs& verbs) {
  const std::size_t space = phrase.find(' ');
  const std::string w(phrase.substr(0, space));
  const std::string rest(space == std::string_view::npos ? std::string_view() : phrase.substr(space));
  const std::size_t n = w.size();
  if (n == 0 || form == VerbForm::base) return std::string(phrase);
  std::string out;
  const bool consonant_y = n > 1 && w.back() == 'y' && !is_vowel(w[n - 2]);
  switch (form) {
    case VerbForm::ing:
      if (w.ends_with("ie")) out = w.substr(0, n - 2) + "ying";
      else if (w.back() == 'e' && n > 2 && !w.ends_with("ee")) out = w.substr(0, n - 1) + "ing";
      else if (doubles_last(w)) out = w + w.back() + "ing";
      else out = w + "ing";
      break;
    case VerbForm::third_person:
      if (w == "have") out = "has";
      else if (w == "be") out = "is";
      else if (consonant_y) out = w.substr(0, n - 1) + "ies";
      else if (w.ends_with('s') || w.ends_with('x') || w.ends_with("ch") || w.ends_with("sh") || w == "go" || w == "do")
        out = w + "es";
      else out = w + "s";
      break;
    default:
      if (const IrregularVerbs::Forms* forms = verbs.find(w)) {
        out = form == VerbForm::past ? forms->past : forms->participle;
      } else if (w.back() == 'e') {
        out = w + "d";
      } else if (consonant_y) {
        out = w.substr(0, n - 1) + "ied";
      } else if (doubles_last(w)) {
        out = w + w.back() + "ed";
      } else {
        out = w + "ed";
      }
  }
  return out + rest;
}

Match PhraseList::longest_at(const std::vector<Token>& tokens, std::size_t at, std::string_view text,
                             std::int64_t first_word, std::int64_t next_word) const {
  Match best;
  const Token& first = tokens[at];
  if (first.kind == Token::Kind::symbol) return best;
  auto try_number = [&](std::int64_t found, bool exact) {
    if (found < 0) return;
    const std::vector<Phrase>& list = by_first_[static_cast<std::size_t>(found)];
    // One-word entries, then the phrases whose second word is the next token's.
    auto one_word_end = std::find_if(list.begin(), list.end(), [](const Phrase& p) { return p.rest_count != 0; });
    std::int64_t next = -1;
    if (at + 1 < tokens.size() && tokens[at + 1].kind != Token::Kind::symbol)
      next = exact ? second_words_.find(text.substr(tokens[at + 1].begin, tokens[at + 1].end - tokens[at + 1].begin))
                   : next_word;
    auto [from, to] = next < 0 ? std::pair{one_word_end, one_word_end}
                               : std::equal_range(one_word_end, list.end(), next, SecondWordLess{});
    auto check = [&](const Phrase& phrase) {
      if (phrase.exact_case != exact) return;
      const std::size_t length = phrase.rest_count + 1;
      if (length <= best.token_count || at + length > tokens.size()) return;
      bool same = true;
      for (std::size_t i = 0; i < phrase.rest_count && same; ++i) {
        const Token& t = tokens[at + 1 + i];
        if (t.kind == Token::Kind::symbol) same = false;
        else if (exact) same = text.substr(t.begin, t.end - t.begin) == rest_word(phrase, i);
        else same = t.lower == rest_word(phrase, i);
      }
      if (same) best = {&entries_[phrase.entry], length};
    };
    std::for_each(list.begin(), one_word_end, check);
    std::for_each(from, to, check);
  };
  auto try_key = [&](std::string_view key, bool exact) { try_number(first_words_.find(key), exact); };
  try_number(first_word, false);
  if (first.capitalised) try_key(text.substr(first.begin, first.end - first.begin), true);
  // A possessive: "commissioner's", "doctors'".
  if (!best.entry && first.lower.size() > 2) {
    if (first.lower.ends_with("'s")) try_key(std::string_view(first.lower).substr(0, first.lower.size() - 2), false);
    else if (first.lower.ends_with("'")) try_key(std::string_view(first.lower).substr(0, first.lower.size() - 1), false);
  }
  return best;
}

}  // namespace easyread::check::detail
