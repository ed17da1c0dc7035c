// The Word writer on a content tree made by hand: the package's parts, read
// back with libzip and pugixml.
#include <zip.h>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <string>

#include "word/word.hpp"

using namespace easyread;

namespace {

content::Sentence sentence(std::string text, bool bold = false, int word = -1) {
  content::Sentence s;
  s.runs.push_back({std::move(text), bold, {}, word});
  return s;
}

Picture square(const std::string& key) {
  Picture p;
  p.key = key;
  p.name = "a square";
  Drawing d;
  Shape shape;
  shape.path.commands = {{PathCommand::Op::move, {10, 10}}, {PathCommand::Op::line, {60, 10}},
                         {PathCommand::Op::line, {60, 60}}, {PathCommand::Op::close, {}}};
  shape.fill = Fill{{0.2, 0.4, 0.8}};
  d.shapes.push_back(shape);
  p.content = d;
  return p;
}

content::Document small_document() {
  content::Document doc;
  doc.metadata.title = "Our meeting";
  doc.metadata.lang = "cy";
  doc.metadata.author = "Speak Up";
  doc.labels.words_heading = "Words to know";
  doc.labels.page_before = "Page ";
  doc.labels.page_between = " of ";
  doc.cover.title = "Our meeting";
  doc.cover.date = "Wednesday 10 March 2027";
  doc.pictures.push_back(square("a"));
  content::Section section;
  section.title = "The bus";
  content::Row row;
  row.picture = {0, "A bus", 1};
  content::Sentences text;
  text.sentences.push_back(sentence("The bus is late."));
  content::Sentence second = sentence("This is a ");
  second.runs.push_back({"consultation", true, {}, 0});
  second.runs.push_back({".", false, {}, -1});
  text.sentences.push_back(second);
  row.parts.push_back(text);
  content::BulletList list;
  content::Sentences item;
  item.sentences.push_back(sentence("We listen."));
  list.items.push_back(item);
  row.parts.push_back(list);
  row.parts.push_back(content::Fact{content::Fact::Kind::who, "Who will do it:", "Sam"});
  section.rows.push_back(row);
  content::Row again;
  again.picture = {0, "The same bus", 1};
  again.parts.push_back(content::Sentences{{sentence("Same picture.")}});
  section.rows.push_back(again);
  doc.sections.push_back(section);
  content::WordEntry word;
  word.term = "consultation";
  word.anchor = "word-consultation";
  word.explanation.sentences.push_back(sentence("Asking people what they think."));
  doc.words.push_back(word);
  doc.closing.push_back({content::ClosingLine::Kind::credit, "Pictures: OpenMoji."});
  return doc;
}

struct Archive {
  explicit Archive(const std::string& bytes) : bytes_(bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive_) zip_source_free(source);
  }
  ~Archive() {
    if (archive_) zip_discard(archive_);
  }
  std::string part(const std::string& name) const {
    zip_stat_t st;
    if (!archive_ || zip_stat(archive_, name.c_str(), 0, &st) != 0) return {};
    zip_file_t* f = zip_fopen(archive_, name.c_str(), 0);
    std::string out(st.size, '\0');
    zip_fread(f, out.data(), out.size());
    zip_fclose(f);
    return out;
  }
  std::string name(zip_uint64_t i) const { return zip_get_name(archive_, i, 0); }
  zip_int64_t count() const { return archive_ ? zip_get_num_entries(archive_, 0) : -1; }

 private:
  std::string bytes_;
  zip_t* archive_ = nullptr;
};

std::string write_small(Diagnostics& diags) {
  style::Template look;
  word::Resources cache;
  return word::write(small_document(), look, {}, cache, "out.docx", diags);
}

}  // namespace

TEST_CASE("word: a Word package with every part, content types first") {
  Diagnostics diags;
  std::string bytes = write_small(diags);
  REQUIRE(!bytes.empty());
  Archive zip(bytes);
  REQUIRE(zip.count() > 10);
  CHECK(zip.name(0) == "[Content_Types].xml");
  for (const char* part : {"_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml",
                           "word/footer1.xml", "word/fontTable.xml", "docProps/core.xml"})
    CHECK(!zip.part(part).empty());
}

TEST_CASE("word: the same content gives the same bytes") {
  Diagnostics diags;
  CHECK(write_small(diags) == write_small(diags));
}

TEST_CASE("word: one picture used twice is stored once, as PNG and SVG") {
  Diagnostics diags;
  Archive zip(write_small(diags));
  int png = 0, svg = 0;
  for (zip_int64_t i = 0; i < zip.count(); ++i) {
    std::string name = zip.name(zip_uint64_t(i));
    png += name.rfind("word/media/", 0) == 0 && name.ends_with(".png");
    svg += name.rfind("word/media/", 0) == 0 && name.ends_with(".svg");
  }
  CHECK(png == 1);
  CHECK(svg == 1);
  pugi::xml_document xml;
  REQUIRE(xml.load_string(zip.part("word/document.xml").c_str()));
  auto pictures = xml.select_nodes("//wp:docPr");
  REQUIRE(pictures.size() == 2);
  CHECK(std::string(pictures[0].node().attribute("descr").value()) == "A bus");
  CHECK(std::string(pictures[1].node().attribute("descr").value()) == "The same bus");
}

TEST_CASE("word: rows never split, one paragraph a sentence, hard words link to the word list") {
  Diagnostics diags;
  Archive zip(write_small(diags));
  pugi::xml_document xml;
  REQUIRE(xml.load_string(zip.part("word/document.xml").c_str()));
  auto rows = xml.select_nodes("//w:tbl/w:tr");
  REQUIRE(rows.size() == 3);  // 2 rows in the section, 1 in the word list
  for (auto r : rows) CHECK(r.node().child("w:trPr").child("w:cantSplit"));
  auto first_text_cell = rows[0].node().child("w:tc").next_sibling("w:tc");
  auto paragraphs = first_text_cell.select_nodes("w:p");
  REQUIRE(paragraphs.size() == 4);  // 2 sentences, 1 list item, 1 fact
  auto link = xml.select_node("//w:hyperlink[@w:anchor]").node();
  REQUIRE(link);
  auto mark = xml.select_node("//w:bookmarkStart").node();
  CHECK(std::string(link.attribute("w:anchor").value()) == mark.attribute("w:name").value());
  CHECK(xml.select_node("//w:p[w:pPr/w:pStyle/@w:val='ListBullet']"));
  CHECK(xml.select_node("//w:p[w:pPr/w:pStyle/@w:val='Heading1']"));
  CHECK(xml.select_node("//w:sectPr/w:titlePg"));
}

TEST_CASE("word: footer fields and the Welsh language") {
  Diagnostics diags;
  Archive zip(write_small(diags));
  const std::string footer = zip.part("word/footer1.xml");
  CHECK(footer.find("w:instr=\" PAGE \"") != std::string::npos);
  CHECK(footer.find("w:instr=\" NUMPAGES \"") != std::string::npos);
  CHECK(footer.find(">Page <") != std::string::npos);
  CHECK(zip.part("word/styles.xml").find("w:lang w:val=\"cy-GB\"") != std::string::npos);
  CHECK(zip.part("docProps/core.xml").find("<dc:title>Our meeting</dc:title>") != std::string::npos);
}
