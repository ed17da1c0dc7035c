// easyread pdf-check: runs tools/pdf-check, which looks for common
// accessibility problems in PDF files.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"

extern char** environ;

namespace easyread::cli {

namespace {

constexpr std::string_view kPdfCheckIntro = R"(easyread pdf-check looks for common problems that make a PDF hard to use
with a screen reader.

How to use it:
  easyread pdf-check FILE.pdf [MORE.pdf ...]

It checks that everything on each page is tagged or marked as decoration,
that every picture has words that say what it shows, that the file says its
language and that it is tagged, and that every font is inside the file.
)";

constexpr std::string_view kPdfCheckOutro = R"(What the exit code means:
  0  No problems found.
  1  Some problems found. The messages say what they are.
  2  A file could not be read, or the command was not written right.
)";

constexpr Option kPdfCheckOptions[] = {
    {"help", 'h', "", "Show this help."},
};

// Runs the program with these arguments and waits; returns its exit code.
int run_and_wait(const std::vector<std::string>& argv) {
  std::vector<char*> pointers;
  for (const std::string& arg : argv) pointers.push_back(const_cast<char*>(arg.c_str()));
  pointers.push_back(nullptr);
  pid_t child = 0;
  if (posix_spawnp(&child, argv[0].c_str(), nullptr, nullptr, pointers.data(), environ) != 0)
    return -1;
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

}  // namespace

const CommandSpec& pdf_check_spec() {
  static const CommandSpec spec{"pdf-check", kPdfCheckIntro, kPdfCheckOutro, kPdfCheckOptions, "FILE.pdf..."};
  return spec;
}

int run_pdf_check(const Args& all_args) {
  int exit_code = 2;
  const auto parsed = parse_command_line(pdf_check_spec(), all_args, exit_code);
  if (!parsed) return exit_code;
  const Args& args = parsed->operands();
  if (args.empty()) {
    std::cerr << "Please say which PDF file to check, like this:\n"
              << "  easyread pdf-check leaflet.pdf\n";
    return 2;
  }
  const std::string script = default_data_home() + "/tools/pdf-check";
  if (!std::filesystem::is_regular_file(script)) {
    std::cerr << "The checking tool is missing. It should be here: " << script << "\n"
              << "Set EASYREAD_HOME to the folder that holds easyread.\n";
    return 2;
  }
  std::vector<std::string> argv = {"python3", script};
  argv.insert(argv.end(), args.begin(), args.end());
  const int code = run_and_wait(argv);
  if (code < 0) {
    std::cerr << "The checking tool could not start. It needs python3.\n"
              << "Install python3 and try again.\n";
    return 2;
  }
  return code;
}

}  // namespace easyread::cli
