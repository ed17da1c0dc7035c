// The words the layout writes itself, per language (templates/strings/*.xml).
#include <pugixml.hpp>

#include "style/style.hpp"

namespace easyread::style {
namespace {

void load_file(const std::string& path, std::map<std::string, std::string>& into) {
  pugi::xml_document xml;
  if (!xml.load_file(path.c_str())) return;
  for (auto node : xml.child("strings").children("string"))
    into[node.attribute("id").as_string()] = node.text().as_string();
}

}  // namespace

Strings Strings::load(const std::string& data_home, const std::string& lang, Diagnostics& diags) {
  Strings s;
  const std::string folder = data_home + "/templates/strings/";
  load_file(folder + "en.xml", s.strings_);
  if (s.strings_.empty())
    diags.error(folder + "en.xml", {}, "missing-strings",
                "I cannot find the words the layout uses.",
                "Check that you have all of easyread's files.");
  std::string primary = lang.substr(0, lang.find('-'));
  if (primary != "en") load_file(folder + primary + ".xml", s.strings_);
  return s;
}

std::string Strings::get(const std::string& id,
                         const std::map<std::string, std::string>& values) const {
  auto it = strings_.find(id);
  std::string out = it == strings_.end() ? id : it->second;
  for (const auto& [name, value] : values) {
    const std::string key = "{" + name + "}";
    for (auto pos = out.find(key); pos != std::string::npos; pos = out.find(key, pos + value.size()))
      out.replace(pos, key.size(), value);
  }
  return out;
}

}  // namespace easyread::style
