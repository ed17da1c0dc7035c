// easyread serve's options: its table (for --help, the man page and the
// completion) and what its values mean. Both programs use this file.
#include "cli/serve_options.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/options.hpp"

namespace easyread::cli {
namespace {

constexpr std::string_view kServeIntro = R"(easyread serve shows easyread as a web page.
You can check writing and make Easy Read documents in your web browser.

How to use it:
  easyread serve                  Start it. Then open the address it shows.
  easyread serve --port 8081      Use another port.
)";

constexpr std::string_view kServeOutro = R"(To stop it, press Ctrl+C.
easyread does not keep what people send. It does not write it to disk.
)";

constexpr Option kServeOptions[] = {
    {"port", 0, "N", "The number of the port to use.\n0 finds a free one.", ValueKind::text},
    {"host", 0, "ADDRESS", "Who can open the page. It is 127.0.0.1 if you do not say:\nonly this computer.",
     ValueKind::text},
    {"pictures", 0, "FOLDER", "Your own pictures, for everyone who uses the page.", ValueKind::folder},
    {"words", 0, "NAME", "Your own list of words to avoid, for every check.", ValueKind::file},
    {"settings", 0, "NAME", "Your own settings file, for every check.", ValueKind::file},
    {"builds", 0, "N", "How many documents it makes at the same time.\nIt is 1 for each core if you do not say.",
     ValueKind::text},
    {"build-time", 0, "SECONDS", "The longest it may take to make a document.\nIt is 10 if you do not say.",
     ValueKind::text},
    {"help", 'h', "", "Show this help."},
};

std::string absolute(const std::string& path) {
  std::error_code ec;
  return path.empty() ? path : std::filesystem::absolute(path, ec).string();
}

bool all_digits(const std::string& text, std::size_t most) {
  return !text.empty() && text.size() <= most && text.find_first_not_of("0123456789") == std::string::npos;
}

// --builds and --build-time; false (with the reason said) when one is wrong.
bool read_limits(const ParsedArgs& parsed, server::ServerOptions& options) {
  if (const auto builds = parsed.value("builds")) {
    if (!all_digits(*builds, 3) || std::stoi(*builds) < 1) {
      std::cerr << "easyread serve: --builds needs a number from 1 to 999.\nFor example: --builds 4\n";
      return false;
    }
    options.max_builds = std::stoi(*builds);
  }
  if (const auto seconds = parsed.value("build-time")) {
    char* end = nullptr;
    const double value = std::strtod(seconds->c_str(), &end);
    if (seconds->empty() || *end != '\0' || !(value > 0 && value <= 3600)) {
      std::cerr << "easyread serve: --build-time needs a number of seconds, from 0.001 to 3600.\n"
                   "For example: --build-time 20\n";
      return false;
    }
    options.build_time = std::chrono::milliseconds(std::max<long long>(1, static_cast<long long>(value * 1000)));
  }
  return true;
}

}  // namespace

const CommandSpec& serve_spec() {
  static const CommandSpec spec{"serve", kServeIntro, kServeOutro, kServeOptions};
  return spec;
}

std::optional<server::ServerOptions> read_serve_options(const Args& args, int& exit_code) {
  const auto parsed = parse_command_line(serve_spec(), args, exit_code);
  if (!parsed) return std::nullopt;
  if (!parsed->operands().empty()) {
    std::cerr << "easyread serve: I do not know what \"" << parsed->operands()[0] << "\" is for.\n"
              << "To see the options, type: easyread serve --help\n";
    return std::nullopt;
  }
  server::ServerOptions options;
  const std::string port = parsed->value("port").value_or("8080");
  if (!all_digits(port, 5) || std::stoi(port) > 65535) {
    std::cerr << "easyread serve: \"" << port << "\" is not a port.\n"
              << "Give a number from 0 to 65535. For example: --port 8080\n";
    return std::nullopt;
  }
  options.port = std::stoi(port);
  if (!read_limits(*parsed, options)) return std::nullopt;
  options.host = parsed->value("host").value_or("127.0.0.1");
  for (const std::string& folder : parsed->values("pictures")) options.picture_folders.push_back(absolute(folder));
  options.words_file = absolute(parsed->value("words").value_or(""));
  options.settings_file = absolute(parsed->value("settings").value_or(""));
  exit_code = 0;
  return options;
}

}  // namespace easyread::cli
