// Small UTF-8 helpers and the line index used to report line and column.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/text.hpp"

namespace easyread::text {

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  constexpr char32_t replacement = 0xFFFD;
  const auto lead = static_cast<unsigned char>(text[pos++]);
  if (lead < 0x80) return lead;
  int extra = 0;
  char32_t value = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    value = lead & 0x07;
  } else {
    return replacement;
  }
  for (int k = 0; k < extra; ++k) {
    if (pos >= text.size()) return replacement;
    const auto c = static_cast<unsigned char>(text[pos]);
    if ((c & 0xC0) != 0x80) return replacement;
    value = (value << 6) | (c & 0x3F);
    ++pos;
  }
  // Overlong forms, surrogates and values past U+10FFFF are not characters.
  static constexpr char32_t smallest[] = {0, 0x80, 0x800, 0x10000};
  if (value < smallest[extra] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return replacement;
  return value;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<std::size_t> row(b.size() + 1);  // one row of the classic table
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t change = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, change});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::size_t count_code_points(std::string_view s) {
  // Eight bytes at a time: each byte but a continuation byte (10xxxxxx)
  // starts a code point. Every finding's place is counted this way.
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const char* p = s.data();
  const std::size_t size = s.size();
  std::size_t n = 0, i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, p + i, 8);
    const std::uint64_t continuation = (eight & ~(eight << 1) & highs) >> 7;  // 1 in each such byte
    n += 8 - ((continuation * ones) >> 56);
  }
  for (; i < size; ++i) n += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return n;
}

std::size_t skip_code_points(std::string_view s, std::size_t pos, std::size_t count) {
  const std::size_t size = s.size();
  while (count > 0 && pos < size) {
    // Eight ASCII bytes at a time: each is one code point.
    if (count >= 8 && pos + 8 <= size) {
      std::uint64_t eight;
      std::memcpy(&eight, s.data() + pos, 8);
      if ((eight & 0x8080808080808080ull) == 0) {
        pos += 8;
        count -= 8;
        continue;
      }
    }
    ++pos;  // a lead byte, then its continuation bytes
    while (pos < size && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    --count;
  }
  return pos;
}

std::string fold_white_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_folded_white_space(out, s);
  return out;
}

namespace {

// True when `s` is already folded: no white space at either end, no
// control characters (so no tab or line end) and no two spaces side by side.
// Most lines of prose are, and checking costs less than folding.
bool already_folded(std::string_view s) {
  const std::size_t n = s.size();
  if (n == 0 || s.front() == ' ' || static_cast<unsigned char>(s.back()) <= ' ') return false;
  const char* p = s.data();
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' '), zero = _mm_setzero_si128();
  auto clean = [&](std::size_t at) {  // the 16 bytes at `at`, each with the byte after it
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at + 1));
    const __m128i control = _mm_andnot_si128(_mm_cmplt_epi8(v, zero), _mm_cmplt_epi8(v, space));
    const __m128i two_spaces = _mm_and_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(next, space));
    return _mm_movemask_epi8(_mm_or_si128(control, two_spaces)) == 0;
  };
  if (n >= 17) {
    for (; i + 17 <= n; i += 16)
      if (!clean(i)) return false;
    return clean(n - 17);
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c < ' ' || (c == ' ' && i + 1 < n && p[i + 1] == ' ')) return false;
  }
  return true;
}

}  // namespace

void append_folded_white_space(std::string& out, std::string_view s) {
  if (already_folded(s)) {  // the words as they are, after a space unless they come first
    if (!out.empty()) out += ' ';
    out += s;
    return;
  }
  // One test for most bytes: white space is never above ' '.
  auto space = [](char c) {
    return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
  };
  // Written straight into room made once: findings quote long sentences,
  // and an append for each word cost more than the copying.
  const std::size_t old_size = out.size();
  out.resize(old_size + s.size() + 1);  // at most one space more than the bytes
  char* const start = out.data();
  char* write = start + old_size;
  for (std::size_t i = 0, n = s.size(); i < n;) {
    while (i < n && space(s[i])) ++i;
    if (i == n) break;
    if (write != start) *write++ = ' ';
#if defined(__SSE2__)
    // Sixteen bytes at a time up to the next byte that may be white space
    // (at most ' '). A store never passes the room made: the bytes written
    // are never more than one ahead of the bytes read.
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      const auto low = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(' ')), v)));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(write), v);
      const int run = low != 0 ? std::countr_zero(low) : 16;
      write += run;
      i += static_cast<std::size_t>(run);
      if (run < 16) break;
    }
#endif
    while (i < n && !space(s[i])) *write++ = s[i++];
  }
  out.resize(static_cast<std::size_t>(write - start));
}

TextPlace walk_to(std::string_view text, TextPlace from, std::size_t to) {
  to = std::min(to, text.size());
  const char* p = text.data();
  std::size_t i = std::min(from.offset, to);
  for (const void* found; i < to && (found = std::memchr(p + i, '\n', to - i));) {
    i = static_cast<std::size_t>(static_cast<const char*>(found) - p) + 1;
    ++from.line;
    from.column = 1;
  }
  from.column += static_cast<int>(count_code_points(text.substr(i, to - i)));
  from.offset = to;
  return from;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (text.empty()) return;
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));)
    starts_.push_back(static_cast<std::size_t>(++p - begin));
}

LineIndex::Position LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin()) - 1;
  std::size_t start = starts_[line];
  int column = 1 + static_cast<int>(count_code_points(text_.substr(start, offset - start)));
  return {static_cast<int>(line) + 1, column};
}

std::string_view LineIndex::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
  std::size_t start = starts_[line - 1];
  std::size_t end = static_cast<std::size_t>(line) < starts_.size() ? starts_[line] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

}  // namespace easyread::text
