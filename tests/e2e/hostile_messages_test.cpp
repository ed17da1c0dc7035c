// Strangers' files, part 2: what the messages show, and the limits of a PDF.
// Like hostile_test.cpp, each run has a limit on time and memory.
#include <catch2/catch.hpp>

#include <filesystem>

#include "hostile_files.hpp"
#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

std::string notes_with(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<easyread title=\"Test\" lang=\"en-GB\">\n"
         "<section title=\"Part\">\n" + body + "\n</section>\n</easyread>\n";
}

const std::string kRightToLeft = "\xE2\x80\xAE";  // U+202E: turns the text after it round

// The control characters and marks that must never reach a terminal or page raw.
bool has_raw_control(const std::string& s) {
  for (const char* raw : {"\xE2\x80\xAE", "\xE2\x81\xA6", "\xC2\x9B", "\x1B", "\x07"})
    if (s.find(raw) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("Control characters and right-to-left marks are shown escaped in every message", "[hostile]") {
  TempDir dir;
  // A picture name and a sentence with a right-to-left override; a text with
  // an escape sequence (ESC [2J clears a terminal), a bell, an isolate and a C1 control.
  write_file(dir / "notes.xml", notes_with("<point picture=\"gone" + kRightToLeft + "gnp.svg\" alt=\"A\">We will utilise" +
                                           kRightToLeft + " the money.</point>"));
  write_file(dir / "meeting.xml", notes_with("<meeting date=\"2027-13-4" + kRightToLeft + "5\" picture=\"none\">We meet.</meeting>"));
  write_file(dir / "letter.txt", "We will utilise\xE2\x81\xA6 the money \x1B[2J\x07 now.\nWe will facilitate the \xC2\x9B plan.\n");

  auto r = run_limited({"build", "notes.xml"}, dir.path(), 20, 1000);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK((r.out + r.err).find("The picture file \"gone\\u202Egnp.svg\" is not there.") != std::string::npos);
  CHECK((r.out + r.err).find("utilise\\u202E the money") != std::string::npos);  // the line shown under the message
  CHECK_FALSE(has_raw_control(r.out + r.err));

  r = run_limited({"check", "letter.txt"}, dir.path(), 20, 1000);
  INFO(r.out << r.err);
  CHECK((r.out + r.err).find("We will utilise\\u2066 the money \\u001B[2J\\u0007 now.") != std::string::npos);
  CHECK((r.out + r.err).find("facilitate the \\u009B plan") != std::string::npos);
  CHECK_FALSE(has_raw_control(r.out + r.err));
  // The marks under a line still point at the word: "utilise" starts in column 9 of the line.
  CHECK((r.out + r.err).find("\n    |         ^~~~~~~\n") != std::string::npos);

  for (const char* format : {"json", "sarif", "html"}) {
    r = run_limited({"check", "--format", format, "letter.txt", "meeting.xml"}, dir.path(), 20, 1000);
    INFO(format << ": " << r.out << r.err);
    // The date's message quotes it. JSON and SARIF write the backslash of "\u202E" as "\\".
    const bool escaped = r.out.find("2027-13-4\\\\u202E5") != std::string::npos || r.out.find("2027-13-4\\u202E5") != std::string::npos;
    CHECK(escaped);
    CHECK_FALSE(has_raw_control(r.out + r.err));
  }
}

TEST_CASE("More sentences in one section than a PDF can hold is a plain error with the line", "[hostile]") {
  TempDir dir;
  // 20,000 points of 2 sentences: 40,000 sentences, over the PDF's 32,767.
  write_file(dir / "notes.xml", notes_with(repeat("<point picture=\"none\">We met. We ate.</point>\n", 20000)));
  auto r = run_limited({"build", "--no-check", "notes.xml"}, dir.path(), 30, 700);
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("notes.xml:3:1: error: This section has 40,000 sentences and pictures. A PDF file can hold up to "
                   "32,767 in one section. [too-big-for-pdf]") != std::string::npos);
  CHECK(r.err.find("What to do: Split it into 2 or more sections") != std::string::npos);
  CHECK(r.err.find("Something went wrong") == std::string::npos);
  CHECK_FALSE(fs::exists(dir / "notes.pdf"));
  // A web page has no such limit.
  r = run_limited({"build", "--no-check", "notes.xml", "-o", "notes.html"}, dir.path(), 30, 700);
  CHECK(r.exit_code == 0);
  // Just under the limit, the PDF is made.
  write_file(dir / "under.xml", notes_with(repeat("<point picture=\"none\">We met. We ate.</point>\n", 16000)));
  r = run_limited({"build", "--no-check", "under.xml"}, dir.path(), 60, 700);
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 0);
}

TEST_CASE("A link address of 70,000 letters is a plain error with the line; a bare one stays text", "[hostile]") {
  TempDir dir;
  write_file(dir / "notes.xml", notes_with("<point picture=\"none\">Read it.</point>\n<point picture=\"none\">Read <link href=\"https://example.org/" +
                                           std::string(70000, 'b') + "\">this page</link> now.</point>"));
  auto r = run_limited({"build", "--no-check", "notes.xml"}, dir.path(), 20, 500);
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("notes.xml:5:28: error: Line 5 has a link address 70020 letters long. easyread can use addresses of "
                   "up to 2000 letters. [long-link]") != std::string::npos);
  CHECK(r.err.find("What to do: Check the address. Use a shorter address for the same page.") != std::string::npos);
  CHECK(r.err.find("Something went wrong") == std::string::npos);
  CHECK_FALSE(fs::exists(dir / "notes.pdf"));
}
