// Builds a document with the real easyread program and reads the PDF back,
// with what the document's XML says should be in it.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "expectations.hpp"
#include "pdf_probe.hpp"

namespace e2e {

// The inputs every layout test builds: both samples and the small good file.
std::vector<std::filesystem::path> sample_inputs();
// Names of the templates in templates/ (each file NAME.xml), sorted.
std::vector<std::string> template_names();

struct BuiltSample {
  std::filesystem::path xml, pdf;
  CommandResult build;  // what easyread said and its exit code
  style::Template numbers;
  Columns columns;
  ExpectedDocument expected;
  TextLayout text;  // empty when the build failed
};

// Builds `xml` with the named template into `dir` and reads the result back.
BuiltSample build_sample(const std::filesystem::path& xml, const std::string& template_name,
                         const TempDir& dir);

// A row's sentences and list items, each with where it was found in the PDF.
struct LocatedText {
  std::string text;
  std::optional<Found> found;
};
struct LocatedRow {
  const ExpectedRow* row = nullptr;
  std::vector<LocatedText> sentences, list_items;
  // Every piece that was found, sentences first.
  std::vector<Found> all_found() const;
};

// Finds each row's text in reading order, after the cover page.
std::vector<LocatedRow> locate_rows(const TextLayout& text, const ExpectedDocument& expected);

// Finds "Page N of M" on page N, if it is there.
std::optional<Found> find_footer(const TextLayout& text, int page, int pages);

}  // namespace e2e
