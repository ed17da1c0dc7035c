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
}
