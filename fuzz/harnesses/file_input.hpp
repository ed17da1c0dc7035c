// The readers of PNG, JPEG, templates and Word files take a file name, as
// easyread does: each input is written to one temporary file first.
#pragma once
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

namespace easyread::fuzz {

// A file in a private temporary folder, named with `extension`, holding the input.
inline const std::string& write_input(const std::uint8_t* data, std::size_t size, const std::string& extension) {
  static const std::string folder = [] {
    std::string pattern = "/tmp/easyread-fuzz-XXXXXX";
    if (!::mkdtemp(pattern.data())) std::abort();
    return pattern;
  }();
  static const std::string path = folder + "/input" + extension;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) std::abort();
  return path;
}

}  // namespace easyread::fuzz
