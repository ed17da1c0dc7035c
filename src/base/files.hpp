// Small helpers that every stage needs, kept once: reading a whole file and
// trimming white space.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace easyread {

// The bytes of a whole file, or nothing when it cannot be opened or read
// (a folder cannot be read). A regular file is read straight into a string of
// its size, so a big file is never held twice.
std::optional<std::string> read_whole_file(const std::string& path);

// `text` without white space (space, tab, line ends, form feed) at either end.
std::string_view trim(std::string_view text);

}  // namespace easyread
