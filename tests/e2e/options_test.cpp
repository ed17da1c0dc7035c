// The command line: every option of every command does what its help says,
// whole names only, and a mistake in the command builds and writes nothing.
// Each command's test also reads the command's --help and fails when an
// option there was never tried here, so a new option needs a test.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

bool said(const CommandResult& r, const std::string& words) {
  return (r.out + r.err).find(words) != std::string::npos;
}

// Runs easyread and remembers every option it was given.
class OptionRunner {
 public:
  CommandResult operator()(const std::vector<std::string>& args, const fs::path& dir = {}) {
    for (const std::string& a : args)
      if (a.size() > 1 && a[0] == '-' && a != "--") tried_.insert(a.substr(0, a.find('=')));
    return run_easyread(args, dir);
  }
  // Fails for each option in `command --help` that was not tried.
  void check_all_tried(const std::vector<std::string>& help_command) {
    const CommandResult help = run_easyread(help_command);
    REQUIRE(help.exit_code == 0);
    static const std::regex option_line(R"(^  (-[a-z], )?(--[a-z-]+))");
    std::istringstream lines(help.out);
    int listed = 0;
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, option_line)) continue;
      ++listed;
      INFO("the option " << m[2] << " of `easyread " << help_command.front() << "` has no test");
      CHECK(tried_.count(m[2]) == 1);
      if (m[1].matched) {
        INFO("the option " << m[1].str().substr(0, 2) << " has no test");
        CHECK(tried_.count(m[1].str().substr(0, 2)) == 1);
      }
    }
    CHECK(listed > 0);
  }

 private:
  std::set<std::string> tried_;
};

// Notes with one sentence that is too long, and one picture from a group's own folder.
void write_notes(const fs::path& folder) {
  std::ofstream(folder / "notes.xml")
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<easyread title=\"Our news\" lang=\"en-GB\">\n"
         "  <section title=\"Tea\">\n"
         "    <point picture=\"our tea break\" alt=\"A cup of tea\">We had tea together in the big hall on "
         "Monday after the long meeting about the new bus times for the town.</point>\n"
         "  </section>\n"
         "</easyread>\n";
  fs::create_directory(folder / "ours");
  fs::copy_file(source_dir() / "samples" / "photos" / "tea.png", folder / "ours" / "tea.png");
  std::ofstream(folder / "ours" / "catalogue.tsv") << "our tea break\ttea.png\n";
}

}  // namespace

TEST_CASE("easyread itself: every option", "[cli][options]") {
  OptionRunner run;
  for (const char* help : {"--help", "-h"}) {
    const CommandResult r = run({help});
    CHECK(r.exit_code == 0);
    CHECK(said(r, "easyread build NOTES.xml"));
  }
  const CommandResult version = run({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.starts_with("easyread "));
  const CommandResult completion = run({"--bash-completion"});
  CHECK(completion.exit_code == 0);
  CHECK(said(completion, "complete -o bashdefault -o default -F _easyread easyread"));
  // Mistakes: a near miss is named, and a command with a slip too.
  const CommandResult wrong = run({"--verison"});
  CHECK(wrong.exit_code == 2);
  CHECK(said(wrong, "Did you mean --version?"));
  const CommandResult slip = run({"biuld", "notes.xml"});
  CHECK(slip.exit_code == 2);
  CHECK(said(slip, "Did you mean build?"));
  run.check_all_tried({"--help"});
}

TEST_CASE("easyread build: every option", "[cli][options]") {
  OptionRunner run;
  TempDir dir;
  write_notes(dir.path());
  for (const char* help : {"--help", "-h"}) {
    const CommandResult r = run({"build", help});
    CHECK(r.exit_code == 0);
    CHECK(said(r, "--template LOOK"));
  }
  // Long names, with "=" and without; the group's own pictures; the checks.
  CommandResult r = run({"build", "notes.xml", "--output=long.pdf", "--template", "leaflet", "--pictures", "ours"},
                        dir.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(said(r, "[long-sentence]"));     // the checks ran
  CHECK(said(r, "notes.xml -> long.pdf"));  // not quiet
  const TextLayout leaflet = read_words(dir / "long.pdf");
  REQUIRE_FALSE(leaflet.pages.empty());
  CHECK(leaflet.pages[0].width == Approx(419.5).margin(1));  // the leaflet is A5
  // Short names, and the switches.
  r = run({"build", "notes.xml", "-o", "short.pdf", "-t", "large-print", "--pictures=ours", "--no-check", "-q"},
          dir.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(said(r, "[long-sentence]"));  // --no-check
  CHECK(r.out.empty());                     // -q
  CHECK(read_words(dir / "short.pdf").pages[0].width == Approx(595.3).margin(1));  // large print is A4
  r = run({"build", "notes.xml", "-o", "quiet.pdf", "--pictures", "ours", "--quiet"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  // Many notes at once: -j and --jobs choose how many at a time; the same bytes either way.
  fs::copy_file(dir / "notes.xml", dir / "more.xml");
  r = run({"build", "notes.xml", "more.xml", "-j", "2", "-o", "two/", "--pictures", "ours", "-q"}, dir.path());
  CHECK(r.exit_code == 0);
  r = run({"build", "notes.xml", "more.xml", "--jobs=1", "-o", "one/", "--pictures", "ours", "-q"}, dir.path());
  CHECK(r.exit_code == 0);
  for (const char* name : {"notes.pdf", "more.pdf"}) {
    INFO(name);
    REQUIRE(fs::exists(dir / "one" / name));
    CHECK(read_bytes(dir / "one" / name) == read_bytes(dir / "two" / name));
  }
  // A name that ends in .docx makes a Word file (a ZIP package), not a PDF.
  r = run({"build", "notes.xml", "-o", "notes.docx", "--pictures", "ours", "--no-check"}, dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(said(r, "notes.xml -> notes.docx: a Word file"));
  CHECK(read_bytes(dir / "notes.docx").starts_with("PK\x03\x04"));
  // Notes in a folder of their own may use the group's pictures beside it only with --allow-folder.
  fs::create_directory(dir / "sub");
  std::ofstream(dir / "sub" / "next.xml") << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                             "<easyread title=\"Next\" lang=\"en-GB\"><section title=\"Tea\">"
                                             "<point picture=\"../ours/tea.png\" alt=\"A cup of tea\">We had tea.</point>"
                                             "</section></easyread>\n";
  r = run({"build", "sub/next.xml", "-o", "refused.pdf", "--no-check"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(said(r, "[outside-folder]"));
  r = run({"build", "sub/next.xml", "-o", "allowed.pdf", "--allow-folder", "ours", "--no-check"}, dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir / "allowed.pdf"));
  // --format makes more than one kind of file side by side.
  r = run({"build", "notes.xml", "--format", "pdf,html", "-o", "both.pdf", "--pictures", "ours", "--no-check"}, dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir / "both.pdf"));
  CHECK(read_bytes(dir / "both.html").starts_with("<!DOCTYPE html>"));
  r = run({"build", "notes.xml", "--format", "odt"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(said(r, "I do not know the format \"odt\""));
  // --pictures-chosen tells each picture the build chose.
  std::ofstream(dir / "chosen.xml") << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                       "<easyread title=\"Chosen\" lang=\"en-GB\"><section title=\"Doctor\">"
                                       "<point>The doctor will see you.</point></section></easyread>\n";
  r = run({"build", "chosen.xml", "-o", "chosen.pdf", "--no-check", "--pictures-chosen"}, dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(said(r, "[picture-chosen]"));
  // Without --pictures the group's picture is not known: the option did the work above.
  r = run({"build", "notes.xml", "-o", "none.pdf"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK_FALSE(fs::exists(dir / "none.pdf"));
  run.check_all_tried({"build", "--help"});
}

TEST_CASE("easyread check: every option", "[cli][options]") {
  OptionRunner run;
  TempDir dir;
  std::ofstream(dir / "letter.txt") << "We will facilitate a meeting. It is five days away. "
                                       "The bus will come to the hall on Monday at ten with all the people "
                                       "who want to come along to the big meeting.\n";
  std::ofstream(dir / "my-words.txt") << "hall | room\n";
  std::ofstream(dir / "my.ini") << "sentence-words = 4\n";
  std::ofstream(dir / ".easyread") << "rule.number-as-word = off\n";
  for (const char* help : {"--help", "-h"}) {
    const CommandResult r = run({"check", help});
    CHECK(r.exit_code == 0);
    CHECK(said(r, "--sentence-words N"));
  }
  // The settings file beside the letter switches number-as-word off.
  CommandResult r = run({"check", "letter.txt"}, dir.path());
  CHECK(said(r, "[jargon]"));
  CHECK(said(r, "[long-sentence]"));
  CHECK_FALSE(said(r, "[number-as-word]"));
  r = run({"check", "--no-settings", "letter.txt"}, dir.path());
  CHECK(said(r, "[number-as-word]"));
  // --settings is its own option, not --set (a bug once).
  r = run({"check", "--settings", "my.ini", "letter.txt"}, dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(said(r, "Try to keep it to 4 or fewer"));
  CHECK(said(r, "[number-as-word]"));  // my.ini is used instead of .easyread
  r = run({"check", "--set", "sentence-words=5", "letter.txt"}, dir.path());
  CHECK(said(r, "Try to keep it to 5 or fewer"));
  r = run({"check", "--sentence-words", "40", "letter.txt"}, dir.path());
  CHECK_FALSE(said(r, "[long-sentence]"));
  r = run({"check", "--rule", "jargon=off", "letter.txt"}, dir.path());
  CHECK_FALSE(said(r, "[jargon]"));
  r = run({"check", "--rule=jargon=error", "letter.txt"}, dir.path());
  CHECK(r.exit_code == 1);
  r = run({"check", "--allow", "facilitate", "letter.txt"}, dir.path());
  CHECK_FALSE(said(r, "facilitate"));
  r = run({"check", "--words", "my-words.txt", "letter.txt"}, dir.path());
  CHECK(said(r, "Try \"room\" instead."));
  CHECK(run({"check", "letter.txt"}, dir.path()).exit_code == 0);
  CHECK(run({"check", "--strict", "letter.txt"}, dir.path()).exit_code == 1);
  // Formats, and writing to a file.
  r = run({"check", "--format", "json", "letter.txt"}, dir.path());
  CHECK(r.out.starts_with("{\"files\":["));
  r = run({"check", "--format=sarif", "letter.txt"}, dir.path());
  CHECK(said(r, "\"version\":\"2.1.0\""));
  r = run({"check", "--format", "text", "letter.txt"}, dir.path());
  CHECK(said(r, "letter.txt:1:"));
  r = run({"check", "--format", "html", "--sentence-words", "20", "-o", "report.html", "letter.txt"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  // The report says the limit that was used (it always said 15 once).
  CHECK(read_bytes(dir / "report.html").find("have 20 words or fewer") != std::string::npos);
  r = run({"check", "--output", "report.txt", "letter.txt"}, dir.path());
  CHECK(read_bytes(dir / "report.txt").find("[jargon]") != std::string::npos);
  // Colour: on when asked, in every spelling; off when asked.
  for (const char* on : {"--color", "--colour"})
    CHECK(run({"check", on, "letter.txt"}, dir.path()).out.find("\x1b[") != std::string::npos);
  for (const char* off : {"--no-color", "--no-colour"})
    CHECK(run({"check", "--color", off, "letter.txt"}, dir.path()).out.find("\x1b[") == std::string::npos);
  r = run({"check", "--list-rules"});
  CHECK(r.exit_code == 0);
  CHECK(said(r, "long-sentence (warning)"));
  run.check_all_tried({"check", "--help"});
}

TEST_CASE("easyread symbols, new and pdf-check: every option", "[cli][options]") {
  TempDir dir;
  write_notes(dir.path());
  {
    OptionRunner run;
    for (const char* help : {"--help", "-h"}) CHECK(run({"symbols", help}).exit_code == 0);
    CommandResult r = run({"symbols", "search", "our tea break", "--pictures", "ours"}, dir.path());
    CHECK(said(r, "own pictures"));
    r = run({"symbols", "sheet", "tea", "-o", "a.pdf", "--pictures=ours"}, dir.path());
    CHECK(r.exit_code == 0);
    r = run({"symbols", "sheet", "bus", "--output", "b.pdf"}, dir.path());
    CHECK(r.exit_code == 0);
    CHECK(run_command({"pdftotext", (dir / "b.pdf").string(), "-"}).out.find("bus") != std::string::npos);
    run.check_all_tried({"symbols", "--help"});
  }
  {
    OptionRunner run;
    for (const char* help : {"--help", "-h"}) CHECK(run({"new", help}).exit_code == 0);
    CHECK(run({"new", "minutes", "start.xml"}, dir.path()).exit_code == 0);
    std::ofstream(dir / "minutes.txt") << "Our meeting\n\nWe talked about the bus.\n";
    const CommandResult drafted = run({"new", "--from", "minutes.txt", "draft.xml"}, dir.path());
    INFO(drafted.out << drafted.err);
    CHECK(drafted.exit_code == 0);
    CHECK(fs::exists(dir / "draft.xml"));
    CHECK(run({"new", "--from", "minutes.txt"}, dir.path()).exit_code == 2);
    run.check_all_tried({"new", "--help"});
  }
  {
    OptionRunner run;
    for (const char* help : {"--help", "-h"}) CHECK(run({"pdf-check", help}).exit_code == 0);
    run.check_all_tried({"pdf-check", "--help"});
  }
}

TEST_CASE("Made-up options and missing values: exit code 2, and nothing is built or written", "[cli][options]") {
  TempDir dir;
  write_notes(dir.path());
  std::ofstream(dir / "letter.txt") << "We will facilitate a meeting.\n";
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"build", "notes.xml", "-o"}, "-o needs NAME after it"},  // once: an error, then a PDF and exit 0
      {{"build", "notes.xml", "--output"}, "--output needs NAME after it"},
      {{"build", "notes.xml", "--output="}, "needs NAME after it"},
      {{"build", "notes.xml", "-t", "-q"}, "-t needs LOOK after it"},
      {{"build", "notes.xml", "--templat", "leaflet"}, "Did you mean --template?"},
      {{"build", "notes.xml", "--out", "x.pdf"}, "Did you mean --output?"},  // no prefixes
      {{"build", "notes.xml", "--quiet=yes"}, "--quiet does not take a value"},
      {{"build", "notes.xml", "-x"}, "I do not know the option \"-x\""},
      {{"build", "notes.xml", "-j"}, "-j needs N after it"},
      {{"build", "notes.xml", "--jobs", "0"}, "needs a number from 1 to 256"},
      {{"build", "notes.xml", "--job", "2"}, "Did you mean --jobs?"},
      {{"check", "--formatX", "json", "letter.txt", "-o", "out.json"}, "Did you mean --format?"},
      {{"check", "--rules", "jargon=off", "letter.txt", "-o", "out.txt"}, "Did you mean --rule?"},
      {{"check", "--format", "xml", "letter.txt", "-o", "out.txt"}, "Use text, json, sarif or html."},
      {{"check", "letter.txt", "-o", "out.txt", "--settings"}, "--settings needs NAME after it"},
      {{"check", "letter.txt", "-o", "out.txt", "--set", "strict"}, "needs an = sign"},
      {{"symbols", "sheet", "bus", "-o"}, "-o needs FILE after it"},
      {{"symbols", "sheet", "bus", "-o", "s.pdf", "--picture", "ours"}, "Did you mean --pictures?"},
      {{"new", "minutes", "new.xml", "--form"}, "I do not know the option \"--form\""},
      {{"pdf-check", "--hepl"}, "Did you mean --help?"},
  };
  const auto before = list_dir(dir.path());
  for (const Case& c : cases) {
    const CommandResult r = run_easyread(c.args, dir.path());
    std::string line;
    for (const auto& a : c.args) line += a + " ";
    INFO("easyread " << line << "\nsaid:\n" << r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(said(r, c.says));
    CHECK(list_dir(dir.path()) == before);
    CHECK(list_dir(dir / "ours") == std::vector<std::string>{"catalogue.tsv", "tea.png"});
  }
  // "--" ends the options: a file may start with a dash.
  fs::copy_file(dir / "letter.txt", dir / "-letter.txt");
  const CommandResult dashed = run_easyread({"check", "--", "-letter.txt"}, dir.path());
  CHECK(said(dashed, "-letter.txt:1:"));
}
