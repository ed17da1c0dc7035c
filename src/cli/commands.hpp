// The subcommands of the easyread program. Each takes the arguments after
// its own name and returns the process exit code.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "easyread/easyread.hpp"  // default_data_home(): where the tool's data is

namespace easyread::cli {

using Args = std::vector<std::string>;
struct CommandSpec;

// Returns the exit code for a wrong command line; after building, ends the
// process itself (std::exit) so that the engine is not freed for nothing.
int run_build(const Args& args);
int run_check(const Args& args);
int run_symbols(const Args& args);
int run_pdf_check(const Args& args);
int run_new(const Args& args);
int run_serve(const Args& args);
// easyread new --from FILE NOTES.xml (called by run_new).
int run_new_from(const std::string& from, const std::string& notes);

// Each command's options (see options.hpp).
const CommandSpec& build_spec();
const CommandSpec& check_spec();
const CommandSpec& symbols_spec();
const CommandSpec& pdf_check_spec();
const CommandSpec& new_spec();
const CommandSpec& serve_spec();

// A bash script that completes commands, options, looks and starters.
std::string bash_completion(std::span<const CommandSpec* const> commands, const std::string& home);

}  // namespace easyread::cli
