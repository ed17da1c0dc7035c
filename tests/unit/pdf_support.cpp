#include "pdf_support.hpp"

#include <hb.h>
#include <stdlib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "pdf/pdf.hpp"

namespace pdftest {

using namespace easyread;

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base != nullptr && *base ? base : "/tmp") + "/pdftest-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) FAIL("cannot make a temporary folder");
  path_ = pattern;
}

TempDir::~TempDir() {
  if (std::getenv("PDFTEST_KEEP") != nullptr) return;  // to look at the files by hand
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& bytes) const {
  const std::string file = path_ + "/" + name;
  std::ofstream(file, std::ios::binary) << bytes;
  return file;
}

std::string quoted(const std::string& path) {
  std::string out = "'";
  for (char c : path) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

namespace {
std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

CommandResult run(const std::string& command) {
  TempDir scratch;
  const std::string out_file = scratch.path() + "/out", err_file = scratch.path() + "/err";
  CommandResult result;
  const int raw = std::system((command + " >" + quoted(out_file) + " 2>" + quoted(err_file)).c_str());
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_all(out_file);
  result.err = read_all(err_file);
  return result;
}

layout::Document text_document() {
  layout::Document doc;
  doc.metadata.title = "Our meeting — notes";
  doc.metadata.author = "Easy Read team";
  doc.metadata.subject = "Notes from the meeting";
  doc.fonts = {{"Andika", false, andika_regular}, {"Andika", true, andika_bold}};
  doc.nodes = {{layout::Role::document, "", -1, {1, 2}}, {layout::Role::h1, "", 0, {}}, {layout::Role::paragraph, "", 0, {}}};
  layout::Page page;
  page.items.push_back(layout::RectItem{40, 760, 515, 50, {0.9, 0.95, 1}, -1});
  page.items.push_back(layout::TextItem{1, 28, {0, 0, 0.4}, 50, 775, 0, "Our meeting", "", 1});
  page.items.push_back(
      layout::TextItem{0, 16, {0, 0, 0}, 50, 700, 0, "We talked about the café and €5 tickets.", "", 2});
  page.items.push_back(layout::TextItem{0, 16, {0, 0, 0}, 72, 680, 0, "Next time: Tuesday.", "", 2});
  doc.pages.push_back(page);
  return doc;
}

std::string render_ok(const layout::Document& doc) {
  Diagnostics diags;
  std::string bytes = pdf::render(doc, "test.pdf", diags);
  for (const auto& d : diags.items()) UNSCOPED_INFO(d.message);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE_FALSE(bytes.empty());
  return bytes;
}

std::vector<Word> words_of(const std::string& pdf_path) {
  const CommandResult result = run("pdftotext -bbox-layout " + quoted(pdf_path) + " -");
  REQUIRE(result.status == 0);
  static const std::regex word_pattern(
      R"re(<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>)re");
  std::vector<Word> words;
  for (auto it = std::sregex_iterator(result.out.begin(), result.out.end(), word_pattern);
       it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    words.push_back({std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
  }
  return words;
}

namespace {
struct HbFace {
  hb_blob_t* blob;
  hb_face_t* face;
  hb_font_t* font;
  explicit HbFace(const std::string& path)
      : blob(hb_blob_create_from_file(path.c_str())),
        face(hb_face_create(blob, 0)),
        font(hb_font_create(face)) {}
  ~HbFace() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  HbFace(const HbFace&) = delete;
  HbFace& operator=(const HbFace&) = delete;
};
}  // namespace

double advance_width(const std::string& font_path, const std::string& text, double size) {
  HbFace hb(font_path);
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_add_utf8(buffer, text.c_str(), -1, 0, -1);
  unsigned count = 0;
  hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
  double units = 0;
  for (unsigned i = 0; i < count; ++i) {
    hb_codepoint_t glyph = 0;
    hb_font_get_nominal_glyph(hb.font, infos[i].codepoint, &glyph);
    units += hb_font_get_glyph_h_advance(hb.font, glyph);
  }
  hb_buffer_destroy(buffer);
  return units * size / hb_face_get_upem(hb.face);
}

std::pair<double, double> ascent_descent(const std::string& font_path) {
  HbFace hb(font_path);
  hb_font_extents_t extents{};
  hb_font_get_h_extents(hb.font, &extents);
  const double upem = hb_face_get_upem(hb.face);
  return {extents.ascender / upem, extents.descender / upem};
}

}  // namespace pdftest
