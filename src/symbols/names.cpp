// OpenMoji's CSV, catalogue files and name folding.
#include "symbols/names.hpp"

#include <algorithm>
#include <cctype>

#include "text/text.hpp"

namespace easyread::symbols::detail {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_tags(std::string_view field) {
  std::vector<std::string> tags;
  while (!field.empty()) {
    const auto comma = std::min(field.find(','), field.size());
    const auto tag = trim(field.substr(0, comma));
    if (!tag.empty()) tags.emplace_back(tag);
    field.remove_prefix(std::min(comma + 1, field.size()));
  }
  return tags;
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty()) {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (field_started || !field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      field_started = false;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (field_started || !field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

const Emoji* EmojiList::find(std::string_view code) const {
  const auto it = by_code.find(upper_ascii(code));
  return it == by_code.end() ? nullptr : &emojis[it->second];
}

std::optional<EmojiList> parse_openmoji_csv(std::string_view text) {
  const auto rows = parse_csv(text);
  if (rows.empty()) return std::nullopt;
  const auto& header = rows.front();
  auto column = [&](std::string_view name) -> int {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return int(i);
    return -1;
  };
  const int code = column("hexcode"), annotation = column("annotation"), tags = column("tags"),
            own_tags = column("openmoji_tags"), skintone = column("skintone");
  if (code < 0 || annotation < 0) return std::nullopt;
  EmojiList list;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto field = [&](int i) -> std::string_view {
      return i >= 0 && std::size_t(i) < row.size() ? std::string_view(row[std::size_t(i)]) : std::string_view();
    };
    Emoji emoji;
    emoji.code = upper_ascii(trim(field(code)));
    if (emoji.code.empty()) continue;
    emoji.annotation = std::string(trim(field(annotation)));
    emoji.tags = split_tags(field(tags));
    for (auto& t : split_tags(field(own_tags)))
      if (std::find(emoji.tags.begin(), emoji.tags.end(), t) == emoji.tags.end()) emoji.tags.push_back(t);
    emoji.skin_tone_variant = !trim(field(skintone)).empty();
    list.by_code.emplace(emoji.code, list.emojis.size());
    list.emojis.push_back(std::move(emoji));
  }
  return list;
}

std::vector<CatalogueEntry> parse_catalogue(std::string_view text, const std::string& file,
                                            Diagnostics& diags) {
  std::vector<CatalogueEntry> entries;
  int line_number = 0;
  while (!text.empty()) {
    const auto end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    std::vector<std::string_view> fields;
    while (true) {
      const auto tab = line.find('\t');
      fields.push_back(trim(line.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (fields.size() < 2 || fields[0].empty() || fields[1].empty()) {
      diags.error(file, Span{line_number, 1, line_number, 1}, "bad-catalogue",
                  "This line needs a name, a tab, and a picture code or file name.",
                  "Write it like this: doctor<TAB>1F9D1-200D-2695-FE0F");
      continue;
    }
    entries.push_back({std::string(fields[0]), std::string(fields[1]),
                       fields.size() > 2 ? std::string(fields[2]) : std::string(), line_number});
  }
  return entries;
}

std::vector<std::string> name_forms(std::string_view name) {
  std::string folded = text::fold_white_space(text::fold_case(trim(name)));
  std::vector<std::string> forms{folded};
  const auto last_space = folded.rfind(' ');
  const std::size_t word_start = last_space == std::string::npos ? 0 : last_space + 1;
  const std::string_view word = std::string_view(folded).substr(word_start);
  auto add = [&](std::string_view singular) {
    std::string form = folded.substr(0, word_start) + std::string(singular);
    if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
  };
  // Short words ("bus", "yes", "gas") are left as they are.
  if (word.size() > 3 && word.back() == 's' && !word.ends_with("ss")) {
    if (word.ends_with("ies") && word.size() > 4) add(std::string(word.substr(0, word.size() - 3)) + "y");
    add(word.substr(0, word.size() - 1));
    if (word.ends_with("es")) add(word.substr(0, word.size() - 2));
  }
  return forms;
}

bool looks_like_code(std::string_view text) {
  if (text.size() < 2) return false;
  int group = 0;
  for (char c : text) {
    if (c == '-') {
      if (group == 0) return false;
      group = 0;
    } else if (std::isxdigit(static_cast<unsigned char>(c))) {
      if (++group > 6) return false;
    } else {
      return false;
    }
  }
  return group > 0;
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace easyread::symbols::detail
