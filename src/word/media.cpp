#include "word/media.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "base/drawing_svg.hpp"
#include "raster/raster.hpp"
#include "word/cache.hpp"
#include "word/libraries.hpp"

namespace easyread::word {

Resources::Resources() : impl_(std::make_unique<Impl>()) {}
Resources::~Resources() = default;

namespace {

constexpr double kDotsPerInch = 300;  // print quality for the PNG fallback

struct SurfaceFree {
  const RsvgFunctions* f;
  void operator()(cairo_surface_t* s) const { f->cairo_surface_destroy(s); }
};
struct ContextFree {
  const RsvgFunctions* f;
  void operator()(cairo_t* c) const { f->cairo_destroy(c); }
};
struct HandleFree {
  const RsvgFunctions* f;
  void operator()(RsvgHandle* h) const { f->g_object_unref(h); }
};

// Draws SVG text onto a transparent bitmap of the given size, as PNG bytes.
// cairo draws into our own buffer, and our PNG writer packs it: cairo's
// own PNG writer (libpng at its slowest settings) took most of a Word
// file's time.
std::string svg_to_png(const RsvgFunctions& f, const std::string& svg, int width, int height, std::string& error) {
  GError* gerror = nullptr;
  auto fail = [&](const char* fallback) {
    error = gerror ? gerror->message : fallback;
    if (gerror) f.g_error_free(gerror);
    return std::string();
  };
  std::unique_ptr<RsvgHandle, HandleFree> handle(
      f.rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror), HandleFree{&f});
  if (!handle) return fail("librsvg cannot read the picture");
  std::vector<std::uint32_t> argb(std::size_t(width) * std::size_t(height), 0);  // ARGB32 rows need no padding
  std::unique_ptr<cairo_surface_t, SurfaceFree> surface(
      f.cairo_image_surface_create_for_data(reinterpret_cast<unsigned char*>(argb.data()), CAIRO_FORMAT_ARGB32, width,
                                            height, width * 4),
      SurfaceFree{&f});
  {
    std::unique_ptr<cairo_t, ContextFree> cr(f.cairo_create(surface.get()), ContextFree{&f});
    RsvgRectangle viewport{0, 0, double(width), double(height)};
    if (!f.rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &gerror))
      return fail("librsvg cannot draw the picture");
  }
  f.cairo_surface_flush(surface.get());
  surface.reset();
  std::string png = raster::drawing_png_bytes(argb, width, height);
  if (png.empty()) error = "easyread cannot write the PNG picture";
  return png;
}

// As many pixels as symbols::read_png accepts (a 50-megapixel photo).
constexpr std::uint64_t kMostPixelsToTurn = 50'000'000;

PictureFiles photo_files(const RasterImage& image, std::string& error) {
  PictureFiles files;
  files.pixel_width = image.shown_width();
  files.pixel_height = image.shown_height();
  if (image.encoding == RasterImage::Encoding::pixels) {
    files.main = raster::png_bytes(raster::joined_pixels(image));
    files.extension = "png";
  } else if (image.orientation == 1 || image.components == 4) {
    // Upright already (or CMYK, which Word shows as it is): the file as it is.
    files.main.assign(image.data.begin(), image.data.end());
    files.extension = "jpeg";
  } else {
    raster::Pixels pixels;
    if (raster::decode_jpeg(image.data, pixels, kMostPixelsToTurn))
      files.main = raster::encode_jpeg(raster::upright(pixels, image.orientation));
    files.extension = "jpeg";
  }
  if (files.main.empty())
    error = "the photo is too big or damaged. Make it smaller, for example 2000 pixels wide, and save it again";
  return files;
}

PictureFiles symbol_files(const Picture& picture, const Drawing& drawing, double box_points,
                          Resources& cache, std::string& error) {
  const double aspect = picture.aspect();
  const double shown_w = aspect >= 1 ? box_points : box_points * aspect;
  const double shown_h = aspect >= 1 ? box_points / aspect : box_points;
  const int px_w = std::max(1, int(std::lround(shown_w / 72 * kDotsPerInch)));
  const int px_h = std::max(1, int(std::lround(shown_h / 72 * kDotsPerInch)));
  const std::string key = picture.key + "@" + std::to_string(px_w) + "x" + std::to_string(px_h);
  auto& impl = cache.impl();
  {
    std::lock_guard<std::mutex> lock(impl.mutex);
    auto it = impl.symbols.find(key);
    if (it != impl.symbols.end()) return it->second;
  }
  PictureFiles files;
  files.svg = drawing_to_svg(drawing);
  const Libraries& libraries = impl.libraries();
  if (!libraries.error.empty()) {
    error = libraries.error;
    return files;
  }
  files.main = svg_to_png(libraries.rsvg, files.svg, px_w, px_h, error);
  files.extension = "png";
  files.pixel_width = px_w;
  files.pixel_height = px_h;
  if (files.main.empty()) return files;
  std::lock_guard<std::mutex> lock(impl.mutex);
  impl.symbols.emplace(key, files);
  return files;
}

}  // namespace

PictureFiles picture_files(const Picture& picture, double box_points, Resources& cache,
                           std::string& error) {
  if (const auto* drawing = std::get_if<Drawing>(&picture.content))
    return symbol_files(picture, *drawing, box_points, cache, error);
  return photo_files(std::get<RasterImage>(picture.content), error);
}

void draw_symbols_ahead(const std::vector<PictureToDraw>& pictures, Resources& cache, Deadline deadline) {
  std::vector<PictureToDraw> symbols;
  for (const PictureToDraw& p : pictures)
    if (std::holds_alternative<Drawing>(p.picture->content)) symbols.push_back(p);
  if (symbols.empty()) return;
  auto draw_one = [&](std::size_t i) {
    std::string ignored;  // picture_files tries again, and says what is wrong
    symbol_files(*symbols[i].picture, std::get<Drawing>(symbols[i].picture->content), symbols[i].box_points, cache,
                 ignored);
  };
  // The first alone: librsvg and cairo set themselves up on their first use.
  draw_one(0);
  if (symbols.size() == 1) return;
  std::atomic<std::size_t> next = 1;
  auto draw_the_rest = [&] {
    for (std::size_t i = next++; i < symbols.size() && !deadline.passed(); i = next++) draw_one(i);
  };
  std::jthread helper;
  if (std::thread::hardware_concurrency() > 1) helper = std::jthread(draw_the_rest);
  draw_the_rest();
}

}  // namespace easyread::word
