// Plain PNG pictures read without libpng. Private to src/symbols.
#pragma once
#include <optional>
#include <string_view>

#include "base/graphics.hpp"

namespace easyread::symbols::detail {

// The pixels of a plain PNG: 8 bits a sample, grey or RGB, with or without
// alpha, not interlaced, and no chunk that would change its colours (gamma,
// colour profile, palette, transparent colour). Unpacked with libdeflate,
// which took a third of the time libpng (with zlib) took for a photo. The
// same pixels as libpng's simplified reader gives, alpha apart from colour
// (and none when every pixel is opaque). nullopt for any other PNG and for
// any doubt (a damaged file): libpng reads those and says what is wrong.
std::optional<RasterImage> decode_plain_png(std::string_view bytes);

}  // namespace easyread::symbols::detail
