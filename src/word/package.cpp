#include "word/package.hpp"

#include "word/libraries.hpp"

#include <algorithm>
#include <cstring>

namespace easyread::word {
namespace {

// 1 January 2000, 00:00, as a DOS date and time: fixed, so that the same
// document gives the same bytes in any time zone (zip_file_set_mtime would
// convert through the local time zone).
constexpr zip_uint16_t kFixedDosDate = (20 << 9) | (1 << 5) | 1;  // years since 1980, month, day
constexpr zip_uint16_t kFixedDosTime = 0;

struct SourceFree {
  const ZipFunctions* zip;
  void operator()(zip_source_t* s) const { zip->zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

std::string zip_message(const ZipFunctions& z, zip_error_t* error) {
  std::string text = z.zip_error_strerror(error);
  z.zip_error_fini(error);
  return text;
}

}  // namespace

Package::Package() = default;
Package::~Package() = default;

void Package::add(const std::string& name, std::string bytes, Packing packing) {
  parts_.push_back({name, std::move(bytes), packing});
}

std::string Package::finish(const ZipFunctions& z, std::string& error) {
  zip_error_t zerr;
  z.zip_error_init(&zerr);
  SourcePtr buffer(z.zip_source_buffer_create(nullptr, 0, 0, &zerr), SourceFree{&z});
  if (!buffer) return error = zip_message(z, &zerr), std::string();
  // zip_open_from_source takes the source over only when it succeeds.
  zip_t* archive = z.zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &zerr);
  if (!archive) return error = zip_message(z, &zerr), std::string();
  z.zip_source_keep(buffer.get());
  // [Content_Types].xml first, as Word writes it; then the parts in the
  // order they were added.
  std::stable_partition(parts_.begin(), parts_.end(),
                        [](const Part& p) { return p.name == "[Content_Types].xml"; });
  for (const Part& part : parts_) {
    zip_source_t* data = z.zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
    zip_int64_t index = data ? z.zip_file_add(archive, part.name.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (data) z.zip_source_free(data);
      error = z.zip_strerror(archive);
      z.zip_discard(archive);
      return {};
    }
    const bool stored = part.packing == Packing::as_it_is;
    z.zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                               stored ? 0 : part.packing == Packing::fast ? 1 : 6);
    z.zip_file_set_dostime(archive, static_cast<zip_uint64_t>(index), kFixedDosTime, kFixedDosDate, 0);
  }
  if (z.zip_close(archive) < 0) {
    error = z.zip_strerror(archive);
    z.zip_discard(archive);
    return {};
  }
  // The finished archive is now the buffer source's content.
  zip_stat_t st;
  if (z.zip_source_stat(buffer.get(), &st) < 0 || z.zip_source_open(buffer.get()) < 0)
    return error = "cannot read the finished package", std::string();
  std::string out(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t got = z.zip_source_read(buffer.get(), out.data(), out.size());
  z.zip_source_close(buffer.get());
  if (got != static_cast<zip_int64_t>(out.size())) return error = "cannot read the finished package", std::string();
  return out;
}

}  // namespace easyread::word
