// Maps text as pugixml decoded it back to bytes, lines and columns of the
// file the person wrote.
#include <algorithm>
#include <cctype>

#include "markup/internal.hpp"

namespace easyread::markup {
namespace detail {
namespace {

bool starts_with_at(std::string_view s, std::size_t pos, std::string_view prefix) {
  return pos <= s.size() && s.substr(pos).starts_with(prefix);
}

// Skips to just after `terminator`, or to the end if it is missing.
std::size_t skip_past(std::string_view s, std::size_t pos, std::string_view terminator) {
  std::size_t found = s.find(terminator, pos);
  return found == std::string_view::npos ? s.size() : found + terminator.size();
}

std::size_t utf8_length(unsigned long code_point) {
  if (code_point < 0x80) return 1;
  if (code_point < 0x800) return 2;
  if (code_point < 0x10000) return 3;
  return 4;
}

// An entity such as &amp; or &#233; at `pos`, as pugixml resolves it: how
// many source bytes it takes and how many bytes it decodes to. A '&' that
// starts no entity stays as it is (pugixml keeps it).
struct Entity {
  std::size_t raw_length = 1, decoded_length = 1;
};

Entity entity_at(std::string_view s, std::size_t pos) {
  static constexpr std::string_view named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
  for (std::string_view name : named)
    if (starts_with_at(s, pos, name)) return {name.size(), 1};
  if (!starts_with_at(s, pos, "&#")) return {};
  std::size_t i = pos + 2;
  bool hex = i < s.size() && s[i] == 'x';
  if (hex) ++i;
  std::size_t digits_start = i;
  unsigned long value = 0;
  while (i < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[i]))
                              : std::isdigit(static_cast<unsigned char>(s[i])))) {
    int digit = std::isdigit(static_cast<unsigned char>(s[i]))
                    ? s[i] - '0'
                    : std::tolower(static_cast<unsigned char>(s[i])) - 'a' + 10;
    value = std::min(value * (hex ? 16 : 10) + digit, 0x10FFFFul);
    ++i;
  }
  if (i == digits_start || i >= s.size() || s[i] != ';') return {};
  return {i + 1 - pos, utf8_length(value)};
}

}  // namespace

bool starts_known_entity(std::string_view source, std::size_t pos) {
  return entity_at(source, pos).raw_length > 1;
}

std::size_t advance_decoded(std::string_view source, std::size_t raw, std::string_view decoded,
                            std::size_t count, bool skip_markup) {
  // Text that starts inside a CDATA section: pugixml points past the marker.
  bool in_cdata = raw >= 9 && source.substr(raw - 9, 9) == "<![CDATA[";
  std::size_t done = 0;
  while (raw < source.size()) {
    if (in_cdata) {
      if (starts_with_at(source, raw, "]]>")) {
        if (done == count && !skip_markup) break;
        raw += 3;
        in_cdata = false;
        continue;
      }
    } else if (starts_with_at(source, raw, "<![CDATA[")) {
      if (done == count && !skip_markup) break;
      raw += 9;
      in_cdata = true;
      continue;
    } else if (starts_with_at(source, raw, "<!--")) {
      if (done == count && !skip_markup) break;
      raw = skip_past(source, raw + 4, "-->");
      continue;
    } else if (starts_with_at(source, raw, "<?")) {
      if (done == count && !skip_markup) break;
      raw = skip_past(source, raw + 2, "?>");
      continue;
    }
    if (done >= count) break;
    if (!in_cdata && source[raw] == '&') {
      Entity entity = entity_at(source, raw);
      // A range that starts or ends inside the bytes of one decoded
      // character maps to the whole entity.
      if (done + entity.decoded_length > count) break;
      raw += entity.raw_length;
      done += entity.decoded_length;
      continue;
    }
    if (source[raw] == '\r' && starts_with_at(source, raw, "\r\n") && done < decoded.size() &&
        decoded[done] == '\n') {
      raw += 2;  // pugixml turns CR LF into one LF
      ++done;
      continue;
    }
    ++raw;
    ++done;
  }
  return raw;
}

std::size_t tag_begin(const pugi::xml_node& element) {
  std::ptrdiff_t name_offset = element.offset_debug();
  return name_offset > 0 ? static_cast<std::size_t>(name_offset - 1) : 0;
}

std::size_t tag_end(std::string_view source, const pugi::xml_node& element) {
  char quote = 0;
  for (std::size_t i = tag_begin(element) + 1; i < source.size(); ++i) {
    char c = source[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return source.size();
}

std::optional<AttributePlace> find_attribute(std::string_view source, const pugi::xml_node& element,
                                             std::string_view name, int skip) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t end = tag_end(source, element);
  std::size_t i = tag_begin(element) + 1;
  while (i < end && !is_space(source[i]) && source[i] != '>' && source[i] != '/') ++i;
  while (i < end) {
    while (i < end && is_space(source[i])) ++i;
    std::size_t name_begin = i;
    while (i < end && !is_space(source[i]) && source[i] != '=' && source[i] != '>' &&
           source[i] != '/')
      ++i;
    std::string_view found = source.substr(name_begin, i - name_begin);
    if (found.empty()) return std::nullopt;  // reached "/>" or ">"
    while (i < end && (is_space(source[i]) || source[i] == '=')) ++i;
    if (i >= end || (source[i] != '"' && source[i] != '\'')) return std::nullopt;
    std::size_t value_begin = i + 1;
    std::size_t value_end = source.find(source[i], value_begin);
    if (value_end == std::string_view::npos || value_end >= end) return std::nullopt;
    if (found == name && skip-- == 0)
      return AttributePlace{{name_begin, value_end + 1}, {value_begin, value_end}};
    i = value_end + 1;
  }
  return std::nullopt;
}

Span span_of(const text::LineIndex& lines, std::size_t begin, std::size_t end) {
  text::LineIndex::Position from = lines.at(begin);
  text::LineIndex::Position to = lines.at(std::max(begin, end));
  return Span{from.line, from.column, to.line, to.column};
}

Span Context::element_span(const pugi::xml_node& element) const {
  return span(tag_begin(element), tag_end(source, element));
}

void Context::error(Span where, std::string rule, std::string message, std::string suggestion) {
  diags.error(file, where, std::move(rule), std::move(message), std::move(suggestion));
}

void Context::warning(Span where, std::string rule, std::string message, std::string suggestion) {
  diags.warning(file, where, std::move(rule), std::move(message), std::move(suggestion));
}

bool is_blank(std::string_view text) { return trim(text).empty(); }

}  // namespace detail

std::string Paragraph::plain_text() const {
  std::string joined;
  for (const Run& run : runs) joined += run.text;
  return joined;
}

bool Paragraph::empty() const {
  return std::all_of(runs.begin(), runs.end(),
                     [](const Run& run) { return detail::is_blank(run.text); });
}

Span locate(const Document& doc, const text::LineIndex& lines, const Run& run, std::size_t begin,
            std::size_t end) {
  end = std::min(end, run.text.size());
  begin = std::min(begin, end);
  std::size_t raw_begin =
      detail::advance_decoded(doc.source, run.source_offset, run.text, begin, true);
  std::size_t raw_end =
      detail::advance_decoded(doc.source, run.source_offset, run.text, end, end == begin);
  return detail::span_of(lines, raw_begin, std::max(raw_begin, raw_end));
}

// Without an index: count line ends up to each place, which is one fast pass
// over the bytes before it and no allocation. The same rules as LineIndex.
Span locate(const Document& doc, const Run& run, std::size_t begin, std::size_t end) {
  std::string_view source = doc.source;
  auto position = [&](std::size_t offset) {
    const text::TextPlace place = text::walk_to(source, {}, offset);
    return std::pair{place.line, place.column};
  };
  end = std::min(end, run.text.size());
  begin = std::min(begin, end);
  std::size_t raw_begin = detail::advance_decoded(source, run.source_offset, run.text, begin, true);
  std::size_t raw_end =
      detail::advance_decoded(source, run.source_offset, run.text, end, end == begin);
  auto [line, column] = position(raw_begin);
  auto [end_line, end_column] = position(std::max(raw_begin, raw_end));
  return Span{line, column, end_line, end_column};
}

}  // namespace easyread::markup
