#include "built_sample.hpp"

#include <algorithm>

namespace e2e {
namespace fs = std::filesystem;

std::vector<fs::path> sample_inputs() {
  return {source_dir() / "samples" / "minutes.xml", source_dir() / "samples" / "newsletter.xml",
          source_dir() / "tests" / "data" / "good.xml"};
}

std::vector<std::string> template_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(source_dir() / "templates"))
    if (entry.is_regular_file() && entry.path().extension() == ".xml")
      names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

BuiltSample build_sample(const fs::path& xml, const std::string& template_name, const TempDir& dir) {
  BuiltSample s;
  s.xml = xml;
  s.pdf = dir / (xml.stem().string() + "-" + template_name + ".pdf");
  s.build = run_easyread({"build", xml.string(), "-t", template_name, "-o", s.pdf.string()});
  s.numbers = read_template_numbers(source_dir() / "templates" / (template_name + ".xml"));
  s.columns = columns_of(s.numbers);
  s.expected = read_expected(xml);
  if (s.build.exit_code == 0) s.text = read_words(s.pdf);
  return s;
}

std::vector<Found> LocatedRow::all_found() const {
  std::vector<Found> out;
  for (const auto* list : {&sentences, &list_items})
    for (const auto& piece : *list)
      if (piece.found) out.push_back(*piece.found);
  return out;
}

std::vector<LocatedRow> locate_rows(const TextLayout& text, const ExpectedDocument& expected) {
  std::size_t cursor = 0;
  while (cursor < text.words.size() && text.words[cursor].page == 1) ++cursor;
  std::vector<LocatedRow> rows;
  auto locate = [&](const std::string& piece) {
    LocatedText located{piece, find_text(text.words, piece, cursor)};
    if (located.found) cursor = located.found->last + 1;
    return located;
  };
  for (const auto& row : expected.rows) {
    LocatedRow located;
    located.row = &row;
    for (const auto& sentence : row.sentences) located.sentences.push_back(locate(sentence));
    for (const auto& item : row.list_items) located.list_items.push_back(locate(item));
    rows.push_back(std::move(located));
  }
  return rows;
}

std::optional<Found> find_footer(const TextLayout& text, int page, int pages) {
  const std::string wanted = "Page " + std::to_string(page) + " of " + std::to_string(pages);
  auto first = std::find_if(text.words.begin(), text.words.end(),
                            [&](const Word& w) { return w.page == page; });
  auto from = static_cast<std::size_t>(first - text.words.begin());
  auto found = find_text(text.words, wanted, from);
  if (!found || text.words[found->last].page != page) return std::nullopt;
  return found;
}

}  // namespace e2e
