// Markdown and plain text for drafts: headings, paragraphs, lists and tables.
#include <regex>

#include "draft/internal.hpp"
#include "text/text.hpp"

namespace easyread::draft {
namespace {

using detail::trim;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t begin = 0; begin <= text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    begin = end + 1;
  }
  return lines;
}

// A list line: "- words", "* words", "1. words", "2) words" (and "• words" in plain text).
struct ListLine {
  int level = 0;
  bool numbered = false;
  std::string text;
};
std::optional<ListLine> list_line(std::string_view line, bool plain) {
  std::size_t at = 0;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  const std::size_t indent = at;
  bool numbered = false;
  if (at < line.size() && (line[at] == '-' || line[at] == '*' || line[at] == '+')) {
    ++at;
  } else if (plain && (line.substr(at).starts_with("\xE2\x80\xA2") || line.substr(at).starts_with("\xE2\x80\x93"))) {
    at += 3;  // "•" and "–"
  } else if (plain && line.substr(at).starts_with("\xC2\xB7")) {
    at += 2;  // "·"
  } else {
    const std::size_t digits = at;
    while (at < line.size() && at - digits < 4 && line[at] >= '0' && line[at] <= '9') ++at;
    if (at == digits || at - digits > 3 || at >= line.size() || (line[at] != '.' && line[at] != ')')) return std::nullopt;
    ++at;
    numbered = true;
  }
  if (at >= line.size() || (line[at] != ' ' && line[at] != '\t')) return std::nullopt;
  return ListLine{static_cast<int>(indent) / 2, numbered, std::string(trim(line.substr(at)))};
}

// Markdown's inline marks (emphasis, links, code marks, tags) taken away,
// words kept. The checker's blanking finds the marks; they are dropped, not
// made spaces, so "*Wednesday*." stays "Wednesday.".
std::string markdown_words(std::string_view line) {
  std::string s(line);
  std::erase(s, '`');  // code keeps its words
  const std::string blanked = check::blank_markdown(s);
  std::string kept;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (blanked[i] == s[i]) kept += s[i];
  return std::string(trim(text::fold_white_space(kept)));
}

class MarkdownReader {
 public:
  SourceDocument read(std::string_view text) {
    const std::vector<std::string_view> lines = split_lines(text);
    for (const std::string_view line : lines) take(line);
    flush();
    return std::move(out_);
  }

 private:
  void take(std::string_view line) {
    const std::string_view t = trim(line);
    if (in_fence_) {
      if (t.starts_with("```") || t.starts_with("~~~")) {
        in_fence_ = false;
        flush();
      } else {
        paragraph_ += std::string(t) + " ";
      }
      return;
    }
    if (t.starts_with("```") || t.starts_with("~~~")) {
      flush();
      in_fence_ = true;
      return;
    }
    if (t.empty()) {
      flush();
      return;
    }
    const bool rule_line = t.find_first_not_of("-=*_ ") == std::string_view::npos && t.size() >= 3;
    if (rule_line && !paragraph_.empty() && (t[0] == '=' || t[0] == '-')) {  // a heading underlined
      add(BlockKind::heading, t[0] == '=' ? 1 : 2, paragraph_);
      paragraph_.clear();
      return;
    }
    if (rule_line) return flush();
    std::size_t hashes = 0;
    while (hashes < t.size() && t[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && (hashes == t.size() || t[hashes] == ' ')) {
      flush();
      std::string_view heading = trim(t.substr(hashes));
      while (!heading.empty() && heading.back() == '#') heading.remove_suffix(1);
      add(BlockKind::heading, static_cast<int>(hashes), std::string(heading));
      return;
    }
    if (t.front() == '|') return table_line(t);
    if (auto item = list_line(line, false)) {
      flush();
      if (!in_list_) ++groups_;
      in_list_ = true;
      Block& b = add(BlockKind::list_item, item->level, item->text);
      b.numbered = item->numbered;
      b.group = groups_;
      return;
    }
    if (in_list_ && !out_.blocks.empty() && paragraph_.empty() && line.starts_with("  ")) {
      out_.blocks.back().text += " " + markdown_words(t);  // an item that goes on
      return;
    }
    in_list_ = false;
    in_table_ = false;
    paragraph_ += std::string(t[0] == '>' ? t.substr(1) : t) + " ";
  }

  void table_line(std::string_view t) {
    const bool was_in_table = in_table_;
    flush();
    in_table_ = was_in_table;
    if (t.find_first_not_of("|-: \t") == std::string_view::npos) return;  // the line under the headings
    if (!in_table_) ++groups_;
    in_table_ = true;
    Block row;
    row.kind = BlockKind::table_row;
    row.group = groups_;
    std::string_view cells = t.substr(1);
    if (!cells.empty() && cells.back() == '|') cells.remove_suffix(1);
    for (std::size_t begin = 0; begin <= cells.size();) {
      std::size_t end = cells.find('|', begin);
      if (end == std::string_view::npos) end = cells.size();
      row.cells.push_back(markdown_words(cells.substr(begin, end - begin)));
      begin = end + 1;
    }
    out_.blocks.push_back(std::move(row));
  }

  Block& add(BlockKind kind, int level, const std::string& words) {
    Block b;
    b.kind = kind;
    b.level = level;
    b.text = markdown_words(words);
    out_.blocks.push_back(std::move(b));
    return out_.blocks.back();
  }

  void flush() {
    if (!trim(paragraph_).empty()) {
      add(BlockKind::paragraph, 0, paragraph_);
      in_list_ = false;
    }
    in_table_ = false;
    paragraph_.clear();
  }

  SourceDocument out_;
  std::string paragraph_;
  bool in_fence_ = false, in_list_ = false, in_table_ = false;
  int groups_ = 0;
};

// "Date: 3 March", "Action: ...": a label at the start of a line starts a paragraph.
bool labelled_line(std::string_view t) {
  static const std::regex label("^[A-Za-z][A-Za-z ]{0,24}:\\s");
  return std::regex_search(std::string(t.substr(0, 32)), label);
}

// A short line on its own with no full stop. A colon is allowed only in the
// first line ("Speak Up: our meeting"), which is the title; elsewhere it is
// a label ("Apologies: Sam").
bool looks_like_heading(std::string_view t, bool first) {
  if (t.empty() || t.size() > 80 || (!first && t.find(':') != std::string_view::npos)) return false;
  if (std::string_view(".,;!?").find(t.back()) != std::string_view::npos) return false;
  int words = 1;
  for (char c : t) words += c == ' ';
  return words <= 10;
}

}  // namespace

SourceDocument read_markdown(std::string_view text) { return MarkdownReader().read(text); }

SourceDocument read_plain_text(std::string_view text) {
  SourceDocument out;
  int groups = 0;
  bool in_list = false, in_table = false;
  std::vector<std::string> paragraph;  // lines of the paragraph so far
  auto flush = [&]() {
    if (paragraph.empty()) return;
    Block b;
    b.text = text::fold_white_space(paragraph.size() == 1 ? paragraph[0] : [&] {
      std::string all;
      for (const std::string& l : paragraph) all += l + " ";
      return all;
    }());
    b.text = std::string(trim(b.text));
    if (paragraph.size() == 1 && looks_like_heading(b.text, out.blocks.empty())) {
      b.kind = BlockKind::heading;
      b.level = 1;
    }
    out.blocks.push_back(std::move(b));
    paragraph.clear();
  };
  for (const std::string_view line : split_lines(text)) {
    const std::string_view t = trim(line);
    if (t.empty()) {
      flush();
      in_list = in_table = false;
      continue;
    }
    if (auto item = list_line(line, true)) {
      flush();
      if (!in_list) ++groups;
      in_list = true;
      Block b;
      b.kind = BlockKind::list_item;
      b.level = item->level;
      b.numbered = item->numbered;
      b.group = groups;
      b.text = std::string(trim(item->text));
      out.blocks.push_back(std::move(b));
      continue;
    }
    if (t.find('\t') != std::string_view::npos) {  // columns kept apart with tabs: a table
      flush();
      if (!in_table) ++groups;
      in_table = true;
      Block row;
      row.kind = BlockKind::table_row;
      row.group = groups;
      for (std::size_t begin = 0; begin <= t.size();) {
        std::size_t end = t.find('\t', begin);
        if (end == std::string_view::npos) end = t.size();
        if (end > begin) row.cells.emplace_back(trim(t.substr(begin, end - begin)));
        begin = end + 1;
      }
      out.blocks.push_back(std::move(row));
      continue;
    }
    if (in_list && !out.blocks.empty() && paragraph.empty() && (line.starts_with(" ") || line.starts_with("\t"))) {
      out.blocks.back().text += " " + std::string(t);
      continue;
    }
    in_list = in_table = false;
    if (labelled_line(t)) flush();
    paragraph.emplace_back(t);
  }
  flush();
  return out;
}

}  // namespace easyread::draft
