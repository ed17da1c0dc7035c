// The web page writer, on a content tree built by hand: structure, one
// symbol stored once, escaping, photos turned upright, fonts, sizes.
#include <cstddef>
#include <cstdio>
// jpeglib.h needs size_t and FILE declared first.
#include <jpeglib.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cctype>
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

// The points of SVG path data made absolute again: one {x, y} list per
// command, with "h", "v" and "s" turned back into full lines and curves.
// Enough of SVG's grammar to read what the writer writes.
std::vector<std::vector<double>> absolute_points(const std::string& d) {
  std::vector<std::vector<double>> out;
  std::size_t at = 0;
  char op = 0;
  double x = 0, y = 0, start_x = 0, start_y = 0, mirror_x = 0, mirror_y = 0;
  bool after_curve = false;
  const std::regex number_pattern(R"(^-?(\d+\.?\d*|\.\d+))");
  auto number = [&] {
    while (at < d.size() && d[at] == ' ') ++at;
    std::smatch m;
    const std::string rest = d.substr(at);
    REQUIRE(std::regex_search(rest, m, number_pattern));
    at += static_cast<std::size_t>(m.length(0));
    return std::stod(m.str(0));
  };
  while (at < d.size()) {
    if (std::isalpha(static_cast<unsigned char>(d[at]))) op = d[at++];
    else if (op == 'm') op = 'l';  // more pairs after "m" are lines
    if (op == 'z') {
      x = start_x;
      y = start_y;
      out.push_back({});
      after_curve = false;
      continue;
    }
    if (op == 'c' || op == 's') {
      double x1 = after_curve ? mirror_x : x, y1 = after_curve ? mirror_y : y;
      if (op == 'c') {
        x1 = x + number();
        y1 = y + number();
      }
      const double x2 = x + number(), y2 = y + number(), ex = x + number(), ey = y + number();
      out.push_back({x1, y1, x2, y2, ex, ey});
      mirror_x = 2 * ex - x2;
      mirror_y = 2 * ey - y2;
      x = ex;
      y = ey;
      after_curve = true;
      continue;
    }
    if (op == 'h') x += number();
    else if (op == 'v') y += number();
    else {
      x += number();
      y += number();
    }
    if (op == 'm') {
      start_x = x;
      start_y = y;
    }
    out.push_back({x, y});
    after_curve = false;
  }
  return out;
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

TEST_CASE("html: the read-aloud words are on the page, and the script makes the buttons") {
  html::Options options;
  options.speech = {"Gwrando", "Gwrando ar y cyfan", "Stopio"};
  const std::string page = render(sample(), options);
  // No button in the markup: where the browser cannot speak, there is nothing to hide.
  CHECK(count(page, "<button") == 0);
  CHECK(count(page, "<body data-listen=\"Gwrando\" data-listen-all=\"Gwrando ar y cyfan\" data-stop=\"Stopio\">") == 1);
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

TEST_CASE("html: a photo bigger than the page shows is made smaller, and one used twice is stored once") {
  // 401 by 200 pixels: the left half see-through black, the right half red.
  RasterImage photo;
  photo.width = 401;
  photo.height = 200;
  for (int y = 0; y < photo.height; ++y)
    for (int x = 0; x < photo.width; ++x) {
      const bool red = x >= 203;
      photo.data.insert(photo.data.end(), {std::uint8_t(red ? 255 : 0), 0, 0});
      photo.alpha.push_back(red ? 255 : 0);
    }
  content::Document doc = sample();
  doc.pictures.push_back({"photo", "photo", "wide.png", false, photo});
  doc.sections[0].rows[0].picture = {2, "A red wall", 1};
  doc.sections[0].rows[1].picture = {2, "A red wall", 1};
  html::Options options;
  options.look.picture_size = 36;  // 48 CSS px: 72 pixels, at 1.5 for each CSS pixel
  options.look.cover_picture_size = 72;
  const std::string page = render(doc, options);
  CHECK(count(page, "data:image/png") == 1);
  CHECK(count(page, "<svg role=\"img\" aria-label=\"A red wall\"><use href=\"#p2\"/></svg>") == 2);
  CHECK(count(page, "<symbol id=\"p2\" viewBox=\"0 0 401 200\"><image href=\"data:image/png") == 1);

  const std::string png = first_data(page, "image/png");
  const std::string path = std::filesystem::temp_directory_path() / "easyread-html-small.png";
  std::ofstream(path, std::ios::binary) << png;
  Diagnostics diags;
  const auto back = symbols::read_png(path, diags);
  std::filesystem::remove(path);
  REQUIRE(back);
  CHECK(back->width == 72);
  CHECK(back->height == 36);
  REQUIRE(back->alpha.size() == 72u * 36u);
  // Where see-through black meets red, the edge is part see-through red, not dark.
  int edges = 0;
  for (std::size_t i = 0; i < back->alpha.size(); ++i) {
    if (back->alpha[i] == 0) continue;
    CHECK(int(back->data[i * 3]) == 255);
    edges += back->alpha[i] < 255;
  }
  CHECK(edges == 36);  // one column

  // Used once, on the cover, it is an <img> with alt, sized for the cover picture.
  doc.sections[0].rows[0].picture = {0, "A bus", 1};
  doc.sections[0].rows[1].picture = {0, "A bus", 1};
  doc.cover.picture = {2, "A red wall", 1};
  const std::string cover = render(doc, options);
  CHECK(count(cover, "<img src=\"data:image/png") == 1);
  CHECK(count(cover, "alt=\"A red wall\" width=\"401\" height=\"200\"") == 1);
  CHECK(count(cover, "#p2") == 0);
}

TEST_CASE("html: symbol paths use SVG's short forms and read back to the same points") {
  using Op = PathCommand::Op;
  Path wavy;  // level and upright lines, a smooth curve, a sharp one, a curve after a line
  wavy.commands = {{Op::move, {10, 10}},
                   {Op::line, {30, 10}},
                   {Op::line, {30, 25.5}},
                   {Op::cubic, {30, 30, 35, 35, 40, 35}},
                   {Op::cubic, {45, 35, 50.3, 40, 50.3, 45}},
                   {Op::cubic, {60, 40, 61, 41, 62, 42}},
                   {Op::line, {60.5, 40.5}},
                   {Op::cubic, {60.5, 40.5, 61, 44, 66, 44}},
                   {Op::close, {}},
                   {Op::move, {12, 60}},
                   {Op::line, {13.5, 60.5}}};
  Path tick;
  tick.commands = {{Op::move, {20, 50}}, {Op::line, {25, 55}}, {Op::line, {35, 45}}};
  Shape pen;
  pen.stroke = Stroke{};
  pen.stroke->width = 2;
  pen.path = wavy;
  Shape second_line = pen;
  second_line.path = tick;
  Shape filled;
  filled.fill = Fill{};
  filled.fill->color = {1, 0, 0};
  filled.path = tick;
  Drawing drawing;
  drawing.shapes = {pen, second_line, filled, pen};

  content::Document doc = sample();
  doc.pictures[0].content = drawing;
  const std::string page = render(doc);
  const std::size_t from = page.find("<symbol id=\"p0\"");
  const std::string symbol = page.substr(from, page.find("</symbol>", from) - from);
  // The two lines drawn with the same pen one after the other are one path;
  // the filled shape between keeps the last one apart.
  std::vector<std::string> paths;
  const std::regex d_pattern("<path class=\"z\\d+\" d=\"([^\"]*)\"/>");
  for (auto it = std::sregex_iterator(symbol.begin(), symbol.end(), d_pattern); it != std::sregex_iterator(); ++it)
    paths.push_back((*it)[1]);
  REQUIRE(paths.size() == 3);
  CHECK(paths[0].find('h') != std::string::npos);
  CHECK(paths[0].find('v') != std::string::npos);
  CHECK(paths[0].find('s') != std::string::npos);
  CHECK(paths[0].find(".5.5") != std::string::npos);  // "1.5" then ".5", no space needed

  std::vector<PathCommand> expected = wavy.commands;
  expected.insert(expected.end(), tick.commands.begin(), tick.commands.end());
  const auto points = absolute_points(paths[0]);
  REQUIRE(points.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const std::size_t n = expected[i].op == Op::cubic ? 6 : expected[i].op == Op::close ? 0 : 2;
    REQUIRE(points[i].size() == n);
    for (std::size_t k = 0; k < n; ++k) CHECK(points[i][k] == Approx(expected[i].pts[k]).margin(0.051));
  }
  CHECK(absolute_points(paths[2]).size() == wavy.commands.size());
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
  // Each table is whole: a packed one unpacks (zlib, as browsers read it) to
  // exactly its length, and the tables' lengths add up to the font's size.
  const auto read32 = [&](std::size_t i) { return byte(i) << 24 | byte(i + 1) << 16 | byte(i + 2) << 8 | byte(i + 3); };
  const std::size_t tables = byte(12) << 8 | byte(13);
  std::size_t unpacked_size = 12 + 16 * tables;
  REQUIRE(tables >= 4);
  for (std::size_t t = 0; t < tables; ++t) {
    const std::size_t entry = 44 + 20 * t, offset = read32(entry + 4), packed = read32(entry + 8), length = read32(entry + 12);
    REQUIRE(offset + packed <= woff.size());
    unpacked_size += (length + 3) & ~std::size_t{3};
    if (packed == length) continue;  // kept as it is: packing did not make it smaller
    CHECK(packed < length);
    std::string table(length, '\0');
    uLongf made = length;
    CHECK(uncompress(reinterpret_cast<Bytef*>(table.data()), &made, reinterpret_cast<const Bytef*>(woff.data() + offset),
                     packed) == Z_OK);
    CHECK(made == length);
  }
  CHECK(read32(16) == unpacked_size);  // totalSfntSize
  // The bold face holds only the letters set in bold (hard words, headings),
  // not every letter of the text, so it is the smaller of the two.
  const std::size_t second = page.find("data:font/woff", page.find("data:font/woff") + 1);
  REQUIRE(second != std::string::npos);
  const std::string bold_woff = first_data(page.substr(second), "font/woff");
  REQUIRE(bold_woff.substr(0, 4) == "wOFF");
  CHECK(bold_woff.size() < woff.size());

  options.fonts.body = "/no/such/font.ttf";
  const std::string none = html::render(sample(), options, "notes.xml", diags);
  CHECK(none.empty());
  CHECK(diags.has_errors());
}
