// Files: reading input from strangers safely (only regular files, never more
// than a limit, never from outside the allowed folders), writing output
// safely, and trimming white space, which every stage that reads a file needs.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/diagnostic.hpp"

namespace easyread {

// A new file written beside its final place under a hidden temporary name,
// and renamed to it only when whole (commit). A reader never sees half a
// file, and an old file stays until the new one is whole. If easyread is
// stopped (SIGINT, SIGTERM) or the file is not committed, the temporary
// file is removed. A device, a pipe or a folder at `path` is never replaced;
// a link to a regular file is written through.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Makes the temporary file. False, with an error in `diags`, if the path
  // cannot take a new file.
  bool open(const std::string& path, Diagnostics& diags);
  // The temporary file's name, to write into with any stream.
  const std::string& temp_path() const { return temp_; }
  bool write(std::string_view bytes);
  // Flushes to disk and renames the temporary file to the final name.
  bool commit(Diagnostics& diags);

 private:
  void discard();
  std::string path_;    // as the user gave it
  std::string target_;  // the file that will be replaced (links followed)
  std::string temp_;
  int fd_ = -1;
  int slot_ = -1;  // where the signal handler finds temp_
  bool ok_ = true;
};

// Writes `bytes` through an AtomicFile.
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
// that goes on for longer is a FileProblem of kind too_big. `expected`: the
// bytes it most likely holds (a file's size), or 0 when not known.
std::variant<std::string, FileProblem> read_stream(int fd, std::uint64_t max_bytes, bool text_only = false,
                                                   std::size_t expected = 0);

// "12 MB", "3.1 GB": a size in words people know.
std::string size_in_words(std::uint64_t bytes);

// True when `path`, with every link followed, is `folder` or lies below it.
// A path that does not exist yet is judged by what it would be.
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder);
// True when `path` is inside any of `folders`.
bool is_inside_any(const std::filesystem::path& path, const std::vector<std::filesystem::path>& folders);

}  // namespace easyread
