#include "base/diagnostic.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace easyread {
namespace {

// The code point at `pos` and its length in bytes; bytes that are not
// UTF-8 count as one byte each, shown as they are.
char32_t code_point_at(std::string_view s, std::size_t pos, std::size_t& length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char first = byte(pos);
  length = 1;
  if (first < 0x80) return first;
  const std::size_t need = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
  if (need == 1 || pos + need > s.size()) return 0xFFFD;
  char32_t value = first & (0x7F >> need);
  for (std::size_t i = 1; i < need; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0xFFFD;
    value = (value << 6) | (byte(pos + i) & 0x3F);
  }
  length = need;
  return value;
}

bool must_escape(char32_t c) {
  return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

#if defined(__SSE2__)
namespace {

// True when one of 16 bytes is a lead (see may_need_escape).
bool lead_in(__m128i v) {
  // Most text is printable ASCII: nothing below 0x20, no DEL and nothing
  // above it (bytes above 0x7F are below zero as signed bytes).
  const __m128i below_space = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
  if (_mm_movemask_epi8(_mm_or_si128(below_space, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)))) == 0) return false;
  const __m128i control =
      _mm_andnot_si128(_mm_or_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                       below_space);
  const __m128i other =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)), _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2)))),
                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xD8))),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2)))));
  return _mm_movemask_epi8(_mm_or_si128(control, other)) != 0;
}

}  // namespace
#endif

bool may_need_escape(std::string_view s) {
  // Every character escaped starts with a byte below 0x20, 0x7F, 0xC2 (C1), 0xD8 (U+061C) or 0xE2 (U+20xx).
  auto lead = [](unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F || c == 0xC2 || c == 0xD8 || c == 0xE2; };
  const char* const p = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time, the last 16 overlapping the ones before: every
  // finding's file name, message and suggestion come through here.
  if (n >= 16) {
    for (; i + 16 <= n; i += 16)
      if (lead_in(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)))) return true;
    return i < n && lead_in(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16)));
  }
  if (n >= 8)  // the first 8 bytes and the last 8, which may overlap
    return lead_in(_mm_unpacklo_epi64(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)),
                                      _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + n - 8))));
#else
  // Eight bytes at a time: most are printable ASCII (from 0x20 to 0x7E), and
  // then none can be a lead.
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, p + i, 8);
    const bool below_space = ((eight - ones * 0x20) & ~eight & highs) != 0;
    const bool del_or_above = (((eight + ones) | eight) & highs) != 0;
    if (!below_space && !del_or_above) continue;
    for (std::size_t j = i; j < i + 8; ++j)
      if (lead(static_cast<unsigned char>(p[j]))) return true;
  }
#endif
  for (; i < n; ++i)
    if (lead(static_cast<unsigned char>(p[i]))) return true;
  return false;
}

std::string escape_controls(std::string_view text) {
  if (!may_need_escape(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 1;
    const char32_t c = code_point_at(text, pos, length);
    if (must_escape(c)) {
      char buffer[12];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
      out += buffer;
    } else {
      out.append(text, pos, length);
    }
    pos += length;
  }
  return out;
}

void escape_controls(Diagnostic& d) {
  if (may_need_escape(d.file)) d.file = escape_controls(d.file);
  if (may_need_escape(d.message)) d.message = escape_controls(d.message);
  if (may_need_escape(d.suggestion)) d.suggestion = escape_controls(d.suggestion);
}

void Diagnostics::add(Diagnostic d) {
  escape_controls(d);
  items_.push_back(std::move(d));
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

void Diagnostics::error(std::string file, Span span, std::string rule, std::string message,
                        std::string suggestion) {
  add({Severity::error, std::move(rule), std::move(file), span, std::move(message), std::move(suggestion)});
}

void Diagnostics::warning(std::string file, Span span, std::string rule, std::string message,
                          std::string suggestion) {
  add({Severity::warning, std::move(rule), std::move(file), span, std::move(message), std::move(suggestion)});
}

bool Diagnostics::has_errors() const {
  for (const auto& d : items_)
    if (d.severity == Severity::error) return true;
  return false;
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace easyread
