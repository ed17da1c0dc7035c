// The PDF file itself: fonts, readable text, document information, page
// numbers, a clean structure, and the same bytes every time.
#include <catch2/catch.hpp>

#include "built_sample.hpp"

using namespace e2e;

TEST_CASE("Fonts are embedded subsets with a Unicode map, and text extracts without warnings", "[pdf]") {
  TempDir dir;
  for (const auto& xml : sample_inputs()) {
    BuiltSample s = build_sample(xml, "newsletter", dir);
    REQUIRE(s.build.exit_code == 0);
    INFO(xml.filename().string());
    auto fonts = read_fonts(s.pdf);
    REQUIRE_FALSE(fonts.empty());
    for (const auto& font : fonts) {
      INFO("font " << font.name);
      CHECK(font.embedded);
      CHECK(font.subset);
      CHECK(font.has_unicode_map);
    }
    CHECK(s.text.warnings.empty());
    CommandResult raw = run_command({"pdftotext", "-raw", s.pdf.string(), "-"});
    CHECK(raw.exit_code == 0);
    CHECK(raw.err.empty());
    // The title comes out as the same letters that went in.
    CHECK(raw.out.find(s.expected.title.substr(0, s.expected.title.find(':'))) != std::string::npos);
  }
}

TEST_CASE("qpdf finds no problems, and the document says its title and language", "[pdf]") {
  TempDir dir;
  for (const auto& xml : sample_inputs()) {
    BuiltSample s = build_sample(xml, "newsletter", dir);
    REQUIRE(s.build.exit_code == 0);
    INFO(xml.filename().string());
    CommandResult check = run_command({"qpdf", "--check", s.pdf.string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(check.out.find("WARNING") == std::string::npos);
    CHECK(check.err.empty());

    auto info = read_info(s.pdf);
    CHECK(info["Title"] == s.expected.title);
    CHECK(info["Tagged"] == "yes");  // screen readers need the structure tree
    CHECK(info["Page size"].find(std::to_string(static_cast<int>(s.numbers.page_width))) == 0);
    CHECK(read_catalog(s.pdf).find("/Lang (" + s.expected.lang + ")") != std::string::npos);
    CHECK(read_xmp_language(s.pdf) == s.expected.lang);
  }
}

TEST_CASE("Two builds of the same notes give the same bytes", "[pdf]") {
  TempDir first, second;
  for (const auto& xml : sample_inputs()) {
    INFO(xml.filename().string());
    const std::string name = xml.stem().string() + ".pdf";
    REQUIRE(run_easyread({"build", xml.string(), "-o", (first / name).string()}).exit_code == 0);
    REQUIRE(run_easyread({"build", xml.string(), "-o", (second / name).string()}).exit_code == 0);
    std::string a = read_bytes(first / name), b = read_bytes(second / name);
    CHECK(a.size() > 1000);
    CHECK(a == b);
  }
}
