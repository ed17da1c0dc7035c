// Photos from phones are stored on their side with an EXIF note saying how
// to turn them; the reader must see them upright.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "layout_checks.hpp"

using namespace e2e;

namespace {
// Where pixels of one colour are.
struct Extent {
  int count = 0;
  double x_min = 1e9, x_max = -1e9, y_min = 1e9, y_max = -1e9, x_sum = 0, y_sum = 0;
  void add(int x, int y) {
    ++count;
    x_min = std::min<double>(x_min, x), x_max = std::max<double>(x_max, x);
    y_min = std::min<double>(y_min, y), y_max = std::max<double>(y_max, y);
    x_sum += x, y_sum += y;
  }
  double x_mean() const { return x_sum / count; }
  double y_mean() const { return y_sum / count; }
};
}  // namespace

TEST_CASE("A phone photo with EXIF orientation 6 is shown upright", "[pictures]") {
  // tests/data/photos/orientation-6.jpg: upright it is twice as wide as tall,
  // red on the top half and blue on the bottom half.
  TempDir dir;
  BuiltSample s = build_sample(source_dir() / "tests" / "data" / "photos.xml", "newsletter", dir);
  INFO(s.build.err);
  REQUIRE(s.build.exit_code == 0);
  auto found = find_text(s.text.words, "Red is at the top.", 0);
  REQUIRE(found);
  const Word& first = s.text.words[found->first];
  auto pages = render_pages(s.pdf, kRenderDpi, true);
  const Image& page = pages.at(static_cast<std::size_t>(first.page - 1));
  REQUIRE(page.channels == 3);
  // Look in the picture's box beside the row, with 2 points to spare.
  int left = static_cast<int>(s.columns.picture_left) - 2;
  int right = static_cast<int>(s.columns.picture_right) + 2;
  int top = static_cast<int>(first.box.y_min) - 2;
  int bottom = static_cast<int>(first.box.y_min + s.numbers.picture_size) + 2;
  Extent red, blue, both;
  for (int y = std::max(0, top); y < std::min(page.height, bottom); ++y) {
    for (int x = std::max(0, left); x < std::min(page.width, right); ++x) {
      int r = page.at(x, y, 0), g = page.at(x, y, 1), b = page.at(x, y, 2);
      if (r > 150 && g < 110 && b < 110) red.add(x, y), both.add(x, y);
      if (b > 150 && r < 110 && g < 130) blue.add(x, y), both.add(x, y);
    }
  }
  REQUIRE(red.count > 100);
  REQUIRE(blue.count > 100);
  // Wider than tall, red above blue (y grows down the page), one over the other.
  CHECK(both.x_max - both.x_min > 1.5 * (both.y_max - both.y_min));
  CHECK(red.y_mean() < blue.y_mean());
  CHECK(std::abs(red.x_mean() - blue.x_mean()) < 5);
  CHECK(red.y_max <= blue.y_min + 1);
  // It keeps its shape (twice as wide as tall), as wide as its box.
  double box_size = s.numbers.picture_size;
  CHECK(both.x_max - both.x_min == Approx(box_size).margin(3));
  CHECK(both.y_max - both.y_min == Approx(box_size / 2).margin(3));
  // It sits beside its 2 sentences, not below them: its middle is level with
  // the middle of the text, give or take half a line.
  auto last = find_text(s.text.words, "Blue is at the bottom.", found->last);
  REQUIRE(last);
  const double text_middle = (first.box.y_min + s.text.words[last->last].box.y_max) / 2;
  CHECK((both.y_min + both.y_max) / 2 == Approx(text_middle).margin(s.numbers.body_size * 0.75));
  CHECK(both.y_min < s.text.words[last->last].box.y_max);
}

TEST_CASE("PNG pictures keep their clear corners, 8-bit and 16-bit alike", "[pictures]") {
  // tests/data/photos/alpha.png and alpha-16bit.png: a filled circle with
  // clear corners, so the page shows through around it.
  TempDir dir;
  BuiltSample s = build_sample(source_dir() / "tests" / "data" / "photos.xml", "newsletter", dir);
  REQUIRE(s.build.exit_code == 0);
  auto pages = render_pages(s.pdf, kRenderDpi, true);
  struct Case {
    std::string sentence;
    int r, g, b;  // the circle's colour
  };
  for (const Case& c : {Case{"The corners are clear.", 0x2e, 0x8b, 0x57},
                        Case{"This picture has 16 bits a channel.", 0xe0, 0x70, 0x20}}) {
    INFO("the picture beside \"" << c.sentence << "\"");
    auto found = find_text(s.text.words, c.sentence, 0);
    REQUIRE(found);
    const Word& first = s.text.words[found->first];
    const Image& page = pages.at(static_cast<std::size_t>(first.page - 1));
    double left = s.columns.picture_left, top = first.box.y_min, size = s.numbers.picture_size;
    auto close_to = [&](double fx, double fy, int r, int g, int b) {
      int x = static_cast<int>(left + fx * size), y = static_cast<int>(top + fy * size);
      return std::abs(page.at(x, y, 0) - r) < 40 && std::abs(page.at(x, y, 1) - g) < 40 &&
             std::abs(page.at(x, y, 2) - b) < 40;
    };
    CHECK(close_to(0.5, 0.5, c.r, c.g, c.b));
    int paper = page.at(0, 0, 0);  // the page's own colour shows in the corners
    for (auto [fx, fy] : {std::pair{0.06, 0.06}, std::pair{0.94, 0.06}, std::pair{0.06, 0.94},
                          std::pair{0.94, 0.94}}) {
      INFO("corner at " << fx << ", " << fy << " of the box");
      CHECK(close_to(fx, fy, paper, page.at(0, 0, 1), page.at(0, 0, 2)));
    }
  }
}
