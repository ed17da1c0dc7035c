// The word lists as loaded, kept in a file between runs. Reading and
// expanding the plain lists (every form of every jargon word) is most of the
// time of a short check and of the checks beside a build; reading them back
// from this file is a small part of it.
//
// The file is used only by the same program (its build ID) for the same
// lists: their names and bytes, the user's extra lists and the frequency
// setting are all in its key. It lives in $XDG_CACHE_HOME/easyread (or
// ~/.cache/easyread); EASYREAD_CACHE=off turns it off. Lists that load with
// any problem are never kept, so their messages come every time.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace easyread::check {
struct Settings;
}

namespace easyread::check::detail {

struct Lexicons;

// The lists as bytes, and back: false if `bytes` are not whole lists.
std::string encode_lexicons(const Lexicons& lists);
bool decode_lexicons(std::string_view bytes, Lexicons& into);

class LexiconCache {
 public:
  // Reads the lists of `data_home` and `settings` to make the key.
  LexiconCache(const std::string& data_home, const Settings& settings);
  // The lists from the file, if it holds them for this key.
  bool load(Lexicons& into) const;
  // Keeps `lists` for the next run. Quietly does nothing if it cannot.
  void keep(const Lexicons& lists) const;

 private:
  std::string path_;  // empty: no caching
  std::array<std::uint64_t, 2> key_{};
};

}  // namespace easyread::check::detail
