// Files from strangers: easyread must not crash, run away with memory or
// time, read outside the notes' folder, replace special files, or lose words.
// Each run has a limit on time (timeout) and, outside the sanitizer build,
// on memory (prlimit --as), so a runaway fails the test instead of the machine.
#include <catch2/catch.hpp>

#include <poll.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "hostile_files.hpp"
#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

bool says(const CommandResult& r, const std::string& words) {
  return (r.out + r.err).find(words) != std::string::npos;
}

std::string notes_with(const std::string& body, const std::string& root_attributes = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<easyread title=\"Test\" lang=\"en-GB\" " + root_attributes +
         ">\n<section title=\"Part\">\n" + body + "\n</section>\n</easyread>\n";
}

std::string svg_with(const std::string& inside) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 72 72\">" + inside + "</svg>";
}

const std::string kSquare = "<rect width=\"50\" height=\"50\" fill=\"#204080\"/>";

// What a person reads in a PDF: its words in order, without the page
// footers ("Page 2 of 6"), spaces and line ends.
std::string pdf_letters(const fs::path& pdf) {
  std::istringstream lines(run_command({"pdftotext", "-raw", pdf.string(), "-"}).out);
  static const std::regex footer(R"(\f?Page \d+ of \d+)");
  std::string text, line;
  while (std::getline(lines, line))
    if (!std::regex_match(line, footer)) text += line;
  std::erase_if(text, [](char c) { return c == ' ' || c == '\f'; });
  return text;
}

}  // namespace

// ---- Crashes -----------------------------------------------------------------

TEST_CASE("An SVG picture with 10,000 nested groups is an error, not a crash", "[hostile]") {
  TempDir dir;
  write_file(dir / "deep.svg", svg_with(repeat("<g>", 10000) + kSquare + repeat("</g>", 10000)));
  write_file(dir / "notes.xml", notes_with("<point picture=\"deep.svg\" alt=\"A square\">We met.</point>"));
  const auto r = run_limited({"build", "notes.xml"}, dir.path(), 20, 500);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(says(r, "deep.svg"));
  CHECK(says(r, "too deep"));
  CHECK_FALSE(fs::exists(dir / "notes.pdf"));
}

TEST_CASE("A Word file with 200,000 nested elements is an error, not a crash", "[hostile]") {
  TempDir dir;
  write_file(dir / "deep.docx",
             zip_with("word/document.xml", "<w:document xmlns:w=\"w\"><w:body><w:p>" + repeat("<a>", 200000) +
                                               "<w:t>Hello.</w:t>" + repeat("</a>", 200000) + "</w:p></w:body></w:document>"));
  const auto r = run_limited({"check", "deep.docx"}, dir.path(), 20, 500);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(says(r, "deep.docx"));
  CHECK(says(r, "too deep"));
}

TEST_CASE("A template with no room for text is an error, and the layout never loops", "[hostile]") {
  TempDir dir;
  write_file(dir / "wide.xml", "<template name=\"wide\">\n<page size=\"A4\" margin-left=\"150mm\" margin-right=\"150mm\"/>\n</template>\n");
  write_file(dir / "huge.xml", "<template name=\"huge\">\n<pictures size=\"10000mm\"/>\n</template>\n");
  for (const char* name : {"wide.xml", "huge.xml"}) {
    write_file(dir / "notes.xml", notes_with("<point picture=\"1F91D\">We met at the hall.</point>",
                                             std::string("template=\"") + name + "\""));
    const auto r = run_limited({"build", "notes.xml"}, dir.path(), 30, 500);
    INFO(name << ": " << r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK((says(r, name + std::string(":2:1: error")) || says(r, name + std::string(":1:1: error"))));
    CHECK_FALSE(fs::exists(dir / "notes.pdf"));
  }
}

TEST_CASE("A zip bomb in a Word file is refused at once", "[hostile]") {
  TempDir dir;
  // About 1 MB that unpacks to nearly 1 GB.
  write_file(dir / "bomb.docx", zip_of_zeros("word/document.xml", (1ull << 30) - 4096));
  // A tiny file that claims its text is 1 GB.
  write_file(dir / "claims.docx", zip_claiming("word/document.xml", "<w:document/>", (1u << 30) - 16));
  for (const char* name : {"bomb.docx", "claims.docx"}) {
    const auto r = run_limited({"check", name}, dir.path(), 20, 400);
    INFO(name << ": " << r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(says(r, name));
  }
}

TEST_CASE("A crash while making one PDF does not stop the others", "[hostile]") {
  TempDir dir;
  // The first PDF is far bigger than the size limit on written files (so
  // the system stops its process); the second is small.
  std::string many;
  for (int i = 0; i < 400; ++i) many += "<point picture=\"none\">We met at the hall. It was a good day.</point>\n";
  write_file(dir / "big.xml", notes_with(many));
  write_file(dir / "small.xml", notes_with("<point picture=\"none\">We met.</point>"));
  const auto r = run_command({"prlimit", "--fsize=60000", "--", EASYREAD_BINARY, "build", "--no-check", "big.xml",
                              "small.xml", "-o", "out/"},
                             dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(fs::exists(dir / "out" / "small.pdf"));
  CHECK_FALSE(fs::exists(dir / "out" / "big.pdf"));
  CHECK(says(r, "big.xml: easyread stopped"));
  CHECK(says(r, "I could not make 1 of the 2 PDFs."));
}

TEST_CASE("After a crash in a batch, a new worker makes the files that are left", "[hostile]") {
  TempDir dir;
  std::string many;
  for (int i = 0; i < 400; ++i) many += "<point picture=\"none\">We met at the hall. It was a good day.</point>\n";
  write_file(dir / "big.xml", notes_with(many));
  for (const char* name : {"a.xml", "b.xml", "c.xml"})
    write_file(dir / name, notes_with("<point picture=\"none\">We met.</point>"));
  // One worker: it stops on the first file, so only a new one can make the others.
  const auto r = run_command({"prlimit", "--fsize=60000", "--", EASYREAD_BINARY, "build", "--no-check", "-j", "1",
                              "big.xml", "a.xml", "b.xml", "c.xml", "-o", "out/"},
                             dir.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  for (const char* name : {"a.pdf", "b.pdf", "c.pdf"}) CHECK(fs::exists(dir / "out" / name));
  CHECK_FALSE(fs::exists(dir / "out" / "big.pdf"));
  CHECK(says(r, "big.xml: easyread stopped while making this file"));
  CHECK(says(r, "I could not make 1 of the 4 PDFs."));
  // The lines come in the order of the files.
  const auto a = r.out.find("a.xml ->"), b = r.out.find("b.xml ->"), c = r.out.find("c.xml ->");
  CHECK(a != std::string::npos);
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c != std::string::npos);
}

// ---- Reading outside the notes' folder ----------------------------------------

TEST_CASE("Notes cannot read pictures or templates from outside their folder", "[hostile]") {
  TempDir top;
  fs::create_directory(top / "notes");
  const fs::path notes = top / "notes";
  write_file(top / "outside.svg", svg_with(kSquare));
  fs::create_symlink(top / "outside.svg", notes / "link.svg");
  write_file(top / "outside.xml", "<template name=\"secret-ENV-MARKER\"><page size=\"B9\"/></template>");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"picture=\"../outside.svg\"", ""},
      {"picture=\"" + (top / "outside.svg").string() + "\"", ""},
      {"picture=\"link.svg\"", ""},
      {"picture=\"../missing.svg\"", ""},  // the same words whether a file is there or not
      {"picture=\"none\"", "template=\"../outside.xml\""},
      {"picture=\"none\"", "template=\"/proc/self/environ\""},
  };
  // The PDF and the Word file read pictures and templates the same way.
  for (const std::string output : {"notes.pdf", "notes.docx"}) {
    for (const auto& [picture, root] : cases) {
      write_file(notes / "notes.xml", notes_with("<point " + picture + " alt=\"A square\">We met.</point>", root));
      const auto r = run_limited({"build", "--no-check", "notes.xml", "-o", output}, notes, 20, 500);
      INFO(output << " " << picture << " " << root << ": " << r.out << r.err);
      CHECK(r.exit_code == 1);
      CHECK(says(r, "is outside the folder of your notes"));
      CHECK(says(r, "--allow-folder"));
      CHECK_FALSE(says(r, "ENV-MARKER"));
      CHECK_FALSE(says(r, "PATH="));
      CHECK_FALSE(fs::exists(notes / output));
    }
  }
  // The person running easyread may allow the folder.
  write_file(notes / "notes.xml", notes_with("<point picture=\"../outside.svg\" alt=\"A square\">We met.</point>"));
  const auto allowed = run_limited({"build", "--no-check", "--allow-folder", "..", "notes.xml"}, notes, 20, 500);
  INFO(allowed.out << allowed.err);
  CHECK(allowed.exit_code == 0);
  CHECK(fs::exists(notes / "notes.pdf"));
}

TEST_CASE("javascript: and file: links are left out with a warning, and the words stay", "[hostile]") {
  TempDir dir;
  write_file(dir / "notes.xml",
             notes_with("<point picture=\"none\">Read <link href=\"javascript:alert(1)\">our page</link>. "
                        "See <link href=\"FILE:///etc/passwd\">the list</link>.</point>"));
  const auto r = run_limited({"build", "--no-check", "notes.xml"}, dir.path(), 20, 500);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(says(r, "notes.xml:4:28: warning"));
  CHECK(says(r, "[unsafe-link]"));
  const std::string pdf = read_bytes(dir / "notes.pdf");
  CHECK(pdf.find("javascript") == std::string::npos);
  CHECK(pdf.find("passwd") == std::string::npos);
  CHECK(pdf.find("/URI") == std::string::npos);
  CHECK(pdf_letters(dir / "notes.pdf").find("Readourpage.Seethelist.") != std::string::npos);
}

// ---- Output -------------------------------------------------------------------

TEST_CASE("Writing with -o never replaces a pipe, a device or a link to one, and writes through a link to a file", "[hostile]") {
  TempDir dir;
  write_file(dir / "notes.xml", notes_with("<point picture=\"none\">We met.</point>"));
  REQUIRE(::mkfifo((dir / "pipe").c_str(), 0644) == 0);
  fs::create_symlink("/dev/null", dir / "null-link");
  for (const char* target : {"pipe", "null-link"}) {
    const auto r = run_limited({"build", "--no-check", "notes.xml", "-o", target}, dir.path(), 20, 500);
    INFO(target << ": " << r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(says(r, "I cannot write the file"));
  }
  CHECK(fs::is_fifo(dir / "pipe"));
  CHECK(fs::is_symlink(dir / "null-link"));
  CHECK(fs::is_character_file("/dev/null"));
  // A link to a regular file: the file gets the PDF, the link stays a link.
  write_file(dir / "old.pdf", "old");
  fs::create_symlink("old.pdf", dir / "link.pdf");
  const auto r = run_limited({"build", "--no-check", "notes.xml", "-o", "link.pdf"}, dir.path(), 20, 500);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(fs::is_symlink(dir / "link.pdf"));
  CHECK(read_bytes(dir / "old.pdf").rfind("%PDF-", 0) == 0);
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"link.pdf", "notes.xml", "null-link", "old.pdf", "pipe"});
}

// ---- Memory and time ----------------------------------------------------------

TEST_CASE("Devices, huge files and endless input are refused before they are read", "[hostile]") {
  TempDir dir;
  write_file(dir / "notes.xml", notes_with("<point picture=\"big.png\" alt=\"A photo\">We met.</point>"));
  // A 3 GB picture file that takes no room on the disk.
  { std::ofstream big(dir / "big.png", std::ios::binary); }
  fs::resize_file(dir / "big.png", 3ull << 30);
  auto r = run_limited({"build", "--no-check", "notes.xml"}, dir.path(), 20, 500);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(says(r, "too big"));
  r = run_limited({"build", "--no-check", "notes.xml", "-t", "/dev/zero"}, dir.path(), 20, 500);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(says(r, "It is a device, not a file."));
  r = run_command({"timeout", "20", "bash", "-c", std::string("exec '") + EASYREAD_BINARY + "' check - < /dev/zero"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(says(r, "NUL byte"));
  write_file(dir / "zeros.txt", std::string(1 << 20, '\0'));
  r = run_limited({"check", "zeros.txt"}, dir.path(), 20, 500);
  CHECK(r.exit_code == 2);
  CHECK(says(r, "zeros.txt"));
  CHECK(says(r, "NUL byte"));
  write_file(dir / "utf16.txt", repeat(std::string("H\0i\0 \0", 6), 100));
  r = run_limited({"check", "utf16.txt"}, dir.path(), 20, 500);
  CHECK(r.exit_code == 2);
  CHECK(says(r, "UTF-16"));
}

TEST_CASE("A very long web address is cheap, and notes far too big are refused at once", "[hostile]") {
  TempDir dir;
  write_file(dir / "notes.xml",
             notes_with("<point picture=\"none\">Read https://example.org/" + std::string(200000, 'a') + " now.</point>"));
  auto r = run_limited({"build", "--no-check", "notes.xml"}, dir.path(), 120, 700);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(pdf_letters(dir / "notes.pdf").find(std::string(200000, 'a') + "now.") != std::string::npos);
  // A million points.
  write_file(dir / "million.xml", notes_with(repeat("<point picture=\"none\">We met at the hall.</point>\n", 1000000)));
  r = run_limited({"build", "--no-check", "million.xml"}, dir.path(), 10, 500);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(says(r, "too big"));
}

// ---- Words that went missing --------------------------------------------------

TEST_CASE("A sentence taller than a page and a 100,000-letter word keep every word", "[hostile]") {
  TempDir dir;
  std::string sentence, letters;
  for (int i = 0; i < 401; ++i) {
    sentence += "word" + std::to_string(i) + " ";
    letters += "word" + std::to_string(i);
  }
  const std::string word(100000, 'a');
  write_file(dir / "notes.xml", notes_with("<point picture=\"none\">" + sentence + "end.</point>\n<point picture=\"none\">Read " +
                                           word + " now.</point>"));
  const auto r = run_limited({"build", "--no-check", "notes.xml"}, dir.path(), 120, 700);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = pdf_letters(dir / "notes.pdf");
  CHECK(text.find(letters + "end.") != std::string::npos);
  CHECK(text.find("Read" + word + "now.") != std::string::npos);
}

TEST_CASE("Checking 100,000 points, alone or in a build, and a 1 MB one-word title stays quick", "[hostile]") {
  TempDir dir;
  std::string points;
  for (int i = 0; i < 100000; ++i)
    points += "<point picture=\"none\">We met at the hall " + std::to_string(i) + ". It was good.</point>\n";
  write_file(dir / "points.xml", notes_with(points));
  write_file(dir / "title.xml", "<easyread title=\"" + std::string(1 << 20, 'a') +
                                    "\"><point picture=\"none\">We met.</point></easyread>");
  // Bounds, not measurements: before, the points took minutes and the title nearly one.
  auto r = run_limited({"check", "points.xml", "-o", "report.txt"}, dir.path(), 30, 1000);
  CHECK(r.exit_code == 0);
  CHECK(read_bytes(dir / "report.txt").find("points.xml:100001:") != std::string::npos);
  // A build runs the same checks (before, it took 6 minutes to gather their findings).
  r = run_limited({"build", "-q", "points.xml", "-o", "points.html"}, dir.path(), 90, 1000);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("points.xml:100001:") != std::string::npos);
  r = run_limited({"check", "title.xml"}, dir.path(), 20, 1000);
  CHECK(r.exit_code != -1);
  CHECK(r.exit_code != 124);
}

namespace {

// Starts easyread, stops it with `signal_number` as soon as its hidden
// temporary PDF appears, and returns what is left in `dir` afterwards.
std::vector<std::string> stop_while_writing(const fs::path& dir, int signal_number) {
  const int watch = ::inotify_init1(IN_CLOEXEC);
  REQUIRE(watch >= 0);
  REQUIRE(::inotify_add_watch(watch, dir.c_str(), IN_CREATE) >= 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    const rlimit no_core{0, 0};  // an abort leaves no core file
    ::setrlimit(RLIMIT_CORE, &no_core);
    ::execl(EASYREAD_BINARY, EASYREAD_BINARY, "build", "--no-check", "-q", "notes.xml", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  alignas(inotify_event) char events[4096];
  bool sent = false;
  while (!sent) {
    pollfd ready{watch, POLLIN, 0};
    if (::poll(&ready, 1, 60000) <= 0) break;
    const ssize_t n = ::read(watch, events, sizeof events);
    for (ssize_t at = 0; at < n && !sent;) {
      const auto* event = reinterpret_cast<const inotify_event*>(events + at);
      if (event->len > 0 && event->name[0] == '.') sent = ::kill(child, signal_number) == 0;
      at += ssize_t(sizeof(inotify_event) + event->len);
    }
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(watch);
  return list_dir(dir);
}

}  // namespace

TEST_CASE("SIGTERM, SIGINT and an abort leave no temporary file behind", "[hostile]") {
  TempDir dir;
  // Many pages, so the PDF takes a while to write.
  write_file(dir / "notes.xml", notes_with(repeat("<point picture=\"none\">We met at the hall. It was a good day.</point>\n", 3000)));
  int stopped_in_time = 0;
  // SIGABRT is what running out of memory ends in.
  for (int signal_number : {SIGTERM, SIGINT, SIGABRT, SIGTERM, SIGINT, SIGABRT, SIGTERM, SIGINT, SIGABRT}) {
    fs::remove(dir / "notes.pdf");
    const auto left = stop_while_writing(dir.path(), signal_number);
    INFO("signal " << signal_number);
    CHECK(std::none_of(left.begin(), left.end(), [](const std::string& name) { return name.front() == '.'; }));
    stopped_in_time += !fs::exists(dir / "notes.pdf");
  }
  CHECK(stopped_in_time > 0);  // at least one signal came while the PDF was being written
}

TEST_CASE("A turned photo that claims billions of pixels is refused in a Word file", "[hostile]") {
  TempDir dir;
  // A JPEG header for 65,000 by 65,000 pixels, turned by EXIF: turning it
  // for Word would first need 12 GB for its pixels.
  std::string jpeg = "\xFF\xD8";
  const std::string exif = std::string("Exif\0\0MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0", 32);
  jpeg += std::string("\xFF\xE1\0\x22", 4) + exif;
  jpeg += std::string("\xFF\xDB\0\x43\0", 5) + std::string(64, '\x01');
  jpeg += std::string("\xFF\xC0\0\x11\x08\xFD\xE8\xFD\xE8\x03\x01\x11\0\x02\x11\0\x03\x11\0", 19);
  jpeg += std::string("\xFF\xDA\0\x0C\x03\x01\0\x02\0\x03\0\0\x3F\0", 14) + std::string(64, '\0') + "\xFF\xD9";
  write_file(dir / "big.jpg", jpeg);
  write_file(dir / "notes.xml", notes_with("<point picture=\"big.jpg\" alt=\"A photo\">We met.</point>"));
  const auto r = run_limited({"build", "--no-check", "notes.xml", "-o", "notes.docx"}, dir.path(), 30, 1000);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  // Refused as soon as it is read, for every format.
  CHECK(says(r, "The JPEG picture is too big."));
  CHECK_FALSE(fs::exists(dir / "notes.docx"));
}
