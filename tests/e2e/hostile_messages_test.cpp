// Strangers' files, part 2: what the messages show, and the limits of a PDF.
// Like hostile_test.cpp, each run has a limit on time and memory.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

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

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += char((v >> shift) & 0xFF);
}

void png_chunk(std::string& out, const std::string& type, const std::string& data) {
  put32(out, std::uint32_t(data.size()));
  const std::string body = type + data;
  out += body;
  put32(out, std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()))));
}

// A `side` by `side` RGB PNG: red on the top half, blue on the bottom.
std::string big_png(std::uint32_t side) {
  const std::string red = '\0' + repeat("\xDD\x22\x22", side), blue = '\0' + repeat("\x22\x22\xDD", side);
  z_stream z{};
  deflateInit(&z, 1);
  std::string packed;
  std::string buffer(1 << 16, '\0');
  for (std::uint32_t y = 0; y <= side; ++y) {
    const std::string& row = y < side / 2 ? red : blue;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(row.data()));
    z.avail_in = y < side ? uInt(row.size()) : 0;
    int status = Z_OK;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer.data());
      z.avail_out = uInt(buffer.size());
      status = deflate(&z, y < side ? Z_NO_FLUSH : Z_FINISH);
      packed.append(buffer.data(), buffer.size() - z.avail_out);
    } while (z.avail_out == 0 || (y == side && status != Z_STREAM_END));
  }
  deflateEnd(&z);
  std::string header;
  put32(header, side);
  put32(header, side);
  header += std::string("\x08\x02\0\0\0", 5);  // 8-bit RGB, not interlaced
  std::string png = "\x89PNG\r\n\x1A\n";
  png_chunk(png, "IHDR", header);
  png_chunk(png, "IDAT", packed);
  png_chunk(png, "IEND", "");
  return png;
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

TEST_CASE("File names with control characters are shown escaped, and the notes' lines are still shown", "[hostile]") {
  TempDir dir;
  const std::string bad = "bad\x1B[31m" + kRightToLeft + "red", shown = "bad\\u001B[31m\\u202Ered";
  write_file(dir / (bad + ".xml"), notes_with("<point picture=\"gone.svg\" alt=\"A\">We met.</point>"));
  write_file(dir / (bad + "-good.xml"), notes_with("<point picture=\"none\">We met.</point>"));

  auto r = run_limited({"build", "--no-check", bad + ".xml", bad + "-good.xml", "-o", "out/"}, dir.path(), 20, 1000);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(shown + ".xml:4:8: error: The picture file \"gone.svg\" is not there.") != std::string::npos);
  CHECK(r.err.find("\n  4 | <point picture=\"gone.svg\"") != std::string::npos);  // the line, found by the name
  CHECK(r.err.find(shown + ".xml: I did not make a PDF.") != std::string::npos);
  CHECK(r.out.find(shown + "-good.xml -> out/" + shown + "-good.pdf: ") != std::string::npos);
  CHECK_FALSE(has_raw_control(r.out + r.err));

  r = run_limited({"check", bad + "-good.xml"}, dir.path(), 20, 1000);
  INFO(r.out << r.err);
  CHECK((r.out + r.err).find("Summary for " + shown + "-good.xml:") != std::string::npos);
  CHECK_FALSE(has_raw_control(r.out + r.err));

  r = run_limited({"new", "--from", bad + ".txt", "draft.xml"}, dir.path(), 20, 1000);
  INFO(r.out << r.err);
  CHECK(r.err.find("I cannot find the file \"" + shown + ".txt\".") != std::string::npos);
  CHECK_FALSE(has_raw_control(r.out + r.err));

  // A name that starts with "-" is read as an option: the error shows it escaped too.
  r = run_limited({"build", "-" + bad + ".xml"}, dir.path(), 20, 1000);
  INFO(r.out << r.err);
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("I do not know the option \"-" + shown + ".xml\".") != std::string::npos);
  CHECK_FALSE(has_raw_control(r.out + r.err));
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

TEST_CASE("A 49-megapixel PNG is made smaller as it is read, in under 400 MB", "[hostile]") {
  TempDir dir;
  write_file(dir / "big.png", big_png(7000));
  write_file(dir / "notes.xml", notes_with("<point picture=\"big.png\" alt=\"Red and blue\">We took a photo.</point>"));
  // Read whole, its pixels took 589 MB; row by row, made 3000 pixels wide, 120 MB.
  const auto r = run_limited({"build", "--no-check", "--format", "pdf,html", "notes.xml"}, dir.path(), 60, 400);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // The PDF holds it 3000 by 3000 pixels (10 inches at 300 dots an inch).
  const auto images = run_command({"pdfimages", "-list", (dir / "notes.pdf").string()});
  INFO(images.out);
  std::istringstream lines(images.out);
  std::string line;
  int found = 0;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string page, number, type, width, height;
    words >> page >> number >> type >> width >> height;
    if (type != "image") continue;
    ++found;
    CHECK(width == "3000");
    CHECK(height == "3000");
  }
  CHECK(found == 1);
  CHECK(fs::exists(dir / "notes.html"));
}

TEST_CASE("A JPEG of a few bytes that claims 3.6 billion pixels is refused at once", "[hostile]") {
  // The real photo, with its frame header changed to say 60000 by 60000. The
  // web page decoded it whole: 131 s and 21 GB before this was refused.
  std::ifstream in(source_dir() / "tests/data/photos/orientation-6.jpg", std::ios::binary);
  std::string jpeg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t at = 2;
  bool changed = false;
  while (at + 9 < jpeg.size() && !changed) {
    const auto marker = static_cast<unsigned char>(jpeg[at + 1]);
    const std::size_t length = (std::size_t(static_cast<unsigned char>(jpeg[at + 2])) << 8) |
                               static_cast<unsigned char>(jpeg[at + 3]);
    if (marker >= 0xC0 && marker <= 0xC2) {
      for (std::size_t i : {at + 5, at + 7}) jpeg.replace(i, 2, std::string{char(0xEA), char(0x60)});
      changed = true;
    }
    at += 2 + length;
  }
  REQUIRE(changed);
  TempDir dir;
  write_file(dir / "huge.jpg", jpeg);
  write_file(dir / "notes.xml", notes_with("<point picture=\"huge.jpg\" alt=\"A photo\">We took a photo.</point>"));
  for (const char* format : {"html", "docx", "pdf"}) {
    const auto r = run_limited({"build", "--no-check", "--format", format, "notes.xml"}, dir.path(), 20, 400);
    INFO(format << "\n" << r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("The JPEG picture is too big.") != std::string::npos);
    CHECK(r.err.find("huge.jpg") != std::string::npos);
  }
}

TEST_CASE("A heading of 0 pt, a body of 5,000 pt or a line spacing of 1000 is a plain error with the line", "[hostile]") {
  TempDir dir;
  // Before these were refused, the first gave a PDF with no headings and the
  // last dropped the sentences that did not fit.
  const std::pair<const char*, const char*> cases[] = {
      {"heading.xml", "<sizes heading=\"0pt\"/>"},
      {"body.xml", "<sizes body=\"5000pt\"/>"},
      {"spacing.xml", "<text line-spacing=\"1000\"/>"},
  };
  for (const auto& [name, line] : cases) {
    write_file(dir / name, std::string("<template name=\"t\">\n") + line + "\n</template>\n");
    write_file(dir / "notes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<easyread title=\"Test\" lang=\"en-GB\" template=\"" +
                                      std::string(name) + "\">\n<section title=\"Part\">\n<point picture=\"none\">We met.</point>\n"
                                      "</section>\n</easyread>\n");
    const auto r = run_limited({"build", "--no-check", "notes.xml"}, dir.path(), 20, 500);
    INFO(name << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(std::string(name) + ":2:1: error: ") != std::string::npos);
    CHECK(r.err.find("[bad-template]") != std::string::npos);
    CHECK(r.err.find("What to do: Make ") != std::string::npos);
    CHECK(r.err.find("Something went wrong") == std::string::npos);
    CHECK_FALSE(fs::exists(dir / "notes.pdf"));
  }
}

TEST_CASE("A folder, a pipe or a device given as a picture is named as what it is", "[hostile]") {
  TempDir dir;
  fs::create_directory(dir / "folder.png");
  REQUIRE(::mkfifo((dir / "pipe.png").c_str(), 0644) == 0);
  std::vector<std::pair<std::string, std::string>> cases = {{"folder.png", "It is a folder, not a file."},
                                                            {"pipe.png", "It is a pipe (FIFO), not a file."}};
  // Only root may make a device (like /dev/zero) in a folder.
  if (::mknod((dir / "zero.png").c_str(), S_IFCHR | 0644, ::makedev(1, 5)) == 0)
    cases.emplace_back("zero.png", "It is a device, not a file.");
  for (const auto& [picture, words] : cases) {
    write_file(dir / "notes.xml", notes_with("<point picture=\"" + picture + "\" alt=\"A\">We met.</point>"));
    for (const char* output : {"notes.pdf", "notes.html", "notes.docx"}) {
      const auto r = run_limited({"build", "--no-check", "notes.xml", "-o", output}, dir.path(), 20, 500);
      INFO(picture << " " << output << ": " << r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.err.find("notes.xml:4:8: error: The picture \"" + picture + "\" will not work. " + words) != std::string::npos);
      CHECK_FALSE(fs::exists(dir / output));
    }
  }
}

TEST_CASE("A first draft from endless, binary or huge text is refused at once", "[hostile]") {
  TempDir dir;
  // Typed-in text that never ends: before, `new --from -` read /dev/zero for ever.
#ifdef EASYREAD_SANITIZED
  const std::string limits = "timeout 80 ";
#else
  const std::string limits = "timeout 20 prlimit --as=" + std::to_string(500u << 20) + " -- ";
#endif
  for (const char* endless : {"cat /dev/zero", "yes We met at the hall."}) {
    const auto r = run_command({"bash", "-c", std::string(endless) + " | " + limits + "\"$0\" new --from - draft.xml",
                                EASYREAD_BINARY}, dir.path());
    INFO(endless << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("I cannot use your text. ") != std::string::npos);
    CHECK(r.err.find(std::string(endless).starts_with("cat") ? "NUL byte" : "too big") != std::string::npos);
  }
  // A file of NUL bytes was made into a draft; a huge file was read whole.
  write_file(dir / "zeros.txt", std::string(1 << 20, '\0'));
  { std::ofstream huge(dir / "huge.txt", std::ios::binary); }
  fs::resize_file(dir / "huge.txt", 3ull << 30);
  for (const char* name : {"zeros.txt", "huge.txt"}) {
    const auto r = run_limited({"new", "--from", name, "draft.xml"}, dir.path(), 20, 500);
    INFO(name << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("I cannot use \"" + std::string(name) + "\". ") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "draft.xml"));
}

TEST_CASE("A big SARIF or HTML report is written whole, in little memory", "[hostile]") {
  TempDir dir;
  // 170,000 findings (one big number a line): a SARIF report of about 75 MB.
  std::string text;
  for (int i = 0; i < 170000; ++i) text += "We met " + std::to_string(1 + i % 9) + ",234 people in the hall today.\n";
  write_file(dir / "letter.txt", text);

  // Before, the report was made in memory first: with too little, it was cut
  // short at 32 or 64 MB, and easyread still said all was well. Then every
  // finding was kept to the end: over 100 MB for these.
  auto r = run_limited({"check", "--format", "sarif", "letter.txt", "-o", "report.sarif"}, dir.path(), 60, 100);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  std::string report = read_bytes(dir / "report.sarif");
  CHECK(report.size() > (64u << 20));
  CHECK(report.ends_with("\n]}]}\n"));

  // The web page shows the first 10,000 findings of a file, and says so.
  r = run_limited({"check", "--format", "html", "letter.txt", "-o", "report.html"}, dir.path(), 60, 100);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  report = read_bytes(dir / "report.html");
  CHECK(report.ends_with("</body>\n</html>\n"));
  CHECK(report.find("This page shows the first 10000 of them.") != std::string::npos);
  std::size_t boxes = 0;
  for (std::size_t at = report.find("class=\"note-box "); at != std::string::npos;
       at = report.find("class=\"note-box ", at + 1))
    ++boxes;
  CHECK(boxes == 10000);
}
