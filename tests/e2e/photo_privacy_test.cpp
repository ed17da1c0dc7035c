// A photo from a phone says where it was taken (EXIF GPS), with which camera
// and when. None of that may reach a web page, a Word file or a PDF: only
// the picture itself goes in.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

#include "hostile_files.hpp"
#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

std::string segment(unsigned char marker, const std::string& body) {
  const std::size_t length = body.size() + 2;
  return std::string{'\xFF', char(marker), char(length >> 8), char(length & 0xFF)} + body;
}

const std::string kWhere = "GPS 51.5007 N 0.1246 W, Sam's phone";

// tests/data/photos/orientation-6.jpg made upright (EXIF orientation 1), with
// the place and the camera in EXIF, in XMP and in a comment.
std::string photo_with_gps() {
  const std::string original = read_bytes(source_dir() / "tests" / "data" / "photos" / "orientation-6.jpg");
  // Its segments: SOI, APP0 (16 bytes), APP1 (EXIF, 98 bytes), then the picture.
  REQUIRE(original.substr(20, 2) == "\xFF\xE1");
  const std::string picture = original.substr(22 + 98);
  // EXIF: one IFD entry, orientation (0x0112) = 1, then the text of the place.
  const std::string exif = std::string("Exif\0\0MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x01\0\0\0\0\0\0", 32) + kWhere;
  const std::string xmp = "http://ns.adobe.com/xap/1.0/" + std::string(1, '\0') + "<x:xmpmeta>" + kWhere + "</x:xmpmeta>";
  return original.substr(0, 20) + segment(0xE1, exif) + segment(0xE1, xmp) + segment(0xFE, kWhere) + picture;
}

std::string base64_decoded(const std::string& text) {
  static const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (char c : text) {
    const std::size_t at = letters.find(c);
    if (at == std::string::npos) break;
    value = (value << 6) | unsigned(at);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += char((value >> bits) & 0xFF);
    }
  }
  return out;
}

// What must stay: the picture's own bytes, from its first table on.
void check_clean(const std::string& jpeg, const std::string& picture_part) {
  CHECK(jpeg.substr(0, 2) == "\xFF\xD8");
  CHECK(jpeg.find("Exif") == std::string::npos);
  CHECK(jpeg.find("GPS") == std::string::npos);
  CHECK(jpeg.find("xmpmeta") == std::string::npos);
  CHECK(jpeg.find("\xFF\xE1") == std::string::npos);
  CHECK(jpeg.find(picture_part) != std::string::npos);
}

}  // namespace

TEST_CASE("A photo's EXIF and GPS position never reach the web page, the Word file or the PDF", "[pictures]") {
  TempDir dir;
  const std::string photo = photo_with_gps();
  const std::string picture_part = photo.substr(photo.find("\xFF\xDB"));
  write_file(dir / "photo.jpg", photo);
  write_file(dir / "notes.xml",
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<easyread title=\"Our photos\" lang=\"en-GB\">\n"
             "<section title=\"Pictures\">\n<point picture=\"photo.jpg\" alt=\"Red and blue\">We took a photo.</point>\n"
             "</section>\n</easyread>\n");
  const auto r = run_limited({"build", "--no-check", "--format", "pdf,html,docx", "notes.xml"}, dir.path(), 30, 1000);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);

  // The web page: the photo is a data: address.
  const std::string page = read_bytes(dir / "notes.html");
  std::smatch found;
  REQUIRE(std::regex_search(page, found, std::regex("data:image/jpeg;base64,([A-Za-z0-9+/=]+)")));
  check_clean(base64_decoded(found[1].str()), picture_part);
  CHECK(page.find(kWhere) == std::string::npos);

  // The Word file: every file in word/media.
  const auto listing = run_command({"unzip", "-Z1", (dir / "notes.docx").string()});
  int photos = 0;
  std::istringstream names(listing.out);
  for (std::string name; std::getline(names, name);) {
    if (!name.starts_with("word/media/") || !name.ends_with(".jpeg")) continue;
    ++photos;
    check_clean(run_command({"unzip", "-p", (dir / "notes.docx").string(), name}).out, picture_part);
  }
  CHECK(photos == 1);

  // The PDF holds the JPEG as it is stored, without compression on top.
  const std::string pdf = read_bytes(dir / "notes.pdf");
  CHECK(pdf.find(picture_part) != std::string::npos);
  CHECK(pdf.find("Exif") == std::string::npos);
  CHECK(pdf.find("GPS 51.5007") == std::string::npos);
}
