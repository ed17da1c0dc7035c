// Where easyread's data (templates, word lists, symbols, fonts) is found. An
// installed program finds it beside itself, so the folder it was installed
// to can be moved; no path of the source tree is built into the program.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "easyread/easyread.hpp"

namespace easyread {
namespace fs = std::filesystem;

std::string default_data_home() {
  if (const char* home = std::getenv("EASYREAD_HOME"); home && *home) return home;
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  if (error) return ".";
  // Installed: PREFIX/bin/easyread finds PREFIX/share/easyread, and so does
  // the web server's program, PREFIX/libexec/easyread/easyread-serve.
  const fs::path installed = program.parent_path() / EASYREAD_DATA_FROM_PROGRAM;
  if (fs::is_directory(installed / "templates", error)) return installed.lexically_normal().string();
  const fs::path from_server = program.parent_path() / EASYREAD_DATA_FROM_SERVER;
  if (fs::is_directory(from_server / "templates", error)) return from_server.lexically_normal().string();
  // A build folder: the build writes the source tree's path in a file beside
  // the program. `cmake --install` never copies that file.
  std::ifstream in(program.parent_path() / "easyread-source-home");
  std::string source_tree;
  if (in && std::getline(in, source_tree) && fs::is_directory(fs::path(source_tree) / "templates", error))
    return source_tree;
  return installed.lexically_normal().string();  // missing: errors name the place it should be
}

}  // namespace easyread
