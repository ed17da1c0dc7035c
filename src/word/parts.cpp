#include "word/parts.hpp"

#include <algorithm>

#include "word/xml.hpp"

namespace easyread::word {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Space between a heading and the row under it, as a share of the heading's
// size: the same gap the paged layout leaves.
constexpr double kHeadingGapRatio = 0.5;
// Left indent of a bullet point's text, and where its bullet hangs.
constexpr double kListIndent = 28;

pugi::xml_node w_root(pugi::xml_document& xml, const char* name) {
  return add(xml, name, {{"xmlns:w", kW}, {"xmlns:r", kR}});
}

void fonts(pugi::xml_node rpr, const std::string& family) {
  add(rpr, "w:rFonts", {{"w:ascii", family}, {"w:hAnsi", family}, {"w:eastAsia", family}, {"w:cs", family}});
}

void size(pugi::xml_node rpr, double points) {
  add(rpr, "w:sz", {{"w:val", half_points(points)}});
  add(rpr, "w:szCs", {{"w:val", half_points(points)}});
}

pugi::xml_node style(pugi::xml_node root, const char* type, const char* id, const char* name,
                     bool custom = false) {
  auto s = add(root, "w:style", {{"w:type", type}, {"w:styleId", id}});
  if (custom) s.append_attribute("w:customStyle").set_value("1");
  add(s, "w:name", {{"w:val", name}});
  if (std::string(type) == "paragraph" && std::string(id) != "Normal") add(s, "w:basedOn", {{"w:val", "Normal"}});
  return s;
}

void paragraph_styles(pugi::xml_node root, const style::Template& look) {
  auto normal = style(root, "paragraph", "Normal", "Normal");
  normal.append_attribute("w:default").set_value("1");
  add(normal, "w:qFormat");

  auto title = style(root, "paragraph", kTitleStyle, "Title");
  add(title, "w:next", {{"w:val", "Normal"}});
  add(title, "w:qFormat");
  add(add(title, "w:pPr"), "w:spacing", {{"w:after", twips(look.cover_title_size * 0.4)}});
  auto title_run = add(title, "w:rPr");
  fonts(title_run, look.heading_family);
  add(title_run, "w:b");
  add(title_run, "w:color", {{"w:val", hex_color(look.heading)}});
  size(title_run, look.cover_title_size);

  auto subtitle = style(root, "paragraph", kCoverLineStyle, "Subtitle");
  add(subtitle, "w:qFormat");
  add(add(subtitle, "w:pPr"), "w:spacing", {{"w:after", twips(look.subheading_size * 0.5)}});
  size(add(subtitle, "w:rPr"), look.subheading_size);

  auto heading = style(root, "paragraph", kHeadingStyle, "heading 1");
  add(heading, "w:next", {{"w:val", "Normal"}});
  add(heading, "w:qFormat");
  auto heading_para = add(heading, "w:pPr");
  add(heading_para, "w:keepNext");
  add(heading_para, "w:keepLines");
  if (look.rule_under_headings) {
    auto border = add(heading_para, "w:pBdr");
    add(border, "w:bottom", {{"w:val", "single"}, {"w:sz", "16"}, {"w:space", "4"},
                             {"w:color", hex_color(look.accent)}});
  }
  add(heading_para, "w:spacing", {{"w:before", twips(look.row_gap)},
                                  {"w:after", twips(look.heading_size * kHeadingGapRatio)}});
  add(heading_para, "w:outlineLvl", {{"w:val", "0"}});
  auto heading_run = add(heading, "w:rPr");
  fonts(heading_run, look.heading_family);
  add(heading_run, "w:b");
  add(heading_run, "w:color", {{"w:val", hex_color(look.heading)}});
  size(heading_run, look.heading_size);

  auto list = style(root, "paragraph", kListStyle, "List Bullet");
  auto list_para = add(list, "w:pPr");
  auto num = add(list_para, "w:numPr");
  add(num, "w:numId", {{"w:val", std::to_string(kBulletNumbering)}});
  add(list_para, "w:ind", {{"w:left", twips(kListIndent)}, {"w:hanging", twips(kListIndent)}});

  auto term = style(root, "paragraph", kTermStyle, "Word to know", true);
  add(add(term, "w:pPr"), "w:keepNext");
  add(add(term, "w:rPr"), "w:b");
  style(root, "paragraph", kExplanationStyle, "Word explanation", true);

  auto foot = style(root, "paragraph", "Footer", "footer");
  add(add(foot, "w:pPr"), "w:jc", {{"w:val", "center"}});
  size(add(foot, "w:rPr"), look.footer_size);
}

void character_styles(pugi::xml_node root, const style::Template& look) {
  auto hard = style(root, "character", kHardWordStyle, "Hard word", true);
  add(add(hard, "w:rPr"), "w:b");
  auto link = style(root, "character", kLinkStyle, "Hyperlink");
  auto link_run = add(link, "w:rPr");
  add(link_run, "w:color", {{"w:val", hex_color(look.accent)}});
  add(link_run, "w:u", {{"w:val", "single"}});
}

void table_style(pugi::xml_node root) {
  auto table = add(root, "w:style", {{"w:type", "table"}, {"w:styleId", kRowsTableStyle}, {"w:customStyle", "1"}});
  add(table, "w:name", {{"w:val", "Easy Read rows"}});
  auto props = add(table, "w:tblPr");
  auto borders = add(props, "w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
    add(borders, side, {{"w:val", "nil"}});
  auto margins = add(props, "w:tblCellMar");
  add(margins, "w:left", {{"w:w", "0"}, {"w:type", "dxa"}});
  add(margins, "w:right", {{"w:w", "0"}, {"w:type", "dxa"}});
}

}  // namespace

std::string word_language(const std::string& lang) {
  if (lang.find('-') != std::string::npos) return lang;
  if (lang == "cy" || lang == "en") return lang + "-GB";
  return lang;
}

std::string content_types(bool has_fonts) {
  pugi::xml_document xml;
  auto root = add(xml, "Types", {{"xmlns", "http://schemas.openxmlformats.org/package/2006/content-types"}});
  auto by_extension = [&](const char* ext, const char* type) {
    add(root, "Default", {{"Extension", ext}, {"ContentType", type}});
  };
  by_extension("rels", "application/vnd.openxmlformats-package.relationships+xml");
  by_extension("xml", "application/xml");
  by_extension("png", "image/png");
  by_extension("jpeg", "image/jpeg");
  by_extension("svg", "image/svg+xml");
  if (has_fonts) by_extension("odttf", "application/vnd.openxmlformats-officedocument.obfuscatedFont");
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  auto part = [&](const char* name, std::string type) {
    add(root, "Override", {{"PartName", name}, {"ContentType", std::move(type)}});
  };
  part("/word/document.xml", wml + "document.main+xml");
  part("/word/styles.xml", wml + "styles+xml");
  part("/word/settings.xml", wml + "settings+xml");
  part("/word/numbering.xml", wml + "numbering+xml");
  part("/word/fontTable.xml", wml + "fontTable+xml");
  part("/word/footer1.xml", wml + "footer+xml");
  part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  part("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return to_text(xml);
}

std::string package_relations() {
  Relations rels;
  rels.add(kRelOfficeDocument, "word/document.xml");
  rels.add("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
           "docProps/core.xml");
  rels.add("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
           "docProps/app.xml");
  return rels.text();
}

std::string core_properties(const content::Metadata& meta) {
  pugi::xml_document xml;
  auto root = add(xml, "cp:coreProperties",
                  {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
                   {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                   {"xmlns:dcterms", "http://purl.org/dc/terms/"}});
  add(root, "dc:title").text().set(meta.title.c_str());
  if (!meta.author.empty()) add(root, "dc:creator").text().set(meta.author.c_str());
  add(root, "dc:language").text().set(word_language(meta.lang).c_str());
  return to_text(xml);
}

std::string app_properties() {
  pugi::xml_document xml;
  auto root = add(xml, "Properties",
                  {{"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}});
  add(root, "Application").text().set("easyread");
  return to_text(xml);
}

std::string settings(const std::string& lang) {
  pugi::xml_document xml;
  auto root = w_root(xml, "w:settings");
  add(root, "w:displayBackgroundShape");  // Word shows the page colour only with this
  add(root, "w:defaultTabStop", {{"w:val", "720"}});
  add(root, "w:compat");
  add(root, "w:themeFontLang", {{"w:val", word_language(lang)}});
  return to_text(xml);
}

std::string styles(const style::Template& look, const std::string& lang, double single_line) {
  pugi::xml_document xml;
  auto root = w_root(xml, "w:styles");
  auto defaults = add(root, "w:docDefaults");
  auto run = add(add(defaults, "w:rPrDefault"), "w:rPr");
  fonts(run, look.body_family);
  add(run, "w:color", {{"w:val", hex_color(look.text)}});
  size(run, look.body_size);
  const std::string language = word_language(lang);
  add(run, "w:lang", {{"w:val", language}, {"w:eastAsia", language}, {"w:bidi", language}});
  auto para = add(add(defaults, "w:pPrDefault"), "w:pPr");
  // Word's line spacing is in 240ths of the font's own single line, which for
  // Andika is 1.61 times its size; the template's spacing is a share of the
  // size, as in the PDF. "auto" keeps lines in proportion when people change
  // a paragraph's size.
  const long line = std::lround(look.line_spacing * 240 / single_line);
  add(para, "w:spacing", {{"w:after", "0"}, {"w:line", std::to_string(line)}, {"w:lineRule", "auto"}});
  paragraph_styles(root, look);
  character_styles(root, look);
  table_style(root);
  return to_text(xml);
}

std::string numbering() {
  pugi::xml_document xml;
  auto root = w_root(xml, "w:numbering");
  auto abstract = add(root, "w:abstractNum", {{"w:abstractNumId", "0"}});
  add(abstract, "w:multiLevelType", {{"w:val", "singleLevel"}});
  auto level = add(abstract, "w:lvl", {{"w:ilvl", "0"}});
  add(level, "w:start", {{"w:val", "1"}});
  add(level, "w:numFmt", {{"w:val", "bullet"}});
  add(level, "w:lvlText", {{"w:val", "\xE2\x80\xA2"}});  // a round bullet
  add(level, "w:lvlJc", {{"w:val", "left"}});
  add(add(level, "w:pPr"), "w:ind", {{"w:left", twips(kListIndent)}, {"w:hanging", twips(kListIndent)}});
  auto num = add(root, "w:num", {{"w:numId", std::to_string(kBulletNumbering)}});
  add(num, "w:abstractNumId", {{"w:val", "0"}});
  return to_text(xml);
}

std::string font_table(const style::Template& look, const std::vector<EmbeddedFont>& embedded) {
  pugi::xml_document xml;
  auto root = w_root(xml, "w:fonts");
  std::vector<std::string> families{look.body_family};
  if (look.heading_family != look.body_family) families.push_back(look.heading_family);
  for (const auto& family : families) {
    auto font = add(root, "w:font", {{"w:name", family}});
    add(font, "w:charset", {{"w:val", "00"}});
    add(font, "w:family", {{"w:val", "swiss"}});
    add(font, "w:pitch", {{"w:val", "variable"}});
    // Embedded faces come last inside w:font, regular before bold.
    for (bool bold : {false, true})
      for (const auto& e : embedded)
        if (e.family == family && e.bold == bold)
          add(font, bold ? "w:embedBold" : "w:embedRegular", {{"r:id", e.relation_id}, {"w:fontKey", e.key}});
  }
  return to_text(xml);
}

std::string footer(const content::Labels& labels) {
  pugi::xml_document xml;
  auto root = w_root(xml, "w:ftr");
  auto p = add(root, "w:p");
  add(add(p, "w:pPr"), "w:pStyle", {{"w:val", "Footer"}});
  auto text = [&](const std::string& s) {
    if (s.empty()) return;
    auto t = add(add(p, "w:r"), "w:t", {{"xml:space", "preserve"}});
    t.text().set(s.c_str());
  };
  auto field = [&](const char* instruction, const char* shown) {
    auto f = add(p, "w:fldSimple", {{"w:instr", instruction}});
    add(add(f, "w:r"), "w:t").text().set(shown);
  };
  text(labels.page_before);
  field(" PAGE ", "2");
  text(labels.page_between);
  field(" NUMPAGES ", "2");
  text(labels.page_after);
  return to_text(xml);
}

}  // namespace easyread::word
