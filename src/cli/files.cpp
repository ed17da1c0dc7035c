#include "cli/files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "base/files.hpp"

namespace easyread::cli {
namespace fs = std::filesystem;
namespace {

// Temporary files being written, for the signal handler to remove. A signal
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
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
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
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, s);
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

std::string read_text_or_empty(const std::string& path) {
  // Only for showing lines in messages: a device or a huge file shows none.
  auto bytes = read_regular_file(path, 32ull << 20);
  return std::holds_alternative<std::string>(bytes) ? std::move(std::get<std::string>(bytes)) : std::string();
}

}  // namespace easyread::cli
