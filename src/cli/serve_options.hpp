// The options of `easyread serve`, read by both programs with the same code:
// `easyread` reads them first (for --help and mistakes), then starts the
// server program (easyread-serve), which reads them again to serve.
#pragma once
#include <optional>

#include "cli/commands.hpp"
#include "server/server.hpp"  // ServerOptions only: a plain struct, no HTTP library

namespace easyread::cli {

// The server's options from the words after "serve". After --help (printed,
// `exit_code` 0) or a mistake (said in plain words, `exit_code` 2) the result
// is empty and the command stops.
std::optional<server::ServerOptions> read_serve_options(const Args& args, int& exit_code);

}  // namespace easyread::cli
