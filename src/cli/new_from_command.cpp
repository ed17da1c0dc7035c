// easyread new --from FILE NOTES.xml: a first draft of Easy Read notes from a
// Word file, Markdown or plain text (or "-" for pasted text).
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <filesystem>
#include <iostream>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "base/files.hpp"
#include "draft/draft.hpp"
#include "symbols/symbols.hpp"
#include "text/text.hpp"

namespace easyread::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::uint64_t kLargestText = 32ull << 20;

bool valid_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t before = at;
    if (text::next_code_point(text, at) == 0xFFFD && text.substr(before, 3) != "\xEF\xBF\xBD") return false;
  }
  return true;
}

int fail(const std::string& message, const std::string& what_to_do) {
  std::cerr << "easyread new: " << message << "\n" << what_to_do << "\n";
  return 1;
}

std::optional<draft::SourceDocument> read_source(const std::string& from, std::string& problem) {
  std::string extension = fs::path(from).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".docx") {
    Diagnostics diags;
    auto doc = draft::read_docx(from, diags);
    if (!doc) problem = diags.items().front().message + "\n" + diags.items().front().suggestion;
    return doc;
  }
  if (extension == ".doc" || extension == ".odt" || extension == ".rtf" || extension == ".pdf") {
    problem = "easyread cannot read " + escape_controls(extension) + " files.\nSave it from Word as a .docx file, then try again.";
    return std::nullopt;
  }
  // Like notes, at most 32 MB, and only text: endless or binary input
  // (/dev/zero, a program) is refused as soon as it shows.
  auto bytes = from == "-" ? read_stream(STDIN_FILENO, kLargestText, true) : read_regular_file(from, kLargestText, true);
  if (const auto* cannot = std::get_if<FileProblem>(&bytes)) {
    const std::string name = from == "-" ? "your text" : "\"" + escape_controls(from) + "\"";
    problem = cannot->kind == FileProblem::Kind::missing
                  ? "I cannot find the file " + name + ".\nCheck the name and the folder."
                  : "I cannot use " + name + ". " + cannot->why + "\n" +
                        (cannot->kind == FileProblem::Kind::too_big
                             ? "Make a draft from a part of it."
                             : "Give a Word file (.docx), or Markdown or text saved as UTF-8.");
    return std::nullopt;
  }
  std::string text = std::move(std::get<std::string>(bytes));
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  if (!valid_utf8(text)) {
    problem = "\"" + escape_controls(from) + "\" is not saved as UTF-8 text.\nSave it again as UTF-8, then try again.";
    return std::nullopt;
  }
  if (extension == ".md" || extension == ".markdown") return draft::read_markdown(text);
  return draft::read_plain_text(text);
}

}  // namespace

int run_new_from(const std::string& from, const std::string& notes) {
  // What the messages show of the names: a stranger's file name may hold a
  // right-to-left mark or a terminal's escape codes.
  const std::string shown_notes = escape_controls(notes), shown_from = escape_controls(from);
  if (fs::exists(notes)) return fail(shown_notes + " is already there. I will not write over it.", "Choose another name.");
  std::string problem;
  std::optional<draft::SourceDocument> source = read_source(from, problem);
  if (!source) {
    std::cerr << "easyread new: " << problem << "\n";
    return 1;
  }
  Diagnostics diags;
  check::Settings settings;
  if (auto file = check::find_settings_file(notes)) check::load_settings_file(*file, settings, diags);
  const check::Checker checker(default_data_home(), settings, diags);
  symbols::Library library(default_data_home());
  draft::Options options;
  options.picture_prefix = fs::path(notes).stem().string() + "-pictures/";
  const draft::Draft result = draft::make_draft(*source, checker, library, options);

  // Pictures first, so the notes never name a picture that is not there yet.
  const fs::path folder = fs::path(notes).parent_path();
  for (const draft::SavedFile& picture : result.pictures)
    if (fs::exists(folder / picture.path))
      return fail(escape_controls((folder / picture.path).string()) + " is already there. I will not write over it.",
                  "Move it away, or choose another name for your notes.");
  for (const draft::SavedFile& picture : result.pictures)
    if (!write_file_atomically((folder / picture.path).string(), picture.bytes, diags))
      return fail("I could not save the picture " + escape_controls((folder / picture.path).string()) + ".",
                  "Check that you may write in that folder, and that there is space on the disk.");
  if (fs::exists(notes)) return fail(shown_notes + " is already there. I will not write over it.", "Choose another name.");
  if (!write_file_atomically(notes, result.xml, diags))
    return fail("I could not write " + shown_notes + ".", "Check that you may write in that folder, and that there is space on the disk.");
  std::cout << "I wrote " << shown_notes << " from " << (from == "-" ? "your text" : shown_from) << ".\n";
  if (!result.pictures.empty())
    std::cout << "I saved " << result.pictures.size() << (result.pictures.size() == 1 ? " picture" : " pictures")
              << " from it in "
              << escape_controls((folder / (fs::path(notes).stem().string() + "-pictures")).string()) << ".\n";
  std::cout << "Read the draft and do what each note says. Then run:\n"
            << "  easyread build " << shown_notes << "\n";
  return 0;
}

}  // namespace easyread::cli
