// easyread new: writes a starter file to fill in, so nobody starts from nothing.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/files.hpp"

namespace easyread::cli {
namespace fs = std::filesystem;

int run_new(const Args& args) {
  const std::string starters = data_home() + "/templates/starters";
  if (!args.empty() && args[0] == "--from") return run_new_from(args);
  if (args.size() != 2 || args[0] == "--help" || args[0] == "-h") {
    std::cout << "easyread new writes notes for you to fill in.\n\n"
                 "How to use it:\n"
                 "  easyread new minutes my-meeting.xml     Notes for a meeting.\n"
                 "  easyread new newsletter my-news.xml     A newsletter.\n"
                 "  easyread new --from minutes.docx my-meeting.xml\n"
                 "      A first draft from your own Word file, Markdown or text.\n";
    return args.size() == 1 && (args[0] == "--help" || args[0] == "-h") ? 0 : 2;
  }
  const std::string starter = starters + "/" + args[0] + ".xml";
  if (!fs::exists(starter)) {
    std::cerr << "easyread new: I do not have a starter called \"" << args[0] << "\".\n"
              << "Try: easyread new minutes my-meeting.xml\n";
    return 2;
  }
  if (fs::exists(args[1])) {
    std::cerr << "easyread new: " << args[1] << " is already there. I will not write over it.\n"
              << "Choose another name.\n";
    return 1;
  }
  Diagnostics diags;
  if (!write_file_atomically(args[1], read_text_or_empty(starter), diags)) {
    std::cerr << "easyread new: " << diags.items().front().message << "\n" << diags.items().front().suggestion << "\n";
    return 1;
  }
  std::cout << "I wrote " << args[1] << ". Change the words in it, then run:\n"
            << "  easyread build " << args[1] << "\n";
  return 0;
}

}  // namespace easyread::cli
