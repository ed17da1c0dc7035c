// What a person sees when notes have mistakes, when several notes are built
// at once, and when the output would replace the notes.
#include <catch2/catch.hpp>

#include <filesystem>

#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

fs::path test_data(const std::string& name) { return source_dir() / "tests" / "data" / name; }

// True when the program said `words`, e.g. "bad-date.xml:2:34".
bool output_has(const CommandResult& r, const std::string& words) {
  return (r.out + r.err).find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("Notes with a mistake make no PDF and say where the mistake is", "[cli]") {
  // Where each file's one mistake is (tests/data/README.md). Some mistakes
  // have two fair places: the attribute and its value.
  struct Case {
    std::string file;
    std::vector<std::string> places;
    std::string also_says = {};  // words the message must hold, if any
  };
  const std::vector<Case> cases = {
      {"bad-xml.xml", {"5:3"}},
      {"unknown-element.xml", {"4:5"}},
      {"unknown-attribute.xml", {"4:12"}},
      {"missing-title.xml", {"2:1"}},
      {"bad-date.xml", {"2:34", "2:40"}},
      {"bad-time.xml", {"4:32", "4:38"}},
      {"unexplained-hard-word.xml", {"4:40", "4:46"}},
      {"missing-picture.xml", {"4:12", "4:21"}},
      {"unreadable-picture.xml", {"4:12", "4:21"}},
      {"emoji-in-text.xml", {"4:47"}, "U+1F600"},  // names the character it cannot draw
  };
  for (const auto& c : cases) {
    TempDir out;
    CommandResult r = run_easyread({"build", test_data(c.file).string(), "-o", (out / "notes.pdf").string()});
    INFO(c.file << " said:\n" << r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(list_dir(out.path()).empty());  // no PDF, and no half-written file
    bool named = false;
    for (const auto& place : c.places) named = named || output_has(r, c.file + ":" + place);
    CHECK(named);
    if (!c.also_says.empty()) CHECK(output_has(r, c.also_says));
  }
}

TEST_CASE("A failed build leaves nothing beside the notes", "[cli]") {
  TempDir dir;
  fs::copy_file(test_data("unknown-element.xml"), dir / "notes.xml");
  CommandResult r = run_easyread({"build", "notes.xml"}, dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(output_has(r, "notes.xml:4:5"));
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"notes.xml"});
}

TEST_CASE("Without -o, the PDF is made beside the notes and nothing else is left", "[cli]") {
  TempDir dir;
  fs::copy_file(test_data("good.xml"), dir / "news.xml");
  CommandResult r = run_easyread({"build", "news.xml"}, dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"news.pdf", "news.xml"});
  CHECK(read_bytes(dir / "news.pdf").rfind("%PDF-", 0) == 0);
}

TEST_CASE("In a batch, one bad file does not stop the good ones", "[cli]") {
  TempDir in, out;
  for (const char* name : {"good-first.xml", "bad-second.xml", "good-third.xml"})
    fs::copy_file(test_data("batch") / name, in / name);
  CommandResult r = run_easyread({"build", (in / "good-first.xml").string(), (in / "bad-second.xml").string(),
                                  (in / "good-third.xml").string(), "-o", out.path().string() + "/"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(output_has(r, "bad-second.xml:4:5"));
  // The good ones are made, the bad one is not, and no temporary file is left.
  CHECK(list_dir(out.path()) == std::vector<std::string>{"good-first.pdf", "good-third.pdf"});
  CHECK(list_dir(in.path()) == std::vector<std::string>{"bad-second.xml", "good-first.xml", "good-third.xml"});
  for (const char* pdf : {"good-first.pdf", "good-third.pdf"}) {
    INFO(pdf);
    CHECK(run_command({"qpdf", "--check", (out / pdf).string()}).exit_code == 0);
  }
  // Each PDF holds its own notes.
  CHECK(run_command({"pdftotext", (out / "good-first.pdf").string(), "-"}).out.find("This file is fine.") !=
        std::string::npos);
  CHECK(run_command({"pdftotext", (out / "good-third.pdf").string(), "-"}).out.find("This file is fine too.") !=
        std::string::npos);
}

TEST_CASE("Two notes with the same name in one batch: neither PDF is lost without a word", "[cli]") {
  // a/notes.xml and b/notes.xml both want out/notes.pdf. Either both PDFs
  // are made (under different names), or the build says it could not.
  TempDir in, out;
  fs::create_directory(in / "a");
  fs::create_directory(in / "b");
  fs::copy_file(test_data("batch") / "good-first.xml", in / "a" / "notes.xml");
  fs::copy_file(test_data("batch") / "good-third.xml", in / "b" / "notes.xml");
  CommandResult r = run_easyread({"build", (in / "a" / "notes.xml").string(), (in / "b" / "notes.xml").string(),
                                  "-o", out.path().string() + "/"});
  INFO(r.out << r.err);
  bool first_made = false, third_made = false;
  for (const auto& name : list_dir(out.path())) {
    std::string text = run_command({"pdftotext", (out / name).string(), "-"}).out;
    first_made = first_made || text.find("First good file") != std::string::npos;
    third_made = third_made || text.find("Third good file") != std::string::npos;
  }
  INFO("first made: " << first_made << ", third made: " << third_made);
  CHECK((r.exit_code == 1 || (first_made && third_made)));
}

TEST_CASE("The notes are never written over", "[cli]") {
  TempDir dir;
  fs::create_directory(dir / "sub");
  fs::copy_file(test_data("good.xml"), dir / "notes.xml");
  fs::create_symlink("notes.xml", dir / "link.pdf");
  const std::string before = read_bytes(dir / "notes.xml");
  // The same file, named three ways.
  for (const std::string output : {"notes.xml", "sub/../notes.xml", "link.pdf"}) {
    CommandResult r = run_easyread({"build", "notes.xml", "-o", output}, dir.path());
    INFO("-o " << output << " said:\n" << r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(output_has(r, "notes.xml"));
    CHECK(read_bytes(dir / "notes.xml") == before);
    CHECK(list_dir(dir.path()) == std::vector<std::string>{"link.pdf", "notes.xml", "sub"});
    CHECK(list_dir(dir / "sub").empty());
  }
}

TEST_CASE("A bad command line gets exit code 2 and help in plain words", "[cli]") {
  CommandResult r = run_easyread({"build"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK_FALSE((r.out + r.err).empty());
}

TEST_CASE("A template with text too small or too pale makes no PDF and says where", "[cli]") {
  // Easy Read needs body text of 14 pt or more and a contrast of 4.5 to 1 or
  // more (WCAG). Each template file has one such mistake on line 5, column 3.
  for (const std::string name : {"small-text-template.xml", "low-contrast-template.xml"}) {
    TempDir out;
    fs::path template_file = test_data("e2e") / name;
    CommandResult r = run_easyread(
        {"build", test_data("good.xml").string(), "-t", template_file.string(), "-o", (out / "news.pdf").string()});
    INFO(name << " said:\n" << r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(list_dir(out.path()).empty());
    CHECK(output_has(r, name + ":5:3"));
  }
}
