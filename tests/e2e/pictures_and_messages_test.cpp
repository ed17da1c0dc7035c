// Pictures the build chooses, read back from the PDF's figures, and the
// messages a person who does not use computers much reads when building.
#include <catch2/catch.hpp>

#include <ctime>
#include <fstream>
#include <sstream>

#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

fs::path write_notes(const TempDir& dir, const std::string& name, const std::string& body,
                     const std::string& root_attributes = "") {
  const fs::path xml = dir / name;
  std::ofstream(xml) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<easyread title=\"Our notes\" "
                     << root_attributes << ">\n" << body << "\n</easyread>\n";
  return xml;
}

std::size_t count_lines(const std::string& s) { return std::size_t(std::count(s.begin(), s.end(), '\n')); }

bool printable(const std::string& s) {
  return std::none_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 && c != '\n' && c != '\t';
  });
}

}  // namespace

TEST_CASE("Chosen pictures mean what the point means, and one idea keeps one picture", "[pictures]") {
  TempDir dir;
  const fs::path xml = write_notes(dir, "pictures.xml",
                                   "<section title=\"Plans\">\n"
                                   "<point>Book a room for the next meeting.</point>\n"
                                   "<point>You can see your doctor on Monday.</point>\n"
                                   "<point>The hospital will write to your doctor.</point>\n"
                                   "<point>Zorblax quenched the wibble.</point>\n"
                                   "</section>");
  auto run = run_easyread({"build", xml.string(), "--no-check"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto alts = read_figure_alts(dir / "pictures.pdf");
  REQUIRE(alts.size() == 3);  // the last point matches nothing well: no picture
  CHECK(alts[0] != "book");
  CHECK(alts[0].find("book") == std::string::npos);
  CHECK(alts[1].find("health") != std::string::npos);  // OpenMoji's "health worker", the catalogue's doctor
  CHECK(alts[2] == alts[1]);  // not the hospital: the doctor had a picture already
  CHECK(run.err.find("pictures.xml:7:") != std::string::npos);
  CHECK(run.err.find("[no-picture-found]") != std::string::npos);
}

TEST_CASE("A one-page letter's build says at most one line a point", "[cli][pictures]") {
  TempDir dir;
  std::string body = "<section title=\"Your visit\">\n";
  const char* points[] = {"Your appointment is at the hospital.", "Bring your bus pass.",
                          "You can park near the front door.", "Tell the nurse if you have an allergy.",
                          "Take your medicine with you.", "You can have a cup of tea.",
                          "Call us if you need help.", "The doctor will see you.",
                          "Your blood test is on Tuesday.", "Zorblax quenched the wibble."};
  for (const char* p : points) body += std::string("<point>") + p + "</point>\n";
  body += "</section>";
  const fs::path xml = write_notes(dir, "letter.xml", body, "date=\"2027-03-10\"");
  auto run = run_easyread({"build", xml.string(), "-t", "leaflet"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("I chose 9 pictures for you. To see them, build again with --pictures-chosen.") !=
        std::string::npos);
  CHECK(run.err.find("[picture-chosen]") == std::string::npos);
  CHECK(run.err.find("[no-picture]") == std::string::npos);
  // The point without a picture is named once, on one line.
  const std::size_t first = run.err.find("[no-picture-found]");
  REQUIRE(first != std::string::npos);
  CHECK(run.err.find("[no-picture-found]", first + 1) == std::string::npos);
  CHECK(count_lines(run.err) <= std::size(points));

  auto chosen = run_easyread({"build", xml.string(), "-t", "leaflet", "--pictures-chosen", "-o",
                              (dir / "again.pdf").string()});
  REQUIRE(chosen.exit_code == 0);
  std::size_t told = 0;
  for (std::size_t at = chosen.err.find("[picture-chosen]"); at != std::string::npos;
       at = chosen.err.find("[picture-chosen]", at + 1))
    ++told;
  CHECK(told == 9);
}

TEST_CASE("Building a Word file or a UTF-16 file says what the file is, with no binary bytes", "[cli]") {
  TempDir dir;
  auto zip = run_command({"python3", "-c",
                          "import zipfile,sys\n"
                          "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
                          "  z.writestr('[Content_Types].xml', '<Types/>')\n"
                          "  z.writestr('word/document.xml', '<w:document/>')\n",
                          (dir / "letter.docx").string()});
  REQUIRE(zip.exit_code == 0);
  auto word = run_easyread({"build", (dir / "letter.docx").string()});
  CHECK(word.exit_code == 1);
  CHECK(word.err.find("letter.docx is a Word file") != std::string::npos);
  CHECK(word.err.find("easyread check letter.docx") != std::string::npos);
  CHECK(word.err.find("easyread new --from letter.docx") != std::string::npos);
  CHECK(printable(word.err));

  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<easyread title=\"T\">\n<point>Hi.</point>\n</easyread>\n")) utf16 += {c, '\0'};
  std::ofstream(dir / "wide.xml", std::ios::binary) << utf16;
  auto wide = run_easyread({"build", (dir / "wide.xml").string()});
  CHECK(wide.exit_code == 1);
  CHECK(wide.err.find("UTF-16") != std::string::npos);
  CHECK(wide.err.find("UTF-8") != std::string::npos);
  CHECK(wide.err.find('\0') == std::string::npos);
  CHECK(printable(wide.err));
}

TEST_CASE("A missing picture names the folder and hints at \\ and at other capital letters", "[cli][pictures]") {
  TempDir dir;
  fs::create_directories(dir / "photos");
  fs::copy_file(source_dir() / "tests" / "data" / "photos" / "alpha.png", dir / "photos" / "Sam.PNG");
  const fs::path capitals = write_notes(dir, "capitals.xml",
                                        "<point picture=\"photos/sam.png\" alt=\"Sam\">Sam is here.</point>");
  auto run = run_easyread({"build", capitals.string(), "--no-check"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("I looked in the folder \"" + (dir / "photos").string() + "\"") != std::string::npos);
  CHECK(run.err.find("There is a file called \"Sam.PNG\"") != std::string::npos);

  const fs::path backslash = write_notes(dir, "backslash.xml",
                                         "<point picture=\"photos\\Sam.PNG\" alt=\"Sam\">Sam is here.</point>");
  run = run_easyread({"build", backslash.string(), "--no-check"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("Write / between folder names") != std::string::npos);
  CHECK(run.err.find("picture=\"photos/Sam.PNG\"") != std::string::npos);
}

TEST_CASE("easyread new dates the notes today, and its starter words are warnings", "[cli]") {
  TempDir dir;
  auto made = run_easyread({"new", "minutes", (dir / "meeting.xml").string()});
  REQUIRE(made.exit_code == 0);
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char today[16];
  std::strftime(today, sizeof today, "%Y-%m-%d", &local);
  const std::string notes = read_bytes(dir / "meeting.xml");
  CHECK(notes.find(std::string("date=\"") + today + "\"") != std::string::npos);
  auto built = run_easyread({"build", (dir / "meeting.xml").string(), "--no-check"});
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  CHECK(built.err.find("[starter-words]") != std::string::npos);
  // The action and the next meeting still come after the meeting.
  CHECK(built.err.find("[date-order]") == std::string::npos);
}

TEST_CASE("A weekday that does not match its date and dates out of order are warnings", "[cli]") {
  TempDir dir;
  const fs::path xml =
      write_notes(dir, "dates.xml",
                  "<point picture=\"none\">We meet again on Monday 3 March 2027.</point>\n"
                  "<action who=\"Sam\" by=\"2027-03-01\" picture=\"none\">Write to the council.</action>\n"
                  "<meeting date=\"2027-02-10\" picture=\"none\">Come to our next meeting.</meeting>",
                  "date=\"2027-03-10\"");
  auto run = run_easyread({"build", xml.string(), "--no-check"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.find("dates.xml:3:") != std::string::npos);
  CHECK(run.err.find("3 March 2027 is a Wednesday.") != std::string::npos);
  CHECK(run.err.find("[wrong-weekday]") != std::string::npos);
  std::size_t order = 0;
  for (std::size_t at = run.err.find("[date-order]"); at != std::string::npos; at = run.err.find("[date-order]", at + 1))
    ++order;
  CHECK(order == 2);
}

TEST_CASE("A tag with two letters the wrong way round says \"Did you mean\"", "[cli]") {
  TempDir dir;
  const fs::path xml = write_notes(dir, "slip.xml", "<section title=\"S\"><piont>Hi.</piont></section>");
  auto run = run_easyread({"build", xml.string()});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("Did you mean <point>?") != std::string::npos);
  CHECK(run.err.find("Take it out") == std::string::npos);
}
