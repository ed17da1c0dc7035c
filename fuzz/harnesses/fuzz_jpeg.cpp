// libFuzzer harness: the JPEG reader (size, colour channels, EXIF orientation).
#include "file_input.hpp"
#include "symbols/symbols.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  easyread::Diagnostics diags;
  (void)easyread::symbols::read_jpeg(easyread::fuzz::write_input(data, size, ".jpg"), diags);
  return 0;
}
