// Reads easyread's XML markup into a Document.
#include <filesystem>
#include <sstream>

#include "base/files.hpp"

#include "markup/internal.hpp"

namespace easyread::markup {
namespace {
// Easy Read notes are a few pages: 32 MB is about 400,000 points. Bigger
// files are refused at once, before they cost time and memory.
constexpr std::uint64_t kLargestNotes = 32ull << 20;
}  // namespace

namespace detail {
namespace {

bool is_text(const pugi::xml_node& node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

// Words such as a title: white space folded, as an author may break the line.
std::string attribute_text(const pugi::xml_node& element, const char* name) {
  return text::fold_white_space(element.attribute(name).value());
}

// A path or code: only the ends trimmed.
std::string attribute_value(const pugi::xml_node& element, const char* name) {
  return std::string(trim(element.attribute(name).value()));
}

std::string line_words(const Span& where) { return "Line " + std::to_string(where.line); }

PictureRef read_picture(Context& ctx, const pugi::xml_node& element) {
  PictureRef picture;
  picture.value = attribute_value(element, "picture");
  picture.alt = attribute_text(element, "alt");
  picture.span = attribute_span(ctx, element, "picture");
  return picture;
}

void require_attribute(Context& ctx, const pugi::xml_node& element, const char* name,
                       const std::string& example) {
  if (!trim(element.attribute(name).value()).empty()) return;
  Span where = ctx.element_span(element);
  ctx.error(where, "missing-attribute",
            line_words(where) + " has a <" + element.name() + "> with no " + name + ".",
            "Add it, like " + example + ".");
}

void report_empty(Context& ctx, const pugi::xml_node& element, const std::string& what) {
  Span where = ctx.element_span(element);
  ctx.error(
      where, "empty-point",
      "The " + what + " on line " + std::to_string(where.line) + " has no words.",
      "Write one or more sentences inside <" + std::string(element.name()) + ">, or take it out.");
}

std::vector<std::string> split_words(std::string_view list) {
  std::vector<std::string> words;
  std::istringstream stream{std::string(list)};
  for (std::string word; stream >> word;) {
    if (word.back() == ',') word.pop_back();
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

Point read_point(Context& ctx, const pugi::xml_node& element) {
  Point point;
  point.span = ctx.element_span(element);
  point.picture = read_picture(ctx, element);
  point.ignore = split_words(element.attribute("ignore").value());
  point.text = read_paragraph(ctx, element, &point.list);
  if (point.text.empty() && point.list.empty()) report_empty(ctx, element, "point");
  return point;
}

Action read_action(Context& ctx, const pugi::xml_node& element) {
  Action action;
  action.span = ctx.element_span(element);
  action.who = attribute_text(element, "who");
  action.by = read_date_attribute(ctx, element, "by");
  action.picture = read_picture(ctx, element);
  action.text = read_paragraph(ctx, element);
  if (action.text.empty()) report_empty(ctx, element, "action");
  return action;
}

Meeting read_meeting(Context& ctx, const pugi::xml_node& element) {
  Meeting meeting;
  meeting.span = ctx.element_span(element);
  meeting.date = read_date_attribute(ctx, element, "date");
  meeting.time = read_time_attribute(ctx, element, "time");
  meeting.place = attribute_text(element, "place");
  meeting.picture = read_picture(ctx, element);
  meeting.text = read_paragraph(ctx, element);
  return meeting;
}

Block read_block(Context& ctx, const pugi::xml_node& element) {
  std::string_view name = element.name();
  if (name == "action") return read_action(ctx, element);
  if (name == "meeting") return read_meeting(ctx, element);
  return read_point(ctx, element);
}

bool is_block(std::string_view name) {
  return name == "point" || name == "action" || name == "meeting";
}

// Visits the children of `element`: text is an error here, elements that do
// not belong are reported, and the rest go to `read`.
template <typename ReadChild>
void for_each_child(Context& ctx, const pugi::xml_node& element, ReadChild read) {
  for (const pugi::xml_node& child : element.children()) {
    if (is_text(child)) {
      check_no_text(ctx, element, child);
    } else if (child.type() == pugi::node_element && check_child_element(ctx, element, child)) {
      check_attributes(ctx, child);
      read(child);
    }
  }
}

Section read_section(Context& ctx, const pugi::xml_node& element) {
  Section section;
  section.span = ctx.element_span(element);
  section.title = attribute_text(element, "title");
  if (section.title.empty())
    ctx.error(section.span, "missing-title",
              "The section on line " + std::to_string(section.span.line) + " has no title.",
              "Add a heading, like <section title=\"What we talked about\">.");
  for_each_child(ctx, element, [&](const pugi::xml_node& child) {
    section.blocks.push_back(read_block(ctx, child));
  });
  // A section whose only parts were wrong already has an error; say no more.
  bool has_elements = element.find_child(
      [](const pugi::xml_node& node) { return node.type() == pugi::node_element; });
  if (!has_elements)
    ctx.warning(section.span, "empty-section",
                "The section on line " + std::to_string(section.span.line) + " has no points.",
                "Add a <point> inside it, or take the section out.");
  return section;
}

void read_words(Context& ctx, const pugi::xml_node& element, std::vector<Word>& words) {
  for_each_child(ctx, element, [&](const pugi::xml_node& child) {
    Word word;
    word.span = ctx.element_span(child);
    word.term = attribute_text(child, "term");
    word.picture = read_picture(ctx, child);
    word.explanation = read_paragraph(ctx, child);
    require_attribute(ctx, child, "term", "<word term=\"minutes\">");
    if (word.explanation.empty())
      ctx.error(word.span, "empty-word",
                "The word on line " + std::to_string(word.span.line) + " has no explanation.",
                "Write what the word means inside <word>...</word>.");
    words.push_back(std::move(word));
  });
}

Checked read_checked(Context& ctx, const pugi::xml_node& element) {
  Checked checked;
  checked.span = ctx.element_span(element);
  checked.by = attribute_text(element, "by");
  checked.date = read_date_attribute(ctx, element, "date");
  require_attribute(ctx, element, "by", "<checked by=\"Our self-advocacy group\"/>");
  for_each_child(ctx, element, [](const pugi::xml_node&) {});
  return checked;
}

void report_second(Context& ctx, const pugi::xml_node& element) {
  Span where = ctx.element_span(element);
  std::string name = element.name();
  ctx.error(where, "duplicate-element",
            line_words(where) + " has a second <" + name + ">. A document can have only one.",
            "Take out one of the <" + name + "> parts.");
}

// The root's own attributes were checked when it was found.
void read_root(Context& ctx, const pugi::xml_node& root, Document& doc) {
  doc.title = attribute_text(root, "title");
  doc.title_span = attribute_span(ctx, root, "title");
  if (doc.title.empty())
    ctx.error(doc.title_span, "missing-title",
              "The document on line " + std::to_string(doc.title_span.line) + " has no title.",
              "Add a title, like <easyread title=\"Our meeting on 11 January\">.");
  if (root.attribute("lang")) {
    std::string lang = attribute_value(root, "lang");
    if (check_language(ctx, root, lang)) doc.lang = lang;
  }
  if (root.attribute("template")) doc.template_name = attribute_value(root, "template");
  if (doc.template_name.empty()) doc.template_name = "newsletter";
  doc.date = read_date_attribute(ctx, root, "date");
  doc.organisation = attribute_text(root, "organisation");

  bool last_section_is_loose = false;  // blocks outside sections share one
  for_each_child(ctx, root, [&](const pugi::xml_node& child) {
    std::string_view name = child.name();
    if (is_block(name)) {
      if (!last_section_is_loose) {
        doc.sections.push_back(Section{{}, {}, ctx.element_span(child)});
        last_section_is_loose = true;
      }
      doc.sections.back().blocks.push_back(read_block(ctx, child));
      return;
    }
    last_section_is_loose = false;
    if (name == "section") {
      doc.sections.push_back(read_section(ctx, child));
    } else if (name == "words") {
      read_words(ctx, child, doc.words);
    } else if (name == "cover") {
      if (doc.cover) return report_second(ctx, child);
      doc.cover =
          Cover{read_picture(ctx, child), read_paragraph(ctx, child), ctx.element_span(child)};
    } else if (name == "checked") {
      if (doc.checked) return report_second(ctx, child);
      doc.checked = read_checked(ctx, child);
    }
  });
}

std::string folder_of(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  return folder.empty() ? std::string(".") : folder.string();
}

}  // namespace
}  // namespace detail

std::optional<Document> read_string(std::string source, const std::string& path,
                                    Diagnostics& diags) {
  using namespace detail;
  // A byte order mark is not text; without it columns on line 1 come out right.
  if (source.starts_with("\xEF\xBB\xBF")) source.erase(0, 3);
  Document doc;
  doc.path = path;
  doc.directory = folder_of(path);
  doc.source = std::move(source);
  std::size_t errors_before = diags.items().size();
  auto has_new_errors = [&] {
    for (std::size_t i = errors_before; i < diags.items().size(); ++i)
      if (diags.items()[i].severity == Severity::error) return true;
    return false;
  };

  Context ctx{doc.source, doc.path, text::LineIndex(doc.source), diags};
  if (!check_file_kind(ctx) || !check_utf8(ctx)) return std::nullopt;
  pugi::xml_document xml;
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
  pugi::xml_parse_result result =
      xml.load_buffer(doc.source.data(), doc.source.size(), options, pugi::encoding_utf8);
  if (!result) {
    report_syntax_error(ctx, result);
    return std::nullopt;
  }
  pugi::xml_node root;
  std::size_t diagnostics_before_root = diags.items().size();
  for_each_child(ctx, xml, [&](const pugi::xml_node& child) {
    if (!root) return void(root = child);
    Span where = ctx.element_span(child);
    ctx.error(where, "xml-syntax",
              line_words(where) + " has <" + child.name() + "> after the end of </easyread>.",
              "Move it inside <easyread>, before </easyread>.");
  });
  if (!root) {
    // A wrong top tag (<notes>) has been reported already.
    if (diags.items().size() > diagnostics_before_root) return std::nullopt;
    ctx.error(ctx.span(0, 0), "xml-syntax", "The file has no <easyread> part.",
              "Start the file with <easyread title=\"...\"> and end it with </easyread>.");
    return std::nullopt;
  }
  check_text_outside_root(ctx, root);
  check_entities(ctx);
  read_root(ctx, root, doc);
  check_hard_words(ctx, doc);
  if (has_new_errors()) return std::nullopt;
  check_dates_and_starter_words(ctx, doc);
  return doc;
}

std::optional<Document> read_file(const std::string& path, Diagnostics& diags) {
  auto bytes = read_regular_file(path, kLargestNotes);
  if (const auto* problem = std::get_if<FileProblem>(&bytes)) {
    std::string suggestion = "Check the file name and the folder. Check that the file is not open in another program.";
    if (problem->kind == FileProblem::Kind::too_big)
      suggestion = "Split the notes into smaller files, one for each meeting or part.";
    else if (problem->kind == FileProblem::Kind::not_a_file)
      suggestion = "Give the name of your notes file (it ends in .xml).";
    diags.error(path, {}, "cannot-read", "easyread cannot read the file " + path + ". " + problem->why, suggestion);
    return std::nullopt;
  }
  return read_string(std::move(std::get<std::string>(bytes)), path, diags);
}

}  // namespace easyread::markup
