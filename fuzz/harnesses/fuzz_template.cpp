// libFuzzer harness: the template reader and its checks of sizes and colours.
#include "file_input.hpp"
#include "style/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  easyread::Diagnostics diags;
  const std::string& path = easyread::fuzz::write_input(data, size, ".xml");
  (void)easyread::style::load_template(path, EASYREAD_SOURCE_DIR, "/tmp", diags);
  return 0;
}
