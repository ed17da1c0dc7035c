// Sentence-level rules, the word lists, and the bookkeeping for one file.
#include "check/rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "text/text.hpp"

namespace easyread::check::detail {
namespace {

// "(leave it out)" in a list means: no replacement, just advice.
std::string try_instead(const std::string& suggestion) {
  if (suggestion.size() > 2 && suggestion.front() == '(' && suggestion.back() == ')') {
    std::string advice = suggestion.substr(1, suggestion.size() - 2);
    if (!advice.empty() && advice[0] >= 'a' && advice[0] <= 'z') advice[0] = static_cast<char>(advice[0] - 32);
    return advice + ".";
  }
  return "Try " + quote(suggestion) + " instead.";
}

constexpr std::size_t kNoEntry = static_cast<std::size_t>(-1);
// Findings kept back for one section at most; then they go out, so memory stays small.
constexpr std::size_t kMaxSectionFindings = 4096;

}  // namespace

FileContext::FileContext(const Lexicons& lexicons, const Settings& settings, std::string file,
                         const Sink& sink, std::string lang)
    : lex_(lexicons),
      settings_(settings),
      file_(std::move(file)),
      sink_(sink),
      lang_(std::move(lang)),
      word_facts_(lexicons) {
  english_ = lang_.empty() || lang_.starts_with("en");
  jargon_at_.assign(lexicons.phrases.size(), 0);
  explained_entries_.assign(lexicons.phrases.size(), 0);
  const auto& all = rules();
  for (std::size_t i = 0; i < rule_count; ++i) {
    enabled_[i] = settings.enabled(all[i].id);
    severity_[i] = settings.severity_of(all[i]);
  }
}

bool FileContext::ignored(Rule rule) const {
  return std::find(ignore.begin(), ignore.end(), rules()[rule].id) != ignore.end();
}

std::uint32_t FileContext::take_slot() {
  if (free_slots_.empty()) {
    found_.emplace_back();
    return static_cast<std::uint32_t>(found_.size() - 1);
  }
  const std::uint32_t slot = free_slots_.back();
  free_slots_.pop_back();
  return slot;
}

Diagnostic& FileContext::next_in_section() {
  const std::uint32_t slot = take_slot();
  section_.push_back(slot);
  section_uses_.push_back(1);
  return found_[slot].diagnostic;
}

void FileContext::report(Rule rule, Span span, std::string message, std::string suggestion) {
  if (!on(rule)) return;
  Diagnostic& d = next_in_section();
  d.severity = severity_[rule];
  d.rule = rules()[rule].id;
  d.file = file_;
  d.span = span;
  d.message = std::move(message);
  d.suggestion = std::move(suggestion);
}

void FileContext::end_section() {
  for (std::size_t i = 0; i < section_.size(); ++i) {
    Diagnostic& d = found_[section_[i]].diagnostic;
    if (section_uses_[i] > 1) d.message += " You use it " + std::to_string(section_uses_[i]) + " times in this part.";
    sink_(std::move(d));  // a sink that keeps it takes its strings; others leave them for reuse
    free_slots_.push_back(section_[i]);
  }
  section_.clear();
  section_uses_.clear();
  for (std::size_t entry : jargon_touched_) jargon_at_[entry] = 0;
  jargon_touched_.clear();
}

std::string_view FileContext::message_of(std::initializer_list<std::string_view> pieces) {
  message_.clear();
  for (std::string_view piece : pieces) message_ += piece;
  return message_;
}

void FileContext::report_at(Rule rule, std::size_t begin, std::size_t end, std::string_view message,
                            std::string_view suggestion, std::size_t entry) {
  if (!on(rule)) return;
  const std::uint32_t slot = take_slot();
  sentence_.push_back(slot);
  Finding& f = found_[slot];
  f.offset = begin;
  f.entry = entry;
  Diagnostic& d = f.diagnostic;  // assigned, not made: its strings keep their memory
  d.severity = severity_[rule];
  d.rule = rules()[rule].id;
  d.file = file_;
  d.span = locate(begin, end);
  d.message = message;
  d.suggestion = suggestion;
}

Stats FileContext::finish_stats() const {
  Stats s;
  s.sentences = static_cast<int>(sentences_);
  s.words = static_cast<int>(words_);
  s.syllables = static_cast<int>(syllables_);
  if (sentences_ > 0) {
    s.average_sentence_words = static_cast<double>(words_) / static_cast<double>(sentences_);
    s.short_sentence_share = static_cast<double>(short_sentences_) / static_cast<double>(sentences_);
  }
  if (sentences_ > 0 && words_ > 0) {
    const double per_sentence = static_cast<double>(words_) / static_cast<double>(sentences_);
    const double per_word = static_cast<double>(syllables_) / static_cast<double>(words_);
    s.flesch_reading_ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word;
    s.flesch_kincaid_grade = 0.39 * per_sentence + 11.8 * per_word - 15.59;
  }
  return s;
}

void FileContext::check_sentence(std::string_view text, std::size_t begin, std::size_t end) {
  tokenize(text, begin, end, tokens_, folded_);
  const int words = count_words(tokens_);
  if (words == 0) return;
  ++sentences_;
  words_ += words;
  if (words <= settings_.sentence_words) ++short_sentences_;
  facts_.assign(tokens_.size(), WordFacts{});
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    Token& t = tokens_[i];
    if (t.kind != Token::Kind::symbol) facts_[i] = word_facts_.facts(t.lower);  // numbers: for phrases
    if (t.kind == Token::Kind::word) {
      t.syllables = facts_[i].syllables;
      if (!t.joined) syllables_ += t.syllables;
    } else if (t.kind == Token::Kind::number) {
      ++syllables_;
    }
  }
  // A sentence quoted whole is someone else's words: leave it as it is.
  const bool all_quoted = settings_.skip_quotes &&
                          std::all_of(tokens_.begin(), tokens_.end(), [](const Token& t) { return t.quoted; });
  if (all_quoted) return;
  covered_.assign(tokens_.size(), 0);
  for (const auto& [from, to] : hard_ranges)  // <hard> words: the word list explains them
    for (std::size_t i = 0; i < tokens_.size(); ++i)
      if (tokens_[i].begin >= from && tokens_[i].end <= to) covered_[i] = 1;
  sentence_rules(text, begin, end, words);
  find_phrases(text);
  word_rules(text);
  if (english_) passive_rule(text);
  // Findings in the order they stand in the sentence.
  // A few findings at most: an insertion sort, stable and with no allocation.
  auto offset = [this](std::uint32_t slot) { return found_[slot].offset; };
  for (std::size_t i = 1; i < sentence_.size(); ++i)
    for (std::size_t j = i; j > 0 && offset(sentence_[j]) < offset(sentence_[j - 1]); --j)
      std::swap(sentence_[j], sentence_[j - 1]);
  for (const std::uint32_t slot : sentence_) {
    if (const std::size_t entry = found_[slot].entry; entry != kNoEntry) {
      if (std::uint32_t& at = jargon_at_[entry]; at != 0) {  // the same jargon again in this section: count it
        ++section_uses_[at - 1];
        free_slots_.push_back(slot);
        continue;
      } else {
        at = static_cast<std::uint32_t>(section_uses_.size() + 1);
        jargon_touched_.push_back(entry);
      }
    }
    section_.push_back(slot);
    section_uses_.push_back(1);
  }
  sentence_.clear();
  if (section_uses_.size() >= kMaxSectionFindings) end_section();
}

void FileContext::sentence_rules(std::string_view text, std::size_t begin, std::size_t end, int words) {
  if (on(long_sentence) && words > settings_.sentence_words)
    report_at(long_sentence, begin, end,
              message_of({"This sentence has ", std::to_string(words), " words. Try to keep it to ",
                          std::to_string(settings_.sentence_words), " or fewer."}),
              "Split it into shorter sentences. Say one thing in each sentence.");
  if (!on(many_ideas)) return;
  int commas = 0, semicolons = 0;
  std::string_view joining;
  std::size_t at = begin, at_end = end;
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (t.kind == Token::Kind::symbol) {
      commas += t.lower[0] == ',';
      semicolons += t.lower[0] == ';';
      continue;
    }
    if (t.kind != Token::Kind::word || !joining.empty() || !english_) continue;
    if (t.lower.size() < 5) continue;  // every joining word has 5 letters or more
    const bool after_comma = i > 0 && tokens_[i - 1].kind == Token::Kind::symbol && tokens_[i - 1].lower[0] == ',';
    // "which", "however" and "therefore" join ideas after a comma; at the start
    // of a sentence ("However, ...") they link to the sentence before.
    const bool found = facts_[i].joining || (after_comma && facts_[i].joining_after_comma);
    if (found) {
      joining = text.substr(t.begin, t.end - t.begin);
      at = t.begin;
      at_end = t.end;
    }
  }
  constexpr std::string_view start = "This sentence may have more than 1 idea. ";
  std::string_view message;
  if (!joining.empty()) message = message_of({start, "It has the joining word \"", joining, "\"."});
  else if (semicolons > 0) message = message_of({start, "It has a semicolon."});
  else if (commas >= 2) message = message_of({start, "It has ", std::to_string(commas), " commas."});
  else return;
  if (joining.empty()) {
    at = begin;
    at_end = end;
  }
  report_at(many_ideas, at, at_end, message,
            "Try to say one thing in each sentence. You could split it into 2 sentences.");
}

void FileContext::find_phrases(std::string_view text) {
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (t.kind != Token::Kind::word) continue;
    if (t.quoted && settings_.skip_quotes) continue;
    if (document_words) {  // before the <hard> words are skipped: they count as use
      const Match own = document_words->longest_at(tokens_, i, text);
      if (own.entry) {
        std::fill_n(covered_.begin() + static_cast<long>(i), own.token_count, 1);
        if (used_words && count_word_use) (*used_words)[own.entry->id] = true;
        i += own.token_count - 1;
        continue;
      }
    }
    if (!english_ || covered_[i]) continue;  // the lists are English; <hard> words are explained
    // Most words start no entry: no first word, no capitals, no possessive.
    if (facts_[i].first_word < 0 && !t.capitalised && !t.lower.ends_with('\'') && !t.lower.ends_with("'s"))
      continue;
    const std::int64_t next = i + 1 < tokens_.size() ? facts_[i + 1].second_word : -1;
    const Match match = lex_.phrases.longest_at(tokens_, i, text, facts_[i].first_word, next);
    if (!match.entry) continue;
    const std::size_t last = i + match.token_count - 1;
    const Entry& e = *match.entry;
    // "the disabled" names a group; "the disabled toilet" does not (but "disabled toilet" is still checked).
    if (e.kind == ListKind::disability && e.term.starts_with("the ") && last + 1 < tokens_.size() &&
        tokens_[last + 1].kind == Token::Kind::word && !lex_.after_group.count(tokens_[last + 1].lower))
      continue;
    std::fill_n(covered_.begin() + static_cast<long>(i), match.token_count, 1);
    const std::size_t first = i;
    i = last;
    if (!settings_.allowed_words.empty() &&
        (settings_.allowed_words.count(t.lower) || settings_.allowed_words.count(text::fold_case(e.term))))
      continue;
    if (e.kind == ListKind::disability) {
      const std::string found(text.substr(t.begin, tokens_[last].end - t.begin));
      report_at(disability_language, t.begin, tokens_[last].end,
                "Many disabled people find " + quote(found) + " hurtful or old-fashioned.", try_instead(e.suggestion));
      continue;
    }
    if (explained_entries_[e.id]) continue;
    if (const std::uint32_t at = jargon_at_[e.id]; at != 0) {  // seen in this section: just count it
      ++section_uses_[at - 1];
      continue;
    }
    if (explained_by_sentence(first, last)) {  // "X means ...", "X (plain words)"
      explained_entries_[e.id] = 1;
      continue;
    }
    report_jargon(e, first, last, text);
  }
}

bool FileContext::explained_by_sentence(std::size_t first, std::size_t last) const {
  const std::size_t n = tokens_.size(), k = last + 1;
  auto is = [&](std::size_t at, std::string_view word) { return at < n && tokens_[at].lower == word; };
  if (is(k, "(")) {  // "X (plain words)", but not "X (ABC)": that only names it
    int words = 0;
    bool short_form_only = true;
    for (std::size_t j = k + 1; j < n && !is(j, ")"); ++j)
      if (tokens_[j].kind == Token::Kind::word) {
        ++words;
        short_form_only = short_form_only && tokens_[j].all_caps;
      }
    return words > 0 && !short_form_only;
  }
  if (first >= 2 && is(first - 1, "(") && is(k, ")")) return true;  // "plain words (X)", "Full Name (ABC)"
  if (is(k, "means") || is(k, "mean")) return true;
  if ((is(k, "is") || is(k, "are")) && k + 1 < n) return lex_.explaining.count(tokens_[k + 1].lower) > 0;
  // "X, which means ..." and "X, this means ..."
  return is(k, ",") && (is(k + 1, "which") || is(k + 1, "this") || is(k + 1, "that")) &&
         (is(k + 2, "means") || is(k + 2, "is"));
}

namespace {
// Which form of the verb `base` the text uses in `word`; `helper` is the word before it.
VerbForm verb_form(std::string_view word, std::string_view base, std::string_view helper,
                   const IrregularVerbs& verbs, const WordSet& participle_helpers) {
  if (word == base) return VerbForm::base;
  if (word.ends_with("ing")) return VerbForm::ing;
  const bool past = word.ends_with("ed") || verbs.participles.count(word) ||
                    std::any_of(verbs.by_base.begin(), verbs.by_base.end(), [&](const auto& v) {
                      return (word.ends_with(v.second.past) || word.ends_with(v.second.participle)) &&
                             base.ends_with(v.first);
                    });
  if (!past) return word.ends_with('s') ? VerbForm::third_person : VerbForm::base;
  return participle_helpers.count(helper) ? VerbForm::participle : VerbForm::past;
}
}  // namespace

void FileContext::report_jargon(const Entry& e, std::size_t first, std::size_t last, std::string_view text) {
  const Token& t = tokens_[first];
  const std::string found(text.substr(t.begin, tokens_[last].end - t.begin));
  std::string plain = e.suggestion;
  if (e.verb && !plain.starts_with("(")) {
    std::size_t before = first;  // the helping verb, past "not", "also", "-ly" words
    while (before > 0 && (tokens_[before - 1].lower == "not" || tokens_[before - 1].lower == "also" ||
                          tokens_[before - 1].lower.ends_with("ly")))
      --before;
    const std::string_view helper = before > 0 ? std::string_view(tokens_[before - 1].lower) : std::string_view();
    plain = inflect(plain, verb_form(t.lower, e.first_word, helper, lex_.verbs, lex_.participle_helpers), lex_.verbs);
  }
  std::string message = e.kind == ListKind::user ? quote(found) + " is on your list of words to avoid."
                                                 : quote(found) + " is jargon. Many people will not know what it means.";
  std::string suggestion = try_instead(plain);
  if (is_markup) suggestion += " Or explain it in the word list.";
  report_at(jargon, t.begin, tokens_[last].end, std::move(message), std::move(suggestion), e.id);
}

std::string friendly_percentage(double p) {
  if (p >= 100) return "all";
  if (p >= 95) return "nearly all";
  if (p >= 75) return "most";
  if (p > 50) return "more than half";
  if (p >= 49.5) return "half";
  if (p >= 40) return "less than half";
  if (p >= 1) return "about 1 in " + std::to_string(static_cast<int>(std::lround(100.0 / p)));
  if (p > 0) return "very few";
  return "none";
}

std::string friendly_big_number(double v) {
  auto about = [](double x, const char* unit) {
    const long rounded = std::max(1L, std::lround(x));
    return "about " + std::to_string(rounded) + " " + unit;
  };
  if (v >= 1e9) return about(v / 1e9, "billion");
  if (v >= 1e6) return about(v / 1e6, "million");
  return about(v / 1e3, "thousand");
}

}  // namespace easyread::check::detail
