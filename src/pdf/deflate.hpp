// Flate compression of PDF streams, done here rather than by libharu.
// libharu always deflates at zlib's default level (6), which costs about
// four times the time of level 1 on our data for a few per cent of size,
// and it cannot add a PNG predictor, which makes pictures both smaller
// and quicker to compress. Private to src/pdf.
#pragma once
#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "pdf/hpdf_handle.hpp"

namespace easyread::pdf {

// The zlib level for text-like streams (content, fonts, maps): chosen by
// measuring the sample documents (see the commit that set it).
inline constexpr int stream_level = 3;
// The level for pictures' pixel rows, compressed with `runs_only`.
inline constexpr int picture_level = 1;

// `raw` compressed with zlib at `level` (0 to 9): what /FlateDecode reads.
// `runs_only` looks for repeats of the byte before only (zlib's Z_RLE):
// quicker, and smaller on predicted pixel rows. The same input always
// gives the same bytes. Empty if zlib fails.
std::string deflate_bytes(std::string_view raw, int level, bool runs_only = false);

// Rows of 8-bit samples run through PNG's "Up" filter: each row starts
// with the filter byte 2 and holds its difference from the row above.
// Images compress to about a third with it. `row_bytes` > 0.
std::string png_up_rows(const std::uint8_t* samples, std::size_t row_bytes, std::size_t rows);

// Makes `stream` hold `deflated` as it is: libharu will not compress it
// again and writes /Filter /FlateDecode in its dictionary. False if the
// stream is not a libharu stream object or already has a write hook.
bool store_deflated(HPDF_Dict stream, std::string_view deflated);

// Compresses, at `level`, every stream that libharu would otherwise
// deflate itself when saving. Call after all drawing, just before save.
// False if some stream could not be compressed.
bool deflate_remaining_streams(const PdfHandle& pdf, int level);

}  // namespace easyread::pdf
