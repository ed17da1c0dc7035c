// easyread serve: the web page, for people who do not use a terminal. The
// server is a program of its own (easyread-serve), so that only `serve` loads
// the HTTP library and OpenSSL: every other command starts faster. This
// command reads the options (so --help and mistakes answer here, even when
// the server program is missing), then becomes the server program with exec:
// the same process, so Ctrl+C, SIGTERM, the printed address and the exit code
// are the server's own.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"
#include "cli/serve_options.hpp"

namespace easyread::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kServerProgram = "easyread-serve";

// Where the server program is: beside this program (a build folder), or in
// PREFIX/libexec/easyread when this one is PREFIX/bin/easyread. Empty when
// neither has it; `looked_in` then says where it should be.
std::string find_server_program(std::string& looked_in) {
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  const fs::path folder = error ? fs::path(".") : program.parent_path();
  const fs::path installed = (folder / EASYREAD_SERVER_FROM_PROGRAM).lexically_normal();
  looked_in = installed.string();
  for (const fs::path& place : {folder, installed}) {
    const fs::path candidate = place / kServerProgram;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return {};
}

}  // namespace

int run_serve(const Args& args) {
  int exit_code = 2;
  if (!read_serve_options(args, exit_code)) return exit_code;
  std::string looked_in;
  const std::string server = find_server_program(looked_in);
  if (server.empty()) {
    std::cerr << "easyread serve: I cannot find the part of easyread that shows the web page.\n"
              << "It is called " << kServerProgram << ", and it should be in " << looked_in << ".\n"
              << "Please install easyread again.\n";
    return 1;
  }
  std::vector<char*> argv{const_cast<char*>(server.c_str())};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execv(server.c_str(), argv.data());
  // Only comes back when exec failed.
  std::cerr << "easyread serve: I could not start " << server << ": " << std::strerror(errno) << ".\n"
            << "Please install easyread again.\n";
  return 1;
}

}  // namespace easyread::cli
