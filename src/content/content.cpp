// build(): what a document says, decided once for every output.
#include "content/content.hpp"

#include <algorithm>
#include <cctype>
#include <variant>

#include "base/overloaded.hpp"
#include "content/internal.hpp"
#include "style/style.hpp"

namespace easyread::content {

std::string Sentence::plain() const {
  std::string out;
  for (const Run& run : runs) out += run.text;
  return out;
}

std::string Labels::page_number(int page, int pages) const {
  return page_before + std::to_string(page) + page_between + std::to_string(pages) + page_after;
}

void Labels::split_page_number(const std::string& pattern, Labels& into) {
  std::size_t at_page = pattern.find("{page}"), at_pages = pattern.find("{pages}");
  if (at_page == std::string::npos || at_pages == std::string::npos || at_pages < at_page) {
    into.page_before.clear();  // a pattern with the numbers the other way round: "2 / 8"
    into.page_between = " / ";
    into.page_after.clear();
    return;
  }
  into.page_before = pattern.substr(0, at_page);
  into.page_between = pattern.substr(at_page + 6, at_pages - at_page - 6);
  into.page_after = pattern.substr(at_pages + 7);
}

namespace detail {

std::string anchor_for(const std::string& term, const std::vector<WordEntry>& earlier) {
  std::string slug;
  for (char c : term) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) {
      slug += static_cast<char>(std::tolower(byte));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  const std::string base = "word-" + (slug.empty() ? std::string("entry") : slug);
  // Two entries with the same letters get "-2", "-3" ...: a link must lead to one place.
  auto taken = [&](const std::string& id) {
    return std::any_of(earlier.begin(), earlier.end(), [&](const WordEntry& e) { return e.anchor == id; });
  };
  std::string anchor = base;
  for (int n = 2; taken(anchor); ++n) anchor = base + "-" + std::to_string(n);
  return anchor;
}

}  // namespace detail

namespace {

// Makes the content tree; one per document.
class Builder {
 public:
  Builder(const markup::Document& notes, symbols::Library& library, const symbols::GivenPictures& given,
          const style::Template& look, const PictureRead& on_read, const style::Strings& strings, Document& out,
          Diagnostics& diags, Deadline deadline)
      : notes_(notes), strings_(strings), out_(out), deadline_(deadline), sentences_(notes, notes.lang),
        dates_(notes.lang), pictures_(library, notes, given, look, on_read, out.pictures, diags) {}

  void run(const style::Template& look) {
    out_.metadata = {notes_.title, notes_.lang, notes_.organisation, {}};
    labels();
    cover(look);
    // A section with no points is left out: the notes reader warns about it,
    // and a heading alone helps nobody.
    for (const auto& section : notes_.sections)
      if (!section.blocks.empty()) out_.sections.push_back(body_section(section));
    for (const auto& word : notes_.words) {
      deadline_.check();
      out_.words.push_back(word_entry(word));
    }
    closing();
  }

 private:
  std::string say(const std::string& id, const std::map<std::string, std::string>& values = {}) const {
    return text::fold_white_space(strings_.get(id, values));
  }

  void labels() {
    Labels& labels = out_.labels;
    labels.words_heading = say("words-heading");
    labels.contents_heading = say("contents-heading");
    Labels::split_page_number(say("page-number"), labels);
  }

  void cover(const style::Template& look) {
    Cover& cover = out_.cover;
    cover.organisation = notes_.organisation;
    if (notes_.date) cover.date = dates_.long_date(*notes_.date);
    cover.date_first = look.cover_date_first;
    cover.title = notes_.title;
    if (!notes_.cover) return;
    cover.has_part = true;
    cover.picture = pictures_.resolve(notes_.cover->picture, &notes_.cover->text, notes_.cover->span);
    cover.text = sentences_.sentences(notes_.cover->text);
  }

  void add_sentences(Row& row, const markup::Paragraph& text) {
    Sentences sentences = sentences_.sentences(text);
    if (!sentences.sentences.empty()) row.parts.emplace_back(std::move(sentences));
  }

  void add_fact(Row& row, Fact::Kind kind, const std::string& label_id, std::string value) {
    row.parts.emplace_back(Fact{kind, say(label_id), std::move(value)});
  }

  Row point_row(const markup::Point& point) {
    Row row{Row::Kind::point, pictures_.resolve(point.picture, &point.text, point.span), {}, point.span};
    add_sentences(row, point.text);
    if (!point.list.empty()) {
      BulletList list;
      for (const auto& item : point.list) list.items.push_back(sentences_.sentences(item));
      row.parts.emplace_back(std::move(list));
    }
    return row;
  }

  Row action_row(const markup::Action& action) {
    Row row{Row::Kind::action, pictures_.resolve(action.picture, &action.text, action.span), {}, action.span};
    add_sentences(row, action.text);
    if (!action.who.empty()) add_fact(row, Fact::Kind::who, "who", action.who);
    if (action.by) add_fact(row, Fact::Kind::by_when, "by-when", dates_.long_date(*action.by));
    return row;
  }

  Row meeting_row(const markup::Meeting& meeting) {
    Row row{Row::Kind::meeting, pictures_.resolve(meeting.picture, &meeting.text, meeting.span), {},
            meeting.span};
    add_sentences(row, meeting.text);
    if (meeting.date) add_fact(row, Fact::Kind::date, "date", dates_.long_date(*meeting.date));
    if (meeting.time) add_fact(row, Fact::Kind::time, "time", dates_.time(*meeting.time));
    if (!meeting.place.empty()) add_fact(row, Fact::Kind::place, "place", meeting.place);
    return row;
  }

  Section body_section(const markup::Section& section) {
    Section out{section.title, {}, section.span};
    for (const auto& block : section.blocks) {
      deadline_.check();
      out.rows.push_back(std::visit(Overloaded{
                                        [&](const markup::Point& b) { return point_row(b); },
                                        [&](const markup::Action& b) { return action_row(b); },
                                        [&](const markup::Meeting& b) { return meeting_row(b); },
                                    },
                                    block));
    }
    return out;
  }

  WordEntry word_entry(const markup::Word& word) {
    WordEntry entry;
    entry.term = word.term;
    entry.anchor = detail::anchor_for(word.term, out_.words);
    // A word gets a picture only if the author gives one.
    entry.picture = pictures_.resolve(word.picture, nullptr, word.span);
    entry.explanation = sentences_.sentences(word.explanation);
    entry.span = word.span;
    return entry;
  }

  void closing() {
    if (notes_.checked) {
      const markup::Checked& checked = *notes_.checked;
      out_.closing.push_back(
          {ClosingLine::Kind::checked_by,
           checked.date ? say("checked-by", {{"name", checked.by}, {"date", dates_.long_date(*checked.date)}})
                        : say("checked-by-undated", {{"name", checked.by}})});
    }
    if (pictures_.uses_openmoji()) {
      out_.metadata.credits = say("credit-openmoji");
      out_.closing.push_back({ClosingLine::Kind::credit, out_.metadata.credits});
    }
  }

  const markup::Document& notes_;
  const style::Strings& strings_;
  Document& out_;
  Deadline deadline_;
  detail::SentenceMaker sentences_;
  text::DateWriter dates_;
  detail::PictureTable pictures_;
};

}  // namespace

Document build(const markup::Document& notes, symbols::Library& library, const style::Template& look,
               const style::Strings& strings, Diagnostics& diags, const symbols::GivenPictures& given,
               Deadline deadline, const PictureRead& on_read) {
  Document out;
  Builder(notes, library, given, look, on_read, strings, out, diags, deadline).run(look);
  return out;
}

}  // namespace easyread::content
