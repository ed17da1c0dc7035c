// Big PNG pictures, made smaller as they are read. Private to src/symbols.
#pragma once
#include <optional>
#include <string>

#include "base/graphics.hpp"

namespace easyread::symbols::detail {

// The PNG in `bytes` with its longer side made `longest` pixels, read row
// by row so that the whole picture is never in memory. nullopt with the
// reason in `why` if it is damaged or interlaced (its rows come in passes).
std::optional<RasterImage> decode_png_reduced(const std::string& bytes, int longest, std::string& why);

}  // namespace easyread::symbols::detail
