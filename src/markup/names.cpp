// Which elements and attributes the markup allows where, and the nearest
// allowed name for a misspelt one.
#include <algorithm>
#include <array>
#include <cctype>

#include "markup/internal.hpp"

namespace easyread::markup::detail {
namespace {

using Names = std::span<const std::string_view>;

constexpr std::string_view top_children[] = {"easyread"};
constexpr std::string_view root_children[] = {"cover",   "section", "point",  "action",
                                              "meeting", "words",   "checked"};
constexpr std::string_view section_children[] = {"point", "action", "meeting"};
constexpr std::string_view point_children[] = {"hard", "b", "link", "list"};
constexpr std::string_view running_text_children[] = {"hard", "b", "link"};
constexpr std::string_view explanation_children[] = {"b", "link"};
constexpr std::string_view list_children[] = {"item"};
constexpr std::string_view words_children[] = {"word"};

constexpr std::string_view root_attributes[] = {"title", "lang", "template", "date",
                                                "organisation"};
constexpr std::string_view cover_attributes[] = {"picture", "alt"};
constexpr std::string_view section_attributes[] = {"title"};
constexpr std::string_view point_attributes[] = {"picture", "alt", "ignore"};
constexpr std::string_view action_attributes[] = {"who", "by", "picture", "alt"};
constexpr std::string_view meeting_attributes[] = {"date", "time", "place", "picture", "alt"};
constexpr std::string_view word_attributes[] = {"term", "picture", "alt"};
constexpr std::string_view checked_attributes[] = {"by", "date"};
constexpr std::string_view link_attributes[] = {"href"};

// Every element the markup knows, for finding where a misplaced one belongs.
constexpr std::string_view all_parents[] = {"",       "easyread", "section", "point",
                                            "action", "meeting",  "cover",   "list",
                                            "item",   "words",    "word"};


}  // namespace

std::span<const std::string_view> allowed_children(std::string_view parent) {
  if (parent.empty()) return top_children;  // the document itself
  if (parent == "easyread") return root_children;
  if (parent == "section") return section_children;
  if (parent == "point") return point_children;
  if (parent == "action" || parent == "meeting" || parent == "cover" || parent == "item")
    return running_text_children;
  if (parent == "word") return explanation_children;
  if (parent == "list") return list_children;
  if (parent == "words") return words_children;
  return {};
}

std::span<const std::string_view> allowed_attributes(std::string_view element) {
  if (element == "easyread") return root_attributes;
  if (element == "cover") return cover_attributes;
  if (element == "section") return section_attributes;
  if (element == "point") return point_attributes;
  if (element == "action") return action_attributes;
  if (element == "meeting") return meeting_attributes;
  if (element == "word") return word_attributes;
  if (element == "checked") return checked_attributes;
  if (element == "link") return link_attributes;
  return {};
}

std::vector<std::string_view> parents_of(std::string_view child) {
  std::vector<std::string_view> parents;
  for (std::string_view parent : all_parents) {
    Names children = allowed_children(parent);
    if (std::find(children.begin(), children.end(), child) != children.end())
      parents.push_back(parent.empty() ? "the file itself" : parent);
  }
  return parents;
}


namespace {

// Two letters the wrong way round ("piont") is one slip, not two.
bool one_swap_apart(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t first = 0;
  while (first < a.size() && a[first] == b[first]) ++first;
  return first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first] &&
         a.substr(first + 2) == b.substr(first + 2);
}

}  // namespace

std::optional<std::string_view> closest_name(std::string_view wrong, Names names) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (std::string_view name : names) {
    std::size_t distance = one_swap_apart(wrong, name) ? 1 : edit_distance(wrong, name);
    if (!best || distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  // A slip is a letter or two, and never the whole word ("b" is not "i").
  std::size_t limit = std::min<std::size_t>(2, std::max<std::size_t>(1, wrong.size() / 3));
  if (!best || best_distance > limit || best_distance >= best->size()) return std::nullopt;
  return best;
}

std::string join_names(Names names, bool as_tags) {
  std::string joined;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) joined += (i + 1 == names.size()) ? " or " : ", ";
    // Appended piece by piece: GCC 12 at -O2 warns (wrongly) about "<" + std::string.
    if (as_tags) joined += '<';
    joined += names[i];
    if (as_tags) joined += '>';
  }
  return joined;
}

}  // namespace easyread::markup::detail
