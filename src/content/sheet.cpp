// build_sheet(): which pictures a contact sheet shows, with their names.
#include <algorithm>
#include <filesystem>
#include <map>

#include "content/content.hpp"
#include "style/style.hpp"
#include "symbols/symbols.hpp"
#include "text/text.hpp"

namespace easyread::content {
namespace {

// How many pictures each word brings: enough to choose from, few enough to
// keep a sheet for a few words short.
constexpr std::size_t kPicturesPerWord = 12;

// One picture on the sheet, with every name that leads to it.
struct Candidate {
  std::string code;
  std::vector<std::string> names;
};

std::vector<Candidate> candidates(symbols::Library& library, const std::vector<std::string>& words) {
  std::vector<symbols::Match> matches;
  if (words.empty()) {
    matches = library.catalogue();
  } else {
    for (const auto& word : words) {
      auto found = library.search({word}, kPicturesPerWord);
      matches.insert(matches.end(), found.begin(), found.end());
    }
  }
  std::vector<Candidate> out;
  for (const auto& m : matches) {
    auto it = std::find_if(out.begin(), out.end(), [&](const Candidate& c) { return c.code == m.code; });
    if (it == out.end()) out.push_back({m.code, {m.name}});
    else if (std::find(it->names.begin(), it->names.end(), m.name) == it->names.end()) it->names.push_back(m.name);
  }
  return out;
}

}  // namespace

std::string shown_code(const std::string& code) {
  if (code.find('/') == std::string::npos) return code;
  return std::filesystem::path(code).filename().string();
}

Sheet build_sheet(symbols::Library& library, const std::vector<std::string>& words,
                  const style::Strings& strings, const std::string& file, Diagnostics& diags) {
  Sheet sheet;
  auto say = [&](const std::string& id) { return text::fold_white_space(strings.get(id)); };
  sheet.metadata.title = say(words.empty() ? "sheet-title-all" : "sheet-title-words");
  sheet.labels.words_heading = say("words-heading");
  sheet.labels.contents_heading = say("contents-heading");
  Labels::split_page_number(say("page-number"), sheet.labels);
  bool uses_openmoji = false;
  std::map<std::string, int> by_key;
  for (const Candidate& candidate : candidates(library, words)) {
    auto picture = library.resolve(candidate.code, ".", file, {}, diags);
    if (!picture) continue;
    SheetEntry entry;
    for (const auto& name : candidate.names) entry.names += (entry.names.empty() ? "" : ", ") + name;
    entry.code = shown_code(candidate.code);
    entry.picture.alt = entry.names;
    entry.picture.aspect = picture->aspect();
    uses_openmoji = uses_openmoji || picture->is_openmoji;
    auto [it, added] = by_key.emplace(picture->key, static_cast<int>(sheet.pictures.size()));
    if (added) sheet.pictures.push_back(std::move(*picture));
    entry.picture.picture = it->second;
    sheet.entries.push_back(std::move(entry));
  }
  if (uses_openmoji) {
    sheet.metadata.credits = say("credit-openmoji");
    sheet.closing.push_back({ClosingLine::Kind::credit, sheet.metadata.credits});
  }
  return sheet;
}

}  // namespace easyread::content
