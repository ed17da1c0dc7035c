// Files: reading input, and writing output safely; and trimming white
// space, which every stage that reads a file needs.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"

namespace easyread {

// Writes `bytes` to a temporary file beside `path`, then renames it, so a
// reader never sees half a file and an old file stays until the new one is whole.
bool write_file_atomically(const std::string& path, const std::string& bytes, Diagnostics& diags);
// True when both names lead to the same file (so an output would overwrite an input).
bool same_file(const std::string& a, const std::string& b);
// The whole file (also a pipe or a device), or nullopt for a folder or a
// file that will not open. A big file is read into one string of its size.
std::optional<std::string> read_whole_file(const std::string& path);
// The whole file, or an empty string if it cannot be read.
std::string read_text_or_empty(const std::string& path);

// `text` without white space (space, tab, line ends, form feed) at either end.
std::string_view trim(std::string_view text);

}  // namespace easyread
