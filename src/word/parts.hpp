// The parts of a Word package that do not hold the document's text: content
// types, properties, settings, styles, list numbering, fonts and the footer.
#pragma once
#include <string>
#include <vector>

#include "content/content.hpp"
#include "style/style.hpp"

namespace easyread::word {

// Style ids used by the body (styles.xml defines them).
inline constexpr const char* kTitleStyle = "Title";
inline constexpr const char* kCoverLineStyle = "Subtitle";
inline constexpr const char* kHeadingStyle = "Heading1";
inline constexpr const char* kHardWordStyle = "HardWord";
inline constexpr const char* kLinkStyle = "Hyperlink";
inline constexpr const char* kListStyle = "ListBullet";
inline constexpr const char* kTermStyle = "WordTerm";
inline constexpr const char* kExplanationStyle = "WordExplanation";
inline constexpr const char* kRowsTableStyle = "EasyReadRows";
inline constexpr int kBulletNumbering = 1;  // w:numId of the bullet list

// An embedded font part: its relationship id in fontTable.xml.rels and key.
struct EmbeddedFont {
  std::string family;
  bool bold = false;
  std::string relation_id;
  std::string key;  // "{XXXXXXXX-XXXX-...}", upper-case hex
};

// "en-GB" stays, "cy" becomes "cy-GB": Word wants a region.
std::string word_language(const std::string& lang);

std::string content_types(bool has_fonts);
std::string package_relations();
std::string core_properties(const content::Metadata& meta);
std::string app_properties();
std::string settings(const std::string& lang);
// `single_line` is the body font's own line height as a share of its size
// (see single_line_ratio); 1 when it is not known.
std::string styles(const style::Template& look, const std::string& lang, double single_line);
std::string numbering();
std::string font_table(const style::Template& look, const std::vector<EmbeddedFont>& fonts);
std::string footer(const content::Labels& labels);

}  // namespace easyread::word
