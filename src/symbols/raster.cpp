// Bitmap pictures: PNG decoded with libpng's simplified reader, JPEG kept
// as it is (the PDF can hold it directly) with its size and EXIF
// orientation, but without its metadata (EXIF, XMP, comments).
#include <png.h>

#include <cstring>
#include <memory>

#include "base/files.hpp"
#include "symbols/png_plain.hpp"
#include "symbols/png_reduced.hpp"
#include "symbols/symbols.hpp"

namespace easyread::symbols {
namespace {

// Pictures larger than this are refused: they would use too much memory.
constexpr std::uint64_t kMaxPixels = 50'000'000;

// Bigger PNG pictures are made smaller as they are read, to this many
// pixels on their longer side: 10 inches at 300 dots an inch, more than any
// page or screen shows of a picture.
constexpr std::uint64_t kMostPixelsKept = 12'000'000;
constexpr int kLongestSideKept = 3000;

// A photo from a phone is a few MB; a bigger file is refused before it is read.
constexpr std::uint64_t kLargestPictureFile = 64ull << 20;

void file_error(Diagnostics& diags, const std::string& path, const std::string& message,
                const std::string& suggestion) {
  diags.error(path, Span{}, "bad-picture", message, suggestion);
}

// The file's bytes; a folder, a device, a file too big or one that will
// not open is an error that says which.
std::optional<std::vector<std::uint8_t>> read_file_bytes(const std::string& path, Diagnostics& diags) {
  auto bytes = read_regular_file(path, kLargestPictureFile);
  if (const auto* problem = std::get_if<FileProblem>(&bytes)) {
    file_error(diags, path, problem->why,
               problem->kind == FileProblem::Kind::too_big ? "Make the picture smaller, for example 1000 pixels wide."
                                                           : "Check the file name and that the file is there.");
    return std::nullopt;
  }
  const std::string& text = std::get<std::string>(bytes);
  return std::vector<std::uint8_t>(text.begin(), text.end());
}

// Frees libpng's reader state however we leave.
struct PngImage {
  png_image image;
  PngImage() {
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
  }
  ~PngImage() { png_image_free(&image); }
  PngImage(const PngImage&) = delete;
  PngImage& operator=(const PngImage&) = delete;
};

// `Colour` samples then alpha, for each of `count` pixels, apart; whether
// any pixel is see-through. The sizes are known, so the loops unroll.
template <std::size_t Colour>
bool split_alpha(const std::uint8_t* pixels, std::size_t count, std::uint8_t* colour, std::uint8_t* alpha) {
  std::uint8_t all = 255;
  for (std::size_t i = 0; i < count; ++i, pixels += Colour + 1, colour += Colour) {
    for (std::size_t c = 0; c < Colour; ++c) colour[c] = pixels[c];
    alpha[i] = pixels[Colour];
    all &= pixels[Colour];
  }
  return all != 255;
}

}  // namespace

std::optional<RasterImage> read_png(const std::string& path, Diagnostics& diags) {
  const auto bytes = read_file_bytes(path, diags);
  if (!bytes) return std::nullopt;
  return decode_png(std::string(bytes->begin(), bytes->end()), path, diags);
}

std::optional<RasterImage> decode_png(const std::string& bytes, const std::string& path, Diagnostics& diags) {
  if (bytes.size() > kLargestPictureFile) {
    file_error(diags, path, "The file is too big. easyread reads pictures of up to " + size_in_words(kLargestPictureFile) + ".",
               "Make the picture smaller, for example 1000 pixels wide.");
    return std::nullopt;
  }
  PngImage png;
  if (!png_image_begin_read_from_memory(&png.image, bytes.data(), bytes.size())) {
    file_error(diags, path, std::string("easyread cannot read the PNG picture: ") + png.image.message + ".",
               "Open the picture in a photo program and save it again as PNG.");
    return std::nullopt;
  }
  const std::uint64_t pixels_in_file = std::uint64_t(png.image.width) * png.image.height;
  if (pixels_in_file > kMaxPixels) {
    file_error(diags, path, "The PNG picture is too big.", "Make the picture smaller, for example 1000 pixels wide.");
    return std::nullopt;
  }
  if (pixels_in_file > kMostPixelsKept) {
    // More than any page needs: made smaller as it is read.
    std::string why;
    auto smaller = detail::decode_png_reduced(bytes, kLongestSideKept, why);
    if (!smaller)
      file_error(diags, path, "The PNG picture has errors: " + why + ".",
                 "Open the picture in a photo program, make it smaller (for example 2000 pixels wide), and save it "
                 "again as PNG.");
    return smaller;
  }
  // Most photos are plain 8-bit RGB or RGBA: read faster without libpng.
  if (auto plain = detail::decode_plain_png(bytes)) return plain;
  // Without gAMA or sRGB chunks libpng would take 16-bit samples as linear
  // light; pictures from ordinary programs are sRGB at every bit depth.
  png.image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
  // Keep grey as grey and colour as colour; palettes and 16-bit samples
  // become plain 8-bit samples; transparency becomes an alpha channel.
  const bool colour = (png.image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  const bool has_alpha = (png.image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  png.image.format = (colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (has_alpha ? PNG_FORMAT_FLAG_ALPHA : 0u);
  std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(png.image));
  if (!png_image_finish_read(&png.image, nullptr, pixels.data(), 0, nullptr)) {
    file_error(diags, path, std::string("The PNG picture has errors: ") + png.image.message + ".",
               "Open the picture in a photo program and save it again as PNG.");
    return std::nullopt;
  }
  RasterImage out;
  out.encoding = RasterImage::Encoding::pixels;
  out.width = int(png.image.width);
  out.height = int(png.image.height);
  out.components = colour ? 3 : 1;
  const std::size_t count = std::size_t(out.width) * std::size_t(out.height);
  if (!has_alpha) {
    out.data = std::move(pixels);
    return out;
  }
  // Split colour and alpha: the PDF keeps alpha as a separate soft mask.
  out.data.resize(count * std::size_t(out.components));
  out.alpha.resize(count);
  const bool any_transparent = out.components == 3 ? split_alpha<3>(pixels.data(), count, out.data.data(), out.alpha.data())
                                                   : split_alpha<1>(pixels.data(), count, out.data.data(), out.alpha.data());
  if (!any_transparent) out.alpha.clear();  // fully opaque: no mask needed
  return out;
}

namespace {

std::uint16_t read16(const std::uint8_t* p, bool big_endian) {
  return big_endian ? std::uint16_t(p[0] << 8 | p[1]) : std::uint16_t(p[1] << 8 | p[0]);
}
std::uint32_t read32(const std::uint8_t* p, bool big_endian) {
  return big_endian ? std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3]
                    : std::uint32_t(p[3]) << 24 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[1]) << 8 | p[0];
}

// The orientation tag (0x0112) of IFD0 in an EXIF block ("Exif\0\0" + TIFF). 1 if absent.
int exif_orientation(const std::uint8_t* data, std::size_t size) {
  if (size < 14 || std::memcmp(data, "Exif\0\0", 6) != 0) return 1;
  const std::uint8_t* tiff = data + 6;
  const std::size_t tiff_size = size - 6;
  bool big_endian;
  if (tiff[0] == 'M' && tiff[1] == 'M') big_endian = true;
  else if (tiff[0] == 'I' && tiff[1] == 'I') big_endian = false;
  else return 1;
  if (read16(tiff + 2, big_endian) != 42) return 1;
  const std::uint32_t ifd = read32(tiff + 4, big_endian);
  if (ifd > tiff_size || tiff_size - ifd < 2) return 1;
  const unsigned entries = read16(tiff + ifd, big_endian);
  for (unsigned i = 0; i < entries; ++i) {
    const std::size_t at = ifd + 2 + std::size_t(i) * 12;
    if (at + 12 > tiff_size) return 1;
    if (read16(tiff + at, big_endian) != 0x0112) continue;
    const unsigned type = read16(tiff + at + 2, big_endian);  // 3 = SHORT
    const unsigned value = type == 3 ? read16(tiff + at + 8, big_endian) : 0;
    return value >= 1 && value <= 8 ? int(value) : 1;
  }
  return 1;
}

// Segments a JPEG may keep: JFIF (APP0), the colour profile (APP2) and
// Adobe's colour note (APP14) change how the picture looks. Every other
// APPn segment and every comment is metadata: EXIF (with the GPS position,
// the camera and the time), XMP, IPTC and makers' notes.
bool is_metadata(std::uint8_t marker) {
  return marker == 0xFE || (marker >= 0xE1 && marker <= 0xEF && marker != 0xE2 && marker != 0xEE);
}

// The JPEG without its metadata segments and without anything after its end
// marker; the picture's own bytes stay as they were. A photo from a phone
// tells where it was taken: that must never reach a page, a PDF or a Word file.
std::vector<std::uint8_t> without_metadata(const std::vector<std::uint8_t>& b) {
  std::vector<std::uint8_t> out;
  out.reserve(b.size());
  out.insert(out.end(), b.begin(), b.begin() + 2);  // start of image
  std::size_t pos = 2;
  while (pos + 1 < b.size()) {
    if (b[pos] != 0xFF || b[pos + 1] == 0x00) {  // picture data of a scan: copy up to the next marker
      const std::size_t from = pos;
      while (pos + 1 < b.size() && !(b[pos] == 0xFF && b[pos + 1] != 0x00 && (b[pos + 1] < 0xD0 || b[pos + 1] > 0xD7)))
        ++pos;
      if (pos + 1 >= b.size()) pos = b.size();
      out.insert(out.end(), b.begin() + std::ptrdiff_t(from), b.begin() + std::ptrdiff_t(pos));
      continue;
    }
    const std::uint8_t marker = b[pos + 1];
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    if (marker == 0xD9) {  // end of image: what follows is not the picture
      out.insert(out.end(), {0xFF, 0xD9});
      return out;
    }
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {  // markers without a length
      out.insert(out.end(), {0xFF, marker});
      pos += 2;
      continue;
    }
    if (pos + 4 > b.size()) break;
    const std::size_t end = std::min(b.size(), pos + 2 + read16(&b[pos + 2], true));
    if (!is_metadata(marker)) out.insert(out.end(), b.begin() + std::ptrdiff_t(pos), b.begin() + std::ptrdiff_t(end));
    pos = end;
  }
  out.insert(out.end(), b.begin() + std::ptrdiff_t(std::min(pos, b.size())), b.end());
  return out;
}

std::optional<RasterImage> jpeg_from_bytes(std::vector<std::uint8_t> bytes, const std::string& path, Diagnostics& diags) {
  const auto& b = bytes;
  auto damaged = [&](const std::string& why) {
    file_error(diags, path, "easyread cannot read the JPEG picture: " + why + ".",
               "Open the picture in a photo program and save it again as JPEG.");
    return std::nullopt;
  };
  if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) return damaged("it does not start like a JPEG file");
  RasterImage out;
  out.encoding = RasterImage::Encoding::jpeg;
  std::size_t pos = 2;
  bool have_frame = false;
  while (pos + 4 <= b.size() && !have_frame) {
    if (b[pos] != 0xFF) return damaged("a marker is missing");
    const std::uint8_t marker = b[pos + 1];
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) break;  // end of image, or scan before any frame header
    const std::size_t length = read16(&b[pos + 2], true);
    if (length < 2 || pos + 2 + length > b.size()) return damaged("a segment is cut short");
    const std::uint8_t* body = &b[pos + 4];
    const std::size_t body_size = length - 2;
    if (marker == 0xE1) out.orientation = std::max(out.orientation, exif_orientation(body, body_size));
    const bool is_frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (is_frame) {
      // Lossless and hierarchical JPEG (SOF3, SOF5 to SOF7, SOF11, SOF13 to
      // SOF15) are rare, and PDF readers cannot show them.
      const bool lossless = marker == 0xC3 || (marker >= 0xC5 && marker <= 0xC7) || marker == 0xCB || marker >= 0xCD;
      if (lossless) return damaged("it is a lossless or hierarchical JPEG, which PDF readers cannot show");
      if (body_size < 6) return damaged("the frame header is too short");
      if (body[0] != 8) return damaged("it has " + std::to_string(body[0]) + "-bit colours, and easyread can only use 8-bit JPEG pictures");
      if (body_size < 6 + 3 * std::size_t(body[5])) return damaged("its list of colour channels is cut short");
      out.height = read16(body + 1, true);
      out.width = read16(body + 3, true);
      out.components = body[5];
      have_frame = true;
    }
    pos += 2 + length;
  }
  if (!have_frame || out.width == 0 || out.height == 0) return damaged("its size is missing");
  // A whole JPEG ends with the end-of-image marker (some programs add a
  // few bytes after it); without it the picture is cut short.
  const std::size_t tail = std::min<std::size_t>(b.size(), 64);
  bool ends = false;
  for (std::size_t i = b.size() - tail; i + 1 < b.size(); ++i) ends = ends || (b[i] == 0xFF && b[i + 1] == 0xD9);
  if (!ends) return damaged("the file is cut short");
  if (out.components != 1 && out.components != 3 && out.components != 4)
    return damaged("it has an unusual number of colour channels");
  // A few bytes can claim billions of pixels; the web page and the Word file
  // decode the picture, so such a claim is refused before anything is taken.
  if (std::uint64_t(out.width) * out.height > kMaxPixels) {
    file_error(diags, path, "The JPEG picture is too big.", "Make the picture smaller, for example 1000 pixels wide.");
    return std::nullopt;
  }
  out.data = without_metadata(bytes);
  return out;
}

}  // namespace

std::optional<RasterImage> read_jpeg(const std::string& path, Diagnostics& diags) {
  auto bytes = read_file_bytes(path, diags);
  if (!bytes) return std::nullopt;
  return jpeg_from_bytes(std::move(*bytes), path, diags);
}

std::optional<RasterImage> decode_jpeg(const std::string& bytes, const std::string& name, Diagnostics& diags) {
  if (bytes.size() > kLargestPictureFile) {
    file_error(diags, name, "The file is too big. easyread reads pictures of up to " + size_in_words(kLargestPictureFile) + ".",
               "Make the picture smaller, for example 1000 pixels wide.");
    return std::nullopt;
  }
  return jpeg_from_bytes(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), name, diags);
}

}  // namespace easyread::symbols
