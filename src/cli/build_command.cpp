// easyread build: XML notes -> checks -> content -> PDF and/or web page, one document at a time.
#include <algorithm>
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
#include "cli/report.hpp"
#include "layout/layout.hpp"
#include "markup/markup.hpp"
#include "pdf/pdf.hpp"
#include "pipeline/pipeline.hpp"
#include "symbols/symbols.hpp"

namespace easyread::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kBuildHelp = R"(easyread build makes an Easy Read PDF or web page from your notes.

How to use it:
  easyread build notes.xml               Makes notes.pdf beside your notes.
  easyread build notes.xml -o news.pdf   Makes the PDF with the name you give.
  easyread build notes.xml -o news.html  Makes a web page in one file.
  easyread build a.xml b.xml -o folder/  Makes a PDF for each file in the folder.

Options:
  -o, --output NAME      Where to put the PDF. For many PDFs, give a folder.
  --format pdf,html      What to make. Say pdf, html or both.
                         html makes a web page.
                         If you do not say, the name after -o decides.
  -t, --template LOOK    Choose how the PDF looks. The looks are below.
  --pictures FOLDER      Use your own pictures too. The folder needs a
                         catalogue.tsv file. You can say this more than once.
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
  0  Every PDF and web page is ready.
  1  easyread could not make some of them. The messages say why.
  2  Something in the command is wrong.
)";

enum class Format { pdf, html, docx };

struct BuildOptions {
  std::vector<std::string> inputs;
  std::vector<Format> formats;  // empty: from the output's name
  std::string output;
  std::string template_name;
  std::vector<std::string> picture_folders;
  bool check = true;
  bool quiet = false;
};

// "pdf", "html", "docx" or more of them with commas; false after saying what is wrong.
bool parse_formats(const std::string& list, std::vector<Format>& formats) {
  const std::map<std::string, Format> known{{"pdf", Format::pdf}, {"html", Format::html}, {"docx", Format::docx}};
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string name = list.substr(start, comma - start);
    const auto found = known.find(name);
    if (found == known.end()) {
      std::cerr << "easyread build: I do not know the format \"" << name << "\".\n"
                << "Choose pdf, html or docx, or more than one: --format pdf,html,docx\n";
      return false;
    }
    if (std::find(formats.begin(), formats.end(), found->second) == formats.end()) formats.push_back(found->second);
    start = comma + 1;
  }
  return true;
}

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
    } else if (a == "--format") {
      auto v = value("pdf, html, docx or a list like pdf,html");
      if (!v) break;
      if (!parse_formats(*v, o.formats)) {
        exit_code = 2;
        return std::nullopt;
      }
    } else if (a == "-t" || a == "--template") {
      auto v = value("the name of a template");
      if (!v) break;
      o.template_name = *v;
    } else if (a == "--pictures") {
      auto v = value("a folder");
      if (!v) break;
      o.picture_folders.push_back(*v);
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

// What to make: as --format says, else a web page for an output named
// .html or .htm, else a PDF.
std::vector<Format> formats_of(const BuildOptions& o) {
  if (!o.formats.empty()) return o.formats;
  const std::string ext = fs::path(o.output).extension().string();
  if (ext == ".docx") return {Format::docx};
  return {ext == ".html" || ext == ".htm" ? Format::html : Format::pdf};
}

const char* extension(Format f) { return f == Format::html ? ".html" : f == Format::docx ? ".docx" : ".pdf"; }
const char* kind_of(Format f) { return f == Format::html ? "web page" : f == Format::docx ? "Word file" : "PDF"; }

// Where the `format` file for `input` goes. With two formats, the file name
// after -o gets each format's own ending, so both sit side by side.
std::string output_path(const BuildOptions& o, const std::string& input, Format format) {
  fs::path name = fs::path(input).filename().replace_extension(extension(format));
  if (o.output.empty()) return (fs::path(input).parent_path() / name).string();
  bool is_folder = o.inputs.size() > 1 || o.output.back() == '/' || fs::is_directory(o.output);
  if (is_folder) return (fs::path(o.output) / name).string();
  if (formats_of(o).size() > 1) return fs::path(o.output).replace_extension(extension(format)).string();
  return o.output;
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

// One file to make: its format, where it goes, and its bytes once made.
struct Output {
  Format format;
  std::string path;
  std::string bytes;
};

// Refuses outputs that would replace the notes, or a file another input makes.
bool claim_outputs(const std::string& input, const std::vector<Output>& outputs,
                   std::map<std::string, std::string>& made_by, Diagnostics& diags) {
  for (const Output& out : outputs) {
    const std::string key = fs::weakly_canonical(out.path).string();
    if (same_file(input, out.path)) {
      diags.error(input, {}, "would-overwrite",
                  std::string("The ") + kind_of(out.format) + " would take the place of your notes.",
                  "Choose another name with -o.");
    } else if (made_by.count(key)) {
      diags.error(input, {}, "same-output",
                  "This file would make " + out.path + ", like " + made_by[key] + " did.",
                  "Give one of the files another name, or build them into different folders.");
    }
  }
  if (diags.has_errors()) return false;
  for (const Output& out : outputs) made_by[fs::weakly_canonical(out.path).string()] = input;
  return true;
}

// Adds what `from` found that `into` does not hold yet: both formats read
// the same content, so a second format would repeat the first one's notes.
void append_new(Diagnostics& into, const Diagnostics& from) {
  for (const Diagnostic& d : from.items()) {
    const bool known = std::any_of(into.items().begin(), into.items().end(), [&](const Diagnostic& k) {
      return k.rule == d.rule && k.message == d.message && k.span.line == d.span.line &&
             k.span.column == d.span.column;
    });
    if (!known) into.add(d);
  }
}

// Makes every output of one document, and writes the files only when all
// are whole. Returns the PDF's page count (0 without a PDF).
std::size_t make_outputs(const BuildOptions& o, const std::string& home, const std::string& input,
                         const markup::Document& doc, symbols::Library& library, word::Resources& word_resources,
                         std::vector<Output>& outputs, Diagnostics& diags) {
  // The checks only read the notes and never change the outputs, so they
  // run on a second thread (the second core) beside the layout.
  Diagnostics check_diags, build_diags;
  std::size_t pages = 0;
  {
    std::jthread checking;
    if (o.check) checking = std::jthread([&] { check_notes(home, input, doc, check_diags); });
    const pipeline::Options options{home, o.template_name};
    for (Output& out : outputs) {
      Diagnostics found;
      if (out.format == Format::pdf) {
        if (auto laid_out = pipeline::lay_out(doc, library, options, found)) {
          out.bytes = pdf::render(*laid_out, out.path, found);
          pages = laid_out->pages.size();
        }
      } else if (out.format == Format::docx) {
        if (auto word = pipeline::write_word(doc, library, options, word_resources, out.path, found))
          out.bytes = std::move(*word);
      } else if (auto page = pipeline::web_page(doc, library, options, out.path, found)) {
        out.bytes = std::move(*page);
      }
      append_new(build_diags, found);
      if (found.has_errors()) break;
    }
  }  // waits for the checks
  diags.append(check_diags);
  diags.append(build_diags);
  if (diags.has_errors()) return pages;
  for (const Output& out : outputs)
    if (!write_file_atomically(out.path, out.bytes, diags)) break;
  return pages;
}

// "a PDF", "a web page", "the Word file", or "the PDF or the web page".
std::string what_was_asked(const std::vector<Output>& outputs) {
  auto one = [](Format f) {
    return std::string(f == Format::docx ? "the Word file" : f == Format::html ? "a web page" : "a PDF");
  };
  if (outputs.size() == 1) return one(outputs.front().format);
  std::string all;
  for (std::size_t i = 0; i < outputs.size(); ++i)
    all += (i == 0 ? "" : i + 1 == outputs.size() ? " or " : ", ") + std::string("the ") + kind_of(outputs[i].format);
  return all;
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
    auto doc = markup::read_file(input, diags);
    std::vector<Output> outputs;
    for (Format f : formats_of(*options)) outputs.push_back({f, output_path(*options, input, f), {}});
    std::size_t pages = 0;
    if (doc && claim_outputs(input, outputs, made_by, diags))
      pages = make_outputs(*options, home, input, *doc, library, word_resources, outputs, diags);
    print_findings(std::cerr, diags, input, doc ? doc->source : read_text_or_empty(input));
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (diags.has_errors()) {
      ++failed;
      std::cerr << input << ": I did not make " << what_was_asked(outputs)
                << ". Fix the problems above, then try again.\n";
    } else if (!options->quiet) {
      std::cout << input << " -> ";
      for (const Output& out : outputs) {
        std::cout << out.path << ": ";
        if (out.format == Format::html) std::cout << "web page, ";
        else if (out.format == Format::docx) std::cout << "a Word file, ";
        else std::cout << pages << (pages == 1 ? " page, " : " pages, ");
      }
      std::cout << ms << " ms\n";
    }
  }
  if (failed > 0 && options->inputs.size() > 1)
    std::cerr << "I could not make " << failed << " of the " << options->inputs.size() << " documents.\n";
  return failed > 0 ? 1 : 0;
}

}  // namespace easyread::cli
