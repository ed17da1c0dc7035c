// Where the loaded word lists are kept between runs, and the key that says
// whether the kept ones are still the lists the program would load.
#include "check/lexicon_cache.hpp"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <vector>

#include "check/rules.hpp"

namespace easyread::check::detail {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kMagic = "easyread word lists\n";
constexpr std::uint32_t kFormat = 1;  // a new layout of the file: a new number
// Smaller lists (a test's own folder) load quickly; they are not worth a file.
constexpr std::size_t kSmallestCached = 64 * 1024;
constexpr std::size_t kLargestCache = 64 * 1024 * 1024;
constexpr std::size_t kFilesKept = 8;

// A 64-bit sum over 8 bytes at a time; two of them with other constants
// make a key. (zlib's CRC-32 goes a byte at a time: 8 times slower here.)
class Sum {
 public:
  explicit Sum(std::uint64_t multiplier, int turn) : multiplier_(multiplier), turn_(turn) {}
  void add(std::string_view bytes) {
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      mix(word);
    }
    std::uint64_t tail = 0;
    if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    mix(tail);
    mix(bytes.size());  // the length keeps "ab" + "c" apart from "a" + "bc"
  }
  std::uint64_t value() const { return sum_; }

 private:
  void mix(std::uint64_t word) { sum_ = std::rotl((sum_ ^ word) * multiplier_, turn_); }
  std::uint64_t multiplier_;
  int turn_;
  std::uint64_t sum_ = 0x243F6A8885A308D3ull;
};

class KeyMaker {
 public:
  void add(std::string_view bytes) {
    first_.add(bytes);
    second_.add(bytes);
  }
  std::array<std::uint64_t, 2> key() const { return {first_.value(), second_.value()}; }

 private:
  Sum first_{0x9E3779B97F4A7C15ull, 29}, second_{0xC2B2AE3D27D4EB4Full, 31};
};

std::uint64_t checksum(std::string_view bytes) {
  Sum sum(0xFF51AFD7ED558CCDull, 27);
  sum.add(bytes);
  return sum.value();
}

// A file read through the page cache, without copying it: the cache file
// and the lists are read at every start. Empty if it cannot be read.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) <= kLargestFile) {
      read_ = info.st_size == 0;  // an empty file holds nothing to map
      void* at = read_ ? MAP_FAILED : ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (at != MAP_FAILED) {
        bytes_ = std::string_view(static_cast<const char*>(at), static_cast<std::size_t>(info.st_size));
        read_ = true;
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (!bytes_.empty()) ::munmap(const_cast<char*>(bytes_.data()), bytes_.size());
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool read() const { return read_; }
  std::string_view bytes() const { return bytes_; }

 private:
  static constexpr std::uint64_t kLargestFile = 256 * 1024 * 1024;
  std::string_view bytes_;
  bool read_ = false;
};

// The build ID the linker wrote into this program: it changes whenever the
// code that loads the lists could have changed. Empty if there is none.
std::string program_build_id() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) -> int {
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& segment = info->dlpi_phdr[i];
          if (segment.p_type != PT_NOTE) continue;
          const char* at = reinterpret_cast<const char*>(info->dlpi_addr + segment.p_vaddr);
          const char* end = at + segment.p_memsz;
          while (end - at >= static_cast<std::ptrdiff_t>(sizeof(ElfW(Nhdr)))) {
            ElfW(Nhdr) note;
            std::memcpy(&note, at, sizeof note);
            const char* name = at + sizeof note;
            const char* desc = name + ((note.n_namesz + 3) & ~3u);
            if (desc > end || note.n_descsz > static_cast<std::size_t>(end - desc)) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
              static_cast<std::string*>(out)->assign(desc, note.n_descsz);
              return 1;
            }
            at = desc + ((note.n_descsz + 3) & ~3u);
          }
        }
        return 1;  // the first object is the program itself: look no further
      },
      &id);
  return id;
}

std::optional<fs::path> cache_folder() {
  if (const char* off = std::getenv("EASYREAD_CACHE"); off && std::string_view(off) == "off") return std::nullopt;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "easyread";
  if (const char* home = std::getenv("HOME"); home && *home == '/') return fs::path(home) / ".cache" / "easyread";
  return std::nullopt;
}

std::string hex(std::uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kDigits[v & 15];
  return out;
}

template <class T>
void append_raw(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Each other folder of lists, or other build of the program, makes a file of
// its own: only the newest few stay, so the folder never grows.
void keep_newest(const fs::path& folder) {
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  std::error_code error;
  for (const auto& item : fs::directory_iterator(folder, error))
    if (item.path().filename().string().starts_with("word-lists-"))
      files.emplace_back(item.last_write_time(error), item.path());
  if (files.size() <= kFilesKept) return;
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = kFilesKept; i < files.size(); ++i) fs::remove(files[i].second, error);
}

}  // namespace

LexiconCache::LexiconCache(const std::string& data_home, const Settings& settings) {
  const auto folder = cache_folder();
  const std::string build_id = program_build_id();
  if (!folder || build_id.empty()) return;
  // The lists load_lists reads: every .txt file in wordlists/, then the user's.
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto& item : fs::directory_iterator(fs::path(data_home) / "wordlists", error))
    if (item.path().extension() == ".txt") files.push_back(item.path());
  std::sort(files.begin(), files.end());
  files.insert(files.end(), settings.word_files.begin(), settings.word_files.end());
  KeyMaker content, place;  // place: which program and which lists; content: what they hold
  place.add(build_id);
  content.add(build_id);
  place.add(fs::absolute(data_home, error).string());
  std::size_t bytes = 0;
  for (const fs::path& file : files) {
    const MappedFile text(file.string());
    place.add(file.string());
    content.add(file.filename().string());
    content.add(text.read() ? text.bytes() : std::string_view("\0cannot be read", 15));
    bytes += text.bytes().size();
  }
  std::string frequency;
  append_raw(frequency, settings.hard_word_frequency);
  content.add(frequency);
  place.add(frequency);  // a project with its own setting keeps its own file
  if (bytes < kSmallestCached) return;
  key_ = content.key();
  const auto where = place.key();
  path_ = (*folder / ("word-lists-" + hex(where[0] ^ where[1]) + ".bin")).string();
}

bool LexiconCache::load(Lexicons& into) const {
  if (path_.empty()) return false;
  const MappedFile file(path_);
  const std::string_view bytes = file.bytes();
  std::string expected(kMagic);
  append_raw(expected, kFormat);
  append_raw(expected, key_);
  const std::size_t head = expected.size() + sizeof(std::uint64_t);
  if (bytes.size() < head + sizeof(std::uint64_t) || bytes.size() > kLargestCache) return false;
  if (bytes.substr(0, expected.size()) != expected) return false;  // another program, or other lists
  std::uint64_t size = 0, sum = 0;
  std::memcpy(&size, bytes.data() + expected.size(), sizeof size);
  if (size != bytes.size() - head - sizeof sum) return false;
  const std::string_view payload = bytes.substr(head, size);
  std::memcpy(&sum, bytes.data() + head + size, sizeof sum);
  return sum == checksum(payload) && decode_lexicons(payload, into);
}

void LexiconCache::keep(const Lexicons& lists) const {
  if (path_.empty()) return;
  const std::string payload = encode_lexicons(lists);
  std::string file(kMagic);
  append_raw(file, kFormat);
  append_raw(file, key_);
  append_raw(file, std::uint64_t{payload.size()});
  file += payload;
  append_raw(file, checksum(payload));
  // Written whole under another name, then renamed: another run reads the
  // old file or the new one, never half of one. A file cut short by a crash
  // fails its check and is made again.
  std::error_code error;
  fs::create_directories(fs::path(path_).parent_path(), error);
  std::string temp = path_ + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return;
  bool ok = true;
  for (std::size_t done = 0; ok && done < file.size();) {
    const ssize_t n = ::write(fd, file.data() + done, file.size() - done);
    ok = n > 0;
    done += ok ? static_cast<std::size_t>(n) : 0;
  }
  ok = ::fchmod(fd, 0644) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(temp.c_str(), path_.c_str()) != 0) ::unlink(temp.c_str());
  keep_newest(fs::path(path_).parent_path());
}

}  // namespace easyread::check::detail
