// easyread build makes web pages: from the output's name, with --format,
// or both formats side by side; the same notes give the same bytes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

std::string sample(const std::string& name) { return (source_dir() / "samples" / (name + ".xml")).string(); }

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("A name ending in .html makes one web page, the same bytes each time", "[web]") {
  TempDir out;
  CommandResult first = run_easyread({"build", sample("minutes"), "--no-check", "-o", (out / "a.html").string()});
  CommandResult second = run_easyread({"build", sample("minutes"), "--no-check", "-o", (out / "b.html").string()});
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(second.exit_code == 0);
  const std::string page = read_all(out / "a.html");
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
  CHECK(page == read_all(out / "b.html"));
  CHECK(first.out.find("a.html: web page") != std::string::npos);
  // One file: nothing outside it is asked for.
  CHECK(page.find("src=\"http") == std::string::npos);
  CHECK(page.find("url(http") == std::string::npos);
  CHECK(list_dir(out.path()).size() == 2);
}

TEST_CASE("Both formats side by side with --format pdf,html", "[web]") {
  TempDir out;
  CommandResult r = run_easyread({"build", sample("newsletter"), "--no-check", "--format", "pdf,html", "-o",
                                  (out / "news.pdf").string()});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(out / "news.pdf"));
  CHECK(fs::exists(out / "news.html"));
  CHECK(read_all(out / "news.pdf").starts_with("%PDF-"));
  CHECK(read_all(out / "news.html").starts_with("<!DOCTYPE html>"));
}

TEST_CASE("With --format pdf,html,docx all three are made side by side, each as it would be alone", "[web]") {
  TempDir out;
  CommandResult r = run_easyread({"build", sample("minutes"), "--no-check", "--format", "pdf,html,docx", "-o",
                                  (out / "m.pdf").string()});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(list_dir(out.path()).size() == 3);
  const std::string word = read_all(out / "m.docx");
  CHECK(word.starts_with("PK\x03\x04"));
  CHECK(word.find("word/document.xml") != std::string::npos);
  CHECK(r.out.find("m.docx: a Word file") != std::string::npos);
  CHECK(r.out.find("m.html: web page") != std::string::npos);
  // Made together or alone, each file has the same bytes.
  for (const char* name : {"alone.html", "alone.docx", "alone.pdf"}) {
    CommandResult one = run_easyread({"build", sample("minutes"), "--no-check", "-o", (out / name).string()});
    REQUIRE(one.exit_code == 0);
  }
  CHECK(read_all(out / "alone.html") == read_all(out / "m.html"));
  CHECK(read_all(out / "alone.docx") == word);
  const auto alone = read_tagged_text(out / "alone.pdf");
  const auto together = read_tagged_text(out / "m.pdf");
  REQUIRE(alone.size() == together.size());
  CHECK(!alone.empty());
  for (std::size_t i = 0; i < alone.size(); ++i) CHECK(alone[i].text == together[i].text);
}

TEST_CASE("With --format html and no -o, the page goes beside the notes", "[web]") {
  TempDir dir;
  fs::copy_file(sample("newsletter"), dir / "notes.xml");
  fs::copy(source_dir() / "samples" / "photos", dir / "photos");
  CommandResult r = run_easyread({"build", "notes.xml", "--no-check", "--format", "html"}, dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir / "notes.html"));
  CHECK_FALSE(fs::exists(dir / "notes.pdf"));
}

TEST_CASE("An unknown format is a mistake in the command, and nothing is made", "[web]") {
  TempDir out;
  CommandResult r = run_easyread({"build", sample("minutes"), "--format", "pdf,docs", "-o", (out / "m.pdf").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("I do not know the format \"docs\"") != std::string::npos);
  CHECK(list_dir(out.path()).empty());
}
