// Files that are not notes at all. People build the letter they were sent, or
// notes that an editor saved as UTF-16: say what the file is and what to do,
// and never show its bytes (they would print as rubbish, or as NUL bytes).
#include <filesystem>

#include "markup/internal.hpp"

namespace easyread::markup::detail {

bool check_file_kind(Context& ctx) {
  const std::string_view s = ctx.source;
  const std::string name = std::filesystem::path(ctx.file).filename().string();
  auto fail = [&](const std::string& message, const std::string& suggestion) {
    ctx.diags.error(ctx.file, Span{}, "not-notes", message, suggestion);
    return false;
  };
  if (s.starts_with("PK\x03\x04")) {
    if (s.find("word/") != std::string_view::npos)
      return fail(name + " is a Word file, not easyread notes.",
                  "To check its words, type: easyread check " + name +
                      ". To make notes from it, type: easyread new --from " + name + " notes.xml");
    return fail(name + " is a packed (ZIP) file, not easyread notes.",
                "Give easyread the notes file itself: a .xml file saved as UTF-8.");
  }
  if (s.starts_with("%PDF"))
    return fail(name + " is a PDF file, not easyread notes.",
                "Give easyread the notes the PDF was made from: a .xml file. To check the words of "
                "a letter, copy them into a .txt file and type: easyread check letter.txt");
  if (s.starts_with("\xFF\xFE") || s.starts_with("\xFE\xFF"))
    return fail(name + " is saved as UTF-16. easyread reads notes saved as UTF-8.",
                "Open the file in your editor and save it as UTF-8. In Notepad: File, Save as, then "
                "choose UTF-8 under Encoding.");
  if (s.find('\0') != std::string_view::npos)
    return fail(name + " has NUL bytes in it, so it is not a text file.",
                "Give easyread the notes file: a .xml file saved as UTF-8.");
  return true;
}

}  // namespace easyread::markup::detail
