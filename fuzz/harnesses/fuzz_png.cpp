// libFuzzer harness: the PNG reader (libpng, and our plain-PNG reader over libdeflate).
#include "file_input.hpp"
#include "symbols/symbols.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  easyread::Diagnostics diags;
  (void)easyread::symbols::read_png(easyread::fuzz::write_input(data, size, ".png"), diags);
  return 0;
}
