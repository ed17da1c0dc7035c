// Pictures by file, by OpenMoji code and by name; suggestions and search.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "symbols/names.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;
namespace fs = std::filesystem;

namespace {

const std::string kHome = EASYREAD_SOURCE_DIR;
const std::string kData = kHome + "/tests/data";

std::optional<Picture> resolve(symbols::Library& lib, const std::string& value, Diagnostics& diags) {
  return lib.resolve(value, kData, "doc.xml", Span{4, 12, 4, 30}, diags);
}

}  // namespace

TEST_CASE("PNG: 8-bit and 16-bit with alpha come out as 8-bit colour plus a separate alpha", "[symbols][raster]") {
  Diagnostics diags;
  auto green = symbols::read_png(kData + "/photos/alpha.png", diags);
  auto orange = symbols::read_png(kData + "/photos/alpha-16bit.png", diags);
  REQUIRE(green);
  REQUIRE(orange);
  for (const RasterImage* img : {&*green, &*orange}) {
    CHECK(img->width == 24);
    CHECK(img->height == 24);
    CHECK(img->components == 3);
    CHECK(img->data.size() == 24u * 24u * 3u);
    REQUIRE(img->alpha.size() == 24u * 24u);
    CHECK(img->alpha[0] == 0);            // clear corner
    CHECK(img->alpha[12 * 24 + 12] == 255);  // solid centre
  }
  const std::size_t centre = (12 * 24 + 12) * 3;
  // The colours ImageMagick drew: #2e8b57 and #e07020 (16-bit sRGB, not linear light).
  CHECK(int(green->data[centre]) == 0x2e);
  CHECK(int(green->data[centre + 1]) == 0x8b);
  CHECK(int(green->data[centre + 2]) == 0x57);
  CHECK(int(orange->data[centre]) == 0xe0);
  CHECK(int(orange->data[centre + 1]) == 0x70);
  CHECK(int(orange->data[centre + 2]) == 0x20);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("JPEG: size, components and EXIF orientation, bytes unchanged but for the metadata", "[symbols][raster]") {
  Diagnostics diags;
  const std::string path = kData + "/photos/orientation-6.jpg";
  auto img = symbols::read_jpeg(path, diags);
  REQUIRE(img);
  CHECK(img->encoding == RasterImage::Encoding::jpeg);
  CHECK(img->width == 30);
  CHECK(img->height == 60);
  CHECK(img->components == 3);
  CHECK(img->orientation == 6);
  CHECK(img->shown_width() == 60);  // upright it is wider than tall
  CHECK(img->shown_height() == 30);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  // The file less its EXIF segment (bytes 20 to 119), which is left out of every output.
  const std::string file = bytes.str();
  REQUIRE(file.substr(20, 2) == "\xFF\xE1");
  CHECK(std::string(img->data.begin(), img->data.end()) == file.substr(0, 20) + file.substr(20 + 2 + 98));
}

TEST_CASE("a file that is not a picture is an error that names it", "[symbols][raster]") {
  symbols::Library lib(kHome);
  Diagnostics diags;
  CHECK_FALSE(resolve(lib, "photos/not-a-picture.png", diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].file == "doc.xml");
  CHECK(diags.items()[0].span.line == 4);
  CHECK(diags.items()[0].span.column == 12);
  CHECK_THAT(diags.items()[0].message, Catch::Contains("photos/not-a-picture.png"));
  Diagnostics missing;
  CHECK_FALSE(resolve(lib, "photos/nothere.jpg", missing));
  REQUIRE(missing.items().size() == 1);
  CHECK_THAT(missing.items()[0].message, Catch::Contains("photos/nothere.jpg") && Catch::Contains("not there"));
}

TEST_CASE("CSV fields may be quoted, with commas, quotes and line ends inside", "[symbols][names]") {
  const auto rows = symbols::detail::parse_csv("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1] == std::vector<std::string>{"1", "x, y", "say \"hi\""});
  CHECK(rows[2] == std::vector<std::string>{"2", "two\nlines", ""});
}

TEST_CASE("name forms fold case and plurals", "[symbols][names]") {
  using symbols::detail::name_forms;
  CHECK(name_forms("Doctors")[0] == "doctors");
  const auto forms = name_forms("Bus  Stops");
  CHECK(std::find(forms.begin(), forms.end(), "bus stop") != forms.end());
  const auto berries = name_forms("strawberries");
  CHECK(std::find(berries.begin(), berries.end(), "strawberry") != berries.end());
  CHECK(name_forms("bus").size() == 1);  // short words stay as they are
  CHECK(name_forms("glass").size() == 1);
}

TEST_CASE("OpenMoji codes give vector pictures with OpenMoji's name, parsed once", "[symbols][library]") {
  symbols::Library lib(kHome);
  Diagnostics diags;
  auto a = resolve(lib, "1F91D", diags);
  auto b = resolve(lib, "1f91d", diags);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->key == "openmoji:1F91D");
  CHECK(b->key == a->key);
  CHECK(a->name == "handshake");
  CHECK(a->is_openmoji);
  REQUIRE(std::holds_alternative<Drawing>(a->content));
  CHECK_FALSE(std::get<Drawing>(a->content).shapes.empty());
  CHECK(a->aspect() == 1);
  CHECK_FALSE(diags.has_errors());
  // OpenMoji's list has a space after this name; the alternative text has none.
  auto hexagon = resolve(lib, "2B23", diags);
  REQUIRE(hexagon);
  CHECK(hexagon->name == "horizontal black hexagon");
}

TEST_CASE("file paths are relative to the document's folder and keep a stable key", "[symbols][library]") {
  symbols::Library lib(kHome);
  Diagnostics diags;
  auto png = resolve(lib, "photos/alpha.png", diags);
  auto again = lib.resolve("alpha.png", kData + "/photos", "other.xml", {}, diags);
  REQUIRE(png);
  REQUIRE(again);
  CHECK(png->key == again->key);
  CHECK_FALSE(png->is_openmoji);
  auto jpeg = resolve(lib, "photos/orientation-6.jpg", diags);
  REQUIRE(jpeg);
  CHECK(jpeg->aspect() == 2);  // 60 by 30 once turned upright
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("two threads that resolve the same pictures at once get the same pictures", "[symbols][library]") {
  // A server shares one Library between requests: the pictures are read
  // and parsed without its lock, and the first one kept is the one both get.
  symbols::Library lib(kHome);
  const std::vector<std::string> values = {"1F91D", "photos/alpha.png", "handshake", "1F4DD", "photos/alpha.png"};
  std::vector<std::optional<Picture>> first(values.size()), second(values.size());
  Diagnostics first_diags, second_diags;
  {
    std::jthread other([&] {
      for (std::size_t i = 0; i < values.size(); ++i) second[i] = resolve(lib, values[i], second_diags);
    });
    for (std::size_t i = 0; i < values.size(); ++i) first[i] = resolve(lib, values[i], first_diags);
  }
  CHECK_FALSE(first_diags.has_errors());
  CHECK_FALSE(second_diags.has_errors());
  for (std::size_t i = 0; i < values.size(); ++i) {
    REQUIRE(first[i]);
    REQUIRE(second[i]);
    CHECK(first[i]->key == second[i]->key);
    CHECK(first[i]->name == second[i]->name);
    CHECK(first[i]->content.index() == second[i]->content.index());
    if (const auto* drawing = std::get_if<Drawing>(&first[i]->content))
      CHECK(drawing->shapes.size() == std::get<Drawing>(second[i]->content).shapes.size());
    else
      CHECK(std::get<RasterImage>(first[i]->content).data == std::get<RasterImage>(second[i]->content).data);
  }
}

TEST_CASE("a picture file read ahead is what resolve gives, its problems told by resolve", "[symbols][library]") {
  symbols::Library lib(kHome);
  CHECK(symbols::Library::names_file(" photos/alpha.png "));
  CHECK_FALSE(symbols::Library::names_file("1F91D"));
  CHECK_FALSE(symbols::Library::names_file("handshake"));
  auto ahead = lib.read_ahead("photos/alpha.png", kData, "doc.xml", Span{4, 12, 4, 30});
  REQUIRE(ahead.picture);
  Diagnostics diags;
  auto picture = lib.resolve("photos/alpha.png", kData, "doc.xml", Span{4, 12, 4, 30}, diags, {}, &ahead);
  REQUIRE(picture);
  CHECK(picture->key == resolve(lib, "photos/alpha.png", diags)->key);
  CHECK_FALSE(diags.has_errors());

  auto missing = lib.read_ahead("photos/not-there.png", kData, "doc.xml", Span{7, 3, 7, 20});
  CHECK_FALSE(missing.picture);
  Diagnostics told;
  CHECK_FALSE(lib.resolve("photos/not-there.png", kData, "doc.xml", Span{7, 3, 7, 20}, told, {}, &missing));
  REQUIRE(told.items().size() == 1);
  CHECK(told.items()[0].rule == "missing-picture");
  CHECK(told.items()[0].span.line == 7);
  CHECK(lib.read_ahead("1F91D", kData, "doc.xml", {}).diags.items().empty());  // not a file: nothing read
}

TEST_CASE("names: catalogue, then OpenMoji names and tags, case and plural folded", "[symbols][library]") {
  symbols::Library lib(kHome);
  Diagnostics diags;
  auto doctor = resolve(lib, "doctor", diags);
  auto doctors = resolve(lib, "Doctors", diags);
  auto handshake = resolve(lib, "Handshake", diags);
  REQUIRE(doctor);
  REQUIRE(doctors);
  REQUIRE(handshake);
  CHECK(doctor->key == doctors->key);
  CHECK(doctor->name == "doctor");        // the catalogue's plain name, for alternative text
  CHECK(handshake->name == "handshake");  // OpenMoji's own name
  CHECK(handshake->key == "openmoji:1F91D");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("an unknown name is an error offering the 3 closest names", "[symbols][library]") {
  symbols::Library lib(kHome);
  Diagnostics diags;
  CHECK_FALSE(resolve(lib, "doctr", diags));
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.file == "doc.xml");
  CHECK(d.span.line == 4);
  CHECK_THAT(d.message, Catch::Contains("doctr"));
  CHECK_THAT(d.suggestion, Catch::Contains("\"doctor\""));
  // Exactly 3 names are offered.
  CHECK(std::count(d.suggestion.begin(), d.suggestion.end(), '"') == 6);
}

TEST_CASE("a folder of the group's own pictures, with a catalogue", "[symbols][library]") {
  const fs::path dir = fs::temp_directory_path() / "easyread-symbols-folder-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(kData + "/photos/alpha.png", dir / "sam.png");
  std::ofstream(dir / "catalogue.tsv") << "# our photos\nSam\tsam.png\tour chair\nhello\t1F44B\n"
                                       << "Jo\tjo.png\n";
  symbols::Library lib(kHome);
  Diagnostics diags;
  // Given relative to where the program runs, as people type it.
  CHECK_FALSE(lib.add_folder(fs::relative(dir).string(), diags));  // jo.png is missing
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].span.line == 4);
  CHECK_THAT(diags.items()[0].message, Catch::Contains("jo.png"));
  Diagnostics more;
  auto sam = resolve(lib, "sam", more);
  REQUIRE(sam);
  CHECK(sam->name == "Sam");
  CHECK_FALSE(sam->is_openmoji);
  auto hello = resolve(lib, "hello", more);
  REQUIRE(hello);
  CHECK(hello->key == "openmoji:1F44B");
  // A suggestion from the folder resolves from any document's folder.
  const auto suggested = lib.suggest("Sam is here.");
  REQUIRE(suggested);
  CHECK(suggested->origin == "own pictures");
  auto again = lib.resolve(suggested->code, kData, "doc.xml", {}, more);
  REQUIRE(again);
  CHECK(again->key == sam->key);
  CHECK_FALSE(more.has_errors());
  fs::remove_all(dir);
}

TEST_CASE("suggestions prefer the most specific match and are the same every time", "[symbols][library]") {
  symbols::Library lib(kHome);
  auto doctor = lib.suggest("We will go to see the doctor on Monday.");
  REQUIRE(doctor);
  CHECK(doctor->origin == "catalogue");
  Diagnostics diags;
  CHECK(resolve(lib, "doctor", diags)->source == "openmoji:" + doctor->code);
  // The same text always gives the same picture.
  CHECK(lib.suggest("We will go to see the doctor on Monday.")->code == doctor->code);
  CHECK_FALSE(lib.suggest("It is of the and to."));
}

TEST_CASE("a two-word catalogue name beats single words; a repeated idea beats a passing one", "[symbols][library]") {
  symbols::Library lib(kHome);
  Diagnostics diags;
  auto code_of = [&](const std::string& name) { return resolve(lib, name, diags)->source.substr(9); };
  const auto health_check = lib.suggest("Your doctor can do a free health check.");
  REQUIRE(health_check);
  CHECK(health_check->code == code_of("health check"));
  const auto survey = lib.suggest("The survey is short. You can fill in the survey on your phone.");
  REQUIRE(survey);
  CHECK(survey->code == code_of("survey"));
  // With nothing repeated, the first idea in the text wins.
  const auto bus = lib.suggest("Take the bus to the hospital.");
  REQUIRE(bus);
  CHECK(bus->code == code_of("bus"));
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("search lists the best matches with where they came from", "[symbols][library]") {
  symbols::Library lib(kHome);
  const auto found = lib.search({"doctor"}, 5);
  REQUIRE_FALSE(found.empty());
  CHECK(found.size() <= 5);
  CHECK(found[0].name == "doctor");
  CHECK(found[0].origin == "catalogue");
  // Whole words only: "tea" is not the start of "teacher".
  for (const auto& m : lib.search({"tea"}, 20)) {
    INFO(m.name);
    CHECK(m.name.find("teacher") == std::string::npos);
  }
  // No picture twice.
  for (std::size_t i = 0; i < found.size(); ++i)
    for (std::size_t j = i + 1; j < found.size(); ++j) CHECK(found[i].code != found[j].code);
}

TEST_CASE("a catalogue code OpenMoji does not have is an error that says to check the code", "[symbols][library]") {
  const fs::path home = fs::temp_directory_path() / "easyread-symbols-home-test";
  fs::remove_all(home);
  fs::create_directories(home / "symbols");
  fs::create_directories(home / "third_party");
  fs::create_directory_symlink(fs::path(kHome) / "third_party" / "openmoji", home / "third_party" / "openmoji");
  std::ofstream(home / "symbols" / "catalogue.tsv") << "doctor\t1F9D1-200D-2695-FE0F\nbroken\tFFFF0\n";
  symbols::Library lib(home.string());
  Diagnostics diags;
  CHECK(resolve(lib, "doctor", diags));
  CHECK_FALSE(resolve(lib, "broken", diags));
  REQUIRE(diags.items().size() == 1);
  CHECK_THAT(diags.items()[0].message, Catch::Contains("FFFF0"));
  CHECK_THAT(diags.items()[0].suggestion, Catch::Contains("catalogue.tsv"));
  fs::remove_all(home);
}
