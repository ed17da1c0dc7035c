// easyread-serve: the web server of `easyread serve`, a program of its own so
// that only it loads cpp-httplib and OpenSSL. `easyread serve` starts it with
// exec and the same words; it reads them with the same option table and code.
#include <iostream>

#include "cli/serve_options.hpp"

int main(int argc, char** argv) {
  using namespace easyread;
  int exit_code = 2;
  const auto options = cli::read_serve_options(cli::Args(argv + 1, argv + argc), exit_code);
  if (!options) return exit_code;
  return server::serve(*options, std::cout, std::cerr);
}
