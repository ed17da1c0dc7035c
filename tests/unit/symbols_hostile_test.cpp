// Broken or unusual pictures are clear errors, never broken pictures in a PDF.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "symbols/symbols.hpp"

using namespace easyread;

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The error read_jpeg gives for these bytes, or "" if it takes them.
std::string jpeg_error(const std::string& bytes) {
  const auto path = (std::filesystem::temp_directory_path() / "easyread-unit-hostile.jpg").string();
  std::ofstream(path, std::ios::binary) << bytes;
  Diagnostics diags;
  const auto image = symbols::read_jpeg(path, diags);
  std::remove(path.c_str());
  if (image) return "";
  return diags.items().empty() ? "no message" : diags.items().front().message;
}

}  // namespace

TEST_CASE("JPEG pictures that a PDF cannot show are named for what they are", "[symbols][raster]") {
  const std::string good = read_all(std::string(EASYREAD_SOURCE_DIR) + "/tests/data/photos/orientation-6.jpg");
  REQUIRE(jpeg_error(good).empty());
  const std::size_t frame = good.find("\xFF\xC0");
  REQUIRE(frame != std::string::npos);

  CHECK(jpeg_error(good.substr(0, good.size() / 2)).find("cut short") != std::string::npos);
  std::string lossless = good;
  lossless[frame + 1] = '\xC3';
  CHECK(jpeg_error(lossless).find("lossless") != std::string::npos);
  std::string twelve_bit = good;
  twelve_bit[frame + 4] = 12;
  CHECK(jpeg_error(twelve_bit).find("12-bit") != std::string::npos);
}

TEST_CASE("An SVG viewBox of 1e308 is an error, not an overflow", "[symbols][svg]") {
  Diagnostics diags;
  const auto drawing = symbols::read_svg(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e308 1e308"><rect width="5" height="5"/></svg>)",
      "big.svg", diags);
  CHECK_FALSE(drawing);
  REQUIRE(diags.has_errors());
  CHECK(diags.items().front().message.find("viewBox") != std::string::npos);
}

TEST_CASE("A JPEG with a wrong number of colour channels is an error, not a broken picture", "[symbols][raster]") {
  const std::string good = read_all(std::string(EASYREAD_SOURCE_DIR) + "/tests/data/photos/orientation-6.jpg");
  const std::size_t frame = good.find("\xFF\xC0");
  REQUIRE(frame != std::string::npos);
  REQUIRE(good[frame + 9] == 3);  // 3 channels: red, green and blue
  for (char channels : {'\0', '\2', '\5'}) {
    std::string wrong = good;
    wrong[frame + 9] = channels;
    INFO(int(channels) << " channels");
    CHECK(jpeg_error(wrong).find("colour channels") != std::string::npos);
  }
}
