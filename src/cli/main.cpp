// easyread: makes Easy Read PDFs from meeting notes, and checks writing.
#include <malloc.h>

#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "text/text.hpp"

namespace easyread::cli {
namespace {

constexpr std::string_view kIntro = R"(easyread makes Easy Read documents.

How to use it:
  easyread new minutes NOTES.xml      Start new notes for a meeting.
  easyread build NOTES.xml            Make a PDF from your notes.
  easyread check FILE                 Find hard words and long sentences.
  easyread symbols search WORDS       Find a picture for your words.
  easyread symbols sheet WORDS -o F   Print pictures on paper to choose from.
  easyread pdf-check FILE.pdf         Check that a PDF works with screen readers.
  easyread serve                      Use easyread as a web page in your browser.

More help:
  easyread build --help
  easyread check --help
)";

constexpr Option kOptions[] = {
    {"help", 'h', "", "Show this help."},
    {"version", 0, "", "Show which version this is."},
    {"bash-completion", 0, "", "Show the script that lets bash finish easyread words\nwhen you press Tab."},
};

const CommandSpec& top_spec() {
  static const CommandSpec spec{{}, kIntro, {}, kOptions, "COMMAND [OPTIONS]", true};
  return spec;
}

// " Did you mean build?" when a command name is a slip of the keyboard.
std::string did_you_mean_command(const std::string& typed) {
  std::string best;
  std::size_t best_distance = 3;  // more than 2 changes: not a slip
  for (const CommandSpec* spec : all_commands()) {
    if (spec->name.empty()) continue;
    const std::size_t d = easyread::text::edit_distance(typed, spec->name);
    if (d < best_distance) {
      best = spec->name;
      best_distance = d;
    }
  }
  return best.empty() ? "" : " Did you mean " + best + "?";
}

}  // namespace

std::span<const CommandSpec* const> all_commands() {
  static const CommandSpec* const all[] = {&top_spec(), &new_spec(), &build_spec(), &check_spec(),
                                           &symbols_spec(), &pdf_check_spec(), &serve_spec()};
  return all;
}

}  // namespace easyread::cli

int main(int argc, char** argv) {
  using namespace easyread::cli;
  // Each thread's heap grows 8 MB at a time, not 128 KB: a web page's build
  // asked the kernel for more memory about 500 times (400 of them to grow
  // the heaps of the checks' and the photos' threads), and now about 120.
  // Pages are still only taken when they are first used.
  mallopt(M_TOP_PAD, 8 << 20);
  const Args args(argv + 1, argv + argc);
  const auto parsed = parse_args(top_spec(), args, std::cerr);
  if (!parsed) return 2;
  if (parsed->has("help") || (parsed->operands().empty() && parsed->given().empty()) ||
      (!parsed->operands().empty() && parsed->operands()[0] == "help")) {
    std::cout << help_text(top_spec());
    return parsed->operands().empty() && parsed->given().empty() ? 2 : 0;
  }
  if (parsed->has("version")) {
    std::cout << "easyread " << EASYREAD_VERSION << "\n";
    return 0;
  }
  if (parsed->has("bash-completion")) {
    std::cout << bash_completion(all_commands(), easyread::default_data_home());
    return 0;
  }
  const std::string& command = parsed->operands()[0];
  const Args rest(parsed->operands().begin() + 1, parsed->operands().end());
  if (command == "build") return run_build(rest);
  if (command == "check") return run_check(rest);
  if (command == "symbols") return run_symbols(rest);
  if (command == "pdf-check") return run_pdf_check(rest);
  if (command == "new") return run_new(rest);
  if (command == "serve") return run_serve(rest);
  std::cerr << "easyread: I do not know the command \"" << command << "\"." << did_you_mean_command(command)
            << "\nTo see all commands, type: easyread --help\n";
  return 2;
}
