// easyread symbols: find pictures by words, and print contact sheets so a
// group can choose pictures together on paper.
#include <algorithm>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/files.hpp"
#include "content/content.hpp"
#include "pdf/pdf.hpp"
#include "pipeline/pipeline.hpp"
#include "symbols/symbols.hpp"

namespace easyread::cli {
namespace {

constexpr const char* kSymbolsHelp = R"(easyread symbols helps you find pictures.

How to use it:
  easyread symbols search WORDS            Shows the best pictures for your words.
  easyread symbols sheet -o pictures.pdf   Prints every picture in the catalogue.
  easyread symbols sheet WORDS -o F.pdf    Prints the pictures for your words.

Options:
  -o, --output FILE      Where to put the sheet. It is a PDF file.
  --pictures FOLDER      Use your own pictures too. You can say this more than once.
  --help                 Show this help.

To use a picture, write its name or code in your notes:
  <point picture="doctor">  or  <point picture="1F9D1-200D-2695-FE0F">
)";

struct Options {
  std::string action;
  std::vector<std::string> words;
  std::string output;
  std::vector<std::string> folders;
};

std::optional<Options> parse(const Args& args, int& exit_code) {
  Options o;
  exit_code = 2;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kSymbolsHelp;
      exit_code = 0;
      return std::nullopt;
    }
    if (a == "-o" || a == "--output" || a == "--pictures") {
      if (i + 1 >= args.size()) {
        std::cerr << "easyread symbols: " << a << " needs a name after it.\n";
        return std::nullopt;
      }
      (a == "--pictures" ? o.folders.emplace_back() : o.output) = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "easyread symbols: I do not know the option \"" << a << "\".\n"
                << "To see the options, type: easyread symbols --help\n";
      return std::nullopt;
    } else if (o.action.empty()) {
      o.action = a;
    } else {
      o.words.push_back(a);
    }
  }
  if (o.action != "search" && o.action != "sheet") {
    std::cerr << (o.action.empty() ? std::string("easyread symbols: Please say search or sheet.\n")
                                   : "easyread symbols: I do not know \"" + o.action + "\".\n")
              << "For example: easyread symbols search doctor\n";
    return std::nullopt;
  }
  if (o.action == "search" && o.words.empty()) {
    std::cerr << "easyread symbols search: Please give a word to look for.\n"
              << "For example: easyread symbols search doctor\n";
    return std::nullopt;
  }
  if (o.action == "sheet" && o.output.empty()) {
    std::cerr << "easyread symbols sheet: Please say where to put the sheet.\n"
              << "For example: easyread symbols sheet -o pictures.pdf\n";
    return std::nullopt;
  }
  return o;
}

int search(symbols::Library& library, const Options& o) {
  std::string phrase;
  for (const auto& w : o.words) phrase += (phrase.empty() ? "" : " ") + w;
  auto found = library.search(o.words, 10);
  for (auto& m : found) m.code = content::shown_code(m.code);
  if (found.empty()) {
    std::cout << "No pictures found for \"" << phrase << "\".\n"
              << "Try a shorter word, or a word that means the same.\n";
    return 1;
  }
  std::size_t name_width = 4, code_width = 4;
  for (const auto& m : found) {
    name_width = std::max(name_width, m.name.size());
    code_width = std::max(code_width, m.code.size());
  }
  std::cout << "Pictures for \"" << phrase << "\", best first:\n";
  std::cout << "  " << std::string("name").append(name_width - 4, ' ') << "  "
            << std::string("code").append(code_width - 4, ' ') << "  from\n";
  for (const auto& m : found)
    std::cout << "  " << std::string(m.name).append(name_width - m.name.size(), ' ') << "  "
              << std::string(m.code).append(code_width - m.code.size(), ' ') << "  " << m.origin << "\n";
  std::cout << "To use one, write picture=\"" << found.front().name << "\" in your notes.\n";
  return 0;
}

int sheet(symbols::Library& library, const Options& o) {
  Diagnostics diags;
  const pipeline::Options options{data_home(), {}, {}};
  const content::Sheet sheet = pipeline::make_sheet(library, o.words, o.output, options, diags);
  if (sheet.entries.empty()) {
    print_findings(std::cerr, diags);
    if (!diags.has_errors()) std::cout << "No pictures found for those words. Try a shorter word.\n";
    return 1;
  }
  auto laid_out = pipeline::lay_out_sheet(sheet, options, diags);
  const std::string bytes = laid_out ? pdf::render(*laid_out, o.output, diags) : std::string();
  if (!bytes.empty()) write_file_atomically(o.output, bytes, diags);
  print_findings(std::cerr, diags);
  if (bytes.empty() || diags.has_errors()) {
    std::cerr << "No sheet was made. Fix the problems above, then try again.\n";
    return 1;
  }
  const std::size_t pages = laid_out->pages.size();
  std::cout << o.output << ": " << sheet.entries.size() << " pictures on " << pages
            << (pages == 1 ? " page.\n" : " pages.\n");
  return 0;
}

}  // namespace

int run_symbols(const Args& args) {
  int exit_code = 2;
  const auto options = parse(args, exit_code);
  if (!options) return exit_code;
  symbols::Library library(data_home());
  Diagnostics setup;
  for (const auto& folder : options->folders) library.add_folder(folder, setup);
  if (setup.has_errors()) {
    print_findings(std::cerr, setup);
    return 2;
  }
  return options->action == "search" ? search(library, *options) : sheet(library, *options);
}

}  // namespace easyread::cli
