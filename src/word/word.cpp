// write(): the package's parts in a fixed order, so the bytes never change.
#include "word/word.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "word/body.hpp"
#include "word/parts.hpp"

namespace easyread::word {
namespace {

std::optional<std::string> read_font(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A key made from the font's own bytes, so the same font always gets the
// same key (and the same document the same bytes).
std::string font_key(const std::string& font) {
  std::uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
  for (unsigned char c : font) {
    a = (a ^ c) * 0x100000001b3ULL;
    b = (b ^ (c + 1u)) * 0x100000001b3ULL;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "{%08X-%04X-%04X-%04X-%04X%08X}", unsigned(a >> 32), unsigned((a >> 16) & 0xFFFF),
                unsigned(a & 0xFFFF), unsigned(b >> 48), unsigned((b >> 32) & 0xFFFF), unsigned(b & 0xFFFFFFFF));
  return buf;
}

// ECMA-376 font obfuscation: the key's 16 bytes, in reverse order, XORed
// over the font's first 32 bytes.
void obfuscate(std::string& font, const std::string& key) {
  std::string hex;
  for (char c : key)
    if (std::isxdigit(static_cast<unsigned char>(c))) hex += c;
  unsigned char bytes[16];
  for (int i = 0; i < 16; ++i) bytes[i] = static_cast<unsigned char>(std::stoi(hex.substr(std::size_t(i) * 2, 2), nullptr, 16));
  for (std::size_t i = 0; i < 32 && i < font.size(); ++i)
    font[i] = static_cast<char>(static_cast<unsigned char>(font[i]) ^ bytes[15 - i % 16]);
}

// Adds the template's font files to the package; Andika's licence allows it.
std::vector<EmbeddedFont> embed_fonts(const std::vector<FontFile>& fonts, Package& package,
                                      const std::string& file, Diagnostics& diags) {
  Relations relations;
  std::vector<EmbeddedFont> embedded;
  for (const auto& f : fonts) {
    bool seen = false;
    for (const auto& e : embedded) seen |= e.family == f.family && e.bold == f.bold;
    if (seen) continue;
    auto bytes = read_font(f.path);
    if (!bytes) {
      diags.warning(file, {}, "word-font", "I could not put the font \"" + f.family + "\" in the Word file.",
                    "The Word file will use another font on computers without it.");
      continue;
    }
    EmbeddedFont e{f.family, f.bold, {}, font_key(*bytes)};
    const std::string target = "fonts/font" + std::to_string(embedded.size() + 1) + ".odttf";
    e.relation_id = relations.add(kRelFont, target);
    obfuscate(*bytes, e.key);
    package.add("word/" + target, std::move(*bytes));
    embedded.push_back(e);
  }
  if (!embedded.empty()) package.add("word/_rels/fontTable.xml.rels", relations.text());
  return embedded;
}

}  // namespace

std::string write(const content::Document& doc, const layout::Template& look,
                  const std::vector<FontFile>& fonts, PictureCache& cache, const std::string& file,
                  Diagnostics& diags) {
  Package package;
  Relations relations;
  relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
  relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings", "settings.xml");
  relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering", "numbering.xml");
  relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable", "fontTable.xml");
  const std::string footer_relation =
      relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "footer1.xml");

  std::vector<EmbeddedFont> embedded = embed_fonts(fonts, package, file, diags);
  BodyResult body = write_body(doc, look, package, relations, footer_relation, cache, file, diags);
  if (!body.ok) return {};
  package.add("[Content_Types].xml", content_types(!embedded.empty()));
  package.add("_rels/.rels", package_relations());
  package.add("docProps/core.xml", core_properties(doc.metadata));
  package.add("docProps/app.xml", app_properties());
  package.add("word/document.xml", std::move(body.xml));
  package.add("word/_rels/document.xml.rels", relations.text());
  package.add("word/styles.xml", styles(look, doc.metadata.lang));
  package.add("word/settings.xml", settings(doc.metadata.lang));
  package.add("word/numbering.xml", numbering());
  package.add("word/fontTable.xml", font_table(look, embedded));
  package.add("word/footer1.xml", footer(doc.labels));
  std::string error;
  std::string bytes = package.finish(error);
  if (bytes.empty())
    diags.error(file, {}, "word-package", "I could not make the Word file: " + error + ".",
                "Try again. If it keeps happening, tell the people who make easyread.");
  return bytes;
}

}  // namespace easyread::word
