#include "word/body.hpp"

#include <map>
#include <set>

#include "word/media.hpp"
#include "word/parts.hpp"

namespace easyread::word {
namespace {

constexpr const char* kSvgExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
constexpr std::size_t kLongestBookmark = 40;  // Word's limit on bookmark names

// A paragraph's text as runs: bold, hard words (linked to their entry in the
// word list), and links.
class BodyWriter {
 public:
  BodyWriter(const content::Document& doc, const style::Template& look, Package& package,
             Relations& relations, Resources& cache, const std::string& file, Diagnostics& diags,
             Deadline deadline)
      : doc_(doc), look_(look), package_(package), relations_(relations), cache_(cache), file_(file),
        diags_(diags), deadline_(deadline) {
    for (const auto& word : doc.words) bookmarks_.push_back(bookmark_name(word.anchor));
  }

  void cover(pugi::xml_node body);
  void section(pugi::xml_node body, const content::Section& section);
  void word_list(pugi::xml_node body);
  void closing(pugi::xml_node body);
  void page_setup(pugi::xml_node body, const std::string& footer_relation);
  bool ok() const { return ok_; }

 private:
  double content_width() const { return look_.page_width - look_.margin_left - look_.margin_right; }
  pugi::xml_node paragraph(pugi::xml_node parent, const char* style = nullptr);
  void text_run(pugi::xml_node parent, const std::string& text, bool bold = false, const char* style = nullptr);
  void sentence(pugi::xml_node parent, const content::Sentence& s, const char* style = nullptr);
  void sentences(pugi::xml_node cell, const content::Sentences& s, const char* style = nullptr);
  void heading(pugi::xml_node body, const std::string& title);
  pugi::xml_node rows_table(pugi::xml_node body);
  pugi::xml_node row(pugi::xml_node table, const content::PictureUse& picture);
  void picture(pugi::xml_node parent, const content::PictureUse& use, double box);
  std::string bookmark_name(const std::string& anchor);

  const content::Document& doc_;
  const style::Template& look_;
  Package& package_;
  Relations& relations_;
  Resources& cache_;
  const std::string& file_;
  Diagnostics& diags_;
  Deadline deadline_;
  std::vector<std::string> bookmarks_;  // one per word-list entry
  std::set<std::string> used_bookmarks_;
  struct Stored {
    std::string main_relation, svg_relation;
  };
  std::map<int, Stored> stored_;  // by picture index
  std::map<std::string, std::string> link_relations_;  // by web address
  int next_drawing_id_ = 1;
  bool new_page_next_ = false;
  bool ok_ = true;
};

pugi::xml_node BodyWriter::paragraph(pugi::xml_node parent, const char* style) {
  auto p = add(parent, "w:p");
  if (style || new_page_next_) {
    auto props = add(p, "w:pPr");
    if (style) add(props, "w:pStyle", {{"w:val", style}});
    if (new_page_next_) add(props, "w:pageBreakBefore");
    new_page_next_ = false;
  }
  return p;
}

void BodyWriter::text_run(pugi::xml_node parent, const std::string& text, bool bold, const char* style) {
  auto r = add(parent, "w:r");
  if (bold || style) {
    auto props = add(r, "w:rPr");
    if (style) add(props, "w:rStyle", {{"w:val", style}});
    if (bold) add(props, "w:b");
  }
  add(r, "w:t", {{"xml:space", "preserve"}}).text().set(text.c_str());
}

void BodyWriter::sentence(pugi::xml_node parent, const content::Sentence& s, const char* style) {
  auto p = paragraph(parent, style);
  for (const auto& run : s.runs) {
    if (run.word >= 0 && static_cast<std::size_t>(run.word) < bookmarks_.size()) {
      auto link = add(p, "w:hyperlink", {{"w:anchor", bookmarks_[std::size_t(run.word)]}});
      text_run(link, run.text, false, kHardWordStyle);
    } else if (!run.link.empty()) {
      auto [it, added] = link_relations_.emplace(run.link, std::string());
      if (added) it->second = relations_.add(kRelHyperlink, run.link, true);
      auto link = add(p, "w:hyperlink", {{"r:id", it->second}});
      text_run(link, run.text, run.bold, kLinkStyle);
    } else {
      text_run(p, run.text, run.bold);
    }
  }
}

void BodyWriter::sentences(pugi::xml_node cell, const content::Sentences& s, const char* style) {
  for (const auto& one : s.sentences) sentence(cell, one, style);
}

void BodyWriter::heading(pugi::xml_node body, const std::string& title) {
  auto p = paragraph(body, kHeadingStyle);
  text_run(p, title);
}

// A table without borders: the picture column, then the text column (or the
// other way round when the template puts pictures on the right).
pugi::xml_node BodyWriter::rows_table(pugi::xml_node body) {
  auto table = add(body, "w:tbl");
  auto props = add(table, "w:tblPr");
  add(props, "w:tblStyle", {{"w:val", kRowsTableStyle}});
  add(props, "w:tblW", {{"w:w", twips(content_width())}, {"w:type", "dxa"}});
  add(props, "w:tblLayout", {{"w:type", "fixed"}});
  add(props, "w:tblLook", {{"w:val", "0000"}, {"w:firstRow", "0"}, {"w:lastRow", "0"}, {"w:firstColumn", "0"},
                           {"w:lastColumn", "0"}, {"w:noHBand", "1"}, {"w:noVBand", "1"}});
  auto grid = add(table, "w:tblGrid");
  const double picture_column = look_.picture_size + look_.picture_gap;
  const double text_column = content_width() - picture_column;
  const double first = look_.picture_left ? picture_column : text_column;
  add(grid, "w:gridCol", {{"w:w", twips(first)}});
  add(grid, "w:gridCol", {{"w:w", twips(picture_column + text_column - first)}});
  return table;
}

// A row that never breaks across pages. Returns its text cell; the picture
// cell is filled here.
pugi::xml_node BodyWriter::row(pugi::xml_node table, const content::PictureUse& use) {
  auto tr = add(table, "w:tr");
  add(add(tr, "w:trPr"), "w:cantSplit");
  const double picture_column = look_.picture_size + look_.picture_gap;
  auto cell = [&](double width, bool is_picture) {
    auto tc = add(tr, "w:tc");
    auto props = add(tc, "w:tcPr");
    add(props, "w:tcW", {{"w:w", twips(width)}, {"w:type", "dxa"}});
    auto margins = add(props, "w:tcMar");
    add(margins, "w:bottom", {{"w:w", twips(look_.row_gap)}, {"w:type", "dxa"}});
    if (is_picture)
      add(margins, look_.picture_left ? "w:right" : "w:left", {{"w:w", twips(look_.picture_gap)}, {"w:type", "dxa"}});
    return tc;
  };
  pugi::xml_node text_cell;
  for (int column = 0; column < 2; ++column) {
    const bool is_picture = (column == 0) == look_.picture_left;
    auto tc = cell(is_picture ? picture_column : content_width() - picture_column, is_picture);
    if (!is_picture) {
      text_cell = tc;
      continue;
    }
    auto p = add(tc, "w:p");
    auto props = add(p, "w:pPr");
    add(props, "w:spacing", {{"w:line", "240"}, {"w:lineRule", "auto"}});
    add(props, "w:jc", {{"w:val", "center"}});  // a wide picture sits in the middle of its box
    if (use.present()) picture(p, use, look_.picture_size);
  }
  return text_cell;
}

std::string BodyWriter::bookmark_name(const std::string& anchor) {
  // Letters, digits and underscores, starting with a letter.
  std::string name = "w_";
  for (char c : anchor) name += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  if (name.size() > kLongestBookmark - 4) name.resize(kLongestBookmark - 4);
  std::string unique = name;
  for (int n = 2; used_bookmarks_.count(unique); ++n) unique = name + "_" + std::to_string(n);
  used_bookmarks_.insert(unique);
  return unique;
}

// An inline picture, fitted into a square box of `box` points, keeping its
// shape. Each distinct picture is stored once in the package.
void BodyWriter::picture(pugi::xml_node parent, const content::PictureUse& use, double box) {
  auto found = stored_.find(use.picture);
  if (found == stored_.end()) {
    std::string error;
    PictureFiles files = picture_files(doc_.pictures.at(std::size_t(use.picture)), box, cache_, error);
    if (files.main.empty()) {
      diags_.error(file_, {}, "word-picture", "I could not put a picture in the Word file: " + error + ".",
                   "Try the picture in another format, such as PNG.");
      ok_ = false;
      return;
    }
    const std::string base = "media/picture" + std::to_string(stored_.size() + 1);
    Stored stored;
    stored.main_relation = relations_.add(kRelImage, base + "." + files.extension);
    package_.add("word/" + base + "." + files.extension, std::move(files.main), Package::Packing::as_it_is);
    if (!files.svg.empty()) {
      stored.svg_relation = relations_.add(kRelImage, base + ".svg");
      package_.add("word/" + base + ".svg", std::move(files.svg));
    }
    found = stored_.emplace(use.picture, stored).first;
  }
  const double aspect = use.aspect > 0 ? use.aspect : 1;
  const double width = aspect >= 1 ? box : box * aspect;
  const double height = aspect >= 1 ? box / aspect : box;
  const std::string id = std::to_string(next_drawing_id_++);
  const std::string name = "Picture " + id;
  auto inline_ = add(add(add(parent, "w:r"), "w:drawing"), "wp:inline",
                     {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
  add(inline_, "wp:extent", {{"cx", emu(width)}, {"cy", emu(height)}});
  add(inline_, "wp:docPr", {{"id", id}, {"name", name}, {"descr", use.alt}});
  add(add(inline_, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks", {{"noChangeAspect", "1"}});
  auto data = add(add(inline_, "a:graphic"), "a:graphicData",
                  {{"uri", "http://schemas.openxmlformats.org/drawingml/2006/picture"}});
  auto pic = add(data, "pic:pic");
  auto names = add(pic, "pic:nvPicPr");
  add(names, "pic:cNvPr", {{"id", id}, {"name", name}, {"descr", use.alt}});
  add(names, "pic:cNvPicPr");
  auto fill = add(pic, "pic:blipFill");
  auto blip = add(fill, "a:blip", {{"r:embed", found->second.main_relation}});
  if (!found->second.svg_relation.empty()) {
    auto ext = add(add(blip, "a:extLst"), "a:ext", {{"uri", kSvgExtension}});
    add(ext, "asvg:svgBlip", {{"r:embed", found->second.svg_relation}});
  }
  add(add(fill, "a:stretch"), "a:fillRect");
  auto shape = add(pic, "pic:spPr");
  auto xfrm = add(shape, "a:xfrm");
  add(xfrm, "a:off", {{"x", "0"}, {"y", "0"}});
  add(xfrm, "a:ext", {{"cx", emu(width)}, {"cy", emu(height)}});
  add(add(shape, "a:prstGeom", {{"prst", "rect"}}), "a:avLst");
}

void BodyWriter::cover(pugi::xml_node body) {
  const content::Cover& c = doc_.cover;
  if (!c.organisation.empty()) {
    auto p = paragraph(body, kCoverLineStyle);
    auto r = add(p, "w:r");
    add(add(r, "w:rPr"), "w:color", {{"w:val", hex_color(look_.accent)}});
    add(r, "w:t", {{"xml:space", "preserve"}}).text().set(c.organisation.c_str());
  }
  auto date = [&] {
    if (!c.date.empty()) text_run(paragraph(body, kCoverLineStyle), c.date);
  };
  if (c.date_first) date();
  text_run(paragraph(body, kTitleStyle), c.title);
  if (!c.date_first) date();
  if (c.picture.present()) {
    auto p = paragraph(body);
    add(add(p, "w:pPr"), "w:spacing", {{"w:before", twips(look_.row_gap)}, {"w:after", twips(look_.row_gap)},
                                       {"w:line", "240"}, {"w:lineRule", "auto"}});
    picture(p, c.picture, look_.cover_picture_size);
  }
  sentences(body, c.text, kCoverLineStyle);
  new_page_next_ = true;  // the body starts on a new page, as in the PDF
}

void BodyWriter::section(pugi::xml_node body, const content::Section& section) {
  if (!section.title.empty()) heading(body, section.title);
  if (section.rows.empty()) return;
  auto table = rows_table(body);
  for (const auto& r : section.rows) {
    deadline_.check();
    auto cell = row(table, r.picture);
    for (const auto& part : r.parts) {
      std::visit(
          [&](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, content::Sentences>) {
              sentences(cell, p);
            } else if constexpr (std::is_same_v<T, content::BulletList>) {
              for (const auto& item : p.items)
                for (std::size_t i = 0; i < item.sentences.size(); ++i) {
                  sentence(cell, item.sentences[i], kListStyle);
                  if (i == 0) continue;
                  // Later sentences of an item: the same indent, no bullet.
                  auto numbering = add(cell.last_child().child("w:pPr"), "w:numPr");
                  add(numbering, "w:ilvl", {{"w:val", "0"}});
                  add(numbering, "w:numId", {{"w:val", "0"}});
                }
            } else {
              static_assert(std::is_same_v<T, content::Fact>, "every kind of row part is written");
              auto para = paragraph(cell);
              text_run(para, p.label, true);
              text_run(para, " " + p.value);
            }
          },
          part);
    }
    if (!cell.child("w:p")) add(cell, "w:p");  // Word needs a paragraph in every cell
  }
}

void BodyWriter::word_list(pugi::xml_node body) {
  if (doc_.words.empty()) return;
  heading(body, doc_.labels.words_heading);
  auto table = rows_table(body);
  for (std::size_t i = 0; i < doc_.words.size(); ++i) {
    deadline_.check();
    const auto& word = doc_.words[i];
    auto cell = row(table, word.picture);
    auto p = paragraph(cell, kTermStyle);
    const std::string id = std::to_string(i + 1);
    add(p, "w:bookmarkStart", {{"w:id", id}, {"w:name", bookmarks_[i]}});
    text_run(p, word.term);
    add(p, "w:bookmarkEnd", {{"w:id", id}});
    sentences(cell, word.explanation, kExplanationStyle);
  }
}

void BodyWriter::closing(pugi::xml_node body) {
  for (const auto& line : doc_.closing) {
    auto p = paragraph(body);
    add(add(p, "w:pPr"), "w:spacing", {{"w:before", twips(look_.row_gap)}});
    text_run(p, line.text);
  }
}

void BodyWriter::page_setup(pugi::xml_node body, const std::string& footer_relation) {
  auto props = add(body, "w:sectPr");
  add(props, "w:footerReference", {{"w:type", "default"}, {"r:id", footer_relation}});
  add(props, "w:pgSz", {{"w:w", twips(look_.page_width)}, {"w:h", twips(look_.page_height)}});
  add(props, "w:pgMar", {{"w:top", twips(look_.margin_top)}, {"w:right", twips(look_.margin_right)},
                         {"w:bottom", twips(look_.margin_bottom)}, {"w:left", twips(look_.margin_left)},
                         {"w:header", twips(look_.margin_top / 2)},
                         {"w:footer", twips(look_.margin_bottom * 0.45)}, {"w:gutter", "0"}});
  add(props, "w:titlePg");  // no page number on the cover
}

// The document's pictures in the order the writer stores them, each with
// the box it is first shown in (as BodyWriter::picture stores it).
std::vector<PictureToDraw> pictures_in_order(const content::Document& doc, const style::Template& look) {
  std::vector<PictureToDraw> pictures;
  std::set<int> seen;
  auto use = [&](const content::PictureUse& u, double box) {
    if (u.present() && seen.insert(u.picture).second)
      pictures.push_back({&doc.pictures.at(std::size_t(u.picture)), box});
  };
  use(doc.cover.picture, look.cover_picture_size);
  for (const auto& section : doc.sections)
    for (const auto& row : section.rows) use(row.picture, look.picture_size);
  return pictures;
}

}  // namespace

BodyResult write_body(const content::Document& doc, const style::Template& look, Package& package,
                      Relations& relations, const std::string& footer_relation, Resources& cache,
                      const std::string& file, Diagnostics& diags, Deadline deadline) {
  pugi::xml_document xml;
  auto root = add(xml, "w:document",
                  {{"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
                   {"xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
                   {"xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
                   {"xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
                   {"xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"},
                   {"xmlns:asvg", "http://schemas.microsoft.com/office/drawing/2016/SVG/main"}});
  if (!(look.background == Color{1, 1, 1})) add(root, "w:background", {{"w:color", hex_color(look.background)}});
  auto body = add(root, "w:body");
  draw_symbols_ahead(pictures_in_order(doc, look), cache, deadline);
  BodyWriter writer(doc, look, package, relations, cache, file, diags, deadline);
  writer.cover(body);
  for (const auto& section : doc.sections) writer.section(body, section);
  writer.word_list(body);
  writer.closing(body);
  writer.page_setup(body, footer_relation);
  return {to_text(xml), writer.ok()};
}

}  // namespace easyread::word
