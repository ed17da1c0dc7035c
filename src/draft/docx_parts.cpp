// Styles, numbering, footnotes, pictures and the words of one Word paragraph.
#include "draft/docx_parts.hpp"

#include <charconv>
#include <set>

#include "check/zip_reader.hpp"
#include "draft/internal.hpp"

namespace easyread::draft::detail {
namespace {

// Parts of a paragraph that hold no words the reader sees: properties,
// deleted and moved-away text, field codes, comment marks, and the old
// drawing Word keeps beside a new one (mc:Fallback).
const std::set<std::string, std::less<>> kSkipped = {
    "w:pPr", "w:rPr", "w:del", "w:moveFrom", "w:delText", "w:instrText", "w:commentReference",
    "w:annotationRef", "w:commentRangeStart", "w:commentRangeEnd", "mc:Fallback", "w:footnoteRef",
    "w:endnoteRef", "w:sectPr", "w:bookmarkStart", "w:bookmarkEnd", "w:proofErr"};

int to_int(std::string_view text, int fallback) {
  int value = fallback;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

// The first element called `name` under `node`, searched with a loop.
pugi::xml_node find_below(const pugi::xml_node& node, std::string_view name) {
  std::vector<std::pair<pugi::xml_node, int>> stack{{node, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (depth > 0 && name == n.name()) return n;
    if (depth >= kDeepest) continue;
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling())
      if (c.type() == pugi::node_element) stack.push_back({c, depth + 1});
  }
  return {};
}

}  // namespace

std::optional<std::string> DocxParts::load(const std::string& name, pugi::xml_document& into, bool required) {
  auto entry = check::detail::read_zip_entry(archive_, name);
  if (const auto* problem = std::get_if<check::detail::ZipProblem>(&entry)) {
    if (required) return problem->why;
    return std::string();
  }
  const std::string& xml = std::get<std::string>(entry);
  if (!into.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata))
    return std::string("The text inside it has errors.");
  return std::nullopt;
}

void DocxParts::load_support() {
  pugi::xml_document styles, numbering, footnotes, rels;
  load("docProps/core.xml", core_, false);
  if (!load("word/styles.xml", styles, false)) {
    for (const pugi::xml_node& s : styles.child("w:styles").children("w:style")) {
      Style style;
      style.name = ascii_lower(s.child("w:name").attribute("w:val").value());
      const pugi::xml_node ppr = s.child("w:pPr");
      style.outline = to_int(ppr.child("w:outlineLvl").attribute("w:val").value(), -1);
      style.num_id = ppr.child("w:numPr").child("w:numId").attribute("w:val").value();
      styles_[s.attribute("w:styleId").value()] = std::move(style);
    }
  }
  if (!load("word/numbering.xml", numbering, false)) {
    std::map<std::string, std::map<int, std::string>, std::less<>> abstract;
    const pugi::xml_node root = numbering.child("w:numbering");
    for (const pugi::xml_node& a : root.children("w:abstractNum"))
      for (const pugi::xml_node& lvl : a.children("w:lvl"))
        abstract[a.attribute("w:abstractNumId").value()][to_int(lvl.attribute("w:ilvl").value(), 0)] =
            lvl.child("w:numFmt").attribute("w:val").value();
    for (const pugi::xml_node& n : root.children("w:num"))
      formats_[n.attribute("w:numId").value()] = abstract[n.child("w:abstractNumId").attribute("w:val").value()];
  }
  if (!load("word/_rels/document.xml.rels", rels, false)) {
    for (const pugi::xml_node& r : rels.child("Relationships").children("Relationship")) {
      if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
      const std::string target = r.attribute("Target").value();
      targets_[r.attribute("Id").value()] = target.starts_with("/") ? target.substr(1) : "word/" + target;
    }
  }
  if (!load("word/footnotes.xml", footnotes, false)) {
    for (const pugi::xml_node& f : footnotes.child("w:footnotes").children("w:footnote")) {
      if (*f.attribute("w:type").value()) continue;  // the separator lines
      std::string text;
      std::vector<Image> no_images;
      std::vector<std::string> no_notes;
      all_paragraphs(f, [&](const pugi::xml_node& p) {
        std::string piece;
        if (!paragraph_text(p, piece, no_images, no_notes, nullptr)) return false;
        if (!trim(piece).empty()) text += (text.empty() ? "" : " ") + std::string(trim(piece));
        return true;
      });
      footnotes_[f.attribute("w:id").value()] = text;
    }
  }
}

std::string DocxParts::core_title() const {
  return std::string(trim(core_.child("cp:coreProperties").child("dc:title").child_value()));
}

bool DocxParts::numbered(const std::string& num_id, int level) const {
  const auto found = formats_.find(num_id);
  if (found == formats_.end()) return false;
  const auto format = found->second.find(level);
  if (format == found->second.end()) return false;
  return format->second != "bullet" && format->second != "none" && !format->second.empty();
}

ParagraphStyle DocxParts::style_of(const pugi::xml_node& paragraph) const {
  ParagraphStyle out;
  const pugi::xml_node ppr = paragraph.child("w:pPr");
  const std::string id = ppr.child("w:pStyle").attribute("w:val").value();
  const auto found = styles_.find(id);
  const Style style = found != styles_.end() ? found->second : Style{ascii_lower(id), -1, {}};
  const std::string& name = style.name;
  const int outline = to_int(ppr.child("w:outlineLvl").attribute("w:val").value(), style.outline);
  if (name == "title") {
    out.kind = BlockKind::title;
  } else if ((name.starts_with("heading ") || name.starts_with("heading")) && name.size() <= 9 &&
             name.back() >= '1' && name.back() <= '9') {
    out.kind = BlockKind::heading;
    out.level = name.back() - '0';
  } else if (outline >= 0 && outline < 9) {
    out.kind = BlockKind::heading;
    out.level = outline + 1;
  }
  if (out.kind != BlockKind::paragraph) return out;
  const pugi::xml_node num = ppr.child("w:numPr");
  const std::string num_id = num ? num.child("w:numId").attribute("w:val").value() : style.num_id;
  const int level = to_int(num.child("w:ilvl").attribute("w:val").value(), 0);
  if ((!num_id.empty() && num_id != "0") || name.starts_with("list bullet") || name.starts_with("list number")) {
    out.kind = BlockKind::list_item;
    out.level = level;
    out.list = to_int(num_id, 0);
    out.numbered = num_id.empty() ? name.starts_with("list number") : numbered(num_id, level);
  }
  return out;
}

std::optional<Image> DocxParts::image(const std::string& relationship, std::string alt) {
  if (const auto found = images_.find(relationship); found != images_.end()) {
    Image again = found->second;
    again.alt = std::move(alt);
    return again;
  }
  const auto target = targets_.find(relationship);
  if (target == targets_.end()) return std::nullopt;
  auto entry = check::detail::read_zip_entry(archive_, target->second);
  if (!std::holds_alternative<std::string>(entry)) return std::nullopt;
  // Keep a bounded amount of pictures in memory, whatever the file says.
  image_bytes_ += std::get<std::string>(entry).size();
  if (image_bytes_ > kMostImageBytes) return std::nullopt;
  Image image{target->second.substr(target->second.find_last_of('/') + 1), std::move(std::get<std::string>(entry)),
              std::move(alt)};
  images_[relationship] = image;
  return image;
}

bool DocxParts::paragraph_text(const pugi::xml_node& paragraph, std::string& text, std::vector<Image>& images,
                               std::vector<std::string>& footnotes, std::vector<pugi::xml_node>* inner) {
  std::vector<bool> fields;  // open complex fields: true while in the field's code
  std::vector<std::pair<pugi::xml_node, int>> stack;
  for (pugi::xml_node c = paragraph.last_child(); c; c = c.previous_sibling()) stack.push_back({c, 1});
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (node.type() != pugi::node_element) continue;
    if (depth > kDeepest) return false;
    const std::string_view name = node.name();
    const bool in_code = !fields.empty() && fields.back();
    if (kSkipped.contains(name)) continue;
    if (name == "w:p") {
      if (inner) inner->push_back(node);
    } else if (name == "w:t") {
      if (in_code) continue;
      for (const char* c = node.child_value(); *c; ++c) text.push_back(*c == '\n' || *c == '\r' ? ' ' : *c);
    } else if (name == "w:tab" || name == "w:br" || name == "w:cr") {
      if (!in_code) text.push_back(' ');
    } else if (name == "w:noBreakHyphen") {
      if (!in_code) text.push_back('-');
    } else if (name == "w:fldChar") {
      const std::string_view type = node.attribute("w:fldCharType").value();
      if (type == "begin") fields.push_back(true);
      else if (type == "separate" && !fields.empty()) fields.back() = false;
      else if (type == "end" && !fields.empty()) fields.pop_back();
    } else if (name == "w:footnoteReference") {
      if (const auto f = footnotes_.find(node.attribute("w:id").value()); f != footnotes_.end() && !f->second.empty())
        footnotes.push_back(f->second);
    } else if (name == "w:drawing" || name == "w:pict") {
      const pugi::xml_node described = find_below(node, name == "w:drawing" ? "wp:docPr" : "v:shape");
      std::string alt = described.attribute(name == "w:drawing" ? "descr" : "alt").value();
      if (alt.empty()) alt = described.attribute("title").value();
      const pugi::xml_node blip = find_below(node, name == "w:drawing" ? "a:blip" : "v:imagedata");
      const std::string id = blip.attribute(name == "w:drawing" ? "r:embed" : "r:id").value();
      if (auto found = image(id, alt)) images.push_back(std::move(*found));
      // Words in a text box drawn as a shape are still words of the document.
      if (const pugi::xml_node box = find_below(node, "w:txbxContent"); box && inner)
        for (const pugi::xml_node& p : box.children("w:p")) inner->push_back(p);
    } else {
      for (pugi::xml_node c = node.last_child(); c; c = c.previous_sibling()) stack.push_back({c, depth + 1});
    }
  }
  return true;
}

bool DocxParts::all_paragraphs(const pugi::xml_node& node,
                               const std::function<bool(const pugi::xml_node&)>& visit) const {
  std::vector<std::pair<pugi::xml_node, int>> stack;
  for (pugi::xml_node c = node.last_child(); c; c = c.previous_sibling()) stack.push_back({c, 1});
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element || kSkipped.contains(n.name())) continue;
    if (depth > kDeepest) return false;
    // Paragraphs inside this one (text boxes) come after it.
    if (std::string_view(n.name()) == "w:p" && !visit(n)) return false;
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back({c, depth + 1});
  }
  return true;
}

}  // namespace easyread::draft::detail
