// Where English sentences end, beyond Unicode's own rules.
#include "text/sentence_rules.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace easyread::text::detail {
namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_abbreviation(std::string_view word_with_stop) {
  for (const char* a : kEnglishAbbreviations)
    if (word_with_stop == a) return true;
  return false;
}

// True when none of 8 bytes is beyond ASCII, '\n' or '\r'.
bool plain_ascii(std::uint64_t eight) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  return (eight & highs) == 0 && !has_zero(eight ^ (ones * '\n')) && !has_zero(eight ^ (ones * '\r'));
}

}  // namespace

// ICU ends a sentence at every line end. Authors and PDFs wrap lines in the
// middle of sentences, so a single line end counts as a space; a blank line
// still ends a sentence (headings and list items often have no full stop).
// ICU reads UTF-16 much faster than UTF-8 through UText, so we convert here,
// in the same pass.
void to_joined_utf16(std::string_view utf8, std::u16string& units, std::vector<std::size_t>& byte_at) {
  units.resize(utf8.size());  // never more units than bytes
  byte_at.clear();
  const char* bytes = utf8.data();
  const std::size_t size = utf8.size();
  char16_t* unit = units.data();
  std::size_t n = 0, i = 0;
  bool mapped = false;  // true after the first non-ASCII character
  auto put = [&](char16_t u, std::size_t from) {
    if (mapped) byte_at[n] = from;
    unit[n++] = u;
  };
  while (i < size) {
    // Most text is ASCII with no line end: copy it 8 bytes at a time while
    // none of the 8 is a line end or beyond ASCII, then byte by byte.
    while (i + 8 <= size) {
      std::uint64_t eight;
      std::memcpy(&eight, bytes + i, 8);
      if (!plain_ascii(eight)) break;
      for (std::size_t k = 0; k < 8; ++k) unit[n + k] = static_cast<unsigned char>(bytes[i + k]);
      if (mapped)
        for (std::size_t k = 0; k < 8; ++k) byte_at[n + k] = i + k;
      n += 8;
      i += 8;
    }
    if (!mapped) {
      while (i < size) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x80 || c == '\n' || c == '\r') break;
        unit[n++] = c;
        ++i;
      }
    } else {
      std::size_t* at = byte_at.data();
      while (i < size) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x80 || c == '\n' || c == '\r') break;
        at[n] = i;
        unit[n++] = c;
        ++i;
      }
    }
    if (i == size) break;
    const char c = bytes[i];
    if (c == '\n' || c == '\r') {
      std::size_t j = i + 1;
      while (j < size && (bytes[j] == ' ' || bytes[j] == '\t' || bytes[j] == '\r')) ++j;
      if (j < size && bytes[j] == '\n') {
        for (; i <= j; ++i) put(static_cast<char16_t>(bytes[i]), i);  // a blank line: kept
      } else {
        put(u' ', i++);
      }
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      put(static_cast<char16_t>(c), i++);
      continue;
    }
    if (!mapped) {  // the first non-ASCII character: start the map
      mapped = true;
      byte_at.resize(size + 1);
      for (std::size_t k = 0; k < n; ++k) byte_at[k] = k;
    }
    const std::size_t start = i;
    const char32_t cp = next_code_point(utf8, i);
    if (cp >= 0x10000) {  // 4 bytes become 2 units
      put(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)), start);
      put(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)), start);
    } else {
      put(static_cast<char16_t>(cp), start);
    }
  }
  units.resize(n);
  if (mapped) {
    byte_at[n] = size;
    byte_at.resize(n + 1);
  }
}

void shorten_plain_runs(std::u16string& units, std::vector<Cut>& cuts) {
  constexpr std::size_t kKeep = 16, kShortestCut = 16;
  static constexpr auto kPlain = [] {
    std::array<bool, 128> plain{};
    for (char16_t u = 0x20; u <= 0x7E; ++u) plain[u] = u != '.' && u != '!' && u != '?';
    return plain;
  }();
  auto plain = [](char16_t u) { return u < 128 && kPlain[u]; };
  auto small_letter = [](char16_t u) { return u >= 'a' && u <= 'z'; };
  cuts.clear();
  char16_t* unit = units.data();
  const std::size_t n = units.size();
  std::size_t kept = 0, removed = 0;
  for (std::size_t i = 0; i < n;) {
    std::size_t end = i;
    while (end < n && plain(unit[end])) ++end;
    if (end == i) {
      unit[kept++] = unit[i++];
      continue;
    }
    if (end - i < 2 * kKeep + kShortestCut) {  // too short to cut: kept whole
      if (kept != i) std::copy(unit + i, unit + end, unit + kept);
      kept += end - i;
      i = end;
      continue;
    }
    std::size_t from = i + kKeep;  // the units to take out: [from, to)
    while (from < end && !small_letter(unit[from - 1])) ++from;
    std::size_t to = end - kKeep;
    while (to > from && !small_letter(unit[to - 1])) --to;
    if (to < from + kShortestCut) from = to = end;
    if (kept != i) std::copy(unit + i, unit + from, unit + kept);
    kept += from - i;
    if (to > from) {
      removed += to - from;
      cuts.push_back({kept, removed});
    }
    std::copy(unit + to, unit + end, unit + kept);
    kept += end - to;
    i = end;
  }
  units.resize(kept);
}

// Easy Read writes numbers as digits, so sentences often start with one:
// "12 members came. 3 supporters came to help." Unicode's rules (UAX #29)
// keep that together, because a small letter follows the number. Split
// after ". " + digit, unless the word before the stop is a known
// abbreviation ("No. 5") or a single letter ("p. 5").
void split_before_numbers(std::string_view text, Range sentence, std::vector<Range>& out,
                          bool english) {
  std::size_t start = sentence.begin;
  // Most sentences have no stop inside them: find each kind with memchr.
  std::array<std::size_t, 3> next{};
  constexpr std::array<char, 3> kStops = {'.', '!', '?'};
  auto find_from = [&](std::size_t k, std::size_t from) {
    const void* at = from < sentence.end ? std::memchr(text.data() + from, kStops[k], sentence.end - from) : nullptr;
    next[k] = at ? static_cast<std::size_t>(static_cast<const char*>(at) - text.data()) : sentence.end;
  };
  for (std::size_t k = 0; k < 3; ++k) find_from(k, sentence.begin);
  for (;;) {
    const std::size_t k = static_cast<std::size_t>(std::min_element(next.begin(), next.end()) - next.begin());
    const std::size_t i = next[k];
    if (i + 2 >= sentence.end) break;
    find_from(k, i + 1);
    const char c = text[i];
    std::size_t j = i + 1;
    if (!is_space_byte(text[j])) continue;
    while (j < sentence.end && is_space_byte(text[j])) ++j;
    if (j >= sentence.end || text[j] < '0' || text[j] > '9') continue;
    std::size_t word = i;
    while (word > start && is_ascii_letter(text[word - 1])) --word;
    if (c == '.') {
      if (i - word < 2) continue;  // a single letter or no word: "p. 5", "5. 6"
      if (english && is_abbreviation(text.substr(word, i + 1 - word))) continue;
    }
    out.push_back({start, i + 1});
    start = j;
  }
  out.push_back({start, sentence.end});
}

}  // namespace easyread::text::detail
