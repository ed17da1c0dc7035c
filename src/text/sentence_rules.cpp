// Where English sentences end, beyond Unicode's own rules.
#include "text/sentence_rules.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace easyread::text::detail {
namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_abbreviation(std::string_view word_with_stop) {
  for (const char* a : kEnglishAbbreviations)
    if (word_with_stop == a) return true;
  return false;
}

constexpr std::size_t kKeepFirst = 6, kKeepLast = 8, kShortestCut = 8;

// The abbreviation filter reads back from a stop through at most the longest
// part of an abbreviation between its stops: kKeepLast must cover it.
constexpr bool parts_shorter_than(std::size_t most) {
  for (const char* abbreviation : kEnglishAbbreviations) {
    std::size_t part = 0;
    for (const char* c = abbreviation; *c != '\0'; ++c)
      if ((part = *c == '.' ? 0 : part + 1) >= most) return false;
  }
  return true;
}
static_assert(parts_shorter_than(kKeepLast - 1), "a long abbreviation needs more of each run kept for ICU");

bool small_letter(char c) { return c >= 'a' && c <= 'z'; }

// True when the line end at `at` ('\n' or '\r') starts a blank line: only
// spaces, tabs and '\r' come before the next '\n'. Such a line end is kept;
// any other becomes a space.
bool starts_blank_line(const char* bytes, std::size_t at, std::size_t size) {
  std::size_t j = at + 1;
  while (j < size && (bytes[j] == ' ' || bytes[j] == '\t' || bytes[j] == '\r')) ++j;
  return j < size && bytes[j] == '\n';
}

bool plain_byte(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '.' && c != '!' && c != '?'; }

// The high bit of each of 8 bytes that is not plain: a control (line ends
// too), DEL, a byte beyond ASCII, '.', '!' or '?'. The first byte marked
// really is one; bytes after it may be marked without need (a borrow or carry).
std::uint64_t not_plain(std::uint64_t eight) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto zero = [](std::uint64_t v) { return (v - ones) & ~v; };
  const std::uint64_t below_space = (eight - ones * 0x20) & ~eight, del_or_above = (eight + ones) | eight;
  return (below_space | del_or_above | zero(eight ^ (ones * '.')) | zero(eight ^ (ones * '!')) |
          zero(eight ^ (ones * '?'))) & highs;
}

// The first byte from `i` on that may not be plain (see not_plain), or the
// first of the last few bytes (under 8), which are for the caller to look at.
// Most bytes are plain: they are looked at 16 or 8 at a time.
std::size_t next_not_plain(const char* bytes, std::size_t i, std::size_t size) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F), stop = _mm_set1_epi8('.'),
                exclamation = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
  for (; i + 16 <= size; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    // Signed bytes: those beyond ASCII are below zero, so below a space too.
    const __m128i odd = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, stop),
                                                  _mm_or_si128(_mm_cmpeq_epi8(v, exclamation), _mm_cmpeq_epi8(v, question))));
    if (const int marked = _mm_movemask_epi8(odd); marked != 0)
      return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(marked)));
  }
#endif
  for (; i + 8 <= size; i += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, bytes + i, 8);
    if (const std::uint64_t marked = not_plain(eight); marked != 0) {
      if constexpr (std::endian::native == std::endian::little) i += static_cast<std::size_t>(std::countr_zero(marked)) / 8;
      return i;
    }
  }
  return i;
}

// The end of the run of plain units from byte `i` on: plain bytes, and line
// ends that become spaces. In such a run every byte is one unit.
inline std::size_t plain_run_end(const char* bytes, std::size_t i, std::size_t size) {
  for (;;) {
    i = next_not_plain(bytes, i, size);
    if (i >= size) return size;
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (!plain_byte(c) && !((c == '\n' || c == '\r') && !starts_blank_line(bytes, i, size))) return i;
    ++i;
  }
}

bool capital_letter(char c) { return c >= 'A' && c <= 'Z'; }
bool stop_byte(char c) { return c == '.' || c == '!' || c == '?'; }

// ICU 72's English abbreviations that are small letters with no inner stop.
// The filter matches an abbreviation at the end of a word ("piano." ends in
// "no."), so a word that ends in one of these, or in one of ours, is for ICU.
using namespace std::string_view_literals;
constexpr std::array kIcuSmallAbbreviations = {"exec"sv, "pp"sv, "vs"sv};

// Ours with no inner stop, without their stop ("no", "Dr"), made once.
constexpr auto kOneWordAbbreviations = [] {
  std::array<std::string_view, kEnglishAbbreviations.size()> words{};
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string_view abbreviation = kEnglishAbbreviations[k];
    if (abbreviation.find('.') + 1 == abbreviation.size()) words[k] = abbreviation.substr(0, abbreviation.size() - 1);
  }
  return words;
}();

bool ends_in_abbreviation(std::string_view word) {
  auto ends_with = [word](std::string_view part) {
    return !part.empty() && word.size() >= part.size() && word.back() == part.back() &&
           word.substr(word.size() - part.size()) == part;
  };
  for (std::string_view abbreviation : kIcuSmallAbbreviations)
    if (ends_with(abbreviation)) return true;
  for (std::string_view abbreviation : kOneWordAbbreviations)
    if (ends_with(abbreviation)) return true;
  return false;
}

// Where the next sentence starts when the stop at `p` surely ends one, in
// English, for ICU's rules and its abbreviation filter alike; 0 when ICU must
// decide. Surely: '.', '!' or '?' right after a word of small letters (with
// no letter or stop just before it, and not ending in an abbreviation), then
// spaces (a single line end is one), then a capital letter. UAX #29 ends the
// sentence before the capital (SB11), and the filter, which reads back from
// there through letters and stops only, finds no abbreviation.
std::size_t sure_end_after(const char* bytes, std::size_t p, std::size_t size) {
  if (!stop_byte(bytes[p]) || p == 0 || !small_letter(bytes[p - 1])) return 0;
  std::size_t next = p + 1;
  while (next < size && (bytes[next] == ' ' || ((bytes[next] == '\n' || bytes[next] == '\r') && !starts_blank_line(bytes, next, size))))
    ++next;
  if (next == p + 1 || next >= size || !capital_letter(bytes[next])) return 0;
  std::size_t word = p;
  while (word > 0 && small_letter(bytes[word - 1])) --word;
  if (word > 0 && (is_ascii_letter(bytes[word - 1]) || bytes[word - 1] == '.')) return 0;
  if (bytes[p] == '.' && ends_in_abbreviation({bytes + word, p - word})) return 0;
  return next;
}

// The first '.', '!' or '?' in [from, end), or `end`. Most sentences have
// no stop inside them: looked for 16 bytes at a time.
std::size_t next_stop(const char* bytes, std::size_t from, std::size_t end) {
  std::size_t i = from;
#if defined(__SSE2__)
  const __m128i stop = _mm_set1_epi8('.'), exclamation = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
  for (; i + 16 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    const __m128i any =
        _mm_or_si128(_mm_cmpeq_epi8(v, stop), _mm_or_si128(_mm_cmpeq_epi8(v, exclamation), _mm_cmpeq_epi8(v, question)));
    if (const int marked = _mm_movemask_epi8(any); marked != 0)
      return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(marked)));
  }
#endif
  while (i < end && !stop_byte(bytes[i])) ++i;
  return i;
}

}  // namespace

// ICU ends a sentence at every line end. Authors and PDFs wrap lines in the
// middle of sentences, so a single line end counts as a space. ICU reads
// UTF-16 much faster than UTF-8 through UText, and most of a long text is
// runs that ICU would only read through, so the runs are found first and
// only what ICU needs is converted.
void to_short_utf16(std::string_view utf8, Shorten shorten, Units& units, std::vector<Shift>& shifts,
                    std::vector<std::size_t>& sure_ends) {
  const std::size_t size = utf8.size();
  if (units.capacity < size) {  // never more units than bytes
    units.room.reset(new char16_t[size]);
    units.capacity = size;
  }
  shifts.clear();
  sure_ends.clear();
  std::vector<std::pair<std::size_t, std::size_t>> sure;  // in the run: each sure stop, and where the next sentence starts
  const char* bytes = utf8.data();
  char16_t* unit = units.room.get();
  std::size_t n = 0, i = 0;
  auto shift_to = [&](std::size_t byte) { shifts.push_back({n, byte - n}); };  // unit n is byte `byte`
  auto copy_plain = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      const char c = bytes[k];
      unit[n++] = c == '\n' || c == '\r' ? u' ' : static_cast<char16_t>(c);
    }
  };
  while (i < size) {
    std::size_t end = plain_run_end(bytes, i, size);
    // A sure sentence end joins the runs on either side into one, so ICU
    // need not read it when it falls in the middle that is left out.
    sure.clear();
    for (std::size_t next; shorten.runs && shorten.sure_ends && end < size && end > i && (next = sure_end_after(bytes, end, size)) != 0;) {
      sure.emplace_back(end, next);
      end = plain_run_end(bytes, end + 1, size);
    }
    if (end > i) {
      std::size_t from = end, to = end;  // the bytes left out: [from, to)
      if (shorten.runs && end - i >= kKeepFirst + kKeepLast + kShortestCut) {
        from = i + kKeepFirst;
        while (from < end && !small_letter(bytes[from - 1])) ++from;
        to = end - kKeepLast;
        while (to > from && !small_letter(bytes[to - 1])) --to;
        // ICU must see the whole word before a sure stop that it reads, and
        // the byte before the word: its filter reads back through them.
        for (std::size_t k = sure.size(); k-- > 0 && sure[k].first >= to && to > from;) {
          std::size_t word = sure[k].first;
          while (word > i && small_letter(bytes[word - 1])) --word;
          if (word > to) continue;
          for (to = word; to > from && !small_letter(bytes[to - 1]);) --to;
        }
        if (to < from + kShortestCut) from = to = end;
      }
      copy_plain(i, from);
      if (to > from) shift_to(to);
      copy_plain(to, end);
      for (const auto& [stop, next] : sure)
        if (stop >= from && stop < to) sure_ends.push_back(next);
      i = end;
      continue;
    }
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {  // a stop, a control or a blank line's line end, as it is
      unit[n++] = c;
      ++i;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = next_code_point(utf8, i);
    if (cp >= 0x10000) {  // 4 bytes become 2 units, both at the letter's first byte
      unit[n++] = static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      shift_to(start);
      unit[n++] = static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit[n++] = static_cast<char16_t>(cp);
    }
    shift_to(i);
  }
  units.size = n;
}

// Easy Read writes numbers as digits, so sentences often start with one:
// "12 members came. 3 supporters came to help." Unicode's rules (UAX #29)
// keep that together, because a small letter follows the number. Split
// after ". " + digit, unless the word before the stop is a known
// abbreviation ("No. 5") or a single letter ("p. 5").
void split_before_numbers(std::string_view text, Range sentence, std::vector<Range>& out,
                          bool english) {
  std::size_t start = sentence.begin;
  for (std::size_t i = next_stop(text.data(), sentence.begin, sentence.end); i + 2 < sentence.end;
       i = next_stop(text.data(), i + 1, sentence.end)) {
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
