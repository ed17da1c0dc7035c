// libFuzzer harness: the SVG picture reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "symbols/symbols.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  easyread::Diagnostics diags;
  (void)easyread::symbols::read_svg(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.svg", diags);
  return 0;
}
