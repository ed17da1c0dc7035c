// Numbers in PDF content: short, at most 4 decimals, and the same text
// the writer always made with printf's "%.4f" (so files stay the same).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

#include "pdf/hpdf_handle.hpp"

using easyread::pdf::append_number;
using easyread::pdf::pdf_number;

namespace {

// The old way: "%.4f", then trailing zeros and a bare point dropped.
std::string printf_number(double value) {
  if (!std::isfinite(value)) return "0";
  char text[400];
  std::snprintf(text, sizeof text, "%.4f", value);
  std::string out(text);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out == "-0" ? "0" : out;
}

}  // namespace

TEST_CASE("pdf numbers are short and keep 4 decimals", "[pdf]") {
  CHECK(pdf_number(0) == "0");
  CHECK(pdf_number(-0.0) == "0");
  CHECK(pdf_number(12.5) == "12.5");
  CHECK(pdf_number(-3.25) == "-3.25");
  CHECK(pdf_number(100) == "100");
  CHECK(pdf_number(3.14159265) == "3.1416");
  CHECK(pdf_number(2.00004) == "2");
  CHECK(pdf_number(-0.00004) == "0");
  CHECK(pdf_number(595.2756) == "595.2756");
  CHECK(pdf_number(std::nan("")) == "0");
  CHECK(pdf_number(std::numeric_limits<double>::infinity()) == "0");
  CHECK(pdf_number(1e300).size() == 301);
  std::string out = "x ";
  append_number(out, 0.5);
  append_number(out, -7);
  CHECK(out == "x 0.5-7");
}

TEST_CASE("pdf numbers are the same text printf made", "[pdf]") {
  std::mt19937_64 random(20261122);  // fixed seed: the same numbers every run
  std::uniform_real_distribution<double> coordinate(-1000, 1000);
  std::uniform_int_distribution<int> ten_thousandths(-10000000, 10000000);
  for (int i = 0; i < 20000; ++i) {
    const double any = coordinate(random);
    // Halfway cases such as 0.00005 are where rounding methods differ.
    const double halfway = (ten_thousandths(random) + 0.5) / 10000;
    // Any size, from far below 0.0001 to far past 1e13.
    const double sized = coordinate(random) * std::pow(10.0, ten_thousandths(random) % 20 - 6);
    INFO(any << " " << halfway << " " << sized);
    REQUIRE(pdf_number(any) == printf_number(any));
    REQUIRE(pdf_number(halfway) == printf_number(halfway));
    REQUIRE(pdf_number(sized) == printf_number(sized));
  }
}
