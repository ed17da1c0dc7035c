// Style: the look of a document (page, fonts, sizes, colours), read from
// templates/NAME.xml, and the words every output adds, read from
// templates/strings/LANG.xml. Content and every writer (PDF, web page, Word)
// read them, so a document looks and reads the same in each.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/graphics.hpp"

namespace easyread::style {

struct Template {
  std::string name;
  std::string path;
  double page_width = 595.276, page_height = 841.89;  // points
  double margin_top = 56.7, margin_bottom = 56.7, margin_left = 51, margin_right = 51;
  std::string body_family = "Andika";
  std::string heading_family = "Andika";
  double body_size = 16, heading_size = 26, subheading_size = 20, footer_size = 12,
         cover_title_size = 34;
  double line_spacing = 1.5;
  Color text{0.1, 0.1, 0.1};
  Color heading{0.1, 0.2, 0.37};
  Color accent{0.12, 0.43, 0.7};
  Color background{1, 1, 1};
  double picture_size = 113.4;  // 40 mm
  bool picture_left = true;
  double picture_gap = 22.7;    // between picture and text
  double row_gap = 22.7;        // between rows
  double cover_picture_size = 198.4;  // 70 mm
  bool cover_date_first = false;      // "minutes": the meeting date above the title
  bool rule_under_headings = true;    // a thin accent line under section headings
};

// Loads a template by name (templates/NAME.xml under data_home) or by path.
// Errors (unknown name, bad values, text too small, colours too close) go to
// diags with the template's file, line and column. With `allowed_folders`
// (for a template a document chose), a path outside them is an error.
std::optional<Template> load_template(const std::string& name_or_path, const std::string& data_home,
                                      const std::string& document_dir, Diagnostics& diags,
                                      const std::vector<std::filesystem::path>* allowed_folders = nullptr);

// Contrast ratio of two colours by the WCAG 2 formula (1 to 21).
double contrast_ratio(const Color& a, const Color& b);

// The words the layout itself writes ("Words to know", "Page 2 of 8"), in the
// document's language, with English as the fallback.
class Strings {
 public:
  static Strings load(const std::string& data_home, const std::string& lang, Diagnostics& diags);
  // The string `id` with {name} placeholders filled in.
  std::string get(const std::string& id, const std::map<std::string, std::string>& values = {}) const;

 private:
  std::map<std::string, std::string> strings_;
};

}  // namespace easyread::style
