// easyread: makes Easy Read PDFs from meeting notes, and checks writing.
#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/commands.hpp"

namespace {

constexpr const char* kHelp = R"(easyread makes Easy Read documents.

How to use it:
  easyread new minutes NOTES.xml      Start new notes for a meeting.
  easyread build NOTES.xml            Make a PDF from your notes.
  easyread check FILE                 Find hard words and long sentences.
  easyread symbols search WORDS       Find a picture for your words.
  easyread symbols sheet WORDS -o F   Print pictures on paper to choose from.
  easyread pdf-check FILE.pdf         Check that a PDF works with screen readers.

More help:
  easyread build --help
  easyread check --help

Other options:
  --help       Show this help.
  --version    Show which version this is.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace easyread::cli;
  Args args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kHelp;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "easyread " << EASYREAD_VERSION << "\n";
    return 0;
  }
  const std::string command = args[0];
  Args rest(args.begin() + 1, args.end());
  if (command == "build") return run_build(rest);
  if (command == "check") return run_check(rest);
  if (command == "symbols") return run_symbols(rest);
  if (command == "pdf-check") return run_pdf_check(rest);
  if (command == "new") return run_new(rest);
  std::cerr << "easyread: I do not know the command \"" << command << "\".\n"
            << "Try: easyread build NOTES.xml\n"
            << "To see all commands, type: easyread --help\n";
  return 2;
}

namespace easyread::cli {

std::string data_home() {
  if (const char* home = std::getenv("EASYREAD_HOME"); home && *home) return home;
  return EASYREAD_HOME_DEFAULT;
}

}  // namespace easyread::cli
