// The parts of a Word file that a draft needs besides the text: styles
// (headings), numbering (lists), footnotes, relationships (pictures) and the
// document's own title. Private to the draft stage.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "draft/draft.hpp"

namespace easyread::draft::detail {

// No real document nests elements this deep; a hostile one may.
constexpr int kDeepest = 200;
// Pictures kept from one document: far more than any meeting's notes hold.
constexpr std::size_t kMostImageBytes = 64u << 20;

struct ParagraphStyle {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;
  bool numbered = false;
  int list = 0;
};

class DocxParts {
 public:
  explicit DocxParts(std::string_view archive) : archive_(archive) {}

  // Reads one XML part. Returns what went wrong, if anything (a missing part
  // is only a problem when `required`).
  std::optional<std::string> load(const std::string& name, pugi::xml_document& into, bool required);
  // Styles, numbering, footnotes, relationships and properties: each is optional.
  void load_support();

  std::string core_title() const;
  ParagraphStyle style_of(const pugi::xml_node& paragraph) const;
  // The words of one paragraph as Word shows them with changes accepted:
  // deleted text, field codes and comments left out. Paragraphs inside it
  // (text boxes) go to `inner`, or are skipped when it is null. False when
  // the paragraph is nested too deeply.
  bool paragraph_text(const pugi::xml_node& paragraph, std::string& text, std::vector<Image>& images,
                      std::vector<std::string>& footnotes, std::vector<pugi::xml_node>* inner);
  // Calls `visit` for every paragraph under `node`, in order. False when too
  // deep or when `visit` says so.
  bool all_paragraphs(const pugi::xml_node& node, const std::function<bool(const pugi::xml_node&)>& visit) const;

 private:
  struct Style {
    std::string name;    // lower case: "heading 1", "title", "list number"
    int outline = -1;    // w:outlineLvl
    std::string num_id;  // a list style's numbering
  };
  std::optional<Image> image(const std::string& relationship, std::string alt);
  bool numbered(const std::string& num_id, int level) const;

  std::string_view archive_;
  pugi::xml_document core_;
  std::map<std::string, Style, std::less<>> styles_;                  // style id -> style
  std::map<std::string, std::map<int, std::string>, std::less<>> formats_;  // numId -> level -> numFmt
  std::map<std::string, std::string, std::less<>> footnotes_;         // id -> text
  std::map<std::string, std::string, std::less<>> targets_;           // relationship id -> part name
  std::map<std::string, Image, std::less<>> images_;                  // relationship id -> picture
  std::size_t image_bytes_ = 0;
};

}  // namespace easyread::draft::detail
