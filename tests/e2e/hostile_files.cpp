#include "hostile_files.hpp"

#include <zlib.h>

#include <fstream>
#include <stdexcept>

namespace e2e {
namespace {

void put16(std::string& s, std::uint32_t v) {
  s.push_back(char(v & 0xFF));
  s.push_back(char((v >> 8) & 0xFF));
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

// Raw deflate (no header) of `data`, ending the stream when `last`; with a
// full flush otherwise, so the pieces can be repeated one after another.
std::string deflate_piece(const std::string& data, bool last) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("zlib");
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, last ? Z_FINISH : Z_FULL_FLUSH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string archive(const std::string& name, const std::string& packed, std::uint32_t crc, std::uint32_t size) {
  std::string zip;
  put32(zip, 0x04034b50);
  put16(zip, 20), put16(zip, 0), put16(zip, 8), put16(zip, 0), put16(zip, 0);
  put32(zip, crc), put32(zip, std::uint32_t(packed.size())), put32(zip, size);
  put16(zip, std::uint32_t(name.size())), put16(zip, 0);
  zip += name + packed;
  const std::uint32_t central = std::uint32_t(zip.size());
  put32(zip, 0x02014b50);
  put16(zip, 20), put16(zip, 20), put16(zip, 0), put16(zip, 8), put16(zip, 0), put16(zip, 0);
  put32(zip, crc), put32(zip, std::uint32_t(packed.size())), put32(zip, size);
  put16(zip, std::uint32_t(name.size())), put16(zip, 0), put16(zip, 0), put16(zip, 0), put16(zip, 0);
  put32(zip, 0), put32(zip, 0);
  zip += name;
  const std::uint32_t central_size = std::uint32_t(zip.size()) - central;
  put32(zip, 0x06054b50);
  put16(zip, 0), put16(zip, 0), put16(zip, 1), put16(zip, 1);
  put32(zip, central_size), put32(zip, central), put16(zip, 0);
  return zip;
}

std::uint32_t crc_of(const std::string& s) {
  return std::uint32_t(crc32(0L, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

}  // namespace

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string repeat(const std::string& piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::string zip_with(const std::string& name, const std::string& content) {
  return archive(name, deflate_piece(content, true), crc_of(content), std::uint32_t(content.size()));
}

std::string zip_of_zeros(const std::string& name, std::uint64_t size) {
  const std::string mb(1 << 20, '\0');
  const std::string piece = deflate_piece(mb, false);
  std::string packed;
  uLong crc = crc32(0L, nullptr, 0);
  const uLong mb_crc = crc_of(mb);
  std::uint64_t left = size;
  for (; left > mb.size(); left -= mb.size()) {
    packed += piece;
    crc = crc32_combine(crc, mb_crc, z_off_t(mb.size()));
  }
  const std::string tail(left, '\0');
  packed += deflate_piece(tail, true);
  crc = crc32_combine(crc, crc_of(tail), z_off_t(tail.size()));
  return archive(name, packed, std::uint32_t(crc), std::uint32_t(size));
}

std::string zip_claiming(const std::string& name, const std::string& content, std::uint32_t claimed) {
  return archive(name, deflate_piece(content, true), crc_of(content), claimed);
}

CommandResult run_limited(const std::vector<std::string>& arguments, const std::filesystem::path& dir, int seconds,
                          int megabytes) {
#ifdef EASYREAD_SANITIZED
  (void)megabytes;
  std::vector<std::string> all = {"timeout", "-k", "5", std::to_string(seconds * 4), EASYREAD_BINARY};
#else
  std::vector<std::string> all = {"timeout", "-k", "5", std::to_string(seconds),
                                  "prlimit", "--as=" + std::to_string(std::uint64_t(megabytes) << 20), "--",
                                  EASYREAD_BINARY};
#endif
  all.insert(all.end(), arguments.begin(), arguments.end());
  return run_command(all, dir);
}

}  // namespace e2e
