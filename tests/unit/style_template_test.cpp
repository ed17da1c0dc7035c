#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "style/style.hpp"

using namespace easyread;
namespace fs = std::filesystem;

namespace {

std::string write_temp(const std::string& name, const std::string& body) {
  fs::path dir = fs::temp_directory_path() / "easyread-template-test";
  fs::create_directories(dir);
  fs::path p = dir / name;
  std::ofstream(p) << body;
  return p.string();
}

}  // namespace

TEST_CASE("contrast ratio follows the WCAG formula") {
  CHECK(style::contrast_ratio({0, 0, 0}, {1, 1, 1}) == Approx(21.0));
  CHECK(style::contrast_ratio({1, 1, 1}, {1, 1, 1}) == Approx(1.0));
  // #777777 on white is a well-known borderline case: about 4.48 to 1.
  double grey = 0x77 / 255.0;
  CHECK(style::contrast_ratio({grey, grey, grey}, {1, 1, 1}) == Approx(4.48).margin(0.01));
}

TEST_CASE("every template in the project loads and passes its own checks") {
  for (const char* name : {"newsletter", "minutes", "leaflet", "large-print", "high-contrast"}) {
    Diagnostics diags;
    auto t = style::load_template(name, EASYREAD_SOURCE_DIR, ".", diags);
    INFO(name);
    REQUIRE(t);
    CHECK(diags.items().empty());
    CHECK(t->body_size >= 16);
    CHECK(t->line_spacing >= 1.5);
    CHECK(style::contrast_ratio(t->text, t->background) >= 4.5);
  }
  Diagnostics diags;
  auto large = style::load_template("large-print", EASYREAD_SOURCE_DIR, ".", diags);
  REQUIRE(large);
  CHECK(large->body_size == 20);
  auto leaflet = style::load_template("leaflet", EASYREAD_SOURCE_DIR, ".", diags);
  REQUIRE(leaflet);
  CHECK(leaflet->page_width == Approx(148 * 72 / 25.4));  // A5
  auto contrast = style::load_template("high-contrast", EASYREAD_SOURCE_DIR, ".", diags);
  REQUIRE(contrast);
  CHECK(contrast->background.b < 0.9);  // pale yellow, not white
}

TEST_CASE("body text under 14 pt is an error that says what to change") {
  std::string path = write_temp("small.xml",
                                "<template name=\"small\">\n"
                                "  <sizes body=\"12pt\"/>\n"
                                "</template>\n");
  Diagnostics diags;
  auto t = style::load_template(path, EASYREAD_SOURCE_DIR, ".", diags);
  CHECK_FALSE(t);
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.span.line == 2);
  CHECK(d.span.column == 3);
  CHECK(d.message.find("12 pt") != std::string::npos);
  CHECK(d.suggestion.find("14 pt") != std::string::npos);
}

TEST_CASE("colours under 4.5 to 1 contrast are an error") {
  std::string path = write_temp("pale.xml",
                                "<template>\n"
                                "  <text color=\"#AAAAAA\"/>\n"
                                "</template>\n");
  Diagnostics diags;
  CHECK_FALSE(style::load_template(path, EASYREAD_SOURCE_DIR, ".", diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message.find("too close to the background") != std::string::npos);
  CHECK(diags.items()[0].span.line == 2);
}

TEST_CASE("unknown settings and template names are explained") {
  std::string path = write_temp("typo.xml", "<template>\n  <sizes bdy=\"16pt\"/>\n</template>\n");
  Diagnostics diags;
  CHECK_FALSE(style::load_template(path, EASYREAD_SOURCE_DIR, ".", diags));
  REQUIRE_FALSE(diags.items().empty());
  CHECK(diags.items()[0].message.find("bdy") != std::string::npos);

  Diagnostics missing;
  CHECK_FALSE(style::load_template("glossy", EASYREAD_SOURCE_DIR, ".", missing));
  REQUIRE(missing.items().size() == 1);
  CHECK(missing.items()[0].suggestion.find("newsletter") != std::string::npos);
}

TEST_CASE("the layout's own words come in English and Welsh") {
  Diagnostics diags;
  auto en = style::Strings::load(EASYREAD_SOURCE_DIR, "en-GB", diags);
  auto cy = style::Strings::load(EASYREAD_SOURCE_DIR, "cy", diags);
  CHECK(en.get("page-number", {{"page", "2"}, {"pages", "8"}}) == "Page 2 of 8");
  CHECK(cy.get("page-number", {{"page", "2"}, {"pages", "8"}}) == "Tudalen 2 o 8");
  CHECK(en.get("words-heading") == "Words to know");
  CHECK(cy.get("words-heading") != en.get("words-heading"));
  CHECK(diags.items().empty());
}
