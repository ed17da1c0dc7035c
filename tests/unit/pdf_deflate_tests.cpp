// The PDF writer compresses streams itself (zlib level and PNG row
// prediction of its own choosing): what it writes must read back exactly.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "pdf/deflate.hpp"
#include "pdf/pdf.hpp"
#include "pdf_support.hpp"

using namespace easyread;
using pdftest::quoted;
using pdftest::run;

namespace {

std::string inflate_all(const std::string& deflated, std::size_t size) {
  std::string out(size, '\0');
  uLongf length = static_cast<uLongf>(out.size());
  const int status = uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                                reinterpret_cast<const Bytef*>(deflated.data()),
                                static_cast<uLong>(deflated.size()));
  REQUIRE(status == Z_OK);
  out.resize(length);
  return out;
}

// Page operators much like the writer's own, repeated as pages repeat.
std::string sample_operators() {
  std::string text;
  for (int i = 0; i < 400; ++i)
    text += "q\n1 0 0 1 " + std::to_string(i % 97) + " " + std::to_string(800 - i) +
            " cm\n0.2 0.4 0.6 rg\n/F1 16 Tf (Line " + std::to_string(i) + ") Tj\nQ\n";
  return text;
}

// A 37 x 23 bitmap whose every row differs from the one above, with
// see-through parts, so predicted rows and the mask both matter.
RasterImage gradient_bitmap() {
  RasterImage image;
  image.width = 37;
  image.height = 23;
  image.components = 3;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      image.data.push_back(static_cast<std::uint8_t>(x * 7));
      image.data.push_back(static_cast<std::uint8_t>(y * 11));
      image.data.push_back(static_cast<std::uint8_t>((x * y) % 251));
      image.alpha.push_back(static_cast<std::uint8_t>((x + y) % 3 == 0 ? 0 : 40 * (x % 6)));
    }
  return image;
}

// The samples of a binary PPM file (P6) as pdfimages writes them.
std::vector<std::uint8_t> ppm_samples(const std::string& path, int& width, int& height) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int maxval = 0;
  in >> magic >> width >> height >> maxval;
  in.get();
  REQUIRE(magic == "P6");
  return {std::istreambuf_iterator<char>(in), {}};
}

// pdfimages writes a soft mask as grey RGB: one sample of each three.
std::vector<std::uint8_t> first_of_three(const std::vector<std::uint8_t>& rgb) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i < rgb.size(); i += 3) out.push_back(rgb[i]);
  return out;
}

}  // namespace

TEST_CASE("pdf stream compression reads back exactly, the same each time", "[pdf]") {
  const std::string text = sample_operators();
  for (const bool runs_only : {false, true}) {
    INFO("runs only: " << runs_only);
    const std::string deflated = pdf::deflate_bytes(text, pdf::stream_level, runs_only);
    REQUIRE_FALSE(deflated.empty());
    if (!runs_only) CHECK(deflated.size() < text.size() / 4);
    CHECK(inflate_all(deflated, text.size()) == text);
    CHECK(pdf::deflate_bytes(text, pdf::stream_level, runs_only) == deflated);
  }
  CHECK(inflate_all(pdf::deflate_bytes("", pdf::stream_level), 1).empty());
}

TEST_CASE("pdf pixel rows predicted with PNG's Up filter undo to the pixels", "[pdf]") {
  const RasterImage image = gradient_bitmap();
  const std::size_t row = static_cast<std::size_t>(image.width) * 3;
  const std::string rows = pdf::png_up_rows(image.data.data(), row, image.height);
  REQUIRE(rows.size() == (row + 1) * image.height);
  std::vector<std::uint8_t> undone;
  for (int y = 0; y < image.height; ++y) {
    CHECK(rows[y * (row + 1)] == 2);  // the filter byte of each row says "Up"
    for (std::size_t i = 0; i < row; ++i) {
      const auto delta = static_cast<std::uint8_t>(rows[y * (row + 1) + 1 + i]);
      const std::uint8_t above = y > 0 ? undone[(y - 1) * row + i] : 0;
      undone.push_back(static_cast<std::uint8_t>(above + delta));
    }
  }
  CHECK(undone == image.data);
}

TEST_CASE("pdf bitmap and its transparency keep every pixel", "[pdf]") {
  layout::Document doc = pdftest::text_document();
  const RasterImage image = gradient_bitmap();
  Picture picture;
  picture.key = picture.name = picture.source = "gradient.png";
  picture.content = image;
  doc.pictures.push_back(picture);
  doc.pages[0].items.push_back(layout::PictureItem{0, 100, 300, 74, 46, -1});
  pdftest::TempDir dir;
  const std::string file = dir.write("bitmap.pdf", pdftest::render_ok(doc));
  const auto check = run("qpdf --check " + quoted(file));
  CHECK(check.status == 0);
  CHECK(check.err.empty());
  REQUIRE(run("pdfimages " + quoted(file) + " " + quoted(dir.path() + "/out")).status == 0);
  int width = 0, height = 0;
  CHECK(ppm_samples(dir.path() + "/out-000.ppm", width, height) == image.data);
  CHECK(width == image.width);
  CHECK(height == image.height);
  CHECK(first_of_three(ppm_samples(dir.path() + "/out-001.ppm", width, height)) == image.alpha);
}
