// libFuzzer harness: the XML notes reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "markup/markup.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  easyread::Diagnostics diags;
  (void)easyread::markup::read_string(std::string(reinterpret_cast<const char*>(data), size), "fuzz.xml", diags);
  return 0;
}
