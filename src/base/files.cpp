#include "base/files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <algorithm>
#include <cerrno>
#include <string_view>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace easyread {
namespace fs = std::filesystem;
namespace {

// Temporary files being written, for the signal handler to remove (on a
// stop asked for, or an abort such as running out of memory). A signal
// handler can only reach static storage, and may only use plain C strings.
constexpr std::size_t kSlots = 8, kLongestPath = 4096;
std::array<std::array<char, kLongestPath>, kSlots> pending_temp_files{};
std::array<volatile sig_atomic_t, kSlots> slot_in_use{};

extern "C" void remove_temp_files_and_stop(int signal_number) {
  for (std::size_t i = 0; i < kSlots; ++i)
    if (slot_in_use[i]) ::unlink(pending_temp_files[i].data());
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

void install_handlers_once() {
  static const bool installed = [] {
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGABRT}) {
      struct sigaction action {};
      action.sa_handler = remove_temp_files_and_stop;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal_number, &action, nullptr);
    }
    return true;
  }();
  (void)installed;
}

// Where the handler can find `path`; -1 if there is no room (the file is
// then still removed on every ordinary way out).
int remember(const std::string& path) {
  if (path.size() >= kLongestPath) return -1;
  for (std::size_t i = 0; i < kSlots; ++i) {
    if (slot_in_use[i]) continue;
    std::memcpy(pending_temp_files[i].data(), path.c_str(), path.size() + 1);
    slot_in_use[i] = 1;
    return int(i);
  }
  return -1;
}

void forget(int slot) {
  if (slot >= 0) slot_in_use[std::size_t(slot)] = 0;
}

void cannot_write(Diagnostics& diags, const std::string& path, const std::string& why) {
  diags.error(path, {}, "cannot-write", "I cannot write the file " + path + " here. " + why,
              "Give the name of a new file, or of a normal file I may replace.");
}

}  // namespace

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  forget(slot_);
  slot_ = -1;
  temp_.clear();
}

bool AtomicFile::open(const std::string& path, Diagnostics& diags) {
  discard();
  path_ = target_ = path;
  struct stat info {};
  if (::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode)) {
    // Write through a link only to a regular file, and put the new file
    // beside that file, so the rename replaces it and not the link.
    std::error_code ec;
    const fs::path real = fs::canonical(path, ec);
    if (ec || ::stat(real.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      cannot_write(diags, path, "It is a link, and it does not lead to a normal file.");
      return false;
    }
    target_ = real.string();
  } else if (::lstat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    cannot_write(diags, path,
                 S_ISDIR(info.st_mode)    ? "It is a folder."
                 : S_ISFIFO(info.st_mode) ? "It is a pipe (FIFO), not a file."
                 : S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) ? "It is a device, not a file."
                                                                  : "It is not a normal file.");
    return false;
  }
  fs::path target(target_);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  install_handlers_once();
  std::string temp = (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
  // Signals wait while the file is made and remembered, so none is left behind.
  sigset_t block, old;
  sigemptyset(&block);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGABRT}) sigaddset(&block, s);
  ::sigprocmask(SIG_BLOCK, &block, &old);
  fd_ = ::mkstemp(temp.data());
  const int error = errno;
  if (fd_ >= 0) {
    temp_ = temp;
    slot_ = remember(temp_);
  }
  ::sigprocmask(SIG_SETMASK, &old, nullptr);
  if (fd_ < 0) {
    cannot_write(diags, path, std::string(std::strerror(error)) + ".");
    return false;
  }
  ok_ = true;
  return true;
}

bool AtomicFile::write(std::string_view bytes) {
  std::size_t done = 0;
  while (ok_ && done < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ok_ = false;
    else done += static_cast<std::size_t>(n);
  }
  return ok_;
}

bool AtomicFile::commit(Diagnostics& diags) {
  if (fd_ < 0) return false;
  ::fchmod(fd_, 0644);
  bool ok = ok_ && ::fsync(fd_) == 0;
  ok = ::close(fd_) == 0 && ok;
  fd_ = -1;
  if (!ok || std::rename(temp_.c_str(), target_.c_str()) != 0) {
    discard();
    diags.error(path_, {}, "cannot-write", "I could not finish writing the file " + path_ + ".",
                "Check that there is space on the disk, then try again.");
    return false;
  }
  forget(slot_);
  slot_ = -1;
  temp_.clear();
  return true;
}

bool write_file_atomically(const std::string& path, const std::string& bytes, Diagnostics& diags) {
  AtomicFile file;
  if (!file.open(path, diags)) return false;
  file.write(bytes);
  return file.commit(diags);  // says so if the writing failed
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Only regular files, and never more than 1 GB: a device or a huge file
// costs nothing.
std::optional<std::string> read_whole_file(const std::string& path) {
  auto bytes = read_regular_file(path, 1ull << 30);
  if (auto* text = std::get_if<std::string>(&bytes)) return std::move(*text);
  return std::nullopt;
}

std::string read_text_or_empty(const std::string& path) { return read_whole_file(path).value_or(""); }

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) + 1 - first);
}

}  // namespace easyread

// Reading files from strangers.
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

std::variant<std::string, FileProblem> read_stream(int fd, std::uint64_t max_bytes, bool text_only,
                                                   std::size_t expected) {
  // Straight into the string, made one byte larger than the bytes expected,
  // so that a file is read in one go and its end seen at once, with no copy.
  std::string bytes(expected > 0 ? expected + 1 : std::size_t(65536), '\0');
  std::size_t used = 0;
  for (;;) {
    if (used == bytes.size()) bytes.resize(bytes.size() * 2);
    const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FileProblem{FileProblem::Kind::cannot_read, "It will not read."};
    if (n == 0) break;
    if (used + std::size_t(n) > max_bytes) return too_big(max_bytes);
    const char* read = bytes.data() + used;
    used += std::size_t(n);
    if (text_only && std::memchr(read, 0, std::size_t(n))) {
      bytes.resize(used);
      return not_text(bytes);
    }
  }
  bytes.resize(used);
  return bytes;
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
  return read_stream(file.get(), max_bytes, text_only, std::size_t(info.st_size));
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
