// What a person sees when notes have mistakes, when several notes are built
// at once, and when the output would replace the notes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

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

namespace {

// The lines of standard output that say a PDF was made, in the order printed.
std::vector<std::string> made_lines(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (line.find(" -> ") != std::string::npos) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("Many notes at once: lines come in the order of the inputs, not the order they finish", "[cli][jobs]") {
  // The 12-page sample with its checks takes much longer than the short
  // note after it, so on 2 threads the short one is done first.
  TempDir out;
  const std::string slow = (source_dir() / "samples" / "minutes.xml").string();
  const std::string fast = test_data("good.xml").string();
  CommandResult r = run_easyread({"build", slow, fast, slow, fast, "-j", "2", "-o", out.path().string() + "/"});
  INFO(r.out << r.err);
  // The same name twice: the later two are refused, but still in their places.
  const auto lines = made_lines(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].rfind(slow + " -> ", 0) == 0);
  CHECK(lines[1].rfind(fast + " -> ", 0) == 0);
  const std::size_t first_refused = r.err.find("minutes.xml: I did not make a PDF");
  const std::size_t second_refused = r.err.find("good.xml: I did not make a PDF");
  CHECK(first_refused != std::string::npos);
  CHECK(second_refused != std::string::npos);
  CHECK(first_refused < second_refused);
  CHECK(r.exit_code == 1);
}

TEST_CASE("One at a time (-j 1) and on every core make the same bytes", "[cli][jobs]") {
  TempDir one, every;
  std::vector<std::string> inputs = {(source_dir() / "samples" / "minutes.xml").string(),
                                     (source_dir() / "samples" / "newsletter.xml").string(),
                                     (test_data("batch") / "good-first.xml").string(), test_data("good.xml").string(),
                                     (test_data("batch") / "good-third.xml").string()};
  auto args = [&](const TempDir& out, std::vector<std::string> extra) {
    std::vector<std::string> a = {"build"};
    a.insert(a.end(), inputs.begin(), inputs.end());
    a.insert(a.end(), {"-q", "-o", out.path().string() + "/"});
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  CommandResult serial = run_easyread(args(one, {"-j", "1"}));
  CommandResult parallel = run_easyread(args(every, {}));
  INFO(serial.err << parallel.err);
  REQUIRE(serial.exit_code == 0);
  REQUIRE(parallel.exit_code == 0);
  const auto names = list_dir(one.path());
  CHECK(names.size() == inputs.size());
  CHECK(list_dir(every.path()) == names);
  for (const auto& name : names) {
    INFO(name);
    CHECK(read_bytes(one / name) == read_bytes(every / name));
  }
}

TEST_CASE("A bad file in the middle of many: the others are made, in order", "[cli][jobs]") {
  for (const std::string jobs : {"1", "3"}) {
    TempDir out;
    const auto batch = test_data("batch");
    CommandResult r = run_easyread({"build", (batch / "good-first.xml").string(), (batch / "bad-second.xml").string(),
                                    (batch / "good-third.xml").string(), "-j", jobs, "-o", out.path().string() + "/"});
    INFO("-j " << jobs << "\n" << r.out << r.err);
    CHECK(r.exit_code == 1);
    const auto lines = made_lines(r.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find("good-first.xml -> ") != std::string::npos);
    CHECK(lines[1].find("good-third.xml -> ") != std::string::npos);
    CHECK(output_has(r, "bad-second.xml:4:5"));
    CHECK(output_has(r, "I could not make 1 of the 3 PDFs."));
    CHECK(list_dir(out.path()) == std::vector<std::string>{"good-first.pdf", "good-third.pdf"});
  }
}

TEST_CASE("A batch of Word files that fails says Word files, not PDFs", "[cli][jobs]") {
  TempDir out;
  const auto batch = test_data("batch");
  CommandResult r = run_easyread({"build", (batch / "good-first.xml").string(), (batch / "bad-second.xml").string(),
                                  "--format", "docx", "-o", out.path().string() + "/"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(output_has(r, "I could not make 1 of the 2 Word files."));
  CHECK(list_dir(out.path()) == std::vector<std::string>{"good-first.docx"});
}

TEST_CASE("The number after -j must be from 1 to 256", "[cli][jobs]") {
  for (const std::string bad : {"0", "two", "-1", "99999"}) {
    TempDir out;
    CommandResult r = run_easyread({"build", test_data("good.xml").string(), "-j", bad, "-o", (out / "x.pdf").string()});
    INFO("-j " << bad << ": " << r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(list_dir(out.path()).empty());
  }
}
