// Checks on names, places and attribute values, each with a plain-words
// message that says what to do.
#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "markup/internal.hpp"

namespace easyread::markup::detail {
namespace {

std::string line_words(const Context& ctx, std::size_t offset) {
  return "Line " + std::to_string(ctx.line_at(offset));
}

// Built by appending: GCC 12 at -O2 warns (wrongly) about "<" + std::string(...).
std::string tag(std::string_view name) {
  std::string out = "<";
  out.append(name).append(">");
  return out;
}

// Namespace declarations are harmless: editors may add them.
bool is_namespace_attribute(std::string_view name) {
  return name == "xmlns" || name.starts_with("xmlns:");
}

// True if `text` matches `pattern`, where 'd' stands for any digit.
bool has_shape(std::string_view text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(text[i]));
    if (pattern[i] == 'd' ? !digit : text[i] != pattern[i]) return false;
  }
  return true;
}

}  // namespace

Span attribute_span(const Context& ctx, const pugi::xml_node& element, std::string_view name,
                    int skip) {
  if (auto place = find_attribute(ctx.source, element, name, skip))
    return ctx.span(place->whole.begin, place->whole.end);
  return ctx.element_span(element);
}

void check_attributes(Context& ctx, const pugi::xml_node& element) {
  std::span<const std::string_view> allowed = allowed_attributes(element.name());
  std::map<std::string_view, int> seen;  // how often each name came so far
  for (const pugi::xml_attribute& attribute : element.attributes()) {
    std::string_view name = attribute.name();
    int earlier = seen[name]++;
    Span where = attribute_span(ctx, element, name, earlier);
    std::string line = "Line " + std::to_string(where.line);
    if (earlier > 0) {
      ctx.error(where, "duplicate-attribute",
                line + " gives " + std::string(name) + " twice in " + tag(element.name()) + ".",
                "Keep only one " + std::string(name) + "=\"...\".");
      continue;
    }
    if (is_namespace_attribute(name) ||
        std::find(allowed.begin(), allowed.end(), name) != allowed.end())
      continue;
    std::string message =
        line + ": " + tag(element.name()) + " cannot have " + std::string(name) + "=\"...\".";
    std::string suggestion;
    if (auto near = closest_name(name, allowed)) {
      message += " Did you mean " + std::string(*near) + "?";
      suggestion = "Change " + std::string(name) + " to " + std::string(*near) + ".";
    } else if (allowed.empty()) {
      suggestion = "Take it out. Write just " + tag(element.name()) + ".";
    } else {
      suggestion =
          "Take it out. " + tag(element.name()) + " can have " + join_names(allowed, false) + ".";
    }
    ctx.error(where, "unknown-attribute", message, suggestion);
  }
}

bool check_child_element(Context& ctx, const pugi::xml_node& parent, const pugi::xml_node& child) {
  std::string_view parent_name = parent.name();
  std::span<const std::string_view> allowed = allowed_children(parent_name);
  std::string_view name = child.name();
  if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) return true;

  Span where = ctx.element_span(child);
  std::string line = line_words(ctx, tag_begin(child));
  std::string place = parent_name.empty() ? "at the top of the file" : "inside " + tag(parent_name);
  std::vector<std::string_view> parents = parents_of(name);
  if (!parents.empty()) {
    std::vector<std::string_view> tags;
    std::string where_it_goes;
    for (std::size_t i = 0; i < parents.size(); ++i) {
      if (i > 0) where_it_goes += (i + 1 == parents.size()) ? " or " : ", ";
      where_it_goes += parents[i] == "the file itself" ? "the file itself" : tag(parents[i]);
    }
    ctx.error(where, "misplaced-element",
              line + " has " + tag(name) + " " + place + ". It cannot go there.",
              "Move " + tag(name) + " so that it is inside " + where_it_goes + ".");
    return false;
  }
  std::string message = line + " has a tag " + tag(name) + " that easyread does not know.";
  std::string suggestion;
  if (auto near = closest_name(name, allowed)) {
    message += " Did you mean " + tag(*near) + "?";
    suggestion = "Change " + tag(name) + " to " + tag(*near) + ".";
  } else if (parent_name.empty()) {
    suggestion = "Start the file with <easyread title=\"...\"> and end it with </easyread>.";
  } else if (allowed.empty()) {
    suggestion = "Take it out. " + tag(parent_name) + " can only hold words.";
  } else {
    suggestion = "Take it out. Here you can use " + join_names(allowed, true) + ".";
  }
  ctx.error(where, "unknown-element", message, suggestion);
  return false;
}

void check_no_text(Context& ctx, const pugi::xml_node& parent, const pugi::xml_node& text_node) {
  std::string_view value = text_node.value();
  if (is_blank(value)) return;
  std::size_t start =
      static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, text_node.offset_debug()));
  std::string_view words = trim(value);
  std::size_t lead = static_cast<std::size_t>(words.data() - value.data());
  std::size_t begin = advance_decoded(ctx.source, start, value, lead, true);
  std::size_t end = advance_decoded(ctx.source, start, value, lead + words.size(), false);
  std::string_view parent_name = parent.name();
  std::string suggestion;
  if (parent_name == "list")
    suggestion = "Put the words inside <item>...</item>.";
  else if (parent_name == "words")
    suggestion = "Put the words inside <word term=\"...\">...</word>.";
  else if (parent_name == "checked")
    suggestion = "Write who checked it like this: <checked by=\"Our group\" date=\"2027-01-11\"/>.";
  else if (parent_name.empty())
    suggestion = "Put the words inside <easyread>, in a <point>.";
  else
    suggestion = "Put the words inside a <point>.";
  std::string place =
      parent_name.empty() ? "outside <easyread>" : "right inside " + tag(parent_name);
  ctx.error(ctx.span(begin, end), "misplaced-text",
            line_words(ctx, begin) + " has words " + place + ". Words cannot go there.",
            suggestion);
}

std::optional<Date> read_date_attribute(Context& ctx, const pugi::xml_node& element,
                                        std::string_view name) {
  pugi::xml_attribute attribute = element.attribute(std::string(name).c_str());
  if (!attribute) return std::nullopt;
  std::string_view value = attribute.value();
  if (auto date = parse_iso_date(trim(value))) return date;
  Span where = attribute_span(ctx, element, name);
  // "2027-02-30" has the right shape but no such day; "13/01/2027" has the wrong shape.
  bool right_shape = has_shape(trim(value), "dddd-dd-dd");
  ctx.error(
      where, "bad-date",
      "Line " + std::to_string(where.line) + " has a date \"" + std::string(value) +
          (right_shape ? "\" that is not a real date." : "\" with a mistake in it."),
      "Write dates like 2027-01-11 (year, month, day).");
  return std::nullopt;
}

std::optional<ClockTime> read_time_attribute(Context& ctx, const pugi::xml_node& element,
                                             std::string_view name) {
  pugi::xml_attribute attribute = element.attribute(std::string(name).c_str());
  if (!attribute) return std::nullopt;
  std::string_view value = attribute.value();
  if (auto time = parse_clock_time(trim(value))) return time;
  Span where = attribute_span(ctx, element, name);
  bool right_shape = has_shape(trim(value), "dd:dd") || has_shape(trim(value), "dd.dd");
  ctx.error(
      where, "bad-time",
      "Line " + std::to_string(where.line) + " has a time \"" + std::string(value) +
          (right_shape ? "\" that is not a real time." : "\" with a mistake in it."),
      "Write times like 14:30 or 2:30pm.");
  return std::nullopt;
}

bool check_language(Context& ctx, const pugi::xml_node& element, std::string_view tag_text) {
  std::string tag_string(tag_text);
  std::array<char, 160> locale_id{};
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(tag_string.c_str(), locale_id.data(), locale_id.size() - 1, &parsed, &status);
  std::size_t primary = tag_string.find('-');
  if (primary == std::string::npos) primary = tag_string.size();
  bool letters = std::all_of(tag_string.begin(), tag_string.begin() + primary,
                             [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  bool good_shape = U_SUCCESS(status) && static_cast<std::size_t>(parsed) == tag_string.size() &&
                    (primary == 2 || primary == 3) && letters;
  Span where = attribute_span(ctx, element, "lang");
  std::string line = "Line " + std::to_string(where.line);
  if (!good_shape) {
    ctx.error(where, "bad-lang",
              line + " has a language \"" + tag_string + "\" with a mistake in it.",
              "Write the language as a short code, like en-GB for English or cy for Welsh.");
    return false;
  }
  if (std::string_view(uloc_getISO3Language(locale_id.data())).empty())
    ctx.warning(where, "bad-lang",
                line + " has a language \"" + tag_string + "\" that easyread does not know.",
                "Check the code. Use en-GB for English or cy for Welsh.");
  return true;
}

}  // namespace easyread::markup::detail
