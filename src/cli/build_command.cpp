// easyread build: XML notes -> checks -> layout -> PDF, one document at a time.
#include <chrono>
#include <map>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <thread>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"
#include "layout/layout.hpp"
#include "markup/markup.hpp"
#include "pdf/pdf.hpp"
#include "pipeline/pipeline.hpp"
#include "symbols/symbols.hpp"

namespace easyread::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kBuildIntro = R"(easyread build makes an Easy Read PDF from your notes.

How to use it:
  easyread build notes.xml               Makes notes.pdf beside your notes.
  easyread build notes.xml -o news.pdf   Makes the PDF with the name you give.
  easyread build a.xml b.xml -o folder/  Makes a PDF for each file in the folder.
)";

constexpr std::string_view kBuildOutro = R"(Looks you can choose:
  newsletter             The usual look.
  minutes                For notes of a meeting. The date comes first.
  leaflet                A smaller page to fold or hand out.
  large-print            Bigger text and pictures.
  high-contrast          Black text on pale yellow.
You can also give the name of your own template file.

What the exit code means:
  0  Every PDF is ready.
  1  easyread could not make some PDFs. The messages say why.
  2  Something in the command is wrong.
)";

constexpr Option kBuildOptions[] = {
    {"output", 'o', "NAME", "Where to put the PDF. For many PDFs, give a folder.", ValueKind::file},
    {"template", 't', "LOOK", "Choose how the PDF looks. The looks are below.", ValueKind::look},
    {"pictures", 0, "FOLDER",
     "Use your own pictures too. The folder needs a\ncatalogue.tsv file. You can say this more than once.",
     ValueKind::folder},
    {"no-check", 0, "", "Do not check the words. Just make the PDF."},
    {"quiet", 'q', "", "Only show problems."},
    {"help", 'h', "", "Show this help."},
};

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string template_name;
  std::vector<std::string> picture_folders;
  bool check = true;
  bool quiet = false;
};

std::optional<BuildOptions> parse(const Args& args, int& exit_code) {
  const auto parsed = parse_command_line(build_spec(), args, exit_code);
  if (!parsed) return std::nullopt;
  BuildOptions o;
  o.inputs = parsed->operands();
  o.output = parsed->value("output").value_or("");
  o.template_name = parsed->value("template").value_or("");
  o.picture_folders = parsed->values("pictures");
  o.check = !parsed->has("no-check");
  o.quiet = parsed->has("quiet");
  if (o.inputs.empty()) {
    std::cerr << "easyread build: Please name the notes to build.\n"
              << "For example: easyread build notes.xml\n";
    return std::nullopt;
  }
  return o;
}

// Where the PDF for `input` goes.
std::string output_path(const BuildOptions& o, const std::string& input) {
  fs::path name = fs::path(input).filename().replace_extension(".pdf");
  if (o.output.empty()) return (fs::path(input).parent_path() / name).string();
  bool is_folder = o.inputs.size() > 1 || o.output.back() == '/' || fs::is_directory(o.output);
  return is_folder ? (fs::path(o.output) / name).string() : o.output;
}

// The plain-language checks, with the settings file beside the notes.
void check_notes(const std::string& home, const std::string& input, const markup::Document& doc,
                 Diagnostics& diags) {
  try {
    check::Settings settings;
    if (auto file = check::find_settings_file(input)) check::load_settings_file(*file, settings, diags);
    const check::Checker checker(home, settings, diags);
    diags.append(checker.check_document(doc).diagnostics);
  } catch (const std::exception& e) {  // on this thread, an escaped exception would end the program
    diags.error(input, {}, "check", std::string("The checks stopped: ") + e.what(),
                "Build again with --no-check to make the PDF without them.");
  }
}

}  // namespace

const CommandSpec& build_spec() {
  static const CommandSpec spec{"build", kBuildIntro, kBuildOutro, kBuildOptions, "NOTES.xml..."};
  return spec;
}

int run_build(const Args& args) {
  int exit_code = 2;
  auto options = parse(args, exit_code);
  if (!options) return exit_code;
  const std::string home = data_home();
  symbols::Library library(home);  // shared: each symbol is read once for all documents
  Diagnostics setup;
  for (const auto& folder : options->picture_folders) library.add_folder(folder, setup);
  if (setup.has_errors()) {
    print_findings(std::cerr, setup);
    return 2;
  }
  int failed = 0;
  std::map<std::string, std::string> made_by;  // output file -> the input that makes it
  for (const auto& input : options->inputs) {
    auto started = std::chrono::steady_clock::now();
    Diagnostics diags;
    const std::string out_path = output_path(*options, input);
    std::optional<layout::Document> laid_out;
    std::string bytes;
    auto doc = markup::read_file(input, diags);
    const std::string out_key = fs::weakly_canonical(out_path).string();
    if (doc && same_file(input, out_path)) {
      diags.error(input, {}, "would-overwrite", "The PDF would take the place of your notes.",
                  "Choose another name with -o.");
    } else if (doc && made_by.count(out_key)) {
      diags.error(input, {}, "same-output",
                  "This file would make " + out_path + ", like " + made_by[out_key] + " did.",
                  "Give one of the files another name, or build them into different folders.");
    } else if (doc) {
      made_by[out_key] = input;
      // The checks only read the notes and never change the PDF, so they
      // run on a second thread (the second core) beside the layout.
      Diagnostics check_diags, layout_diags;
      {
        std::jthread checking;
        if (options->check) checking = std::jthread([&] { check_notes(home, input, *doc, check_diags); });
        laid_out = pipeline::lay_out(*doc, library, {home, options->template_name}, layout_diags);
        if (laid_out) bytes = pdf::render(*laid_out, out_path, layout_diags);
      }  // waits for the checks
      diags.append(check_diags);
      diags.append(layout_diags);
      if (!bytes.empty() && !diags.has_errors()) write_file_atomically(out_path, bytes, diags);
    }
    print_findings(std::cerr, diags, input, doc ? doc->source : read_text_or_empty(input));
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (diags.has_errors()) {
      ++failed;
      std::cerr << input << ": I did not make a PDF. Fix the problems above, then try again.\n";
    } else if (!options->quiet) {
      std::size_t pages = laid_out->pages.size();
      std::cout << input << " -> " << out_path << ": " << pages << (pages == 1 ? " page, " : " pages, ")
                << ms << " ms\n";
    }
  }
  if (failed > 0 && options->inputs.size() > 1)
    std::cerr << "I could not make " << failed << " of the " << options->inputs.size() << " PDFs.\n";
  return failed > 0 ? 1 : 0;
}

}  // namespace easyread::cli
