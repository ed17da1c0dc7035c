// easyread serve: a web page, served on this computer or an organisation's
// network, where anyone can check writing and make Easy Read documents. It
// calls the library (include/easyread/easyread.hpp) in this process; nothing a
// person sends is written to disk or logged.
#pragma once
#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace easyread::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                            // 0: any free port (the printed line shows it)
  std::vector<std::string> picture_folders;   // an organisation's own pictures
  std::string words_file;                     // its own list of words to avoid
  std::string settings_file;                  // its own settings for every check
  std::string data_home;                      // empty: the engine's default
  std::size_t max_body = 20u * 1024 * 1024;   // bytes; more gets 413
  int max_builds = 0;                         // builds at once; 0: one a core
  std::chrono::milliseconds build_time{10000};  // a build past this is stopped (503)
  std::chrono::seconds stop_time{20};         // after SIGTERM, exit within this
};

// Serves until SIGTERM or SIGINT, then lets running answers finish and
// returns 0. Prints "Open http://HOST:PORT in your web browser." to `out`
// once it listens; problems go to `err` in plain words (and return 1).
int serve(const ServerOptions& options, std::ostream& out, std::ostream& err);

}  // namespace easyread::server
