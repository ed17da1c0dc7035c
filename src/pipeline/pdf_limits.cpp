// What a PDF file can hold. libharu, like many PDF readers, stops at 32,767
// entries in one list: the parts of a section, the items of a list, and the
// pages (with their links). Notes with more are told so, with the line to
// change, before any page is made.
#include "pipeline/pipeline.hpp"

#include <variant>

namespace easyread::pipeline {
namespace {

constexpr std::size_t kMostInOneList = 32767;

// 33000 -> "33,000".
std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The parts a section has in the PDF's list of contents: its heading, and
// for each row its picture, each sentence, each list and each extra line.
std::size_t parts_of(const content::Section& section) {
  std::size_t parts = section.title.empty() ? 0 : 1;
  for (const auto& row : section.rows) {
    parts += row.picture.present() ? 1 : 0;
    for (const auto& part : row.parts)
      parts += std::holds_alternative<content::Sentences>(part) ? std::get<content::Sentences>(part).sentences.size() : 1;
  }
  return parts;
}

}  // namespace

bool fits_in_pdf(const content::Document& doc, const std::string& file, Diagnostics& diags) {
  const std::string most = with_commas(kMostInOneList);
  const std::string other_formats = " Or make a web page (-o notes.html) or a Word file (-o notes.docx): they can hold more.";
  bool fits = true;
  if (doc.sections.size() > kMostInOneList - 8) {  // the cover, contents, word list and closing lines are parts too
    diags.error(file, doc.sections[kMostInOneList - 8].span, "too-big-for-pdf",
                "The notes have " + with_commas(doc.sections.size()) + " sections. A PDF file can hold about " + most + ".",
                "Put the notes into 2 or more files." + other_formats);
    fits = false;
  }
  for (const auto& section : doc.sections) {
    const std::size_t parts = parts_of(section);
    if (parts > kMostInOneList) {
      diags.error(file, section.span, "too-big-for-pdf",
                  "This section has " + with_commas(parts - (section.title.empty() ? 0 : 1)) + " sentences and pictures. A PDF file can hold up to " + most +
                      " in one section.",
                  "Split it into 2 or more sections: start a new <section> after a few hundred points." + other_formats);
      fits = false;
    }
    for (const auto& row : section.rows)
      for (const auto& part : row.parts)
        if (const auto* list = std::get_if<content::BulletList>(&part); list && list->items.size() > kMostInOneList) {
          diags.error(file, row.span, "too-big-for-pdf",
                      "This list has " + with_commas(list->items.size()) + " items. A PDF file can hold up to " + most +
                          " in one list.",
                      "Split it into 2 or more lists." + other_formats);
          fits = false;
        }
  }
  if (doc.words.size() > kMostInOneList) {
    diags.error(file, doc.words[kMostInOneList].span, "too-big-for-pdf",
                "The word list has " + with_commas(doc.words.size()) + " words. A PDF file can hold up to " + most + ".",
                "Explain fewer words." + other_formats);
    fits = false;
  }
  return fits;
}

bool pages_fit_in_pdf(const layout::Document& doc, const std::string& file, Diagnostics& diags) {
  // The PDF's parent tree has 2 entries for each page and each link.
  std::size_t entries = 2 * doc.pages.size();
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* text = std::get_if<layout::TextItem>(&item); text && !text->link.empty()) entries += 2;
  if (entries <= kMostInOneList) return true;
  diags.error(file, {}, "too-big-for-pdf",
              "The notes make " + with_commas(doc.pages.size()) + " pages with their links. That is more than a PDF file can hold.",
              "Put the notes into 2 or more files. Or make a web page (-o notes.html) or a Word file (-o notes.docx): "
              "they can hold more.");
  return false;
}

}  // namespace easyread::pipeline
