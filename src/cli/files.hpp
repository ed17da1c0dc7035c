// Files: reading input, and writing output safely.
#pragma once
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"

namespace easyread::cli {

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
// The whole file, or an empty string if it cannot be read.
std::string read_text_or_empty(const std::string& path);

}  // namespace easyread::cli
