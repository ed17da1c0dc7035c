// The subcommands of the easyread program. Each takes the arguments after
// its own name and returns the process exit code.
#pragma once
#include <string>
#include <vector>

namespace easyread::cli {

using Args = std::vector<std::string>;

int run_build(const Args& args);
int run_check(const Args& args);
int run_symbols(const Args& args);
int run_pdf_check(const Args& args);
int run_new(const Args& args);
// easyread new --from FILE NOTES.xml (called by run_new).
int run_new_from(const Args& args);

// Where the tool's data lives: $EASYREAD_HOME, else the source tree it was built from.
std::string data_home();

}  // namespace easyread::cli
