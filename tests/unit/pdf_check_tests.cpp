// tools/pdf-check: passes the PDFs we write, and finds the problems it
// promises to find in a PDF that has them.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "pdf_support.hpp"

using pdftest::quoted;
using pdftest::run;

namespace {

const std::string checker = std::string(EASYREAD_SOURCE_DIR) + "/tools/pdf-check";

// Joins numbered object bodies into a PDF file with a correct xref table.
std::string assemble_pdf(const std::vector<std::string>& bodies) {
  std::string file = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    offsets.push_back(file.size());
    file += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
  }
  const std::size_t xref = file.size();
  file += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    file += line;
  }
  file += "trailer\n<< /Size " + std::to_string(bodies.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
          std::to_string(xref) + "\n%%EOF\n";
  return file;
}

std::string stream(const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// No /Lang, no /MarkInfo, a Figure without /Alt, Helvetica not
// embedded, a rectangle and an inline image drawn outside any tag, and a
// link that is not tagged, has no /Contents and no /Tabs on its page.
std::string untidy_pdf() {
  const std::string content =
      "/P <</MCID 0>> BDC BT /F1 12 Tf 72 720 Td (Tagged words) Tj ET EMC\n"
      "/Artifact BMC 0 0 10 10 re f EMC\n"
      "1 0 0 rg 20 20 100 50 re f\n"
      "q 10 0 0 10 200 200 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \xFF EI Q\n"
      "/Span <</Lang (en)>> BDC BT /F1 12 Tf 72 600 Td [(Not)-250(tagged)] TJ ET EMC\n";
  return assemble_pdf({
      "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
      "/Resources << /Font << /F1 7 0 R >> >> /Annots [8 0 R] >>",
      stream(content),
      "<< /Type /StructTreeRoot /K [6 0 R] >>",
      "<< /Type /StructElem /S /Figure /P 5 0 R /Pg 3 0 R /K 0 >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Type /Annot /Subtype /Link /Rect [72 710 150 730] "
      "/A << /S /URI /URI (https://example.org) >> >>",
  });
}

}  // namespace

TEST_CASE("pdf-check passes the PDFs the writer makes", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("good.pdf", pdftest::render_ok(pdftest::text_document()));
  const auto result = run("python3 " + quoted(checker) + " " + quoted(file));
  INFO(result.out << result.err);
  CHECK(result.status == 0);
  CHECK(result.out == file + ": no problems found.\n");
}

TEST_CASE("pdf-check finds each problem it looks for", "[pdf]") {
  pdftest::TempDir dir;
  const std::string file = dir.write("untidy.pdf", untidy_pdf());
  REQUIRE(run("qpdf --check " + quoted(file)).status == 0);  // a valid file, just not accessible
  const auto result = run("python3 " + quoted(checker) + " " + quoted(file));
  INFO(result.out << result.err);
  CHECK(result.status == 1);
  CHECK(result.err.empty());
  CHECK(result.out.find("does not say what language") != std::string::npos);
  CHECK(result.out.find("does not say it is tagged") != std::string::npos);
  CHECK(result.out.find("Page 1 draws things that are not tagged and not marked as decoration "
                        "(1 picture, 1 shape, 1 piece of text)") != std::string::npos);
  CHECK(result.out.find("Page 1 is not tied to the structure tree") != std::string::npos);
  CHECK(result.out.find("has no words that say what it shows") != std::string::npos);
  CHECK(result.out.find("The font Helvetica is not inside the file") != std::string::npos);
  CHECK(result.out.find("Page 1 has 1 link that are not in the structure tree") == std::string::npos);
  CHECK(result.out.find("Page 1 has 1 link that is not in the structure tree") != std::string::npos);
  CHECK(result.out.find("Page 1 has 1 link with no words to say where it goes") != std::string::npos);
  CHECK(result.out.find("(/Tabs /S)") != std::string::npos);
  CHECK(result.out.find("9 problems found.") != std::string::npos);
}

TEST_CASE("pdf-check says when a file cannot be read", "[pdf]") {
  pdftest::TempDir dir;
  const std::string not_pdf = dir.write("notes.pdf", "These are not PDF bytes.\n");
  const auto result = run("python3 " + quoted(checker) + " " + quoted(not_pdf) + " " +
                          quoted(dir.path() + "/missing.pdf"));
  CHECK(result.status == 2);
  CHECK(result.out.find("notes.pdf: This file is not a PDF that qpdf can read") != std::string::npos);
  CHECK(result.out.find("missing.pdf: easyread cannot find this file") != std::string::npos);
}
