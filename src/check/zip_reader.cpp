#include "check/zip_reader.hpp"

#include <zlib.h>

#include <cstdint>

namespace easyread::check::detail {
namespace {

// Field sizes and signatures from the ZIP format (PKWARE APPNOTE).
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::size_t kEndSize = 22, kCentralSize = 46, kLocalSize = 30;
// A Word document's text part is rarely more than a few MB. A much bigger
// size is a damaged file (or a "zip bomb"); do not try to unpack it.
constexpr std::uint64_t kLargestEntry = 64ull << 20;
// Deflate never makes data more than about 1,032 times smaller, so a size
// claimed beyond that is false: refuse it before making room for it.
constexpr std::uint64_t kMostShrinking = 1032;

// Little-endian numbers at `at`; the caller has checked the bounds.
std::uint32_t u16(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8;
}
std::uint32_t u32(std::string_view s, std::size_t at) { return u16(s, at) | u16(s, at + 2) << 16; }

bool fits(std::string_view s, std::size_t at, std::size_t length) {
  return at <= s.size() && length <= s.size() - at;
}

// Inflates raw deflate data (no zlib header) into exactly `size` bytes.
bool inflate_raw(std::string_view in, std::string& out, std::size_t size) {
  out.assign(size, '\0');
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(size);
  const int result = inflate(&z, Z_FINISH);
  const bool whole = result == Z_STREAM_END && z.total_out == size;
  inflateEnd(&z);
  return whole;
}

}  // namespace

std::variant<std::string, ZipProblem> read_zip_entry(std::string_view zip, std::string_view name) {
  const ZipProblem not_zip{"It is not a Word file, or something in it is wrong."};
  // The end record sits at the end, after a comment of up to 65,535 bytes.
  if (zip.size() < kEndSize) return not_zip;
  std::size_t end = zip.size() - kEndSize;
  const std::size_t lowest = zip.size() > kEndSize + 65535 ? zip.size() - kEndSize - 65535 : 0;
  while (u32(zip, end) != kEndSignature) {
    if (end == lowest) return not_zip;
    --end;
  }
  const std::uint32_t entries = u16(zip, end + 10);
  std::size_t at = u32(zip, end + 16);  // where the central directory starts
  for (std::uint32_t i = 0; i < entries; ++i) {
    if (!fits(zip, at, kCentralSize) || u32(zip, at) != kCentralSignature) return not_zip;
    const std::uint32_t method = u16(zip, at + 10), crc = u32(zip, at + 16);
    const std::uint64_t packed = u32(zip, at + 20), size = u32(zip, at + 24);
    const std::size_t name_length = u16(zip, at + 28), extra = u16(zip, at + 30), comment = u16(zip, at + 32);
    const std::size_t local = u32(zip, at + 42);
    if (!fits(zip, at + kCentralSize, name_length)) return not_zip;
    if (zip.substr(at + kCentralSize, name_length) != name) {
      at += kCentralSize + name_length + extra + comment;
      continue;
    }
    // 0xFFFFFFFF means the real size is in a ZIP64 record: a file of 4 GB or more.
    if (packed == 0xFFFFFFFFu || size == 0xFFFFFFFFu || size > kLargestEntry)
      return ZipProblem{"Its text part is too big. easyread reads Word files with up to 64 MB of text."};
    if (size > packed * kMostShrinking + 1024) return not_zip;
    if (!fits(zip, local, kLocalSize) || u32(zip, local) != kLocalSignature) return not_zip;
    const std::size_t data = local + kLocalSize + u16(zip, local + 26) + u16(zip, local + 28);
    if (!fits(zip, data, packed)) return not_zip;
    const std::string_view stored = zip.substr(data, packed);
    std::string out;
    if (method == 0) {
      if (packed != size) return not_zip;
      out.assign(stored);
    } else if (method == 8) {
      if (!inflate_raw(stored, out, size)) return ZipProblem{"The text inside it has errors."};
    } else {
      return ZipProblem{"easyread cannot unpack this kind of Word file."};
    }
    const auto sum = crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size()));
    if (sum != crc) return ZipProblem{"The text inside it has errors."};
    return out;
  }
  return ZipProblem{"It has no text part (" + std::string(name) + ")."};
}

}  // namespace easyread::check::detail
