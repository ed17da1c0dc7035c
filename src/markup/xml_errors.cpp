// Turns broken XML into errors a person can act on: where it is, what is
// wrong, and what to write instead.
#include <algorithm>
#include <cctype>

#include "markup/internal.hpp"

namespace easyread::markup::detail {
namespace {

struct OpenTag {
  std::string name;
  std::size_t offset = 0;  // of its '<'
};

bool is_name_char(char c) {
  return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '>' && c != '/' && c != '<';
}

std::string name_at(std::string_view source, std::size_t pos) {
  std::size_t end = pos;
  while (end < source.size() && is_name_char(source[end])) ++end;
  return std::string(source.substr(pos, end - pos));
}

std::size_t skip_past(std::string_view s, std::size_t pos, std::string_view terminator) {
  std::size_t found = s.find(terminator, pos);
  return found == std::string_view::npos ? s.size() : found + terminator.size();
}

// The tags still open at `limit`, found by a light scan of the source (the
// parser stopped, so its tree is not there to ask).
std::vector<OpenTag> open_tags_before(std::string_view source, std::size_t limit) {
  std::vector<OpenTag> open;
  std::size_t pos = 0;
  while ((pos = source.find('<', pos)) < limit) {
    std::string_view rest = source.substr(pos);
    if (rest.starts_with("<!--")) {
      pos = skip_past(source, pos + 4, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      pos = skip_past(source, pos + 9, "]]>");
    } else if (rest.starts_with("<?")) {
      pos = skip_past(source, pos + 2, "?>");
    } else if (rest.starts_with("<!")) {
      pos = skip_past(source, pos + 2, ">");
    } else if (rest.starts_with("</")) {
      if (!open.empty()) open.pop_back();
      pos = skip_past(source, pos + 2, ">");
    } else {
      OpenTag tag{name_at(source, pos + 1), pos};
      char quote = 0;
      std::size_t end = pos + 1;
      for (; end < source.size(); ++end) {
        char c = source[end];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>' || c == '<') {
          break;
        }
      }
      bool closes_itself = end < source.size() && source[end] == '>' && source[end - 1] == '/';
      if (!closes_itself && !tag.name.empty()) open.push_back(tag);
      pos = end;
    }
  }
  return open;
}

void report_mismatch(Context& ctx, std::size_t offset) {
  std::string_view source = ctx.source;
  std::vector<OpenTag> open;
  bool at_closing_tag =
      offset >= 2 && offset <= source.size() && source.substr(offset - 2, 2) == "</";
  if (at_closing_tag) {
    std::size_t tag_start = offset - 2;
    open = open_tags_before(source, tag_start);
    std::string closing = name_at(source, offset);
    Span where = ctx.span(tag_start, std::min(source.size(), tag_start + closing.size() + 3));
    std::string line = "Line " + std::to_string(where.line);
    if (open.empty()) {
      ctx.error(where, "xml-syntax",
                line + " closes </" + closing + ">, but no <" + closing + "> is open.",
                "Take out </" + closing + ">, or add <" + closing + "> before it.");
      return;
    }
    const OpenTag& last = open.back();
    ctx.error(where, "xml-syntax",
              line + " closes </" + closing + ">, but <" + last.name + "> from line " +
                  std::to_string(ctx.line_at(last.offset)) + " is still open.",
              "Add </" + last.name + "> before </" + closing + ">. Or check the spelling of </" +
                  closing + ">.");
    return;
  }
  open = open_tags_before(source, source.size());
  Span end_of_file = ctx.span(source.size(), source.size());
  if (open.empty()) {
    ctx.error(end_of_file, "xml-syntax", "The file ends before all its tags end.",
              "Check that you close every tag you open: <point> needs </point>.");
    return;
  }
  const OpenTag& last = open.back();
  ctx.error(ctx.span(last.offset, last.offset + last.name.size() + 1), "xml-syntax",
            "The file ends, but <" + last.name + "> from line " +
                std::to_string(ctx.line_at(last.offset)) + " is never closed.",
            "Add </" + last.name + "> where that part ends.");
}

// Where a broken construct such as "<!--" begins, looking back from `offset`.
std::size_t start_of(std::string_view source, std::size_t offset, std::string_view opener) {
  std::size_t found = source.rfind(opener, std::min(offset, source.size()));
  return found == std::string_view::npos ? offset : found;
}

}  // namespace

void report_syntax_error(Context& ctx, const pugi::xml_parse_result& result) {
  std::string_view source = ctx.source;
  std::size_t offset =
      std::min(source.size(), static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset)));
  auto report = [&](std::size_t at, const std::string& what, const std::string& todo) {
    Span where = ctx.span(at, std::min(source.size(), at + 1));
    ctx.error(where, "xml-syntax", "Line " + std::to_string(where.line) + " " + what, todo);
  };
  switch (result.status) {
    case pugi::status_end_element_mismatch:
      return report_mismatch(ctx, offset);
    case pugi::status_unrecognized_tag:
      return report(start_of(source, offset, "<"), "has a < sign that does not start a tag.",
                    "If you want the sign < in your text, write &lt; instead.");
    case pugi::status_bad_pi:
      return report(start_of(source, offset, "<?"), "has a <? part with no end.",
                    "End it with ?>, or take it out.");
    case pugi::status_bad_comment:
      return report(start_of(source, offset, "<!--"), "has a comment with no end.",
                    "End the comment with -->.");
    case pugi::status_bad_cdata:
      return report(start_of(source, offset, "<![CDATA["),
                    "has a <![CDATA[ part with no end.", "End it with ]]>.");
    case pugi::status_bad_doctype:
      return report(start_of(source, offset, "<!"),
                    "has a <!DOCTYPE part with a mistake in it.",
                    "Take it out. easyread does not need it.");
    case pugi::status_bad_start_element:
      return report(start_of(source, offset, "<"), "has a tag with a mistake in it.",
                    "Write tags like <point> or <point picture=\"1F91D\">.");
    case pugi::status_bad_attribute:
      return report(offset, "has a tag with a mistake in one of its parts.",
                    "Write it like picture=\"1F91D\": the name, then =, then the value in "
                    "quotes.");
    case pugi::status_bad_end_element:
      return report(start_of(source, offset, "</"), "has a closing tag with a mistake in it.",
                    "Write closing tags like </point>.");
    case pugi::status_no_document_element:
      if (is_blank(source)) {
        ctx.error(ctx.span(0, 0), "xml-syntax", "The file is empty.",
                  "Write your document in it, starting with <easyread title=\"...\">.");
        return;
      }
      ctx.error(ctx.span(0, 0), "xml-syntax", "The file has no <easyread> part.",
                "Start the file with <easyread title=\"...\"> and end it with </easyread>.");
      return;
    default:
      return report(offset, "has something easyread cannot read.",
                    "Check the tags near there, then try again.");
  }
}

bool check_utf8(Context& ctx) {
  std::string_view s = ctx.source;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t length = c < 0x80           ? 1
                         : (c >> 5) == 0x6  ? 2
                         : (c >> 4) == 0xE  ? 3
                         : (c >> 3) == 0x1E ? 4
                                            : 0;
    bool good = length > 0 && i + length <= s.size() && !(length == 2 && c < 0xC2);
    unsigned long value = length == 1 ? c : length > 0 ? (c & (0x7F >> length)) : 0;
    for (std::size_t k = 1; good && k < length; ++k) {
      unsigned char next = static_cast<unsigned char>(s[i + k]);
      good = (next & 0xC0) == 0x80;
      value = (value << 6) | (next & 0x3F);
    }
    // No overlong forms, no surrogates, nothing past U+10FFFF.
    if (good && length == 3) good = value >= 0x800 && (value < 0xD800 || value > 0xDFFF);
    if (good && length == 4) good = value >= 0x10000 && value <= 0x10FFFF;
    if (!good) {
      Span where = ctx.span(i, i + 1);
      ctx.error(where, "not-utf8",
                "Line " + std::to_string(where.line) +
                    " has a letter or sign that is not in UTF-8.",
                "Save the file as UTF-8. In most editors: Save As, then choose UTF-8.");
      return false;
    }
    i += length;
  }
  return true;
}

void check_entities(Context& ctx) {
  std::string_view s = ctx.source;
  auto is_code_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '#' || c == '_' || c == '-';
  };
  std::size_t pos = 0;
  while ((pos = s.find_first_of("<&", pos)) != std::string_view::npos) {
    std::string_view rest = s.substr(pos);
    if (rest.starts_with("<!--")) {
      pos = skip_past(s, pos + 4, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      pos = skip_past(s, pos + 9, "]]>");
    } else if (rest.starts_with("<?")) {
      pos = skip_past(s, pos + 2, "?>");
    } else if (rest.starts_with("<!")) {
      pos = skip_past(s, pos + 2, ">");
    } else if (s[pos] == '<' || starts_known_entity(s, pos)) {
      ++pos;
    } else {
      // "& " on its own is kept as "&"; only "&name;" looks like a code.
      std::size_t end = pos + 1;
      while (end < s.size() && is_code_char(s[end])) ++end;
      if (end > pos + 1 && end < s.size() && s[end] == ';') {
        std::string code(s.substr(pos, end + 1 - pos));
        Span where = ctx.span(pos, end + 1);
        ctx.error(where, "unknown-entity",
                  "Line " + std::to_string(where.line) + " has the code \"" + code +
                      "\". easyread does not know it.",
                  code == "&nbsp;" ? "Write a space instead."
                                   : "Write the letter or sign itself instead of the code.");
      }
      pos = end;
    }
  }
}

void check_text_outside_root(Context& ctx, const pugi::xml_node& root) {
  std::string_view s = ctx.source;
  auto report = [&](std::size_t begin, std::size_t end, const std::string& place) {
    std::string_view words = trim(s.substr(begin, end - begin));
    std::size_t from = static_cast<std::size_t>(words.data() - s.data());
    Span where = ctx.span(from, from + words.size());
    ctx.error(where, "misplaced-text",
              "Line " + std::to_string(where.line) + " has words " + place + ".",
              "Move the words inside a <point>, or take them out.");
  };
  // Before the root only the XML declaration, comments and white space may stand.
  std::size_t limit = tag_begin(root);
  for (std::size_t pos = 0; pos < limit;) {
    std::string_view rest = s.substr(pos);
    if (std::isspace(static_cast<unsigned char>(s[pos]))) {
      ++pos;
    } else if (rest.starts_with("<?")) {
      pos = skip_past(s, pos + 2, "?>");
    } else if (rest.starts_with("<!--")) {
      pos = skip_past(s, pos + 4, "-->");
    } else if (rest.starts_with("<!")) {
      pos = skip_past(s, pos + 2, ">");
    } else {
      report(pos, std::min(limit, s.find('<', pos)), "before <easyread>");
      break;
    }
  }
  std::size_t last_tag_end = s.find_last_of('>');
  if (last_tag_end != std::string_view::npos && !is_blank(s.substr(last_tag_end + 1)))
    report(last_tag_end + 1, s.size(), "after </easyread>");
}

}  // namespace easyread::markup::detail
