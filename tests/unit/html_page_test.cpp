// The web page writer, on a content tree built by hand: structure, one
// symbol stored once, escaping, photos turned upright, fonts, sizes.
#include <cstddef>
#include <cstdio>
// jpeglib.h needs size_t and FILE declared first.
#include <jpeglib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "html/html.hpp"
#include "layout/fonts.hpp"
#include "symbols/symbols.hpp"

using namespace easyread;

namespace {

content::Sentence sentence(std::vector<content::Run> runs) {
  content::Sentence s;
  s.runs = std::move(runs);
  return s;
}
content::Run run(const std::string& text, bool bold = false, const std::string& link = "", int word = -1) {
  content::Run r;
  r.text = text;
  r.bold = bold;
  r.link = link;
  r.word = word;
  return r;
}
content::Sentence plain(const std::string& text) { return sentence({run(text)}); }

Drawing square(const Color& colour) {
  Drawing d;
  Shape s;
  s.path.commands = {{PathCommand::Op::move, {8, 8}},  {PathCommand::Op::line, {64, 8}},
                     {PathCommand::Op::line, {64, 64}}, {PathCommand::Op::line, {8, 64}},
                     {PathCommand::Op::close, {}}};
  s.fill = Fill{colour};
  d.shapes.push_back(s);
  return d;
}

// A short document: a cover, one section with three rows (two share a
// picture), a row outside any section, a word list and the closing lines.
content::Document sample() {
  content::Document doc;
  doc.metadata = {"Our meeting in March", "cy", "Speak Up", "Pictures: OpenMoji, CC BY-SA 4.0."};
  doc.labels.words_heading = "Words to know";
  doc.pictures.push_back({"bus", "bus", "openmoji:1F68C", true, square({1, 0, 0})});
  doc.pictures.push_back({"pin", "pin", "openmoji:1F4CD", true, square({0, 0, 1})});
  doc.cover.organisation = "Speak Up";
  doc.cover.title = "Our meeting in March";
  doc.cover.date = "Wednesday 10 March 2027";
  doc.cover.picture = {1, "A pin on a map", 1};
  doc.cover.text.sentences = {plain("These are our notes.")};

  content::Section section;
  section.title = "The bus pass";
  content::Row point;
  point.picture = {0, "A bus", 1};
  content::Sentences words;
  words.sentences = {plain("The council wants to change the bus pass."),
                     sentence({run("We think this is "), run("not fair", true), run(".")}),
                     sentence({run("Ask the "), run("commissioners", true, "", 0), run(".")}),
                     sentence({run("Read "), run("our website", false, "https://example.org/bus"), run(".")})};
  point.parts.push_back(words);
  content::BulletList list;
  content::Sentences item;
  item.sentences = {plain("We listen to each other.")};
  list.items = {item, item};
  point.parts.push_back(list);
  section.rows.push_back(point);
  content::Row action;
  action.kind = content::Row::Kind::action;
  action.picture = {0, "A bus", 1};
  content::Sentences act;
  act.sentences = {plain("Write a letter <to> the council & ask \"why\".")};
  action.parts.push_back(act);
  action.parts.push_back(content::Fact{content::Fact::Kind::who, "Who will do it:", "Sam"});
  section.rows.push_back(action);
  content::Row bad_link;
  bad_link.picture = {};
  content::Sentences b;
  b.sentences = {sentence({run("Do not click "), run("this", false, "javascript:alert(1)"), run(".")})};
  bad_link.parts.push_back(b);
  section.rows.push_back(bad_link);
  doc.sections.push_back(section);
  content::Section untitled;
  untitled.rows.push_back(bad_link);
  doc.sections.push_back(untitled);

  content::WordEntry entry;
  entry.term = "commissioner";
  entry.anchor = "word-commissioner";
  entry.explanation.sentences = {plain("Someone who decides how money is spent.")};
  doc.words.push_back(entry);
  doc.closing = {{content::ClosingLine::Kind::checked_by, "Speak Up members checked this document."},
                 {content::ClosingLine::Kind::credit, "Pictures: OpenMoji, CC BY-SA 4.0."}};
  return doc;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

std::string render(const content::Document& doc, const html::Options& options = {}) {
  Diagnostics diags;
  std::string page = html::render(doc, options, "notes.xml", diags);
  INFO((diags.items().empty() ? std::string() : diags.items().front().message));
  REQUIRE_FALSE(diags.has_errors());
  return page;
}

std::string unbase64(const std::string& text) {
  static const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (char c : text) {
    const std::size_t d = digits.find(c);
    if (d == std::string::npos) break;
    value = value << 6 | static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// The data of the first data: address of this type.
std::string first_data(const std::string& page, const std::string& type) {
  const std::string head = "data:" + type + ";base64,";
  const std::size_t at = page.find(head);
  if (at == std::string::npos) return {};
  const std::size_t from = at + head.size();
  return unbase64(page.substr(from, page.find_first_of("\")", from) - from));
}

}  // namespace

TEST_CASE("html: the page is HTML5 in the document's language with one h1") {
  const std::string page = render(sample());
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
  CHECK(count(page, "<title>Our meeting in March</title>") == 1);
  CHECK(count(page, "<h1") == 1);
  CHECK(count(page, "<h2") == 2);  // the titled section and the word list, not the untitled one
  CHECK(count(page, "<main>") == 1);
  CHECK(page.find("<footer>\n<p class=\"s\">Speak Up members checked this document.</p>") != std::string::npos);
}

TEST_CASE("html: each sentence is its own block, lists are ul, facts are lines") {
  const std::string page = render(sample());
  // 1 cover + 4 + 2 items + 1 action + 1 + 1 rows + 1 explanation + 1 checked-by line
  CHECK(count(page, "<p class=\"s\">") + count(page, "<p class=\"s big\">") == 12);
  CHECK(count(page, "<ul><li><p class=\"s\">We listen to each other.</p></li><li>") == 1);
  CHECK(page.find("<p class=\"s fact\"><b>Who will do it:</b> Sam</p>") != std::string::npos);
}

TEST_CASE("html: a picture used twice is stored once and shown with its alternative text") {
  const std::string page = render(sample());
  CHECK(count(page, "<symbol id=\"p0\"") == 1);
  CHECK(count(page, "<use href=\"#p0\"/>") == 2);
  CHECK(count(page, "<svg role=\"img\" aria-label=\"A bus\"") == 2);
  CHECK(count(page, "<symbol") == 2);
  CHECK(page.find("class=\"row no-pic\"") != std::string::npos);
}

TEST_CASE("html: hard words are bold links to the word list, and only web links are links") {
  const std::string page = render(sample());
  CHECK(page.find("<a class=\"hard\" href=\"#word-commissioner\"><b>commissioners</b></a>") != std::string::npos);
  CHECK(page.find("id=\"word-commissioner\"><dt class=\"s\"><b>commissioner</b></dt><dd") != std::string::npos);
  CHECK(page.find("<a href=\"https://example.org/bus\">our website</a>") != std::string::npos);
  CHECK(page.find("javascript:") == std::string::npos);
  CHECK(page.find("<b>not fair</b>") != std::string::npos);
}

TEST_CASE("html: text is escaped") {
  const std::string page = render(sample());
  CHECK(page.find("Write a letter &lt;to&gt; the council &amp; ask &quot;why&quot;.") != std::string::npos);
}

TEST_CASE("html: the same document gives the same bytes") { CHECK(render(sample()) == render(sample())); }

TEST_CASE("html: read-aloud buttons start hidden, one per row and one for the page") {
  const std::string page = render(sample());
  CHECK(count(page, "<button class=\"listen\" hidden>Listen</button>") == 5);  // 4 rows and 1 word
  CHECK(count(page, "<button class=\"listen all\" hidden>") == 1);
  CHECK(count(page, "<body data-stop=\"Stop\">") == 1);
  CHECK(count(page, "<button") == count(page, "hidden>"));
  CHECK(count(page, "<script>") == 1);
  CHECK(page.find("speechSynthesis") != std::string::npos);
}

TEST_CASE("html: sizes and colours come from the template, body text at least 18 px") {
  html::Options options;
  options.look.body_size = 16;
  options.look.background = {1, 0.97, 0.78};
  std::string page = render(sample(), options);
  CHECK(page.find("--body:21.33px") != std::string::npos);
  CHECK(page.find("--bg:#FFF7C7") != std::string::npos);
  CHECK(page.find("--pic:min(151.2px,26vw)") != std::string::npos);
  CHECK(page.find("--body:16pt") != std::string::npos);  // on paper
  options.look.body_size = 10;
  page = render(sample(), options);
  CHECK(page.find("--body:18px") != std::string::npos);
  options.look.picture_left = false;
  page = render(sample(), options);
  CHECK(page.find(".row .pic{left:auto;right:0}") != std::string::npos);
}

TEST_CASE("html: photos are data, turned upright as their EXIF orientation says") {
  Diagnostics diags;
  auto photo = symbols::read_jpeg(EASYREAD_SOURCE_DIR "/tests/data/photos/orientation-6.jpg", diags);
  REQUIRE(photo);
  REQUIRE(photo->orientation == 6);
  content::Document doc = sample();
  doc.pictures.push_back({"photo", "photo", "orientation-6.jpg", false, *photo});
  doc.sections[0].rows[0].picture = {2, "Sam at the meeting", 1};
  const std::string page = render(doc);
  CHECK(page.find("alt=\"Sam at the meeting\" width=\"" + std::to_string(photo->height) + "\" height=\"" +
                  std::to_string(photo->width) + "\"") != std::string::npos);
  const std::string jpeg = first_data(page, "image/jpeg");
  REQUIRE(jpeg.size() > 100);
  jpeg_decompress_struct info;
  jpeg_error_mgr error;
  info.err = jpeg_std_error(&error);
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(jpeg.data()), jpeg.size());
  REQUIRE(jpeg_read_header(&info, TRUE) == JPEG_HEADER_OK);
  CHECK(static_cast<int>(info.image_width) == photo->height);  // turned a quarter
  CHECK(static_cast<int>(info.image_height) == photo->width);
  jpeg_destroy_decompress(&info);

  RasterImage pixels;
  pixels.width = 2;
  pixels.height = 1;
  pixels.data = {255, 0, 0, 0, 0, 255};
  pixels.alpha = {255, 128};
  doc.pictures.push_back({"dots", "dots", "dots.png", false, pixels});
  doc.sections[0].rows[1].picture = {3, "Two dots", 2};
  const std::string png = first_data(render(doc), "image/png");
  REQUIRE(png.size() > 8);
  CHECK(png.substr(1, 3) == "PNG");
  // libpng reads back the same pixels and transparency.
  const std::string path = std::filesystem::temp_directory_path() / "easyread-html-test.png";
  std::ofstream(path, std::ios::binary) << png;
  const auto back = symbols::read_png(path, diags);
  std::filesystem::remove(path);
  REQUIRE(back);
  CHECK(back->data == pixels.data);
  CHECK(back->alpha == pixels.alpha);
}

TEST_CASE("html: fonts are subset WOFF data with only the letters used") {
  layout::FontSet fonts(EASYREAD_SOURCE_DIR);
  Diagnostics diags;
  const int regular = fonts.find("Andika", false, "", diags);
  const int bold = fonts.find("Andika", true, "", diags);
  REQUIRE(regular >= 0);
  REQUIRE(bold >= 0);
  html::Options options;
  options.fonts = {fonts.files()[std::size_t(regular)].path, fonts.files()[std::size_t(bold)].path,
                   fonts.files()[std::size_t(bold)].path};
  const std::string page = render(sample(), options);
  CHECK(count(page, "@font-face") == 2);  // the headings share the bold face
  const std::string woff = first_data(page, "font/woff");
  REQUIRE(woff.size() > 100);
  CHECK(woff.substr(0, 4) == "wOFF");
  CHECK(woff.size() < 20000);  // a subset: Andika itself is over 300 KB
  // The length in the header is the data's own length.
  const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(woff[i])); };
  CHECK((byte(8) << 24 | byte(9) << 16 | byte(10) << 8 | byte(11)) == woff.size());

  options.fonts.body = "/no/such/font.ttf";
  const std::string none = html::render(sample(), options, "notes.xml", diags);
  CHECK(none.empty());
  CHECK(diags.has_errors());
}
