// The word list files: reading them line by line into the checker's sets,
// with a clear message for a line that cannot be used.
#include "base/files.hpp"
#include "check/lexicon.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <type_traits>

#include "text/text.hpp"

namespace easyread::check::detail {

namespace {
// trim(), with a quick answer for the usual line that has no space at
// either end: the lists have tens of thousands of lines, read at every start.
std::string_view trim_line(std::string_view line) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  if (!line.empty() && !space(line.front()) && !space(line.back())) return line;
  return trim(line);
}

// A count such as "88" or "0.20", read exactly as from_chars reads it; from_chars
// itself for anything else. Up to 15 digits fit a double exactly, as do the
// powers of ten it is divided by, so the one division rounds like from_chars.
std::from_chars_result read_count(std::string_view text, double& value) {
  std::uint64_t digits = 0;
  int count = 0, decimals = -1;
  for (const char c : text) {
    if (c == '.' && decimals < 0) {
      decimals = 0;
    } else if (c >= '0' && c <= '9' && count < 15) {
      digits = digits * 10 + static_cast<std::uint64_t>(c - '0');
      ++count;
      if (decimals >= 0) ++decimals;
    } else {
      return std::from_chars(text.data(), text.data() + text.size(), value);
    }
  }
  if (count == 0) return std::from_chars(text.data(), text.data() + text.size(), value);
  static constexpr double kTens[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  value = static_cast<double>(digits) / kTens[decimals < 0 ? 0 : decimals];
  return {text.data() + text.size(), std::errc()};
}

// Calls `each(line)` for every line that is not empty or a note; false if the file cannot be read.
template <class Each>
bool read_lines(const std::string& path, Diagnostics& diags, Each each) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(path, {}, "word-list", "easyread cannot open the word list \"" + path + "\".",
                "Check that the file is there and that you may read it.");
    return false;
  }
  // The whole file at once: the frequency list has thousands of lines, read at every start.
  std::string all;
  in.seekg(0, std::ios::end);
  all.resize(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())));
  in.seekg(0, std::ios::beg);
  in.read(all.data(), static_cast<std::streamsize>(all.size()));
  int number = 0;
  for (std::size_t start = 0; start < all.size();) {
    std::size_t end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    const std::string_view line = std::string_view(all).substr(start, end - start);
    start = end + 1;
    ++number;
    const std::string_view text = trim_line(line);
    if (text.empty() || text.front() == '#') continue;
    if constexpr (std::is_same_v<decltype(each(text, number, line)), bool>) {
      if (!each(text, number, line)) break;  // the reader has what it needs
    } else {
      each(text, number, line);
    }
  }
  return true;
}

void bad_line(Diagnostics& diags, const std::string& path, int number, std::string_view line,
              const std::string& example) {
  diags.error(path, {number, 1, number, static_cast<int>(text::count_code_points(line)) + 1}, "word-list",
              "This line is not written the way this list needs.", "Write it like this: " + example);
}
}  // namespace

namespace {
// Calls `each` with every word of the file in small letters, in order: one or
// more words a line, split by spaces.
// False if the file cannot be read (already told in `diags`).
template <typename Each>
bool read_words(const std::string& path, Diagnostics& diags, Each each) {
  return read_lines(path, diags, [&](std::string_view text, int, std::string_view) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t space = text.find_first_of(" \t", start);
      if (space == std::string_view::npos) space = text.size();
      if (space > start) each(text::fold_case(text.substr(start, space - start)));
      start = space + 1;
    }
  });
}
}  // namespace

void load_phrase_file(const std::string& path, ListKind kind, PhraseList& into, Diagnostics& diags,
                      const IrregularVerbs* verbs) {
  read_lines(path, diags, [&](std::string_view text, int number, std::string_view line) {
    const std::size_t bar = text.find('|');
    const std::string_view term = trim_line(text.substr(0, bar));
    const std::string_view suggestion = bar == std::string_view::npos ? std::string_view() : trim_line(text.substr(bar + 1));
    if (term.empty() || suggestion.empty()) {
      diags.error(path, {number, 1, number, static_cast<int>(text::count_code_points(line)) + 1},
                  "word-list", "This line needs a word, a | sign, and a plainer way to say it.",
                  "Write it like this: care pathway | the steps in your care");
      return;
    }
    into.add(std::string(term), std::string(suggestion), kind, false, verbs);
  });
}

void load_word_file(const std::string& path, WordSet& into, Diagnostics& diags, bool forms) {
  read_words(path, diags, [&](std::string word) {
    if (forms)
      for (std::string& form : word_forms(word)) into.insert(std::move(form));
    else
      into.insert(std::move(word));
  });
}

void load_word_file(const std::string& path, FastWords& into, Diagnostics& diags, bool forms) {
  read_words(path, diags, [&](const std::string& word) {
    if (forms)
      for (const std::string& form : word_forms(word)) into.add(form);
    else
      into.add(word);
  });
}

void load_words_in_order(const std::string& path, std::size_t how_many, const std::string& example,
                         std::vector<std::string>& into, Diagnostics& diags) {
  std::vector<std::string> words;
  if (!read_words(path, diags, [&](std::string word) { words.push_back(std::move(word)); })) return;
  if (words.size() != how_many) {
    diags.error(path, {}, "word-list",
                "This list needs " + std::to_string(how_many) + " words, in order, but it has " +
                    std::to_string(words.size()) + ".",
                "Write them like this: " + example);
    return;
  }
  into = std::move(words);
}

void load_pair_file(const std::string& path, std::vector<std::pair<std::string, std::string>>& into,
                    Diagnostics& diags) {
  read_lines(path, diags, [&](std::string_view text, int number, std::string_view line) {
    const std::size_t bar = text.find('|');
    const std::string_view a = trim_line(text.substr(0, bar));
    const std::string_view b = bar == std::string_view::npos ? std::string_view() : trim_line(text.substr(bar + 1));
    if (a.empty() || b.empty()) return bad_line(diags, path, number, line, "can't | cannot");
    into.emplace_back(text::fold_case(a), std::string(b));
  });
}

void load_verb_file(const std::string& path, IrregularVerbs& into, Diagnostics& diags) {
  read_lines(path, diags, [&](std::string_view text, int number, std::string_view line) {
    std::vector<std::string> parts;
    for (std::size_t start = 0; start < text.size();) {
      std::size_t space = text.find_first_of(" \t", start);
      if (space == std::string_view::npos) space = text.size();
      if (space > start) parts.emplace_back(text.substr(start, space - start));
      start = space + 1;
    }
    if (parts.size() != 3) return bad_line(diags, path, number, line, "give gave given");
    into.participles.insert(parts[2]);
    into.by_base[parts[0]] = {parts[1], parts[2]};
  });
}

void load_frequency_file(const std::string& path, double per_million, FastWords& into, Diagnostics& diags) {
  // The file goes from the most used word down: stop at the limit.
  read_lines(path, diags, [&](std::string_view text, int number, std::string_view line) -> bool {
    const std::size_t space = text.find(' ');
    double value = 0;
    const std::string_view count = space == std::string_view::npos ? std::string_view() : trim_line(text.substr(space + 1));
    const auto [end, error] = read_count(count, value);
    if (count.empty() || error != std::errc() || end != count.data() + count.size()) {
      bad_line(diags, path, number, line, "interested 88");
      return true;
    }
    if (value < per_million) return false;
    into.add(text.substr(0, space));
    return true;
  });
}

}  // namespace easyread::check::detail
