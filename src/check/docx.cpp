// Word documents: the paragraphs of word/document.xml, one a line.
#include <pugixml.hpp>
#include <string>

#include "base/files.hpp"
#include "base/tree_depth.hpp"
#include "check/check.hpp"
#include "check/zip_reader.hpp"

namespace easyread::check {
namespace {

// A Word file of a few hundred pages is a few MB.
constexpr std::uint64_t kLargestWordFile = 256ull << 20;
// The text is read by recursion; Word nests tables and text boxes a few
// levels deep, never hundreds.
constexpr int kDeepestNesting = 256;

void collect_text(const pugi::xml_node& node, std::string& out) {
  for (const pugi::xml_node& child : node.children()) {
    const std::string_view name = child.name();
    if (name == "w:p") continue;  // a paragraph inside (a text box) is a line of its own
    if (name == "w:t") {
      for (const char* c = child.child_value(); *c; ++c) out.push_back(*c == '\n' || *c == '\r' ? ' ' : *c);
    } else if (name == "w:tab" || name == "w:br" || name == "w:cr") {
      out.push_back(' ');
    } else {
      collect_text(child, out);
    }
  }
}

void collect_paragraphs(const pugi::xml_node& node, std::string& out, bool& first) {
  for (const pugi::xml_node& child : node.children()) {
    if (std::string_view(child.name()) == "w:p") {
      if (!first) out.push_back('\n');
      first = false;
      collect_text(child, out);
    }
    collect_paragraphs(child, out, first);
  }
}

}  // namespace

std::optional<std::string> read_docx_text(const std::string& path, Diagnostics& diags) {
  auto cannot_read = [&](const std::string& why) {
    diags.error(path, {}, "read", "easyread could not read \"" + path + "\". " + why,
                "Check that it is a Word document (.docx). Save it again from Word if it still fails.");
    return std::nullopt;
  };
  auto archive = read_regular_file(path, kLargestWordFile);
  if (const auto* problem = std::get_if<FileProblem>(&archive)) return cannot_read(problem->why);
  return docx_text(std::get<std::string>(archive), path, diags);
}

std::optional<std::string> docx_text(std::string_view archive, const std::string& path, Diagnostics& diags) {
  auto cannot_read = [&](const std::string& why) {
    diags.error(path, {}, "read", "easyread could not read \"" + path + "\". " + why,
                "Check that it is a Word document (.docx). Save it again from Word if it still fails.");
    return std::nullopt;
  };
  if (archive.size() > kLargestWordFile)
    return cannot_read("The file is too big. easyread reads files of up to " + size_in_words(kLargestWordFile) + ".");
  auto entry = detail::read_zip_entry(archive, "word/document.xml");
  if (const auto* problem = std::get_if<detail::ZipProblem>(&entry)) return cannot_read(problem->why);
  std::string& xml = std::get<std::string>(entry);
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return cannot_read("The text inside it has errors.");
  if (first_too_deep(doc.document_element(), kDeepestNesting))
    return cannot_read("Its text has parts inside parts more than " + std::to_string(kDeepestNesting) +
                       " levels deep. That is too deep for easyread.");
  std::string out;
  bool first = true;
  collect_paragraphs(doc, out, first);
  return out;
}

}  // namespace easyread::check
