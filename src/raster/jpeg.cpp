// JPEG read and written with libjpeg.
#include <stdio.h>  // jpeglib.h needs FILE first
#include <jpeglib.h>

#include <algorithm>
#include <csetjmp>
#include <cstdlib>

#include "raster/raster.hpp"

namespace easyread::raster {
namespace {

// The same sharpness as a good camera's own files.
constexpr int kJpegQuality = 90;

// libjpeg reports errors by calling this; it jumps back instead of exiting.
struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf back;
};
[[noreturn]] void jpeg_failed(j_common_ptr info) { std::longjmp(reinterpret_cast<JpegError*>(info->err)->back, 1); }


bool encode_to(const Pixels& in, unsigned char** buffer, unsigned long* size);

}  // namespace

// Decoding in its own function keeps longjmp away from objects with destructors.
bool decode_jpeg(const std::vector<std::uint8_t>& file, Pixels& out, std::uint64_t most_pixels, int longest) {
  jpeg_decompress_struct info;
  JpegError error;
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = jpeg_failed;
  if (setjmp(error.back)) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, file.data(), static_cast<unsigned long>(file.size()));
  jpeg_read_header(&info, TRUE);
  // A stranger's photo that claims billions of pixels is refused before
  // any memory is taken for them.
  if (most_pixels > 0 && std::uint64_t(info.image_width) * info.image_height > most_pixels) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  info.out_color_space = info.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  const unsigned side = std::max(info.image_width, info.image_height);
  unsigned denominator = 1;
  while (longest > 0 && denominator < 8 && side / (denominator * 2) >= unsigned(longest)) denominator *= 2;
  info.scale_num = 1;
  info.scale_denom = denominator;
  jpeg_start_decompress(&info);
  out.width = static_cast<int>(info.output_width);
  out.height = static_cast<int>(info.output_height);
  out.channels = static_cast<int>(info.output_components);
  out.data.resize(std::size_t(out.width) * std::size_t(out.height) * std::size_t(out.channels));
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = out.data.data() + std::size_t(info.output_scanline) * std::size_t(out.width) * std::size_t(out.channels);
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

std::string encode_jpeg(const Pixels& in) {
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  const bool ok = encode_to(in, &buffer, &size);
  std::string out = ok && buffer != nullptr ? std::string(reinterpret_cast<char*>(buffer), size) : std::string();
  std::free(buffer);
  return out;
}

namespace {

bool encode_to(const Pixels& in, unsigned char** buffer, unsigned long* size) {
  jpeg_compress_struct info;
  JpegError error;
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = jpeg_failed;
  if (setjmp(error.back)) {
    jpeg_destroy_compress(&info);
    return false;
  }
  jpeg_create_compress(&info);
  jpeg_mem_dest(&info, buffer, size);
  info.image_width = static_cast<JDIMENSION>(in.width);
  info.image_height = static_cast<JDIMENSION>(in.height);
  info.input_components = in.channels;
  info.in_color_space = in.channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, kJpegQuality, TRUE);
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    JSAMPROW row = const_cast<std::uint8_t*>(in.data.data()) +
                   std::size_t(info.next_scanline) * std::size_t(in.width) * std::size_t(in.channels);
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  return true;
}

}  // namespace

}  // namespace easyread::raster
