// Checking easyread's XML notes: everything the reader reads (the title,
// section titles, points, lists, who and where, the word list, pictures'
// alternative text), one section at a time.
#include <algorithm>
#include <optional>
#include <type_traits>
#include <variant>

#include "check/check.hpp"
#include "check/rules.hpp"
#include "text/text.hpp"

namespace easyread::check {
namespace {

using detail::FileContext;

// Byte offset of a line and column (columns count code points) in `source`.
std::size_t offset_of(std::string_view source, const text::LineIndex& lines, int line, int column) {
  const std::string_view text = lines.line_text(line);
  if (text.data() == nullptr) return source.size();
  const auto at = static_cast<std::size_t>(text.data() - source.data());
  return column > 1 ? text::skip_code_points(source, at, static_cast<std::size_t>(column - 1)) : at;
}

// An attribute's value as a run of text, so findings in it point at the
// right place. `where` is the element (or the attribute); nullopt if not found.
std::optional<markup::Run> attribute_run(const markup::Document& doc, const text::LineIndex& lines, const Span& where,
                                         std::string_view name, const std::string& value) {
  if (value.empty() || where.line < 1) return std::nullopt;
  const std::string_view source = doc.source;
  std::size_t from = offset_of(source, lines, where.line, where.column);
  const std::size_t tag_start = source.rfind('<', from);
  if (tag_start != std::string_view::npos && source.substr(tag_start, from - tag_start).find('>') == std::string_view::npos)
    from = tag_start;  // the span may start inside the tag: look from its start
  const std::size_t tag_end = source.find('>', from);
  for (std::size_t at = from; at < tag_end;) {
    at = source.find(name, at);
    if (at == std::string_view::npos || at >= tag_end) break;
    std::size_t p = at + name.size();
    const bool whole = at > 0 && (source[at - 1] == ' ' || source[at - 1] == '\n' || source[at - 1] == '\t');
    while (p < tag_end && (source[p] == ' ' || source[p] == '\n')) ++p;
    if (whole && p < tag_end && source[p] == '=') {
      ++p;
      while (p < tag_end && (source[p] == ' ' || source[p] == '\n')) ++p;
      if (p < tag_end && (source[p] == '"' || source[p] == '\'')) {
        markup::Run run;
        run.text = value;
        run.source_offset = p + 1;
        return run;
      }
    }
    at += name.size();
  }
  return std::nullopt;
}

class DocumentCheck {
 public:
  DocumentCheck(const markup::Document& doc, const Settings& settings, FileContext& ctx)
      : doc_(doc), settings_(settings), ctx_(ctx), segmenter_(doc.lang), lines_(doc.source) {}

  // Checks a paragraph; returns its number of sentences.
  int paragraph(const markup::Paragraph& paragraph) {
    std::string plain;
    std::vector<std::size_t> starts;  // where each run starts in `plain`
    ctx_.hard_ranges.clear();
    for (const markup::Run& run : paragraph.runs) {
      starts.push_back(plain.size());
      if (run.style == markup::Run::Style::hard) ctx_.hard_ranges.emplace_back(plain.size(), plain.size() + run.text.size());
      plain += run.text;
    }
    if (plain.find_first_not_of(" \t\r\n") == std::string::npos) return 0;
    auto run_at = [&](std::size_t offset) {
      const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
      return static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, it - starts.begin() - 1));
    };
    const auto& runs = paragraph.runs;
    ctx_.locate = [&](std::size_t b, std::size_t e) {
      const std::size_t first = run_at(b), last = run_at(e > b ? e - 1 : b);
      if (first == last) return markup::locate(doc_, lines_, runs[first], b - starts[first], e - starts[first]);
      const Span s = markup::locate(doc_, lines_, runs[first], b - starts[first], runs[first].text.size());
      const Span t = markup::locate(doc_, lines_, runs[last], 0, e - starts[last]);
      return Span{s.line, s.column, t.end_line, t.end_column};
    };
    const std::vector<text::Range> sentences = segmenter_.sentences(plain);
    for (const text::Range& r : sentences) ctx_.check_sentence(plain, r.begin, r.end);
    ctx_.hard_ranges.clear();
    return static_cast<int>(sentences.size());
  }

  // An attribute the reader reads (a title, who, place, alt text).
  void attribute(const Span& where, std::string_view name, const std::string& value) {
    if (auto run = attribute_run(doc_, lines_, where, name, value)) {
      markup::Paragraph p;
      p.runs.push_back(std::move(*run));
      paragraph(p);
    }
  }

  void picture_rules(int sentences, const markup::PictureRef& picture, const Span& where, bool is_point) {
    if (sentences > settings_.sentences_per_picture)
      ctx_.report(detail::picture_sentences, where,
                  "There are " + std::to_string(sentences) + " sentences beside this picture. Try to keep it to " +
                      std::to_string(settings_.sentences_per_picture) + " or fewer.",
                  "Split it into 2 points, each with its own picture.");
    if (is_point && picture.value.empty())
      ctx_.report(detail::no_picture, where, "This point has no picture. easyread will choose one for you.",
                  "To choose your own, add picture=\"...\" to the point.");
  }

  void block(const markup::Block& block) {
    std::visit(
        [&](const auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, markup::Point>) {
            ctx_.ignore = b.ignore;
            const int sentences = paragraph(b.text);
            for (const markup::Paragraph& item : b.list) paragraph(item);
            attribute(b.span, "alt", b.picture.alt);
            picture_rules(sentences, b.picture, b.span, true);
            ctx_.ignore.clear();
          } else {
            const int sentences = paragraph(b.text);
            if constexpr (std::is_same_v<T, markup::Action>) attribute(b.span, "who", b.who);
            if constexpr (std::is_same_v<T, markup::Meeting>) attribute(b.span, "place", b.place);
            attribute(b.span, "alt", b.picture.alt);
            picture_rules(sentences, b.picture, b.span, false);
          }
        },
        block);
  }

 private:
  const markup::Document& doc_;
  const Settings& settings_;
  FileContext& ctx_;
  text::Segmenter segmenter_;
  // One index of line starts for the whole file: counting lines from the
  // start for each finding made 100,000 points take minutes.
  const text::LineIndex lines_;
};

}  // namespace

Report Checker::check_document(const markup::Document& doc, Deadline deadline) const {
  Report report;
  const Sink sink = [&report](Diagnostic&& d) { report.diagnostics.add(std::move(d)); };
  FileContext ctx(impl_->lexicons, impl_->settings, doc.path, sink, doc.lang);
  ctx.is_markup = true;
  // The document's own word list explains its words, whatever their capitals or plural.
  detail::PhraseList own_words;
  for (const markup::Word& word : doc.words) own_words.add(word.term, "explained", detail::ListKind::user, true);
  std::vector<bool> used(doc.words.size(), false);
  ctx.document_words = &own_words;
  ctx.used_words = &used;
  DocumentCheck check(doc, impl_->settings, ctx);

  check.attribute(doc.title_span, "title", doc.title);
  if (doc.cover) {
    check.paragraph(doc.cover->text);
    check.attribute(doc.cover->span, "alt", doc.cover->picture.alt);
  }
  ctx.end_section();
  for (const markup::Section& section : doc.sections) {
    check.attribute(section.span, "title", section.title);
    for (const markup::Block& block : section.blocks) {
      deadline.check();
      check.block(block);
    }
    ctx.end_section();
  }
  // The word list's own explanations are checked too, but do not count as use.
  ctx.count_word_use = false;
  for (const markup::Word& word : doc.words) {
    check.paragraph(word.explanation);
    check.attribute(word.span, "alt", word.picture.alt);
  }
  ctx.end_section();
  for (std::size_t i = 0; i < doc.words.size(); ++i)
    if (!used[i])
      ctx.report(detail::unused_word, doc.words[i].span,
                 "The word list explains \"" + doc.words[i].term + "\", but the text never uses it.",
                 "Use it in the text, or take it out of the word list.");
  ctx.end_section();
  report.stats = ctx.finish_stats();
  return report;
}

}  // namespace easyread::check
