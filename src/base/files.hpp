// Reading files from strangers safely: only regular files, never more than
// a limit, and never from outside the folders a person allows.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace easyread {

// Why a file could not be read, in plain words for the person who named it.
// It never holds any of the file's content.
struct FileProblem {
  enum class Kind { missing, not_a_file, too_big, cannot_read, not_text };
  Kind kind = Kind::cannot_read;
  std::string why;  // for example "It is a folder, not a file."
};

// The whole of a regular file of at most `max_bytes` bytes. Folders, pipes
// (FIFOs) and devices are refused before anything is read, and the size is
// checked before reading, so /dev/zero or a huge file costs nothing.
// With `text_only`, a NUL byte stops the reading: the file is binary, or
// UTF-16 (said so when it looks like it).
std::variant<std::string, FileProblem> read_regular_file(const std::string& path, std::uint64_t max_bytes,
                                                         bool text_only = false);

// Reads a stream (standard input, or a pipe) up to `max_bytes`. A stream
// that goes on for longer is a FileProblem of kind too_big.
std::variant<std::string, FileProblem> read_stream(int fd, std::uint64_t max_bytes, bool text_only = false);

// "12 MB", "3.1 GB": a size in words people know.
std::string size_in_words(std::uint64_t bytes);

// True when `path`, with every link followed, is `folder` or lies below it.
// A path that does not exist yet is judged by what it would be.
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder);
// True when `path` is inside any of `folders`.
bool is_inside_any(const std::filesystem::path& path, const std::vector<std::filesystem::path>& folders);

}  // namespace easyread
