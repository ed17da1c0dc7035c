// OpenMoji's CSV, catalogue files and name folding.
#include "base/files.hpp"
#include "base/hashing.hpp"
#include "symbols/names.hpp"

#include <algorithm>
#include <cctype>

#include "text/text.hpp"

namespace easyread::symbols::detail {
namespace {

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

// Case and white space folded. Plain ASCII (nearly every name) skips ICU,
// which matters when 40,000 OpenMoji tags are indexed at start-up.
std::string fold_name(std::string_view name) {
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return (static_cast<unsigned char>(c)) < 0x80; });
  if (!ascii) return text::fold_white_space(text::fold_case(name));
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += char(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

bool next_csv_row(std::string_view text, std::size_t& pos, std::vector<std::string_view>& fields,
                  std::deque<std::string>& scratch) {
  fields.clear();
  scratch.clear();
  // Blank lines hold no row.
  while (pos < text.size() && (text[pos] == '\n' || text[pos] == '\r')) ++pos;
  if (pos >= text.size()) return false;
  while (true) {
    std::string_view field;
    if (pos < text.size() && text[pos] == '"') {
      const std::size_t start = ++pos;
      std::string* unescaped = nullptr;  // only made when the field has a doubled quote
      while (true) {
        const auto quote = std::min(text.find('"', pos), text.size());
        if (quote + 1 < text.size() && text[quote + 1] == '"') {
          if (!unescaped) {
            unescaped = &scratch.emplace_back(text.substr(start, quote - start));
          } else {
            unescaped->append(text.substr(pos, quote - pos));
          }
          *unescaped += '"';
          pos = quote + 2;
          continue;
        }
        if (unescaped) unescaped->append(text.substr(pos, quote - pos));
        field = unescaped ? std::string_view(*unescaped) : text.substr(start, quote - start);
        pos = std::min(quote + 1, text.size());
        break;
      }
      // Stray characters after the closing quote are skipped.
      pos = std::min(text.find_first_of(",\r\n", pos), text.size());
    } else {
      const auto stop = std::min(text.find_first_of(",\r\n", pos), text.size());
      field = text.substr(pos, stop - pos);
      pos = stop;
    }
    fields.push_back(field);
    if (pos < text.size() && text[pos] == ',') {
      ++pos;
      continue;
    }
    if (pos < text.size() && text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
    return true;
  }
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  for_each_csv_row(text, [&](const std::vector<std::string_view>& fields) {
    rows.emplace_back(fields.begin(), fields.end());
  });
  return rows;
}

const Emoji* EmojiList::find(std::string_view code) const {
  const auto it = by_code.find(upper_ascii(code));
  return it == by_code.end() ? nullptr : &emojis[it->second];
}

std::vector<std::string> Emoji::tags() const {
  std::vector<std::string> out;
  for (auto& t : split_tags(tag_text))
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  return out;
}

std::optional<EmojiList> parse_openmoji_csv(std::string_view text) {
  int code = -1, annotation = -1, tags = -1, own_tags = -1, skintone = -1;
  bool header = true, ok = true;
  EmojiList list;
  for_each_csv_row(text, [&](const std::vector<std::string_view>& row) {
    if (header) {
      header = false;
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i] == "hexcode") code = int(i);
        if (row[i] == "annotation") annotation = int(i);
        if (row[i] == "tags") tags = int(i);
        if (row[i] == "openmoji_tags") own_tags = int(i);
        if (row[i] == "skintone") skintone = int(i);
      }
      ok = code >= 0 && annotation >= 0;
      return;
    }
    if (!ok) return;
    auto field = [&](int i) -> std::string_view {
      return i >= 0 && std::size_t(i) < row.size() ? row[std::size_t(i)] : std::string_view();
    };
    Emoji emoji;
    emoji.code = upper_ascii(trim(field(code)));
    if (emoji.code.empty()) return;
    emoji.annotation = std::string(trim(field(annotation)));
    emoji.tag_text = std::string(field(tags));
    if (!field(own_tags).empty()) emoji.tag_text.append(", ").append(field(own_tags));
    emoji.skin_tone_variant = !trim(field(skintone)).empty();
    list.by_code.emplace(emoji.code, list.emojis.size());
    list.emojis.push_back(std::move(emoji));
  });
  if (!ok || header) return std::nullopt;
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
  std::string folded = fold_name(trim(name));
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

std::size_t CodeRows::home(std::string_view code) const {
  const std::uint64_t h = fnv1a(code);
  return static_cast<std::size_t>(h ^ (h >> 32)) & (slots_.size() - 1);
}

CodeRows::CodeRows(std::string_view csv) : csv_(csv) {
  // Rows are lines (the codes' fields hold no line breaks); at most half full.
  std::size_t lines = 1;  // counted with find (memchr): std::count goes a byte at a time
  for (std::size_t at = csv.find('\n'); at != std::string_view::npos; at = csv.find('\n', at + 1)) ++lines;
  if (csv.size() > UINT32_MAX) return;
  std::size_t size = 16;
  while (size < 2 * lines) size *= 2;
  slots_.resize(size);
  std::size_t line = csv.find('\n');  // skip the header row
  while (line != std::string_view::npos && ++line < csv.size()) {
    const std::size_t first = csv.find(',', line), next_line = csv.find('\n', line);
    // The first field is the emoji itself, never quoted; the code follows it.
    const std::size_t second = first < next_line ? csv.find(',', first + 1) : std::string_view::npos;
    if (second != std::string_view::npos && second < next_line && second > first + 1) {
      const std::string_view code = csv.substr(first + 1, second - first - 1);
      std::size_t at = home(code);
      while (slots_[at].code_size != 0 && csv_.substr(slots_[at].code_at, slots_[at].code_size) != code)
        at = (at + 1) & (slots_.size() - 1);
      if (slots_[at].code_size == 0)  // the first row of a code wins
        slots_[at] = {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(first + 1),
                      static_cast<std::uint32_t>(code.size())};
    }
    line = next_line;
  }
}

std::size_t CodeRows::find(std::string_view code) const {
  if (slots_.empty() || code.empty()) return std::string_view::npos;
  for (std::size_t at = home(code); slots_[at].code_size != 0; at = (at + 1) & (slots_.size() - 1))
    if (csv_.substr(slots_[at].code_at, slots_[at].code_size) == code) return slots_[at].row;
  return std::string_view::npos;
}

}  // namespace easyread::symbols::detail
