// Counting syllables in English words by rule. The rules are our own: count
// groups of vowels, then correct the common ways spelling hides or adds one.
#include <array>
#include <string>
#include <string_view>

#include "check/check.hpp"

namespace easyread::check {
namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Byte loops rather than memcmp: the pieces are a few letters long and this
// runs for every word of a file.
bool ends_with(std::string_view s, std::string_view tail) {
  if (s.size() < tail.size()) return false;
  const char* p = s.data() + (s.size() - tail.size());
  for (std::size_t i = 0; i < tail.size(); ++i)
    if (p[i] != tail[i]) return false;
  return true;
}
bool starts_with(std::string_view s, std::string_view head) {
  if (s.size() < head.size()) return false;
  for (std::size_t i = 0; i < head.size(); ++i)
    if (s[i] != head[i]) return false;
  return true;
}

// Vowel pairs that are usually two syllables ("radio", "create", "fluid").
bool splits_pair(std::string_view w, std::size_t i) {
  const char a = w[i], b = w[i + 1];
  const std::string_view rest = w.substr(i + 2);
  const char before = i > 0 ? w[i - 1] : '\0';
  if (a == 'i') {
    if (b == 'a') {  // media, trivia; not "special", "partial", "carriage"
      if ((before == 'c' || before == 't' || before == 's' || before == 'x') &&
          (starts_with(rest, "l") || starts_with(rest, "n") || rest.empty() || rest == "s"))
        return false;
      if (rest == "ge" || rest == "ges") return false;
      return true;
    }
    if (b == 'o') {  // radio, period; not "nation", "vision", "precious"
      if ((before == 'c' || before == 't' || before == 's' || before == 'x' || before == 'g') &&
          (starts_with(rest, "n") || starts_with(rest, "u")))
        return false;
      if (before == 'h' && i > 1 && (w[i - 2] == 's' || w[i - 2] == 'c')) return false;
      if ((before == 'l' || before == 'n') && i >= 2 && starts_with(rest, "n")) return false;
      return true;
    }
    if (b == 'u') return !(before == 'g' || before == 'q');  // medium
    if (b == 'e') {  // quiet, science, happier; not "piece", "tried", "patient"
      if (rest.empty() || rest == "s" || rest == "d") return false;
      if (i >= 2 && (rest == "r" || rest == "rs" || rest == "st")) return true;
      if (before == 'c' || before == 't' || before == 'f' || before == 'l' || before == 'v' ||
          before == 'r' || before == 'n' || before == 'p' || before == 'g') {
        if (starts_with(rest, "r") || starts_with(rest, "st") || starts_with(rest, "th") ||
            starts_with(rest, "ty") || starts_with(rest, "t"))
          return before != 'f' && before != 'c';
        if (starts_with(rest, "nt") || starts_with(rest, "nc"))
          return before != 'c' && before != 't' && before != 'g';
        return false;
      }
      return starts_with(rest, "t") || starts_with(rest, "r") || starts_with(rest, "n");
    }
    return false;
  }
  if (a == 'e') {
    if (b == 'o') {  // video, rodeo; not "people", "surgeon", "gorgeous"
      if (before == 'p' && starts_with(rest, "pl")) return false;
      return !((before == 'g' || before == 'c') && (starts_with(rest, "n") || starts_with(rest, "u")));
    }
    if (b == 'a') {  // create, react, idea; not "bread", "great", "ocean"
      if (rest.empty()) return before != 'c' && before != 'h';
      if (starts_with(rest, "lit") || starts_with(rest, "lis") || starts_with(rest, "liz"))
        return true;  // reality, realistic
      if (starts_with(rest, "l")) return before == 'r' && i >= 3;  // cereal; not "steal"
      if ((rest == "n" || rest == "ns") && i >= 3) return before != 'c' && before != 'g';
      static constexpr std::array<std::string_view, 10> kAte = {
          "te", "ted", "tes", "tion", "tions", "tor", "tors", "tive", "tivity", "tures"};
      for (auto t : kAte)
        if (rest == t) return i >= 2 && (w[i - 2] == 'c' || w[i - 2] == 'e');
      if (rest == "ting") return i >= 2 && w[i - 2] == 'c';
      return false;
    }
    if (b == 'i') return rest == "ty" || starts_with(rest, "ng");  // deity, being
    return false;
  }
  if (a == 'u') {
    if (before == 'q' || before == 'g') return false;
    if (b == 'a') return true;                          // actual, usual
    if (b == 'i') return starts_with(rest, "ty") || starts_with(rest, "d") || rest == "ng";
    if (b == 'e') return starts_with(rest, "nt") || starts_with(rest, "l") || rest == "ly" ||
                         starts_with(rest, "st");       // fluent, cruel, duet
    if (b == 'o') return true;                           // duo
    return false;
  }
  if (a == 'o') {
    if (b == 'e') return !(rest.empty() || rest == "s" || rest == "d");  // poem, poet
    if (b == 'i') return starts_with(rest, "ng") || rest == "st";          // going
    if (b == 'a') return i == 1 && before == 'c' && (starts_with(rest, "lit") ||
                                                     starts_with(rest, "lesc"));  // coalition
    return false;
  }
  if (a == 'y') return b != 'e' && i > 0;  // "layer" handled by groups
  return false;
}

// Prefixes where "re", "co" or "pre" meets another vowel and both are heard.
constexpr std::array<std::string_view, 30> kSplitPrefixes = {
    "react",  "reass",  "reapp", "reaff",  "reacq",  "readj",   "reawa",   "reeval",
    "reexam", "reelect", "reenter", "reeduc", "reemerg", "reemploy", "reestab", "reinv",
    "reins",  "reint",  "reinf", "reiter", "reimb",  "reiss",   "reinc",   "reopen",
    "reorg",  "reunit", "coop",  "coord",  "preex",  "coexist"};

int count_word(std::string_view v) {
  const std::size_t n = v.size();
  int count = 0;
  for (std::size_t i = 0; i < n;) {
    const bool vowel = is_vowel(v[i]) && !(v[i] == 'y' && i + 1 < n && is_vowel(v[i + 1]) &&
                                          !(v.substr(i + 1) == "ing" && i > 0 && !is_vowel(v[i - 1])));
    if (!vowel) {
      ++i;
      continue;
    }
    ++count;
    std::size_t j = i;
    while (j + 1 < n && is_vowel(v[j + 1])) {
      // A "y" between vowels is a consonant: "player", "mayor".
      if (v[j + 1] == 'y' && j + 2 < n && is_vowel(v[j + 2])) break;
      if (splits_pair(v, j)) ++count;
      ++j;
    }
    i = j + 1;
  }
  if (n > 4 && ((v[0] == 'r' && v[1] == 'e') || (v[0] == 'c' && v[1] == 'o') || (v[0] == 'p' && v[1] == 'r')))  // cheap test first: this runs for every word
    for (auto prefix : kSplitPrefixes)
      if (starts_with(v, prefix) && n > prefix.size()) {
        ++count;
        break;
      }

  // A silent "e" at the end: "make", "code"; but "table", "centre", "fire", "the".
  if (n > 2 && v[n - 1] == 'e' && !is_vowel(v[n - 2])) {
    const char c = v[n - 2];
    const bool consonant_le =
        (c == 'l' || c == 'r') && n > 3 && !is_vowel(v[n - 3]) && v[n - 3] != c;
    const bool fire = c == 'r' && n > 3 && v[n - 3] == 'i' && !(n > 4 && is_vowel(v[n - 4]));
    if (!consonant_le && !fire && count > 1) --count;
  }
  // "-que" and "-gue" at the end are silent: "technique", "league".
  {
    std::string_view stem = v;
    if (ends_with(stem, "s") || ends_with(stem, "d")) stem.remove_suffix(1);
    const std::size_t m = stem.size();
    if (m > 4 && (ends_with(stem, "que") ||
                  (ends_with(stem, "gue") && (is_vowel(stem[m - 4]) || stem[m - 4] == 'n'))) &&
        count > 1)
      --count;
  }
  // "-es" and "-ed" are silent unless a hissing sound or t/d comes before.
  const bool vowel_y = n > 4 && v[n - 3] == 'y' && is_vowel(v[n - 4]);  // "played"
  if (n > 3 && (ends_with(v, "es") || ends_with(v, "ed")) && (!is_vowel(v[n - 3]) || vowel_y)) {
    const char c = v[n - 3];
    bool sounded;
    if (v[n - 1] == 'd') {
      sounded = c == 't' || c == 'd';
    } else {
      sounded = c == 's' || c == 'x' || c == 'z' || ends_with(v.substr(0, n - 2), "ch") ||
                ends_with(v.substr(0, n - 2), "sh") || c == 'g' || c == 'c';
    }
    // "tables", "centres", "hundred", "tired".
    if ((c == 'l' || c == 'r') && n > 4 && !is_vowel(v[n - 4]) && v[n - 4] != c) sounded = true;
    if (c == 'r' && n > 4 && v[n - 4] == 'i' && !(n > 5 && is_vowel(v[n - 5]))) sounded = true;
    if (!sounded && count > 1) --count;
  }
  // A silent "e" before a common ending: "lovely", "movement", "hopeful", "caveman".
  static constexpr std::array<std::string_view, 14> kEndings = {
      "ly",    "ment", "ful", "ness",  "less",   "ments", "liness",
      "man",   "men",  "fully", "lessly", "ship", "land",  "ville"};
  for (auto ending : kEndings) {
    if (n >= ending.size() + 4 && v[n - ending.size() - 1] == 'e' && ends_with(v, ending)) {
      const std::size_t e = n - ending.size() - 1;
      if (v[e] == 'e' && !is_vowel(v[e - 1]) && count > 1 &&
          (is_vowel(v[e - 2]) || v[e - 1] == 'g' || v[e - 1] == 'c')) {
        --count;
        break;
      }
    }
  }
  // "McCarthy": "Mc" is a syllable of its own.
  if (starts_with(v, "mc") && n > 3 && !is_vowel(v[2])) ++count;
  // "forecast", "homework": the "e" of "fore" and "home" is silent.
  if ((starts_with(v, "fore") || starts_with(v, "home") || starts_with(v, "some")) && n > 5 &&
      !is_vowel(v[4]) && count > 1)
    --count;
  // "logically": the "a" is not heard.
  if (ends_with(v, "ically") && count > 2) --count;
  // "-ism" and "-sm" end with a syllable of their own ("chasm", "autism").
  if (ends_with(v, "sm") && n > 3) ++count;
  return count < 1 ? 1 : count;
}

// Words of 1 to 3 letters ("the", "and", "ago"): most words in a text, and
// only the vowel groups and a silent final "e" matter.
int count_short(std::string_view v) {
  int count = 0;
  bool in_group = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const bool vowel = is_vowel(v[i]) && !(v[i] == 'y' && i + 1 < v.size() && is_vowel(v[i + 1]));
    if (vowel && !in_group) ++count;
    in_group = vowel;
  }
  if (v.size() == 3 && v[2] == 'e' && !is_vowel(v[1]) && count > 1) --count;
  return count < 1 ? 1 : count;
}

}  // namespace

int count_syllables(std::string_view word) {
  // Lower-case letters only, in a buffer on the stack (this runs for every word).
  std::array<char, 48> buffer;
  std::size_t n = 0;
  bool possessive = false;
  for (std::size_t i = 0; i < word.size() && n < buffer.size(); ++i) {
    const char c = word[i];
    if (c >= 'A' && c <= 'Z') buffer[n++] = static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z') buffer[n++] = c;
    else if (c == '\'' && i + 2 == word.size() && (word[i + 1] == 's' || word[i + 1] == 'S')) {
      possessive = true;
      break;
    }
  }
  if (n == 0) return 0;
  const std::string_view w(buffer.data(), n);
  if (n <= 3 && !possessive) return count_short(w);
  // "James's" has one more syllable than "James"; "Anna's" does not.
  int extra = 0;
  if (possessive && (ends_with(w, "s") || ends_with(w, "z") || ends_with(w, "x") || ends_with(w, "ch") ||
                     ends_with(w, "sh") || ends_with(w, "ce") || ends_with(w, "ge") || ends_with(w, "se")))
    extra = 1;
  return count_word(w) + extra;
}

}  // namespace easyread::check
