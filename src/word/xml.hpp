// Small helpers for writing Office Open XML with pugixml (which does the
// escaping), and the package's relationships.
#pragma once
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "base/graphics.hpp"

namespace easyread::word {

using Attributes = std::initializer_list<std::pair<const char*, std::string>>;

// Appends <name attr="value" ...> to `parent` and returns it.
inline pugi::xml_node add(pugi::xml_node parent, const char* name, Attributes attributes = {}) {
  pugi::xml_node node = parent.append_child(name);
  for (const auto& [key, value] : attributes) node.append_attribute(key).set_value(value.c_str());
  return node;
}

// The document as text, with the declaration Word writes.
inline std::string to_text(const pugi::xml_document& xml) {
  struct Writer : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override {
      out.append(static_cast<const char*>(data), size);
    }
  } writer;
  writer.out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  xml.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return writer.out;
}

// Lengths in Word's units, from PDF points.
inline std::string twips(double points) { return std::to_string(std::lround(points * 20)); }
inline std::string half_points(double points) { return std::to_string(std::lround(points * 2)); }
inline std::string emu(double points) { return std::to_string(std::llround(points * 12700)); }

// "1B3A5C": a colour as Word writes it.
inline std::string hex_color(const Color& c) {
  auto channel = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02X%02X%02X", channel(c.r), channel(c.g), channel(c.b));
  return buf;
}

// Relationships of one part (word/_rels/document.xml.rels and the like).
class Relations {
 public:
  // Returns the new relationship's id ("rId3").
  std::string add(std::string type, std::string target, bool external = false) {
    items_.push_back({"rId" + std::to_string(items_.size() + 1), std::move(type), std::move(target), external});
    return items_.back().id;
  }
  std::string text() const {
    pugi::xml_document xml;
    auto root = add_root(xml);
    for (const auto& r : items_) {
      auto node = word::add(root, "Relationship", {{"Id", r.id}, {"Type", r.type}, {"Target", r.target}});
      if (r.external) node.append_attribute("TargetMode").set_value("External");
    }
    return to_text(xml);
  }

 private:
  static pugi::xml_node add_root(pugi::xml_document& xml) {
    return word::add(xml, "Relationships",
                     {{"xmlns", "http://schemas.openxmlformats.org/package/2006/relationships"}});
  }
  struct Item {
    std::string id, type, target;
    bool external = false;
  };
  std::vector<Item> items_;
};

// Relationship types.
inline constexpr const char* kRelOfficeDocument =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
inline constexpr const char* kRelImage = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
inline constexpr const char* kRelHyperlink =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
inline constexpr const char* kRelFont = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";

}  // namespace easyread::word
