// Word documents: the paragraphs of word/document.xml, one a line.
#include <zip.h>

#include <memory>
#include <pugixml.hpp>
#include <string>

#include "check/check.hpp"

namespace easyread::check {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }  // read only: nothing to save
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

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
  int error = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open(path.c_str(), ZIP_RDONLY, &error));
  if (!archive) return cannot_read("It is not a Word file, or it is damaged.");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive.get(), "word/document.xml", 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
    return cannot_read("It has no text part (word/document.xml).");
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen(archive.get(), "word/document.xml", 0));
  if (!file) return cannot_read("Its text part could not be opened.");
  std::string xml(static_cast<std::size_t>(stat.size), '\0');
  if (zip_fread(file.get(), xml.data(), stat.size) != static_cast<zip_int64_t>(stat.size))
    return cannot_read("Its text part could not be read.");
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return cannot_read("Its text part is damaged.");
  std::string out;
  bool first = true;
  collect_paragraphs(doc, out, first);
  return out;
}

}  // namespace easyread::check
