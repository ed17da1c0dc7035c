// Photos as data: addresses. PNG pictures were decoded (for the PDF), so
// they are packed again as PNG; JPEG files go in as they are, unless their
// EXIF orientation says to turn them: then the pixels are turned and packed
// again, so that every browser and mail program shows them upright. A photo
// with far more pixels than the page shows is made smaller first.
#include <algorithm>

#include "html/internal.hpp"
#include "raster/raster.hpp"

namespace easyread::html {
namespace {

// The JPEG upright and no larger than `longest` pixels, packed again.
std::string redone_jpeg(const RasterImage& image, int longest) {
  raster::Pixels stored;
  if (!raster::decode_jpeg(image.data, stored, 0, longest)) return {};
  if (image.orientation > 1 && image.orientation <= 8) stored = raster::upright(stored, image.orientation);
  return raster::encode_jpeg(raster::fitted(std::move(stored), longest));
}

}  // namespace

std::string photo_data_url(const RasterImage& image, int longest) {
  if (image.encoding == RasterImage::Encoding::pixels) {
    const std::string png = raster::png_bytes(raster::fitted(image, longest));
    return png.empty() ? std::string() : "data:image/png;base64," + base64(png);
  }
  const bool stands_upright = image.orientation <= 1 || image.orientation > 8;
  const bool small = longest <= 0 || std::max(image.width, image.height) <= longest;
  if (stands_upright && small) {
    const std::string_view bytes(reinterpret_cast<const char*>(image.data.data()), image.data.size());
    return "data:image/jpeg;base64," + base64(bytes);
  }
  const std::string jpeg = redone_jpeg(image, longest);
  return jpeg.empty() ? std::string() : "data:image/jpeg;base64," + base64(jpeg);
}

}  // namespace easyread::html
