// Running text: words with <hard>, <b> and <link>, and bullet lists.
#include <algorithm>
#include <cctype>

#include "markup/internal.hpp"

namespace easyread::markup::detail {
namespace {

bool is_text(const pugi::xml_node& node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

std::size_t offset_of(const pugi::xml_node& node) {
  return static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug()));
}

// Adds a text node to the paragraph. Text that follows text directly (split
// only by a comment or CDATA) joins the run before it.
void append_text(Paragraph& paragraph, const pugi::xml_node& node, Run::Style style,
                 const std::string& href, bool follows_text) {
  if (follows_text && !paragraph.runs.empty() && paragraph.runs.back().style == style &&
      paragraph.runs.back().href == href) {
    paragraph.runs.back().text += node.value();
    return;
  }
  paragraph.runs.push_back(Run{style, node.value(), href, offset_of(node)});
}

Run::Style style_of(std::string_view name) {
  if (name == "hard") return Run::Style::hard;
  if (name == "b") return Run::Style::bold;
  return Run::Style::link;
}

// Web addresses longer than this are not real pages (browsers and PDF
// readers stop near 2,000 letters), and each line of a link repeats it.
constexpr std::size_t kLongestAddress = 2000;

// The address a link may use, or an empty one (no link, the words stay).
// Addresses that run a program or open a file on the reader's computer
// (javascript:, file:) are never made into links.
std::string checked_address(Context& ctx, const pugi::xml_node& element, std::string href) {
  Span where = ctx.element_span(element);
  if (href.size() > kLongestAddress) {
    ctx.error(where, "long-link",
              "Line " + std::to_string(where.line) + " has a link address " + std::to_string(href.size()) +
                  " letters long. easyread can use addresses of up to " + std::to_string(kLongestAddress) + " letters.",
              "Check the address. Use a shorter address for the same page.");
    return {};
  }
  std::string scheme;
  const std::size_t colon = href.find(':');
  if (colon != std::string::npos)
    for (char c : href.substr(0, colon)) scheme.push_back(char(std::tolower(static_cast<unsigned char>(c))));
  const bool web = scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
  if (colon == std::string::npos || href.find('/') < colon || web) return href;
  ctx.warning(where, "unsafe-link",
              "Line " + std::to_string(where.line) + " has a link to \"" + scheme +
                  ":\". It could run a program or open files on the reader's computer, so easyread leaves it out. "
                  "The words stay.",
              "Use a web address that starts with https://.");
  return {};
}

void read_inline_element(Context& ctx, const pugi::xml_node& element, Paragraph& paragraph) {
  check_attributes(ctx, element);
  Run::Style style = style_of(element.name());
  std::string href;
  if (style == Run::Style::link) {
    href = std::string(trim(element.attribute("href").value()));
    if (href.empty()) {
      Span where = ctx.element_span(element);
      ctx.error(where, "missing-attribute",
                "Line " + std::to_string(where.line) + " has a <link> with no address.",
                "Add the address, like <link href=\"https://example.org\">our website</link>.");
    } else {
      href = checked_address(ctx, element, std::move(href));
    }
  }
  bool follows_text = false;
  for (const pugi::xml_node& child : element.children()) {
    if (is_text(child)) {
      append_text(paragraph, child, style, href, follows_text);
      follows_text = true;
    } else if (child.type() == pugi::node_element) {
      check_child_element(ctx, element, child);  // nothing may go inside
      follows_text = false;
    }
  }
}

// Takes white space off both ends of the paragraph, keeping each run's
// source offset right.
void trim_edges(const Context& ctx, Paragraph& paragraph) {
  auto& runs = paragraph.runs;
  runs.erase(runs.begin(), std::find_if(runs.begin(), runs.end(),
                                        [](const Run& run) { return !is_blank(run.text); }));
  while (!runs.empty() && is_blank(runs.back().text)) runs.pop_back();
  if (runs.empty()) return;
  Run& first = runs.front();
  std::size_t lead = first.text.find_first_not_of(" \t\r\n");
  first.source_offset = advance_decoded(ctx.source, first.source_offset, first.text, lead, true);
  first.text.erase(0, lead);
  Run& last = runs.back();
  last.text.erase(last.text.find_last_not_of(" \t\r\n") + 1);
}

void read_list(Context& ctx, const pugi::xml_node& list_element, std::vector<Paragraph>& items) {
  check_attributes(ctx, list_element);
  bool has_content = false;  // a list with wrong content has its error already
  for (const pugi::xml_node& child : list_element.children()) {
    has_content = has_content || child.type() == pugi::node_element || !is_blank(child.value());
    if (is_text(child)) {
      check_no_text(ctx, list_element, child);
      continue;
    }
    if (child.type() != pugi::node_element || !check_child_element(ctx, list_element, child))
      continue;
    check_attributes(ctx, child);
    Paragraph item = read_paragraph(ctx, child);
    if (item.empty()) {
      Span where = ctx.element_span(child);
      ctx.error(where, "empty-item",
                "The bullet point on line " + std::to_string(where.line) + " has no words.",
                "Write words inside <item>...</item>, or take the item out.");
      continue;
    }
    items.push_back(std::move(item));
  }
  if (!has_content) {
    Span where = ctx.element_span(list_element);
    ctx.error(where, "empty-list",
              "The list on line " + std::to_string(where.line) + " has no bullet points.",
              "Add <item>...</item> for each bullet point, or take the list out.");
  }
}

// The list is drawn after all the point's sentences, so words written
// after it move above it: say so.
void warn_text_after_list(Context& ctx, const pugi::xml_node& text_node) {
  std::string_view value = text_node.value();
  std::size_t at = advance_decoded(ctx.source, offset_of(text_node), value,
                                   value.find_first_not_of(" \t\r\n"), true);
  Span where = ctx.span(at, at + 1);
  ctx.warning(where, "text-after-list",
              "Line " + std::to_string(where.line) +
                  " has words after the list. They will be shown before the list.",
              "Move the words before <list>, or put them in a new <point>.");
}

}  // namespace

Paragraph read_paragraph(Context& ctx, const pugi::xml_node& element,
                         std::vector<Paragraph>* list) {
  Paragraph paragraph;
  bool follows_text = false;
  bool list_seen = false;
  bool warned_after_list = false;
  for (const pugi::xml_node& child : element.children()) {
    if (is_text(child)) {
      if (list_seen && !warned_after_list && !is_blank(child.value())) {
        warn_text_after_list(ctx, child);
        warned_after_list = true;
      }
      append_text(paragraph, child, Run::Style::plain, {}, follows_text);
      follows_text = true;
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    follows_text = false;
    if (!check_child_element(ctx, element, child)) continue;
    if (std::string_view(child.name()) != "list") {
      read_inline_element(ctx, child, paragraph);
    } else if (list_seen || list == nullptr) {
      Span where = ctx.element_span(child);
      ctx.error(where, "duplicate-element",
                "Line " + std::to_string(where.line) + " starts a second <list> in one point.",
                "Put all the bullet points in one <list>, or start a new <point>.");
    } else {
      list_seen = true;
      read_list(ctx, child, *list);
    }
  }
  trim_edges(ctx, paragraph);
  return paragraph;
}

}  // namespace easyread::markup::detail
