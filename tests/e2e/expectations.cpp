#include "expectations.hpp"

#include <pugixml.hpp>

#include <cstdlib>
#include <stdexcept>

#include "markup/markup.hpp"
#include "text/text.hpp"

namespace e2e {
namespace fs = std::filesystem;
using easyread::style::Template;
namespace markup = easyread::markup;
namespace text = easyread::text;

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

// "20mm", "1.5cm", "16pt" or "16" in points.
double length(const pugi::xml_node& node, const char* name, double fallback) {
  auto attribute = node.attribute(name);
  if (!attribute) return fallback;
  std::string value = attribute.value();
  char* end = nullptr;
  double number = std::strtod(value.c_str(), &end);
  std::string unit(end);
  if (unit == "mm") return number * kPointsPerMm;
  if (unit == "cm") return number * 10 * kPointsPerMm;
  if (unit == "pt" || unit.empty()) return number;
  throw std::runtime_error("unknown unit in template: " + value);
}

bool has_text(const std::string& s) { return s.find_first_not_of(" \t\r\n") != std::string::npos; }

}  // namespace

Template read_template_numbers(const fs::path& file) {
  pugi::xml_document xml;
  if (!xml.load_file(file.c_str())) throw std::runtime_error("cannot read template " + file.string());
  auto root = xml.child("template");
  Template t;
  t.name = root.attribute("name").as_string(file.stem().c_str());
  auto page = root.child("page");
  std::string size = page.attribute("size").as_string("A4");
  if (size == "A4") t.page_width = 210 * kPointsPerMm, t.page_height = 297 * kPointsPerMm;
  if (size == "A5") t.page_width = 148 * kPointsPerMm, t.page_height = 210 * kPointsPerMm;
  if (size == "A3") t.page_width = 297 * kPointsPerMm, t.page_height = 420 * kPointsPerMm;
  if (size == "letter") t.page_width = 612, t.page_height = 792;
  t.margin_top = length(page, "margin-top", t.margin_top);
  t.margin_bottom = length(page, "margin-bottom", t.margin_bottom);
  t.margin_left = length(page, "margin-left", t.margin_left);
  t.margin_right = length(page, "margin-right", t.margin_right);
  if (auto background = page.attribute("background")) {
    unsigned long rgb = std::strtoul(background.value() + 1, nullptr, 16);  // "#RRGGBB"
    t.background = {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
  }
  auto sizes = root.child("sizes");
  t.body_size = length(sizes, "body", t.body_size);
  t.heading_size = length(sizes, "heading", t.heading_size);
  t.footer_size = length(sizes, "footer", t.footer_size);
  t.line_spacing = root.child("text").attribute("line-spacing").as_double(t.line_spacing);
  auto pictures = root.child("pictures");
  t.picture_size = length(pictures, "size", t.picture_size);
  t.picture_gap = length(pictures, "gap", t.picture_gap);
  t.picture_left = std::string(pictures.attribute("side").as_string("left")) == "left";
  return t;
}

Columns columns_of(const Template& t) {
  Columns c;
  double right_edge = t.page_width - t.margin_right;
  if (t.picture_left) {
    c.picture_left = t.margin_left;
    c.picture_right = t.margin_left + t.picture_size;
    c.text_left = c.picture_right + t.picture_gap;
    c.text_right = right_edge;
  } else {
    c.picture_right = right_edge;
    c.picture_left = right_edge - t.picture_size;
    c.text_left = t.margin_left;
    c.text_right = c.picture_left - t.picture_gap;
  }
  return c;
}

namespace {

class ExpectationReader {
 public:
  explicit ExpectationReader(const markup::Document& doc) : doc_(doc), segmenter_(doc.lang) {}

  std::vector<std::string> sentences(const markup::Paragraph& paragraph) const {
    // The layout folds white space before it looks for sentences; do the same.
    std::string folded = text::fold_white_space(paragraph.plain_text());
    std::vector<std::string> out;
    for (auto range : segmenter_.sentences(folded))
      out.push_back(folded.substr(range.begin, range.end - range.begin));
    return out;
  }

  static std::optional<bool> picture_given(const markup::PictureRef& ref) {
    if (ref.value == "none") return false;
    if (ref.value.empty()) return std::nullopt;
    return true;
  }

  ExpectedRow block(const markup::Block& block) const {
    ExpectedRow row;
    if (const auto* point = std::get_if<markup::Point>(&block)) {
      row = {"point", -1, point->span.line, picture_given(point->picture), point->picture.alt,
             sentences(point->text), {}};
      for (const auto& item : point->list)
        row.list_items.push_back(text::fold_white_space(item.plain_text()));
    } else if (const auto* action = std::get_if<markup::Action>(&block)) {
      row = {"action", -1, action->span.line, picture_given(action->picture), action->picture.alt,
             sentences(action->text), {}};
    } else if (const auto* meeting = std::get_if<markup::Meeting>(&block)) {
      row = {"meeting", -1, meeting->span.line, picture_given(meeting->picture), meeting->picture.alt,
             sentences(meeting->text), {}};
    }
    return row;
  }

  ExpectedDocument read() const {
    ExpectedDocument out{doc_.title, doc_.lang, doc_.template_name, {}, {}, {}, {}};
    if (doc_.cover) {
      out.cover_sentences = sentences(doc_.cover->text);
      out.cover_alt = doc_.cover->picture.alt;
    }
    for (const auto& section : doc_.sections) {
      out.sections.push_back(section.title);
      for (const auto& b : section.blocks) {
        out.rows.push_back(block(b));
        out.rows.back().section = static_cast<int>(out.sections.size()) - 1;
      }
    }
    for (const auto& word : doc_.words) {
      // The term is set on its own line at the column's edge, like a sentence.
      ExpectedRow row{"word", -1, word.span.line, picture_given(word.picture), word.picture.alt, {word.term}, {}};
      for (auto& sentence : sentences(word.explanation)) row.sentences.push_back(std::move(sentence));
      out.rows.push_back(std::move(row));
    }
    return out;
  }

 private:
  const markup::Document& doc_;
  text::Segmenter segmenter_;
};

}  // namespace

ExpectedDocument read_expected(const fs::path& xml) {
  easyread::Diagnostics diags;
  auto doc = markup::read_file(xml.string(), diags);
  if (!doc) throw std::runtime_error("the markup reader found errors in " + xml.string());
  return ExpectationReader(*doc).read();
}

namespace {
std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  return out;
}
}  // namespace

std::optional<Found> find_text(const std::vector<Word>& words, const std::string& wanted,
                               std::size_t from) {
  const std::string target = without_spaces(wanted);
  if (target.empty()) return std::nullopt;
  for (std::size_t first = from; first < words.size(); ++first) {
    std::size_t matched = 0;
    for (std::size_t i = first; i < words.size(); ++i) {
      const std::string& w = words[i].text;
      if (target.compare(matched, w.size(), w) != 0) break;
      matched += w.size();
      if (matched == target.size()) return Found{first, i};
      if (!has_text(w)) break;
    }
  }
  return std::nullopt;
}

}  // namespace e2e
