// Sentences, words and line breaks from ICU's break iterators. Words and line
// breaks run straight on UTF-8 (through UText), so offsets are byte offsets;
// sentences, which checks run over whole files, go through UTF-16 for speed.
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/rbbi.h>
#include <unicode/utext.h>

#include <map>
#include <mutex>
#include <stdexcept>

#include "text/sentence_rules.hpp"
#include "text/text.hpp"

namespace easyread::text {
using detail::kEnglishAbbreviations;
namespace {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

UTextPtr open_utf8(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  UText* t = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU could not read the text");
  return UTextPtr(t);
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string icu_locale_id(const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status) || locale.isBogus()) return "en";
  return locale.getName();
}

}  // namespace

struct Segmenter::Impl {
  bool english = false;
  bool root_rules = false;  // the language's sentence rules are Unicode's own (Greek's are not)
  std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator> word;
  std::unique_ptr<icu::BreakIterator> line;
  detail::Units units;  // reused by sentences()
  std::vector<detail::Shift> shifts;
  std::vector<std::size_t> sure_ends;
};

namespace {

// The three iterators of a language as first made. Making them reads ICU's
// rules and builds the abbreviation filter, which costs more than a short
// document's sentences; a copy (clone) costs little. So each language is made
// once in the process, and every Segmenter gets copies: the same rules, so
// the same breaks. Never changed after it is made; the lock guards the map
// and the copying.
struct Prototype {
  bool english = false, root_rules = false;
  std::unique_ptr<icu::BreakIterator> sentence, word, line;
};

Prototype make_prototype(const std::string& locale_id, const std::string& lang) {
  Prototype made;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(locale_id.c_str());
  std::unique_ptr<icu::BreakIterator> sentences(icu::BreakIterator::createSentenceInstance(locale, status));
  made.english = std::string(locale.getLanguage()) == "en";
  // Only '.', '!', '?' and line ends end a sentence under Unicode's own rules,
  // so that sentences() may leave out the rest of long runs (see
  // to_short_utf16). Some languages add their own: Greek's question mark is ';'.
  {
    UErrorCode root_status = U_ZERO_ERROR;
    const std::unique_ptr<icu::BreakIterator> root(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), root_status));
    const auto* own_rules = dynamic_cast<const icu::RuleBasedBreakIterator*>(sentences.get());
    const auto* root_rules = dynamic_cast<const icu::RuleBasedBreakIterator*>(root.get());
    made.root_rules = U_SUCCESS(status) && U_SUCCESS(root_status) && own_rules && root_rules &&
                      own_rules->getRules() == root_rules->getRules();
  }
  if (U_SUCCESS(status) && made.english) {
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(locale, status));
    for (const char* abbreviation : kEnglishAbbreviations)
      builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
    sentences.reset(builder->wrapIteratorWithFilter(sentences.release(), status));
  }
  made.sentence = std::move(sentences);
  made.word.reset(icu::BreakIterator::createWordInstance(locale, status));
  made.line.reset(icu::BreakIterator::createLineInstance(locale, status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU could not load its rules for " + lang);
  return made;
}

}  // namespace

Segmenter::Segmenter(const std::string& lang) : impl_(std::make_unique<Impl>()) {
  static std::mutex lock;
  static std::map<std::string, Prototype> made;  // by ICU locale id
  const std::string locale_id = icu_locale_id(lang);
  std::lock_guard hold(lock);
  auto found = made.find(locale_id);
  if (found == made.end()) found = made.emplace(locale_id, make_prototype(locale_id, lang)).first;
  const Prototype& prototype = found->second;
  impl_->english = prototype.english;
  impl_->root_rules = prototype.root_rules;
  impl_->sentence.reset(prototype.sentence->clone());
  impl_->word.reset(prototype.word->clone());
  impl_->line.reset(prototype.line->clone());
  if (!impl_->sentence || !impl_->word || !impl_->line) throw std::runtime_error("ICU could not copy its rules for " + lang);
}

Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

std::vector<Range> Segmenter::sentences(std::string_view utf8) const {
  std::vector<Range> out;
  Impl& m = *impl_;
  detail::to_short_utf16(utf8, {m.root_rules, m.english}, m.units, m.shifts, m.sure_ends);
  UErrorCode status = U_ZERO_ERROR;
  UText* opened = utext_openUChars(nullptr, m.units.room.get(), static_cast<int64_t>(m.units.size), &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU could not read the text");
  const UTextPtr ut(opened);
  m.sentence->setText(ut.get(), status);
  std::size_t next_shift = 0, delta = 0;  // sentence ends come in order: walk the shifts once
  auto byte = [&m, &next_shift, &delta](int32_t end) {
    const auto unit = static_cast<std::size_t>(end);
    while (next_shift < m.shifts.size() && m.shifts[next_shift].at <= unit) delta = m.shifts[next_shift++].delta;
    return unit + delta;
  };
  std::size_t start = 0;
  auto end_at = [&](std::size_t e) {
    std::size_t b = start;
    start = e;
    while (b < e && is_space_byte(utf8[b])) ++b;
    while (e > b && is_space_byte(utf8[e - 1])) --e;
    if (e > b) detail::split_before_numbers(utf8, {b, e}, out, m.english);
  };
  // ICU's ends and the sure ends that ICU did not read, in order.
  std::size_t next_sure = 0;
  m.sentence->first();
  for (int32_t end = m.sentence->next(); end != icu::BreakIterator::DONE; end = m.sentence->next()) {
    const std::size_t e = byte(end);
    while (next_sure < m.sure_ends.size() && m.sure_ends[next_sure] < e) end_at(m.sure_ends[next_sure++]);
    end_at(e);
  }
  while (next_sure < m.sure_ends.size()) end_at(m.sure_ends[next_sure++]);
  return out;
}

std::vector<Range> Segmenter::words(std::string_view utf8) const {
  std::vector<Range> out;
  UTextPtr ut = open_utf8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  impl_->word->setText(ut.get(), status);
  int32_t start = impl_->word->first();
  for (int32_t end = impl_->word->next(); end != icu::BreakIterator::DONE;
       start = end, end = impl_->word->next()) {
    if (impl_->word->getRuleStatus() >= UBRK_WORD_NONE_LIMIT)
      out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
  }
  return out;
}

std::vector<std::size_t> Segmenter::line_breaks(std::string_view utf8) const {
  std::vector<std::size_t> out;
  UTextPtr ut = open_utf8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  impl_->line->setText(ut.get(), status);
  impl_->line->first();
  for (int32_t at = impl_->line->next(); at != icu::BreakIterator::DONE; at = impl_->line->next())
    out.push_back(static_cast<std::size_t>(at));
  return out;
}

}  // namespace easyread::text
