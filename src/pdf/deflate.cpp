#include "pdf/deflate.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace easyread::pdf {

namespace {

// Ends the zlib stream however the function leaves.
struct DeflateEnd {
  void operator()(z_stream* stream) const { deflateEnd(stream); }
};

// libharu calls this while writing the stream's dictionary, after its own
// entries: the data is deflated already, so it only needs the name.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

}  // namespace

std::string deflate_bytes(std::string_view raw, int level, bool runs_only) {
  if (raw.size() > std::numeric_limits<uInt>::max() / 2) return {};  // zlib counts in 32 bits
  // zlib clears its whole hash table for each stream, which costs more
  // than compressing a small page: small input, small window and table.
  // (A window as big as the input finds every match there is.)
  int window_bits = 9;
  while (window_bits < 15 && (std::size_t{1} << window_bits) < raw.size()) ++window_bits;
  const int memory_level = std::clamp(window_bits - 6, 1, 8);
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, window_bits, memory_level,
                   runs_only ? Z_RLE : Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::unique_ptr<z_stream, DeflateEnd> end(&stream);
  std::string out(deflateBound(&stream, static_cast<uLong>(raw.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  stream.avail_in = static_cast<uInt>(raw.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  // deflateBound is enough room for one call to finish.
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) return {};
  out.resize(stream.total_out);
  return out;
}

std::string png_up_rows(const std::uint8_t* samples, std::size_t row_bytes, std::size_t rows) {
  std::string out(rows * (row_bytes + 1), '\0');
  char* to = out.data();
  for (std::size_t y = 0; y < rows; ++y) {
    const std::uint8_t* row = samples + y * row_bytes;
    *to++ = 2;  // PNG filter type "Up"
    if (y == 0) {
      for (std::size_t i = 0; i < row_bytes; ++i) *to++ = static_cast<char>(row[i]);
    } else {
      const std::uint8_t* above = row - row_bytes;
      for (std::size_t i = 0; i < row_bytes; ++i)
        *to++ = static_cast<char>(static_cast<std::uint8_t>(row[i] - above[i]));
    }
  }
  return out;
}

bool store_deflated(HPDF_Dict stream, std::string_view deflated) {
  if (stream == nullptr || stream->stream == nullptr || stream->write_fn != nullptr) return false;
  HPDF_MemStream_FreeData(stream->stream);
  write_raw(stream->stream, deflated);
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = write_flate_filter;
  return true;
}

bool deflate_remaining_streams(const PdfHandle& pdf, int level) {
  HPDF_List entries = pdf.xref()->entries;
  for (HPDF_UINT i = 0; i < entries->count; ++i) {
    auto* entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(entries, i));
    auto* header = static_cast<HPDF_Obj_Header*>(entry->obj);
    if (header == nullptr || (header->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT) continue;
    auto dict = static_cast<HPDF_Dict>(entry->obj);
    // Only streams libharu would deflate; a hook before writing might
    // still change the data, so those are left to libharu.
    if (dict->stream == nullptr || dict->filter != HPDF_STREAM_FILTER_FLATE_DECODE) continue;
    if (dict->before_write_fn != nullptr || dict->write_fn != nullptr) continue;
    const std::string deflated = deflate_bytes(stream_bytes(dict->stream), level);
    if (deflated.empty() || !store_deflated(dict, deflated)) return false;
  }
  return true;
}

}  // namespace easyread::pdf
