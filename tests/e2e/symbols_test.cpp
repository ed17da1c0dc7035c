// easyread symbols: finding a picture for a word, and printing a sheet of
// pictures with their names, as a group would use them to choose.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

// The rows of the search's table, without the heading lines.
std::vector<std::string> result_rows(const std::string& out) {
  std::vector<std::string> rows;
  std::istringstream lines(out);
  std::string line;
  bool in_table = false;
  while (std::getline(lines, line)) {
    if (line.find("name") != std::string::npos && line.find("code") != std::string::npos) {
      in_table = true;
      continue;
    }
    if (in_table && line.rfind("  ", 0) == 0) rows.push_back(line);
  }
  return rows;
}

}  // namespace

TEST_CASE("Searching for a word lists pictures, best first, with their codes", "[symbols]") {
  CommandResult r = run_easyread({"symbols", "search", "doctor"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  const auto rows = result_rows(r.out);
  REQUIRE(rows.size() >= 5);
  // The catalogue's own name wins over OpenMoji's tags.
  CHECK(rows[0].find("doctor") != std::string::npos);
  CHECK(rows[0].find("1F9D1-200D-2695-FE0F") != std::string::npos);
  CHECK(rows[0].find("catalogue") != std::string::npos);
  bool tagged = false;
  for (const auto& row : rows) tagged = tagged || row.find("openmoji tag: doctor") != std::string::npos;
  CHECK(tagged);
}

TEST_CASE("A word with no pictures says so, and what to try", "[symbols]") {
  CommandResult r = run_easyread({"symbols", "search", "zzqqxx"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  const std::string said = r.out + r.err;
  CHECK(said.find("No pictures found for \"zzqqxx\"") != std::string::npos);
  CHECK(said.find("Try") != std::string::npos);
}

TEST_CASE("A group's own pictures are found by the names in their catalogue", "[symbols]") {
  TempDir ours;
  fs::copy_file(source_dir() / "samples" / "photos" / "tea.png", ours / "tea.png");
  std::ofstream(ours / "catalogue.tsv") << "our tea break\ttea.png\n";
  CommandResult r = run_easyread({"symbols", "search", "our tea break", "--pictures", ours.path().string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  const auto rows = result_rows(r.out);
  REQUIRE_FALSE(rows.empty());
  CHECK(rows[0].find("our tea break") != std::string::npos);
  CHECK(rows[0].find("tea.png") != std::string::npos);
  CHECK(rows[0].find("own pictures") != std::string::npos);
  // Without the folder, the name is not known as one of ours.
  CommandResult without = run_easyread({"symbols", "search", "our tea break"});
  CHECK(without.out.find("own pictures") == std::string::npos);
}

TEST_CASE("A sheet shows each picture above its name and code", "[symbols]") {
  TempDir out;
  const fs::path sheet = out / "pictures.pdf";
  CommandResult r = run_easyread({"symbols", "sheet", "bus", "-o", sheet.string()});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const TextLayout layout = read_words(sheet);
  CHECK(layout.warnings.empty());
  REQUIRE_FALSE(layout.words.empty());
  // The heading, then a name with its code on the line below it.
  CHECK(layout.words[0].text == "Pictures");
  const Word* name = nullptr;
  const Word* code = nullptr;
  for (const Word& w : layout.words) {
    if (!name && w.text == "bus") name = &w;
    if (!code && w.text == "1F68C") code = &w;
  }
  REQUIRE(name);
  REQUIRE(code);
  CHECK(code->box.y_min > name->box.y_min + 5);  // on the line below
  CHECK(std::abs((code->box.x_min + code->box.x_max) - (name->box.x_min + name->box.x_max)) < 10);  // centred
  // The picture is drawn (ink, not blank paper) in the space above the name.
  const auto pages = render_pages(sheet, 72);
  REQUIRE_FALSE(pages.empty());
  const Image& page = pages[static_cast<std::size_t>(name->page - 1)];
  int ink = 0;
  const int centre = static_cast<int>((name->box.x_min + name->box.x_max) / 2);
  for (int y = static_cast<int>(name->box.y_min) - 90; y < static_cast<int>(name->box.y_min) - 5; ++y)
    for (int x = centre - 40; x < centre + 40; ++x)
      if (y >= 0 && x >= 0 && x < page.width && page.at(x, y) < 128) ++ink;
  CHECK(ink > 200);
}

TEST_CASE("A sheet needs a file name, and says how to give one", "[symbols]") {
  CommandResult r = run_easyread({"symbols", "sheet", "doctor"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK((r.out + r.err).find("easyread symbols sheet -o pictures.pdf") != std::string::npos);
}
