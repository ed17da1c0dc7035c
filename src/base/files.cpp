#include "base/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace easyread {
namespace fs = std::filesystem;
namespace {

// Closes a file descriptor however we leave.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

FileProblem too_big(std::uint64_t limit) {
  return {FileProblem::Kind::too_big,
          "The file is too big. easyread reads files of up to " + size_in_words(limit) + "."};
}

// A NUL byte was read: say whether the bytes look like UTF-16 or binary.
FileProblem not_text(std::string_view bytes) {
  const bool bom = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  std::size_t odd = 0, even = 0;
  const std::size_t look = std::min<std::size_t>(bytes.size(), 4096);
  for (std::size_t i = 0; i < look; ++i)
    if (bytes[i] == '\0') ++(i % 2 ? odd : even);
  const bool alternate = (odd > look / 4 && even < look / 32) || (even > look / 4 && odd < look / 32);
  if (bom || alternate)
    return {FileProblem::Kind::not_text, "It is saved as UTF-16 text. easyread reads UTF-8 text."};
  const std::size_t at = bytes.find('\0');
  return {FileProblem::Kind::not_text, "It has a NUL byte (byte " + std::to_string(at + 1) +
                                           "), so it is not text. It may be a program, a picture or a damaged file."};
}

// What a thing that is not a regular file is, in plain words.
std::string what_it_is(mode_t mode) {
  if (S_ISDIR(mode)) return "It is a folder, not a file.";
  if (S_ISFIFO(mode)) return "It is a pipe (FIFO), not a file.";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "It is a device, not a file.";
  if (S_ISSOCK(mode)) return "It is a socket, not a file.";
  return "It is not a normal file.";
}

}  // namespace

std::string size_in_words(std::uint64_t bytes) {
  char text[32];
  if (bytes >= (1ull << 30)) std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / double(1ull << 30));
  else if (bytes >= (1ull << 20)) std::snprintf(text, sizeof text, "%llu MB", (unsigned long long)(bytes >> 20));
  else if (bytes >= 1024) std::snprintf(text, sizeof text, "%llu KB", (unsigned long long)(bytes >> 10));
  else std::snprintf(text, sizeof text, "%llu bytes", (unsigned long long)bytes);
  return text;
}

std::variant<std::string, FileProblem> read_stream(int fd, std::uint64_t max_bytes, bool text_only) {
  std::string bytes;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FileProblem{FileProblem::Kind::cannot_read, "It will not read."};
    if (n == 0) return bytes;
    if (bytes.size() + std::size_t(n) > max_bytes) return too_big(max_bytes);
    bytes.append(buffer, std::size_t(n));
    if (text_only && std::memchr(buffer, 0, std::size_t(n))) return not_text(bytes);
  }
}

std::variant<std::string, FileProblem> read_regular_file(const std::string& path, std::uint64_t max_bytes,
                                                         bool text_only) {
  // O_NONBLOCK: opening a pipe with no writer must not wait for ever.
  Descriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (file.get() < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return FileProblem{FileProblem::Kind::missing, "It is not there."};
    if (errno == EACCES || errno == EPERM)
      return FileProblem{FileProblem::Kind::cannot_read, "You may not read it."};
    return FileProblem{FileProblem::Kind::cannot_read, "It will not open."};
  }
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) return FileProblem{FileProblem::Kind::cannot_read, "It will not open."};
  if (!S_ISREG(info.st_mode)) return FileProblem{FileProblem::Kind::not_a_file, what_it_is(info.st_mode)};
  if (std::uint64_t(info.st_size) > max_bytes) return too_big(max_bytes);
  // The size may be 0 for files the system makes up as they are read
  // (/proc); read_stream still stops at the limit.
  const int flags = ::fcntl(file.get(), F_GETFL);
  if (flags >= 0) ::fcntl(file.get(), F_SETFL, flags & ~O_NONBLOCK);
  return read_stream(file.get(), max_bytes, text_only);
}

bool is_inside(const fs::path& path, const fs::path& folder) {
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  const fs::path base = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  if (ec) return false;
  auto p = real.begin();
  for (auto b = base.begin(); b != base.end(); ++b, ++p) {
    if (b->empty()) continue;  // a trailing "/" of the folder
    if (p == real.end() || *p != *b) return false;
  }
  return true;
}

bool is_inside_any(const fs::path& path, const std::vector<fs::path>& folders) {
  for (const auto& folder : folders)
    if (is_inside(path, folder)) return true;
  return false;
}

}  // namespace easyread
