#include "check/tokens.hpp"

#include <unicode/uchar.h>

#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/text.hpp"

namespace easyread::check::detail {
namespace {

bool ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// A run of ASCII letters and digits: where it ends, and how many of its
// bytes are letters and small letters.
struct PlainRun {
  std::size_t end = 0;
  int letters = 0, small_letters = 0;
};

// The number of bits set, quickly when there are none or one.
int few_bits(unsigned bits) {
  if ((bits & (bits - 1)) == 0) return bits != 0;
  return std::popcount(bits);
}

// The run from `p` on, looked at 16 bytes at a time while 16 are left
// before `end` (most words are shorter), then a byte at a time.
PlainRun plain_run(const char* bytes, std::size_t p, std::size_t end) {
  PlainRun run;
#if defined(__SSE2__)
  const __m128i case_bit = _mm_set1_epi8(0x20);
  // Signed bytes: shifted so that the range wanted starts at -128.
  const __m128i to_letters = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i to_digits = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i letters_below = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i digits_below = _mm_set1_epi8(static_cast<char>(-128 + 10));
  while (p + 16 <= end) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + p));
    const __m128i small = _mm_or_si128(v, case_bit);
    const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(small, to_letters), letters_below);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, to_digits), digits_below);
    const auto letter_bits = static_cast<unsigned>(_mm_movemask_epi8(letter));
    const auto digit_bits = static_cast<unsigned>(_mm_movemask_epi8(digit));
    const auto capital_bits =
        letter_bits & ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, small)));
    const int length = std::countr_one(letter_bits | digit_bits);  // up to 16
    const unsigned kept = length == 16 ? 0xFFFFu : (1u << length) - 1;
    // Most words have no digit and at most one capital: no counting then.
    const int digits = few_bits(digit_bits & kept), capitals = few_bits(capital_bits & kept);
    run.letters += length - digits;
    run.small_letters += length - digits - capitals;
    p += static_cast<std::size_t>(length);
    if (length < 16) {
      run.end = p;
      return run;
    }
  }
#endif
  for (; p < end; ++p) {
    const unsigned char c = static_cast<unsigned char>(bytes[p]);
    const unsigned char small = c | 0x20;
    if (small >= 'a' && small <= 'z') {
      ++run.letters;
      run.small_letters += c == small;
    } else if (!ascii_digit(c)) {
      break;
    }
  }
  run.end = p;
  return run;
}

// Reads the code point at `pos` without moving it; `length` gets its size.
char32_t peek(std::string_view s, std::size_t pos, std::size_t& length) {
  if (pos >= s.size()) {
    length = 0;
    return 0;
  }
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    length = 1;
    return c;
  }
  std::size_t next = pos;
  const char32_t cp = text::next_code_point(s, next);
  length = next - pos;
  return cp;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return ascii_letter(static_cast<unsigned char>(cp));
  return u_isalpha(static_cast<UChar32>(cp)) != 0;
}
bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool is_double_quote(char32_t cp) { return cp == '"' || cp == 0x201C || cp == 0x201D; }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// "https://...", "www.example.org", "name@example.org", "/usr/share/doc",
// "docs/guide/intro.md": not words a reader must read.
bool is_address(std::string_view chunk) {
  while (!chunk.empty() && (chunk.front() == '(' || chunk.front() == '<' || chunk.front() == '"')) chunk.remove_prefix(1);
  if (chunk.size() < 4) return false;
  if (chunk.starts_with("www.") || chunk.starts_with("/") || chunk.starts_with("~/") || chunk.starts_with("./"))
    return true;
  std::size_t slashes = 0;
  bool letters = false, at_sign = false;
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    const char c = chunk[i];
    if (c == '/') ++slashes;
    else if (c == '@' && i > 0 && i + 1 < chunk.size()) at_sign = true;
    else if (ascii_letter(static_cast<unsigned char>(c))) letters = true;
    if (c == ':' && i + 2 < chunk.size() && chunk[i + 1] == '/' && chunk[i + 2] == '/') return true;
  }
  return (at_sign && letters) || (slashes >= 2 && letters);
}

bool is_symbol_we_keep(char32_t cp) {
  return cp == ',' || cp == ';' || cp == '(' || cp == ')' || cp == '[' || cp == ']' ||
         cp == '/' || cp == '&' || cp == ':';
}

// Small letters for the tokens of one sentence, written into one buffer that
// never moves while it is in use: a word that does not fit makes `full` true,
// and tokenize() starts again with more room.
class Folder {
 public:
  explicit Folder(std::string& buffer) : buffer_(buffer) {}
  bool full() const { return full_; }
  // ASCII: `raw` itself if it has no capitals (`capitals` < 0: not counted yet).
  std::string_view ascii(std::string_view raw, int capitals = -1) {
    if (capitals == 0 || (capitals < 0 && !has_capital(raw))) return raw;
    const std::size_t at = buffer_.size();
    if (!fits(raw.size())) return {};
    buffer_.append(raw);
    for (std::size_t i = at; i < buffer_.size(); ++i)
      if (buffer_[i] >= 'A' && buffer_[i] <= 'Z') buffer_[i] = static_cast<char>(buffer_[i] + ('a' - 'A'));
    return std::string_view(buffer_).substr(at);
  }
  std::string_view unicode(std::string_view raw) {
    std::string out = text::fold_case(raw);
    // One spelling for the apostrophe, so "don’t" and "don't" match.
    for (std::size_t at; (at = out.find("\xE2\x80\x99")) != std::string::npos;)
      out.replace(at, 3, "'");
    if (out == raw) return raw;
    const std::size_t at = buffer_.size();
    if (!fits(out.size())) return {};
    buffer_.append(out);
    return std::string_view(buffer_).substr(at);
  }

 private:
  static bool has_capital(std::string_view raw) {
    for (char c : raw)
      if (c >= 'A' && c <= 'Z') return true;
    return false;
  }
  bool fits(std::size_t more) {
    full_ = full_ || buffer_.size() + more > buffer_.capacity();
    return !full_;
  }
  std::string& buffer_;
  bool full_ = false;
};

// One try at tokenize(): false if `folded` had too little room.
bool tokenize_into(std::string_view s, std::size_t begin, std::size_t end, std::vector<Token>& out,
                   std::string& folded) {
  out.clear();
  folded.clear();
  Folder fold(folded);
  bool in_quotes = false;
  bool hyphen_pending = false;
  std::size_t pos = begin;
  const std::string_view text = s.substr(0, end);
  while (pos < end) {
    // Spaces are most of what is not a word: pass them quickly.
    if (text[pos] == ' ' || text[pos] == '\n') {
      hyphen_pending = false;
      ++pos;
      continue;
    }
    // Most tokens start with an ASCII letter, for which only the letter's
    // own test and the one for "www." can be true.
    std::size_t len = 1;
    const auto first_byte = static_cast<unsigned char>(text[pos]);
    const bool plain_letter = ascii_letter(first_byte) && first_byte != 'w';
    const char32_t cp = plain_letter ? first_byte : peek(text, pos, len);
    if (!plain_letter) {
      if (is_double_quote(cp)) {
        in_quotes = cp == 0x201C ? true : cp == 0x201D ? false : !in_quotes;
        hyphen_pending = false;
        pos += len;
        continue;
      }
      if (cp == '-' && !out.empty() && out.back().end == pos) {
        hyphen_pending = true;
        pos += len;
        continue;
      }
      // Web and e-mail addresses and file paths are not words: skip them whole.
      // Looked at only where one could be, so ordinary words cost nothing.
      if (cp == '/' || cp == '@' || cp == ':' || (cp == 'w' && text.substr(pos, 4) == "www.")) {
        std::size_t chunk_begin = pos, chunk_end = pos;
        while (chunk_begin > begin && !is_space(text[chunk_begin - 1])) --chunk_begin;
        while (chunk_end < end && !is_space(text[chunk_end])) ++chunk_end;
        if (is_address(text.substr(chunk_begin, chunk_end - chunk_begin))) {
          while (!out.empty() && out.back().end > chunk_begin) out.pop_back();
          for (std::size_t i = pos; i < chunk_end; ++i)  // a closing quote inside the address
            if (text[i] == '"') in_quotes = !in_quotes;
          pos = chunk_end;
          hyphen_pending = false;
          continue;
        }
      }
      if (is_digit(cp)) {
        Token& t = out.emplace_back();
        t.kind = Token::Kind::number;
        t.begin = pos;
        std::size_t p = pos;
        while (p < end) {
          const unsigned char c = static_cast<unsigned char>(text[p]);
          if (ascii_digit(c)) ++p;
          else if ((c == ',' || c == '.' || c == ':' || c == '/' || c == '-') && p + 1 < end &&
                   ascii_digit(static_cast<unsigned char>(text[p + 1])))
            ++p;
          else break;
        }
        while (p < end && ascii_letter(static_cast<unsigned char>(text[p]))) ++p;  // 3rd, 10am
        if (p < end && text[p] == '%') {
          t.percent = true;
          ++p;
        }
        t.end = p;
        t.lower = fold.ascii(text.substr(t.begin, t.end - t.begin));
        t.joined = hyphen_pending;
        t.quoted = in_quotes;
        hyphen_pending = false;
        pos = p;
        continue;
      }
    }
    if (plain_letter || is_letter(cp)) {
      Token& t = out.emplace_back();
      t.begin = pos;
      bool ascii = true, any_lower = false;
      int upper = 0;
      std::size_t p = pos;
      // Letters with dots: "e.g.", "i.e.", "a.m.".
      while (p + 1 < end && text[p + 1] == '.' && ascii_letter(static_cast<unsigned char>(text[p])) &&
             ((p + 2 < end && ascii_letter(static_cast<unsigned char>(text[p + 2])) &&
               (p + 3 >= end || !ascii_letter(static_cast<unsigned char>(text[p + 3])))) ||
              p > pos)) {
        ++t.letters;
        if (text[p] >= 'A' && text[p] <= 'Z') ++upper;
        else any_lower = true;
        p += 2;
      }
      if (p > pos) t.capitalised = text[pos] >= 'A' && text[pos] <= 'Z';
      // Plain ASCII letters and digits, the usual case, without decoding.
      const bool plain = p == pos;
      if (plain) {  // counted in locals: the compiler cannot keep t's fields in registers
        t.capitalised = text[p] >= 'A' && text[p] <= 'Z';  // a letter: is_letter(cp) said so
        const PlainRun run = plain_run(text.data(), p, end);
        p = run.end;
        t.letters = run.letters;
        upper = run.letters - run.small_letters;
        any_lower = run.small_letters > 0;
      }
      // A space after the run ends the word: the usual case, with no more tests.
      const bool ended = p < end && (text[p] == ' ' || text[p] == '\n');
      while (!ended) {
        if (p > pos && text[p - 1] == '.') break;
        std::size_t l = 0;
        const char32_t c = peek(text, p, l);
        if (p < end && (is_letter(c) || is_digit(c))) {
          if (c >= 0x80) ascii = false;
          if (is_letter(c)) {
            ++t.letters;
            const bool up = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(c));
            if (up) ++upper;
            else any_lower = true;
            if (t.letters == 1) t.capitalised = up;
          }
          p += l;
          continue;
        }
        // Inside a word: "don't", "A&E", and the dots of "e.g." and "a.m.".
        if (p < end && p + l < end && (is_apostrophe(c) || (c == '&' && upper > 0))) {
          std::size_t l2 = 0;
          if (is_letter(peek(text, p + l, l2))) {
            if (c >= 0x80) ascii = false;
            t.apostrophe = t.apostrophe || c != '&';
            p += l;
            continue;
          }
        }
        break;
      }
      t.end = p;
      t.all_caps = upper >= 2 && !any_lower;
      t.capitals = upper;
      const std::string_view raw = text.substr(t.begin, t.end - t.begin);
      t.lower = ascii ? fold.ascii(raw, upper) : fold.unicode(raw);
      t.joined = hyphen_pending;
      t.quoted = in_quotes;
      hyphen_pending = false;
      pos = ended ? p + 1 : p;  // past the space too
      continue;
    }
    if (is_symbol_we_keep(cp)) {
      Token& t = out.emplace_back();
      t.kind = Token::Kind::symbol;
      t.begin = pos;
      t.end = pos + len;
      t.lower = text.substr(pos, 1);  // an ASCII sign
      t.quoted = in_quotes;
    }
    hyphen_pending = false;
    pos += len;
  }
  return !fold.full();
}

}  // namespace

void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::vector<Token>& out,
              std::string& folded) {
  folded.reserve(end - begin + 64);  // folding rarely makes words longer
  while (!tokenize_into(text, begin, end, out, folded)) folded.reserve(2 * folded.capacity());
}

int count_words(const std::vector<Token>& tokens) {
  int words = 0;
  for (const Token& t : tokens)
    if (t.kind != Token::Kind::symbol && !t.joined) ++words;
  return words;
}

}  // namespace easyread::check::detail
