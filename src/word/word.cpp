// write(): the package's parts in a fixed order, so the bytes never change.
#include "word/word.hpp"

#include <type_traits>

#include "word/body.hpp"
#include "word/cache.hpp"
#include "word/fonts.hpp"
#include "word/parts.hpp"
#include "text/text.hpp"

namespace easyread::word {
namespace {

// Every code point of the document's text beyond ASCII, so that the embedded
// fonts keep them.
class LetterCollector {
 public:
  void text(const std::string& s) {
    for (std::size_t pos = 0; pos < s.size();) {
      char32_t cp = text::next_code_point(s, pos);
      if (cp >= 0x80 && letters_.find(cp) == std::u32string::npos) letters_ += cp;
    }
  }
  void sentences(const content::Sentences& s) {
    for (const auto& sentence : s.sentences)
      for (const auto& run : sentence.runs) text(run.text);
  }
  void part(const content::RowPart& part) {
    std::visit(
        [&](const auto& p) {
          using T = std::decay_t<decltype(p)>;
          if constexpr (std::is_same_v<T, content::Sentences>) {
            sentences(p);
          } else if constexpr (std::is_same_v<T, content::BulletList>) {
            for (const auto& item : p.items) sentences(item);
          } else {
            text(p.label);
            text(p.value);
          }
        },
        part);
  }
  std::u32string letters() const { return letters_; }

 private:
  std::u32string letters_;
};

std::u32string used_letters(const content::Document& doc) {
  LetterCollector c;
  for (const std::string* s : {&doc.cover.organisation, &doc.cover.date, &doc.cover.title, &doc.labels.words_heading,
                               &doc.labels.page_before, &doc.labels.page_between, &doc.labels.page_after})
    c.text(*s);
  c.sentences(doc.cover.text);
  for (const auto& section : doc.sections) {
    c.text(section.title);
    for (const auto& row : section.rows)
      for (const auto& part : row.parts) c.part(part);
  }
  for (const auto& word : doc.words) {
    c.text(word.term);
    c.sentences(word.explanation);
  }
  for (const auto& line : doc.closing) c.text(line.text);
  return c.letters();
}

}  // namespace

std::string write(const content::Document& doc, const style::Template& look,
                  const std::vector<FontFile>& fonts, Resources& cache, const std::string& file,
                  Diagnostics& diags, Deadline deadline) {
  Package package;
  Relations relations;
  relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
  relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings", "settings.xml");
  relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering", "numbering.xml");
  relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable", "fontTable.xml");
  const std::string footer_relation =
      relations.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "footer1.xml");

  std::vector<EmbeddedFont> embedded = embed_fonts(fonts, used_letters(doc), cache, package, file, diags);
  BodyResult body = write_body(doc, look, package, relations, footer_relation, cache, file, diags, deadline);
  if (!body.ok) return {};
  package.add("[Content_Types].xml", content_types(!embedded.empty()));
  package.add("_rels/.rels", package_relations());
  package.add("docProps/core.xml", core_properties(doc.metadata));
  package.add("docProps/app.xml", app_properties());
  package.add("word/document.xml", std::move(body.xml));
  package.add("word/_rels/document.xml.rels", relations.text());
  const double single_line = single_line_ratio(fonts, look.body_family).value_or(1.0);
  package.add("word/styles.xml", styles(look, doc.metadata.lang, single_line));
  package.add("word/settings.xml", settings(doc.metadata.lang));
  package.add("word/numbering.xml", numbering());
  package.add("word/fontTable.xml", font_table(look, embedded));
  package.add("word/footer1.xml", footer(doc.labels));
  std::string error;
  const Libraries& libraries = cache.impl().libraries();
  std::string bytes = libraries.error.empty() ? package.finish(libraries.zip, error) : (error = libraries.error, "");
  if (bytes.empty())
    diags.error(file, {}, "word-package", "I could not make the Word file: " + error + ".",
                "Try again. If it keeps happening, tell the people who make easyread.");
  return bytes;
}

}  // namespace easyread::word
