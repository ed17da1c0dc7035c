// libFuzzer harness: the Word reader (our ZIP reader, then the paragraphs).
#include "check/check.hpp"
#include "file_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  easyread::Diagnostics diags;
  (void)easyread::check::read_docx_text(easyread::fuzz::write_input(data, size, ".docx"), diags);
  return 0;
}
