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
#include "cli/picture_notes.hpp"
#include "cli/report.hpp"
#include "layout/layout.hpp"
#include "markup/markup.hpp"
#include "pdf/pdf.hpp"
#include "pipeline/pipeline.hpp"
#include "symbols/symbols.hpp"

namespace easyread::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kBuildHelp = R"(easyread build makes an Easy Read PDF from your notes.

How to use it:
  easyread build notes.xml               Makes notes.pdf beside your notes.
  easyread build notes.xml -o news.pdf   Makes the PDF with the name you give.
  easyread build a.xml b.xml -o folder/  Makes a PDF for each file in the folder.

Options:
  -o, --output NAME      Where to put the PDF. For many PDFs, give a folder.
  -t, --template LOOK    Choose how the PDF looks. The looks are below.
  --pictures FOLDER      Use your own pictures too. The folder needs a
                         catalogue.tsv file. You can say this more than once.
  --pictures-chosen      Say which picture easyread chose for each part.
  --no-check             Do not check the words. Just make the PDF.
  -q, --quiet            Only show problems.
  --help                 Show this help.

Looks you can choose:
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

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string template_name;
  std::vector<std::string> picture_folders;
  bool check = true;
  bool quiet = false;
  bool pictures_chosen = false;  // tell each picture the build chose
};

std::optional<BuildOptions> parse(const Args& args, int& exit_code) {
  BuildOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* what) -> std::optional<std::string> {
      if (i + 1 < args.size()) return args[++i];
      std::cerr << "easyread build: " << a << " needs " << what << " after it.\n";
      return std::nullopt;
    };
    if (a == "--help" || a == "-h") {
      std::cout << kBuildHelp;
      exit_code = 0;
      return std::nullopt;
    } else if (a == "-o" || a == "--output") {
      auto v = value("a file or folder name");
      if (!v) break;
      o.output = *v;
    } else if (a == "-t" || a == "--template") {
      auto v = value("the name of a template");
      if (!v) break;
      o.template_name = *v;
    } else if (a == "--pictures") {
      auto v = value("a folder");
      if (!v) break;
      o.picture_folders.push_back(*v);
    } else if (a == "--pictures-chosen") {
      o.pictures_chosen = true;
    } else if (a == "--no-check") {
      o.check = false;
    } else if (a == "-q" || a == "--quiet") {
      o.quiet = true;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "easyread build: I do not know the option \"" << a << "\".\n"
                << "To see the options, type: easyread build --help\n";
      exit_code = 2;
      return std::nullopt;
    } else {
      o.inputs.push_back(a);
    }
  }
  if (o.inputs.empty()) {
    std::cerr << "easyread build: Please name the notes to build.\n"
              << "For example: easyread build notes.xml\n";
    exit_code = 2;
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

// A name that ends in .docx asks for a Word file.
bool is_word_file(const std::string& path) { return fs::path(path).extension() == ".docx"; }

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

int run_build(const Args& args) {
  int exit_code = 2;
  auto options = parse(args, exit_code);
  if (!options) return exit_code;
  const std::string home = data_home();
  symbols::Library library(home);  // shared: each symbol is read once for all documents
  word::Resources word_resources;   // each symbol's PNG drawn once for all Word files
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
        if (is_word_file(out_path)) {
          auto word = pipeline::write_word(*doc, library, {home, options->template_name}, word_resources,
                                           out_path, layout_diags);
          if (word) bytes = std::move(*word);
        } else {
          laid_out = pipeline::lay_out(*doc, library, {home, options->template_name}, layout_diags);
          if (laid_out) bytes = pdf::render(*laid_out, out_path, layout_diags);
        }
      }  // waits for the checks
      diags.append(check_diags);
      diags.append(layout_diags);
      if (!bytes.empty() && !diags.has_errors()) write_file_atomically(out_path, bytes, diags);
    }
    const PictureNotes picture_notes = gather_picture_notes(diags, options->pictures_chosen);
    print_findings(std::cerr, diags, input, doc ? doc->source : read_text_or_empty(input));
    if (!diags.has_errors() && !options->quiet) std::cerr << picture_notes.summary();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (diags.has_errors()) {
      ++failed;
      std::cerr << input << ": I did not make " << (is_word_file(out_path) ? "the Word file" : "a PDF")
                << ". Fix the problems above, then try again.\n";
    } else if (!options->quiet && !laid_out) {
      std::cout << input << " -> " << out_path << ": a Word file, " << ms << " ms\n";
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
