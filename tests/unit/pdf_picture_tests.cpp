// Pictures in the PDF: vector drawings, bitmaps with transparency and
// JPEG photos turned upright, each stored once.
#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
// jpeglib.h needs size_t and FILE declared first.
#include <jpeglib.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <regex>
#include <sstream>

#include "pdf/pdf.hpp"
#include "pdf_support.hpp"

using namespace easyread;
using pdftest::quoted;
using pdftest::run;

namespace {

Path rectangle_path(double x0, double y0, double x1, double y1) {
  Path p;
  p.commands.push_back({PathCommand::Op::move, {x0, y0}});
  p.commands.push_back({PathCommand::Op::line, {x1, y0}});
  p.commands.push_back({PathCommand::Op::line, {x1, y1}});
  p.commands.push_back({PathCommand::Op::line, {x0, y1}});
  p.commands.push_back({PathCommand::Op::close, {}});
  return p;
}

// A 72 x 72 drawing: a red square with a thick blue border in the top
// half, and a green square clipped to its left half in the bottom half.
Drawing test_drawing() {
  Drawing d;
  Shape square;
  square.path = rectangle_path(12, 4, 60, 32);
  square.fill = Fill{{1, 0, 0}};
  Stroke border;
  border.color = {0, 0, 1};
  border.width = 4;
  square.stroke = border;
  d.shapes.push_back(square);
  Clip clip;
  clip.paths.push_back(rectangle_path(0, 0, 18, 36));
  clip.matrices.push_back(Matrix{1, 0, 0, 1, 0, 36});  // moved into the bottom half
  d.clips.push_back(clip);
  Shape green;
  green.path = rectangle_path(0, 0, 48, 24);
  green.matrix = Matrix{1, 0, 0, 1, 12, 42};
  Fill half_green;
  half_green.color = {0, 0.6, 0};
  half_green.opacity = 0.5;
  green.fill = half_green;
  green.clip = 0;
  d.shapes.push_back(green);
  return d;
}

// A 4 x 2 RGBA bitmap: red on the left, fully transparent on the right.
RasterImage test_bitmap() {
  RasterImage r;
  r.width = 4;
  r.height = 2;
  r.components = 3;
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 4; ++x) {
      r.data.insert(r.data.end(), {255, 0, 0});
      r.alpha.push_back(x < 2 ? 255 : 0);
    }
  return r;
}

// A JPEG stored 40 wide and 20 high in four colours: red top left,
// green top right, blue bottom left, black bottom right.
std::vector<std::uint8_t> test_jpeg() {
  jpeg_compress_struct info{};
  jpeg_error_mgr errors{};
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = 40;
  info.image_height = 20;
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 95, TRUE);
  jpeg_start_compress(&info, TRUE);
  std::vector<unsigned char> row(40 * 3);
  while (info.next_scanline < info.image_height) {
    const bool top = info.next_scanline < 10;
    for (int x = 0; x < 40; ++x) {
      const bool left = x < 20;
      const std::array<unsigned char, 3> c = top ? (left ? std::array<unsigned char, 3>{255, 0, 0}
                                                         : std::array<unsigned char, 3>{0, 255, 0})
                                                 : (left ? std::array<unsigned char, 3>{0, 0, 255}
                                                         : std::array<unsigned char, 3>{0, 0, 0});
      std::copy(c.begin(), c.end(), row.begin() + x * 3);
    }
    JSAMPROW rows[] = {row.data()};
    jpeg_write_scanlines(&info, rows, 1);
  }
  jpeg_finish_compress(&info);
  std::vector<std::uint8_t> bytes(buffer, buffer + size);
  jpeg_destroy_compress(&info);
  std::free(buffer);
  return bytes;
}

Picture picture(std::string key, std::variant<Drawing, RasterImage> content) {
  Picture p;
  p.key = p.name = p.source = std::move(key);
  p.content = std::move(content);
  return p;
}

// One page: the drawing twice (and once more under a second index with
// the same key), the bitmap twice, and the photo with orientation 6.
layout::Document picture_document(int orientation) {
  layout::Document doc = pdftest::text_document();
  RasterImage photo;
  photo.encoding = RasterImage::Encoding::jpeg;
  photo.width = 40;
  photo.height = 20;
  photo.data = test_jpeg();
  photo.orientation = orientation;
  doc.pictures = {picture("openmoji:test", test_drawing()), picture("bitmap.png", test_bitmap()),
                  picture("photo.jpg", photo), picture("openmoji:test", test_drawing())};
  doc.nodes.push_back({layout::Role::figure, "A red square", 0, {}});
  doc.nodes[0].children.push_back(3);
  auto& items = doc.pages[0].items;
  items.push_back(layout::PictureItem{0, 50, 400, 144, 144, 3});
  items.push_back(layout::PictureItem{0, 250, 400, 72, 72, 3});
  items.push_back(layout::PictureItem{3, 350, 400, 72, 72, 3});
  items.push_back(layout::PictureItem{1, 50, 200, 160, 80, 3});
  items.push_back(layout::PictureItem{1, 250, 200, 40, 20, 3});
  // The photo's box has its shape as shown: 2 by 1, or 1 by 2 when turned.
  if (orientation >= 5)
    items.push_back(layout::PictureItem{2, 400, 100, 100, 200, 3});
  else
    items.push_back(layout::PictureItem{2, 350, 100, 200, 100, 3});
  return doc;
}

// The page as pixels at 72 dpi, so one pixel is one point.
struct Raster {
  int width = 0, height = 0;
  std::string pixels;
  // The colour at page point (x, y), y measured up from the bottom.
  std::array<int, 3> at(double x, double y) const {
    const int col = static_cast<int>(x), row = height - 1 - static_cast<int>(y);
    const std::size_t i = (static_cast<std::size_t>(row) * width + col) * 3;
    return {static_cast<unsigned char>(pixels[i]), static_cast<unsigned char>(pixels[i + 1]),
            static_cast<unsigned char>(pixels[i + 2])};
  }
};

Raster rasterize(const pdftest::TempDir& dir, const std::string& pdf) {
  const auto result = run("pdftoppm -r 72 -singlefile " + quoted(pdf) + " " + quoted(dir.path() + "/page"));
  REQUIRE(result.status == 0);
  std::ifstream in(dir.path() + "/page.ppm", std::ios::binary);
  std::string magic;
  int maxval = 0;
  Raster r;
  in >> magic >> r.width >> r.height >> maxval;
  in.get();
  REQUIRE(magic == "P6");
  r.pixels.assign(std::istreambuf_iterator<char>(in), {});
  REQUIRE(r.pixels.size() == static_cast<std::size_t>(r.width) * r.height * 3);
  return r;
}

bool near(const std::array<int, 3>& got, const std::array<int, 3>& want) {
  for (int i = 0; i < 3; ++i)
    if (std::abs(got[i] - want[i]) > 40) return false;
  return true;
}

std::string show(const std::array<int, 3>& c) {
  return std::to_string(c[0]) + "," + std::to_string(c[1]) + "," + std::to_string(c[2]);
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("pdf drawings are stored once however often they are used", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("pictures.pdf", pdftest::render_ok(picture_document(1)));
  const auto json = run("qpdf --json=2 --json-key=qpdf " + quoted(file));
  REQUIRE(json.status == 0);
  CHECK(count(json.out, "\"/Subtype\": \"/Form\"") == 1);
  const auto images = run("pdfimages -list " + quoted(file));
  REQUIRE(images.status == 0);
  // pdfimages lists each use: the bitmap twice (each with its soft
  // mask) and the photo once.
  std::istringstream rows(images.out);
  std::string row;
  std::map<std::string, std::set<std::string>> objects_by_type;
  int uses = 0;
  while (std::getline(rows, row)) {
    std::istringstream fields(row);
    std::string page, num, type, width, height, color, comp, bpc, enc, interp, object;
    if (!(fields >> page >> num >> type >> width >> height >> color >> comp >> bpc >> enc >> interp >> object))
      continue;
    if (type != "image" && type != "smask") continue;
    ++uses;
    objects_by_type[type].insert(object);
  }
  CHECK(uses == 5);
  CHECK(objects_by_type["image"].size() == 2);  // the bitmap and the photo, stored once each
  CHECK(count(json.out, "\"/Subtype\": \"/Image\"") == 3);  // bitmap, its mask, photo
  const auto check = run("qpdf --check " + quoted(file));
  CHECK(check.status == 0);
  CHECK(check.err.empty());
}

TEST_CASE("pdf drawings are painted where the layout put them", "[pdf]") {
  pdftest::TempDir dir;
  const Raster page = rasterize(dir, dir.write("paint.pdf", pdftest::render_ok(picture_document(1))));
  // Box (50, 400) 144 x 144: the drawing at scale 2, y flipped.
  INFO("red square " << show(page.at(50 + 36 * 2, 400 + 144 - 18 * 2)));
  CHECK(near(page.at(50 + 36 * 2, 400 + 144 - 18 * 2), {255, 0, 0}));
  INFO("blue border " << show(page.at(50 + 12 * 2, 400 + 144 - 18 * 2)));
  CHECK(near(page.at(50 + 12 * 2, 400 + 144 - 18 * 2), {0, 0, 255}));
  // Half-transparent green inside the clip, nothing outside it.
  INFO("green " << show(page.at(50 + 15 * 2, 400 + 144 - 50 * 2)));
  CHECK(near(page.at(50 + 15 * 2, 400 + 144 - 50 * 2), {128, 204, 128}));
  INFO("clipped " << show(page.at(50 + 40 * 2, 400 + 144 - 50 * 2)));
  CHECK(near(page.at(50 + 40 * 2, 400 + 144 - 50 * 2), {255, 255, 255}));
  // The bitmap: red on the left, see-through on the right.
  CHECK(near(page.at(90, 240), {255, 0, 0}));
  CHECK(near(page.at(170, 240), {255, 255, 255}));
}

TEST_CASE("pdf photos are shown upright for every EXIF orientation", "[pdf]") {
  // EXIF says, for each orientation, on which side of the picture as
  // shown the stored first row and the stored first column lie.
  struct Sides {
    char first_row, first_column;  // 't'op, 'b'ottom, 'l'eft, 'r'ight
  };
  const std::map<int, Sides> exif = {{1, {'t', 'l'}}, {2, {'t', 'r'}}, {3, {'b', 'r'}}, {4, {'b', 'l'}},
                                     {5, {'l', 't'}}, {6, {'r', 't'}}, {7, {'r', 'b'}}, {8, {'l', 'b'}}};
  const auto opposite = [](char side) {
    return side == 't' ? 'b' : side == 'b' ? 't' : side == 'l' ? 'r' : 'l';
  };
  struct Quadrant {
    bool top_row, left_column;
    std::array<int, 3> colour;
  };
  const Quadrant stored[] = {{true, true, {255, 0, 0}},
                             {true, false, {0, 255, 0}},
                             {false, true, {0, 0, 255}},
                             {false, false, {0, 0, 0}}};
  for (const auto& [orientation, sides] : exif) {
    INFO("orientation " << orientation);
    pdftest::TempDir dir;
    const Raster page =
        rasterize(dir, dir.write("photo.pdf", pdftest::render_ok(picture_document(orientation))));
    const bool turned = orientation >= 5;
    const double x = turned ? 400 : 350, y = 100, w = turned ? 100 : 200, h = turned ? 200 : 100;
    for (const Quadrant& q : stored) {
      const char row_side = q.top_row ? sides.first_row : opposite(sides.first_row);
      const char column_side = q.left_column ? sides.first_column : opposite(sides.first_column);
      const bool top = row_side == 't' || column_side == 't';
      const bool left = row_side == 'l' || column_side == 'l';
      const double px = x + (left ? 0.25 : 0.75) * w, py = y + (top ? 0.75 : 0.25) * h;
      INFO("stored " << (q.top_row ? "top" : "bottom") << (q.left_column ? " left" : " right")
                     << " shown " << (top ? "top" : "bottom") << (left ? " left" : " right") << ": "
                     << show(page.at(px, py)));
      CHECK(near(page.at(px, py), q.colour));
    }
  }
}

TEST_CASE("pdf writer reports pictures it cannot store", "[pdf]") {
  SECTION("pixels of the wrong size") {
    auto doc = picture_document(1);
    std::get<RasterImage>(doc.pictures[1].content).data.pop_back();
    Diagnostics diags;
    CHECK(pdf::render(doc, "bad.pdf", diags).empty());
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().message ==
          "The picture bitmap.png will not go in the PDF: its pixel data is the wrong size.");
    CHECK(diags.items().back().file == "bad.pdf");
  }
  SECTION("a JPEG cut short before its frame header") {
    auto doc = picture_document(1);
    auto& jpeg = std::get<RasterImage>(doc.pictures[2].content).data;
    jpeg.resize(20);
    Diagnostics diags;
    CHECK(pdf::render(doc, "bad.pdf", diags).empty());
    REQUIRE(diags.has_errors());
    CHECK(diags.items().back().message ==
          "The picture photo.jpg will not go in the PDF: it is not a whole JPEG file.");
  }
}

TEST_CASE("pdf writer refuses a document with no pages", "[pdf]") {
  layout::Document doc;
  Diagnostics diags;
  CHECK(pdf::render(doc, "empty.pdf", diags).empty());
  REQUIRE(diags.has_errors());
  CHECK(diags.items().front().rule == "pdf-empty");
}
