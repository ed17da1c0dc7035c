// Word documents for drafts: the structure of word/document.xml (headings,
// lists, tables), tracked changes, fields, footnotes and pictures. Read with
// the checker's ZIP reader; every walk is a loop with a depth limit, so a
// hostile file cannot overflow the stack.
#include <fstream>
#include <iterator>
#include <map>

#include <pugixml.hpp>

#include "check/zip_reader.hpp"
#include "draft/docx_parts.hpp"
#include "draft/internal.hpp"

namespace easyread::draft {
namespace {

using detail::DocxParts;

// Whole Word files bigger than this are not read (the biggest real minutes
// with photos are a few MB).
constexpr std::uintmax_t kLargestFile = 256u << 20;
// Far more paragraphs than any meeting's notes: a draft this big helps nobody.
constexpr std::size_t kMostBlocks = 100000;

struct Paragraph {
  std::string text;
  std::vector<Image> images;
  std::vector<std::string> footnotes;
};

class BodyReader {
 public:
  BodyReader(DocxParts& parts, SourceDocument& out) : parts_(parts), out_(out) {}

  bool read(const pugi::xml_node& body) {
    // The body's own children, and the content of content controls (w:sdt).
    std::vector<std::pair<pugi::xml_node, int>> stack;
    for (pugi::xml_node n = body.last_child(); n; n = n.previous_sibling()) stack.push_back({n, 1});
    while (!stack.empty()) {
      auto [node, depth] = stack.back();
      stack.pop_back();
      if (depth > detail::kDeepest) return too_deep();
      const std::string_view name = node.name();
      if (name == "w:p") {
        if (!paragraph(node)) return false;
      } else if (name == "w:tbl") {
        if (!table(node)) return false;
      } else if (name == "w:sdt" || name == "w:sdtContent" || name == "w:customXml" || name == "w:ins" ||
                 name == "w:moveTo") {
        for (pugi::xml_node n = node.last_child(); n; n = n.previous_sibling()) stack.push_back({n, depth + 1});
      }
    }
    return true;
  }

  std::string problem;  // why the body could not be read

 private:
  bool too_deep() {
    problem = "Parts of it are nested more than " + std::to_string(detail::kDeepest) + " levels deep.";
    return false;
  }
  bool too_many() {
    problem = "It has more than " + std::to_string(kMostBlocks) + " paragraphs.";
    return false;
  }

  // A paragraph, then the paragraphs of its text boxes (with a loop, not
  // recursion: text boxes can hold text boxes).
  bool paragraph(const pugi::xml_node& first) {
    std::vector<pugi::xml_node> waiting{first};
    while (!waiting.empty()) {
      const pugi::xml_node p = waiting.front();
      waiting.erase(waiting.begin());
      Paragraph text;
      std::vector<pugi::xml_node> inner;
      if (!parts_.paragraph_text(p, text.text, text.images, text.footnotes, &inner)) return too_deep();
      if (out_.blocks.size() >= kMostBlocks) return too_many();
      Block block;
      const detail::ParagraphStyle style = parts_.style_of(p);
      block.kind = style.kind;
      block.level = style.level;
      block.numbered = style.numbered;
      block.group = style.list;
      block.text = std::move(text.text);
      block.images = std::move(text.images);
      block.footnotes = std::move(text.footnotes);
      out_.blocks.push_back(std::move(block));
      waiting.insert(waiting.begin(), inner.begin(), inner.end());
    }
    return true;
  }

  bool table(const pugi::xml_node& tbl) {
    const int group = ++tables_;
    for (const pugi::xml_node& tr : tbl.children("w:tr")) {
      Block row;
      row.kind = BlockKind::table_row;
      row.group = group;
      for (const pugi::xml_node& tc : tr.children("w:tc")) {
        std::string cell;
        // Every paragraph in the cell, nested tables too, in order.
        if (!parts_.all_paragraphs(tc, [&](const pugi::xml_node& p) {
              std::string piece;
              if (!parts_.paragraph_text(p, piece, row.images, row.footnotes, nullptr)) return false;
              if (!detail::trim(piece).empty()) cell += (cell.empty() ? "" : " ") + std::string(detail::trim(piece));
              return true;
            }))
          return too_deep();
        row.cells.push_back(std::move(cell));
      }
      out_.blocks.push_back(std::move(row));
    }
    return true;
  }

  DocxParts& parts_;
  SourceDocument& out_;
  int tables_ = 0;
};

}  // namespace

std::optional<SourceDocument> read_docx(const std::string& path, Diagnostics& diags) {
  auto cannot_read = [&](const std::string& why) {
    diags.error(path, {}, "read", "easyread could not read \"" + path + "\". " + why,
                "Check that it is a Word document (.docx). Save it again from Word if it still fails.");
    return std::nullopt;
  };
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return cannot_read("The file will not open.");
  const auto size = static_cast<std::uintmax_t>(in.tellg());
  if (size > kLargestFile) return cannot_read("It is bigger than 256 MB.");
  in.seekg(0);
  const std::string archive{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  DocxParts parts(archive);
  pugi::xml_document document;
  if (auto problem = parts.load("word/document.xml", document, true)) return cannot_read(*problem);
  parts.load_support();
  SourceDocument out;
  out.title = parts.core_title();
  BodyReader reader(parts, out);
  const pugi::xml_node body = document.child("w:document").child("w:body");
  if (!reader.read(body)) return cannot_read(reader.problem);
  return out;
}

}  // namespace easyread::draft
