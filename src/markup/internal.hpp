// Private helpers shared by the markup reader's source files.
#pragma once
#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/files.hpp"
#include "markup/markup.hpp"
#include "text/text.hpp"

namespace easyread::markup::detail {

// A half-open byte range in the source.
struct ByteRange {
  std::size_t begin = 0, end = 0;
};

// --- source_map.cpp: raw source bytes <-> text as pugixml decoded it ---

// Walks the raw source from `raw_offset` (where text starting with `decoded`
// stands) over `count` bytes of decoded text, resolving entities, CDATA
// markers, comments and CR LF line ends, and returns the raw offset reached.
// With `skip_markup`, markers and comments standing at the end are passed
// too (use it for the start of a range, not for its end).
std::size_t advance_decoded(std::string_view source, std::size_t raw_offset,
                            std::string_view decoded, std::size_t count, bool skip_markup);

// True if an entity that pugixml resolves (&amp;, &#233; ...) starts at `pos`.
bool starts_known_entity(std::string_view source, std::size_t pos);

// Where the '<' of an element's start tag is, and the offset just after its '>'.
std::size_t tag_begin(const pugi::xml_node& element);
std::size_t tag_end(std::string_view source, const pugi::xml_node& element);

// Where `name="value"` stands in an element's start tag (after `skip` earlier
// ones of the same name, for a name written twice).
struct AttributePlace {
  ByteRange whole;  // name="value" with both quotes
  ByteRange value;  // between the quotes
};
std::optional<AttributePlace> find_attribute(std::string_view source, const pugi::xml_node& element,
                                             std::string_view name, int skip = 0);

// Span of source bytes [begin, end).
Span span_of(const text::LineIndex& lines, std::size_t begin, std::size_t end);

// --- names.cpp: which elements and attributes may go where ---

std::span<const std::string_view> allowed_children(std::string_view parent);
std::span<const std::string_view> allowed_attributes(std::string_view element);
// Elements in which `child` may stand (empty if easyread does not know it).
std::vector<std::string_view> parents_of(std::string_view child);
// The allowed name nearest to `wrong` if it is close enough to be a slip.
std::optional<std::string_view> closest_name(std::string_view wrong,
                                             std::span<const std::string_view> names);
using text::edit_distance;
// "<a>, <b> or <c>" (tags) or "a, b or c" (attributes).
std::string join_names(std::span<const std::string_view> names, bool as_tags);

// --- reading context ---

// What every part of the reader needs: the source, where errors go, and how
// to turn byte offsets into line and column.
struct Context {
  const std::string& source;
  const std::string& file;
  text::LineIndex lines;
  Diagnostics& diags;

  Span span(std::size_t begin, std::size_t end) const { return span_of(lines, begin, end); }
  int line_at(std::size_t offset) const { return lines.at(offset).line; }
  Span element_span(const pugi::xml_node& element) const;
  void error(Span where, std::string rule, std::string message, std::string suggestion);
  void warning(Span where, std::string rule, std::string message, std::string suggestion);
};

// --- xml_errors.cpp ---

// Turns pugixml's parse result into a plain-words error.
void report_syntax_error(Context& ctx, const pugi::xml_parse_result& result);
// Reports bytes that are not UTF-8; returns false if there were any.
bool check_utf8(Context& ctx);
// --- file_kind.cpp: a Word file, a PDF or UTF-16 given as notes, told as what it is ---
// False (with an error that shows none of the file's bytes) if the file is not XML text.
bool check_file_kind(Context& ctx);
// --- date_checks.cpp: warnings for dates that do not add up and starter words left in ---
void check_dates_and_starter_words(Context& ctx, const Document& doc);
// Reports words before <easyread> or after </easyread> (pugixml drops them).
void check_text_outside_root(Context& ctx, const pugi::xml_node& root);
// Reports codes such as "&nbsp;" that XML does not define (pugixml would
// keep them as they are, and they would show up in the PDF).
void check_entities(Context& ctx);

// --- checks.cpp: attribute values and names ---

// Reports attributes the element may not have (with "did you mean") and
// attributes written twice.
void check_attributes(Context& ctx, const pugi::xml_node& element);
// Reports a child element that does not belong here; true if it does belong.
bool check_child_element(Context& ctx, const pugi::xml_node& parent, const pugi::xml_node& child);
// Reports text (other than white space) standing directly in `parent`.
void check_no_text(Context& ctx, const pugi::xml_node& parent, const pugi::xml_node& text_node);

std::optional<Date> read_date_attribute(Context& ctx, const pugi::xml_node& element,
                                        std::string_view name);
std::optional<ClockTime> read_time_attribute(Context& ctx, const pugi::xml_node& element,
                                             std::string_view name);
// Checks the shape of a BCP 47 language tag; reports and returns false if bad.
bool check_language(Context& ctx, const pugi::xml_node& element, std::string_view tag);
// Span of an attribute, or of the element's start tag if the attribute is absent.
Span attribute_span(const Context& ctx, const pugi::xml_node& element, std::string_view name,
                    int skip = 0);

// --- inline_text.cpp ---

// Reads the running text of `element` into a paragraph. If `list` is given,
// one <list> of <item>s is allowed and read into it.
Paragraph read_paragraph(Context& ctx, const pugi::xml_node& element,
                         std::vector<Paragraph>* list = nullptr);

// --- hard_words.cpp ---

// Reports <hard> words that no term in the word list explains: compared
// after case folding, allowing a plural on either side.
void check_hard_words(Context& ctx, const Document& doc);

// White space at the ends taken off.
using easyread::trim;
bool is_blank(std::string_view text);

}  // namespace easyread::markup::detail
