// Reads one file out of a ZIP archive (a .docx is a ZIP archive). Our own
// small reader over zlib: a library for all of ZIP would load several more
// shared libraries (and their start-up time) into every run of easyread.
#pragma once
#include <string>
#include <string_view>
#include <variant>

namespace easyread::check::detail {

// What went wrong, in words for the person who gave us the file.
struct ZipProblem {
  std::string why;
};

// The bytes of `name` inside the archive `archive` (the whole file's bytes).
// Handles the two methods Word uses: stored and deflated.
std::variant<std::string, ZipProblem> read_zip_entry(std::string_view archive, std::string_view name);

}  // namespace easyread::check::detail
