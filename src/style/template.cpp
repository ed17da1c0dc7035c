#include "base/files.hpp"
#include "style/style.hpp"

#include <pugixml.hpp>

#include <cmath>
#include <filesystem>
#include <functional>
#include <set>
#include <sstream>

#include "base/files.hpp"
#include "text/text.hpp"

namespace easyread::style {
namespace fs = std::filesystem;
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kSmallestBodySize = 14;  // Easy Read guides: at least 14 pt
constexpr double kLowestContrast = 4.5;   // WCAG 1.4.3
// Beyond these, pages cannot hold the text at all.
constexpr double kLargestBodySize = 48;
constexpr double kSmallestOtherSize = 8, kLargestOtherSize = 96;
constexpr double kLargestLineSpacing = 3;
constexpr double kNarrowestText = 50 * kPointsPerMm, kShortestText = 100 * kPointsPerMm;

// A template is a few lines; anything bigger is not a template.
constexpr std::uint64_t kLargestTemplate = 1ull << 20;

// Reads one template file, reporting problems at their line and column.
class TemplateReader {
 public:
  TemplateReader(std::string path, std::string source, Diagnostics& diags)
      : path_(std::move(path)), source_(std::move(source)), index_(source_), diags_(diags) {}

  std::optional<Template> read() {
    pugi::xml_document xml;
    auto result = xml.load_buffer(source_.data(), source_.size());
    if (!result) {
      fail(static_cast<std::size_t>(result.offset),
           "This template has a mistake: " + std::string(result.description()) + ".",
           "Check the template file near this place.");
      return std::nullopt;
    }
    auto root = xml.child("template");
    if (!root) {
      fail(0, "This file is not a template.", "A template starts with <template>.");
      return std::nullopt;
    }
    Template t;
    t.path = path_;
    t.name = root.attribute("name").as_string(fs::path(path_).stem().c_str());
    for (auto node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      std::string name = node.name();
      if (name == "page") read_page(node, t);
      else if (name == "fonts") read_attributes(node, {{"body", text_to(t.body_family)},
                                                       {"heading", text_to(t.heading_family)}});
      else if (name == "sizes")
        read_attributes(node, {{"body", length_to(t.body_size)},
                               {"heading", length_to(t.heading_size)},
                               {"subheading", length_to(t.subheading_size)},
                               {"footer", length_to(t.footer_size)},
                               {"cover-title", length_to(t.cover_title_size)}});
      else if (name == "text")
        read_attributes(node, {{"line-spacing", number_to(t.line_spacing)},
                               {"color", color_to(t.text)},
                               {"heading-color", color_to(t.heading)},
                               {"accent", color_to(t.accent)}});
      else if (name == "pictures") read_pictures(node, t);
      else if (name == "rows") read_attributes(node, {{"gap", length_to(t.row_gap)}});
      else if (name == "cover") read_cover(node, t);
      else fail(node, "A template cannot have <" + name + ">.",
                "Use page, fonts, sizes, text, pictures, rows or cover.");
    }
    validate(root, t);
    if (failed_) return std::nullopt;
    return t;
  }

 private:
  using Setter = std::function<bool(const std::string&)>;

  void read_page(pugi::xml_node node, Template& t) {
    std::string size = node.attribute("size").as_string("A4");
    if (size == "A4") t.page_width = 210 * kPointsPerMm, t.page_height = 297 * kPointsPerMm;
    else if (size == "A5") t.page_width = 148 * kPointsPerMm, t.page_height = 210 * kPointsPerMm;
    else if (size == "A3") t.page_width = 297 * kPointsPerMm, t.page_height = 420 * kPointsPerMm;
    else if (size == "letter") t.page_width = 612, t.page_height = 792;
    else fail(node, "The page size \"" + size + "\" is not one I know.", "Use A4, A5, A3 or letter.");
    read_attributes(node, {{"size", [](const std::string&) { return true; }},
                           {"margin-top", length_to(t.margin_top)},
                           {"margin-bottom", length_to(t.margin_bottom)},
                           {"margin-left", length_to(t.margin_left)},
                           {"margin-right", length_to(t.margin_right)},
                           {"background", color_to(t.background)}});
  }

  void read_pictures(pugi::xml_node node, Template& t) {
    read_attributes(node, {{"size", length_to(t.picture_size)},
                           {"gap", length_to(t.picture_gap)},
                           {"cover-size", length_to(t.cover_picture_size)},
                           {"side", [&t](const std::string& v) {
                              t.picture_left = v == "left";
                              return v == "left" || v == "right";
                            }}});
  }

  void read_cover(pugi::xml_node node, Template& t) {
    read_attributes(node, {{"date", [&t](const std::string& v) {
                              t.cover_date_first = v == "first";
                              return v == "first" || v == "last";
                            }},
                           {"heading-rule", [&t](const std::string& v) {
                              t.rule_under_headings = v == "yes";
                              return v == "yes" || v == "no";
                            }}});
  }

  void read_attributes(pugi::xml_node node, const std::map<std::string, Setter>& setters) {
    for (auto attribute : node.attributes()) {
      auto it = setters.find(attribute.name());
      if (it == setters.end()) {
        fail(node, "<" + std::string(node.name()) + "> cannot have \"" + attribute.name() + "\".",
             "Check the spelling. The README lists what each part of a template can have.");
      } else if (!it->second(attribute.value())) {
        fail(node, "\"" + std::string(attribute.value()) + "\" is not right for " +
                       attribute.name() + ".",
             "The README shows the values a template can use.");
      }
    }
  }

  static Setter text_to(std::string& out) {
    return [&out](const std::string& v) { out = v; return !v.empty(); };
  }
  static Setter number_to(double& out) {
    return [&out](const std::string& v) {
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end != '\0' || !(d > 0)) return false;
      out = d;
      return true;
    };
  }
  // "16pt", "40mm", "4cm", or a bare number of points.
  static Setter length_to(double& out) {
    return [&out](const std::string& v) {
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || !(d >= 0)) return false;
      std::string unit(end);
      if (unit == "mm") d *= kPointsPerMm;
      else if (unit == "cm") d *= 10 * kPointsPerMm;
      else if (unit != "pt" && !unit.empty()) return false;
      out = d;
      return true;
    };
  }
  static Setter color_to(Color& out) {
    return [&out](const std::string& v) {
      if (v.size() != 7 || v[0] != '#') return false;
      unsigned value = 0;
      for (std::size_t i = 1; i < 7; ++i) {
        if (!std::isxdigit(static_cast<unsigned char>(v[i]))) return false;
        value = value * 16 + static_cast<unsigned>(std::stoi(std::string(1, v[i]), nullptr, 16));
      }
      out = {((value >> 16) & 0xFF) / 255.0, ((value >> 8) & 0xFF) / 255.0, (value & 0xFF) / 255.0};
      return true;
    };
  }

  void validate(pugi::xml_node root, const Template& t) {
    auto where = root.child("sizes") ? root.child("sizes") : root;
    if (t.body_size < kSmallestBodySize) {
      std::ostringstream m;
      m << "The body text is " << t.body_size << " pt. That is too small to read easily.";
      fail(where, m.str(), "Make the body size 14 pt or more. 16 pt is best.");
    }
    check_sizes(root, t);
    auto colours = root.child("text") ? root.child("text") : root;
    auto check = [&](const Color& fg, const char* what) {
      double ratio = contrast_ratio(fg, t.background);
      if (ratio >= kLowestContrast) return;
      std::ostringstream m;
      m.precision(2);
      m << "The " << what << " colour is too close to the background. The contrast is " << std::fixed
        << ratio << " to 1.";
      fail(colours, m.str(), "Choose colours with a contrast of at least 4.5 to 1. Dark text on white is best.");
    };
    check(t.text, "text");
    check(t.heading, "heading");
    check(t.accent, "accent");  // used for the organisation's name and for bullets
  }

  // Sizes that leave no room on the page, or make text too big or too small
  // to draw, are errors here, so the layout never meets them.
  void check_sizes(pugi::xml_node root, const Template& t) {
    auto node_or_root = [&](const char* name) { return root.child(name) ? root.child(name) : root; };
    auto say = [](double points) {
      std::ostringstream m;
      m << std::round(points * 10) / 10;
      return m.str();
    };
    if (t.body_size > kLargestBodySize)
      fail(node_or_root("sizes"), "The body text is " + say(t.body_size) + " pt. That is too big for a page.",
           "Make the body size between 14 pt and 48 pt. 16 pt is best.");
    const std::pair<const char*, double> others[] = {{"heading", t.heading_size},
                                                     {"subheading", t.subheading_size},
                                                     {"footer", t.footer_size},
                                                     {"cover-title", t.cover_title_size}};
    for (const auto& [what, size] : others)
      if (size < kSmallestOtherSize || size > kLargestOtherSize)
        fail(node_or_root("sizes"), "The " + std::string(what) + " size is " + say(size) + " pt. That cannot go on a page.",
             "Make it between 8 pt and 96 pt.");
    if (t.line_spacing < 1 || t.line_spacing > kLargestLineSpacing)
      fail(node_or_root("text"), "The line spacing is " + say(t.line_spacing) + ". Lines would not fit on the page.",
           "Make the line spacing between 1 and 3. 1.5 is best.");
    const double text_width = t.page_width - t.margin_left - t.margin_right - t.picture_size - t.picture_gap;
    const double text_height = t.page_height - t.margin_top - t.margin_bottom;
    if (text_width < kNarrowestText)
      fail(node_or_root("page"),
           "The margins and pictures leave " + say(std::max(0.0, text_width) / kPointsPerMm) +
               " mm across the page for text. That is too little.",
           "Make the margins, the pictures or the gap smaller, so that at least 50 mm is left for text.");
    else if (text_height < kShortestText || t.picture_size > text_height ||
        t.cover_picture_size > std::min(text_height, t.page_width - t.margin_left - t.margin_right))
      fail(node_or_root("page"), "The margins or pictures are too big for the page.",
           "Make the margins or the pictures smaller. Pictures of 40 mm and margins of 20 mm work well.");
  }

  void fail(pugi::xml_node node, const std::string& message, const std::string& suggestion) {
    // pugixml points at the element's name; people count from its "<".
    auto offset = static_cast<std::size_t>(node.offset_debug());
    fail(offset > 0 ? offset - 1 : 0, message, suggestion);
  }
  void fail(std::size_t offset, const std::string& message, const std::string& suggestion) {
    auto pos = index_.at(offset);
    diags_.error(path_, {pos.line, pos.column, pos.line, pos.column}, "bad-template", message,
                 suggestion);
    failed_ = true;
  }

  std::string path_;
  std::string source_;
  text::LineIndex index_;
  Diagnostics& diags_;
  bool failed_ = false;
};

double channel_luminance(double c) {
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

double contrast_ratio(const Color& a, const Color& b) {
  auto luminance = [](const Color& c) {
    return 0.2126 * channel_luminance(c.r) + 0.7152 * channel_luminance(c.g) +
           0.0722 * channel_luminance(c.b);
  };
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

std::optional<Template> load_template(const std::string& name_or_path, const std::string& data_home,
                                      const std::string& document_dir, Diagnostics& diags,
                                      const std::vector<fs::path>* allowed_folders) {
  bool looks_like_path = name_or_path.find('/') != std::string::npos ||
                         fs::path(name_or_path).extension() == ".xml";
  std::string path = looks_like_path
                         ? (fs::path(name_or_path).is_absolute()
                                ? name_or_path
                                : (fs::path(document_dir) / name_or_path).string())
                         : data_home + "/templates/" + name_or_path + ".xml";
  if (looks_like_path && allowed_folders && !is_inside_any(path, *allowed_folders)) {
    // Say nothing about the file itself: not even whether it is there.
    diags.error(name_or_path, {}, "outside-folder",
                "The template \"" + name_or_path + "\" is outside the folder of your notes. easyread only reads "
                "templates from the folder of your notes and the folders inside it.",
                "Move the template into the folder of your notes. Or, if you trust it, allow its folder with "
                "--allow-folder FOLDER, or choose it with --template.");
    return std::nullopt;
  }
  auto source = read_regular_file(path, kLargestTemplate);
  if (const auto* problem = std::get_if<FileProblem>(&source)) {
    if (problem->kind != FileProblem::Kind::missing) {
      diags.error(path, {}, "bad-template", "easyread cannot use the template \"" + name_or_path + "\". " + problem->why,
                  "A template is a small XML file. The README shows how to write one.");
      return std::nullopt;
    }
    std::set<std::string> known;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(data_home + "/templates", ec))
      if (entry.path().extension() == ".xml") known.insert(entry.path().stem().string());
    std::string names;
    for (const auto& n : known) names += (names.empty() ? "" : ", ") + n;
    diags.error(path, {}, "unknown-template",
                "I cannot find the template \"" + name_or_path + "\".",
                names.empty() ? "Check the name of the template."
                              : "The templates you can use are: " + names + ".");
    return std::nullopt;
  }
  return TemplateReader(path, std::move(std::get<std::string>(source)), diags).read();
}

}  // namespace easyread::style
