// easyread build: notes to PDFs with the library, several at a time (see
// batch_runner.hpp), printed in order.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "base/files.hpp"
#include "cli/batch_runner.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/picture_notes.hpp"
#include "easyread/easyread.hpp"
#include "report/report.hpp"

namespace easyread::cli {
namespace fs = std::filesystem;
using report::print_findings;
namespace {

constexpr std::string_view kBuildIntro = R"(easyread build makes an Easy Read PDF, web page or Word file from your notes.

How to use it:
  easyread build notes.xml               Makes notes.pdf beside your notes.
  easyread build notes.xml -o news.pdf   Makes the PDF with the name you give.
  easyread build notes.xml -o notes.docx Makes a Word file instead.
  easyread build notes.xml -o news.html  Makes a web page in one file.
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
    {"output", 'o', "NAME",
     "Where to put the PDF. For many PDFs, give a folder.\nA name that ends in .docx makes a Word file.",
     ValueKind::file},
    {"format", 0, "LIST",
     "What to make. Say pdf, html or docx.\nhtml makes a web page. docx makes a Word file.\nSay more than one like this: pdf,html\nIf you do not say, the name after -o decides.",
     ValueKind::text},
    {"template", 't', "LOOK", "Choose how the PDF looks. The looks are below.", ValueKind::look},
    {"pictures", 0, "FOLDER",
     "Use your own pictures too. The folder needs a\ncatalogue.tsv file. You can say this more than once.",
     ValueKind::folder},
    {"allow-folder", 0, "FOLDER",
     "Let the notes use pictures and templates from this\nfolder too. Without it, notes may only use files\nfrom their own folder and the folders inside it.",
     ValueKind::folder},
    {"pictures-chosen", 0, "", "Say which picture easyread chose for each part."},
    {"no-check", 0, "", "Do not check the words. Just make the PDF."},
    {"jobs", 'j', "N", "Make N PDFs at a time. Each core makes one if you do\nnot say.", ValueKind::text},
    {"quiet", 'q', "", "Only show problems."},
    {"help", 'h', "", "Show this help."},
};

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::vector<Format> formats;  // empty: from the output's name
  std::string template_name;
  std::vector<std::string> picture_folders;
  std::vector<std::string> allowed_folders;  // notes may read pictures and templates here
  bool check = true;
  bool quiet = false;
  unsigned jobs = 0;  // 0: one for each core
  bool pictures_chosen = false;  // tell each picture the build chose
};

// -j N: how many files to make at a time.
bool parse_jobs(const std::string& text, unsigned& jobs) {
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  jobs = static_cast<unsigned>(std::stoul(text));
  return jobs >= 1 && jobs <= 256;
}

// "pdf", "html", "docx" or more of them with commas; false after saying what is wrong.
bool parse_formats(const std::string& list, std::vector<Format>& formats) {
  const std::map<std::string, Format> known{{"pdf", Format::pdf}, {"html", Format::html}, {"docx", Format::docx}};
  for (std::size_t start = 0; start <= list.size();) {
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
  const auto parsed = parse_command_line(build_spec(), args, exit_code);
  if (!parsed) return std::nullopt;
  BuildOptions o;
  o.inputs = parsed->operands();
  o.output = parsed->value("output").value_or("");
  o.template_name = parsed->value("template").value_or("");
  o.picture_folders = parsed->values("pictures");
  o.allowed_folders = parsed->values("allow-folder");
  o.check = !parsed->has("no-check");
  o.quiet = parsed->has("quiet");
  o.pictures_chosen = parsed->has("pictures-chosen");
  exit_code = 2;
  if (auto jobs = parsed->value("jobs"); jobs && !parse_jobs(*jobs, o.jobs)) {
    std::cerr << "easyread build: --jobs needs a number from 1 to 256, not \"" << *jobs << "\".\n"
              << "For example: easyread build a.xml b.xml -j 2 -o folder/\n";
    return std::nullopt;
  }
  if (auto formats = parsed->value("format"); formats && !parse_formats(*formats, o.formats)) return std::nullopt;
  if (o.inputs.empty()) {
    std::cerr << "easyread build: Please name the notes to build.\n"
              << "For example: easyread build notes.xml\n";
    return std::nullopt;
  }
  return o;
}

// What to make: as --format says, else a web page for an output named
// .html or .htm, a Word file for .docx, else a PDF.
std::vector<Format> formats_of(const BuildOptions& o) {
  if (!o.formats.empty()) return o.formats;
  const std::string ext = fs::path(o.output).extension().string();
  if (ext == ".docx") return {Format::docx};
  return {ext == ".html" || ext == ".htm" ? Format::html : Format::pdf};
}

const char* extension(Format f) { return f == Format::html ? ".html" : f == Format::docx ? ".docx" : ".pdf"; }
const char* kind_of(Format f) { return f == Format::html ? "web page" : f == Format::docx ? "Word file" : "PDF"; }

// "PDFs", "Word files" or "web pages" when a batch makes one kind, else "documents".
std::string kinds_of(const std::vector<Format>& formats) {
  return formats.size() == 1 ? std::string(kind_of(formats.front())) + "s" : "documents";
}

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

struct Output {
  Format format;
  std::string path;
};

// One input and where its files go, or why it is refused before it is built.
struct Job {
  std::string input;
  std::vector<Output> outputs;
  Diagnostics refused;
};

// Decides every output first, in the order of the inputs, so that two inputs
// never write the same file and nothing depends on which build ends first.
std::vector<Job> plan(const BuildOptions& options) {
  std::vector<Job> jobs;
  std::map<std::string, std::string> made_by;  // output file -> the input that makes it
  for (const auto& input : options.inputs) {
    Job job{input, {}, {}};
    for (Format f : formats_of(options)) job.outputs.push_back({f, output_path(options, input, f)});
    for (const Output& out : job.outputs) {
      const std::string out_key = fs::weakly_canonical(out.path).string();
      if (same_file(input, out.path)) {
        job.refused.error(input, {}, "would-overwrite",
                          std::string("The ") + kind_of(out.format) + " would take the place of your notes.",
                          "Choose another name with -o.");
      } else if (auto it = made_by.find(out_key); it != made_by.end()) {
        job.refused.error(input, {}, "same-output", "This file would make " + out.path + ", like " + it->second + " did.",
                          "Give one of the files another name, or build them into different folders.");
      }
    }
    if (!job.refused.has_errors())
      for (const Output& out : job.outputs) made_by[fs::weakly_canonical(out.path).string()] = input;
    jobs.push_back(std::move(job));
  }
  return jobs;
}

// Adds what `from` found that `into` does not hold yet: every format reads
// the same content, so a second format would repeat the first one's notes.
// A set of what `into` holds (by place in it) keeps each look-up short: the
// checks of 100,000 points give 300,000 findings.
void append_new(std::vector<Diagnostic>& into, std::vector<Diagnostic>&& from) {
  const auto hash = [&into](std::size_t i) {
    const Diagnostic& d = into[i];
    const std::size_t place = std::hash<int>{}(d.span.line) * 31 + std::hash<int>{}(d.span.column);
    return std::hash<std::string>{}(d.message) ^ (std::hash<std::string>{}(d.rule) * 7) ^ place;
  };
  const auto same = [&into](std::size_t a, std::size_t b) {
    const Diagnostic &k = into[a], &d = into[b];
    return k.rule == d.rule && k.message == d.message && k.span.line == d.span.line && k.span.column == d.span.column;
  };
  std::unordered_set<std::size_t, decltype(hash), decltype(same)> known(into.size() + from.size(), hash, same);
  for (std::size_t i = 0; i < into.size(); ++i) known.insert(i);
  for (Diagnostic& d : from) {
    into.push_back(std::move(d));
    if (!known.insert(into.size() - 1).second) into.pop_back();
  }
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

// Builds one input in each of its formats with the shared engine, and
// writes the files only when all of them are whole. The checks run once.
Printed build_one(const Engine& engine, const BuildOptions& options, const Job& job, bool color) {
  auto started = std::chrono::steady_clock::now();
  Diagnostics diags = job.refused;
  int pages = 0;
  std::vector<std::string> made;
  for (std::size_t i = 0; i < job.outputs.size() && !diags.has_errors(); ++i) {
    easyread::BuildOptions build;
    build.format = job.outputs[i].format;
    build.template_name = options.template_name;
    build.check = options.check && i == 0;
    BuildResult result = engine.build(Input::file(job.input), build);
    append_new(diags.items(), std::move(result.diagnostics));
    if (build.format == Format::pdf) pages = result.pages;
    made.push_back(std::move(result.bytes));
  }
  for (std::size_t i = 0; i < made.size() && !diags.has_errors(); ++i)
    if (!write_file_atomically(job.outputs[i].path, made[i], diags)) break;
  Printed printed;
  std::ostringstream err;
  const PictureNotes picture_notes = gather_picture_notes(diags, options.pictures_chosen);
  // A file name from a stranger is shown like the findings show it (\u202E
  // for a right-to-left mark), and still finds the notes' lines.
  const std::string shown = escape_controls(job.input);
  if (!diags.items().empty()) print_findings(err, diags, shown, read_text_or_empty(job.input), color);
  if (!diags.has_errors() && !options.quiet) err << picture_notes.summary();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  if (diags.has_errors()) {
    printed.failed = true;
    err << shown << ": I did not make " << what_was_asked(job.outputs)
        << ". Fix the problems above, then try again.\n";
  } else if (!options.quiet) {
    printed.out = shown + " -> ";
    for (const Output& out : job.outputs) {
      printed.out += escape_controls(out.path) + ": ";
      if (out.format == Format::html) printed.out += "web page, ";
      else if (out.format == Format::docx) printed.out += "a Word file, ";
      else printed.out += std::to_string(pages) + (pages == 1 ? " page, " : " pages, ");
    }
    printed.out += std::to_string(ms) + " ms\n";
  }
  printed.err = err.str();
  return printed;
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
  // Loaded once for every input: the symbol index, fonts and word lists are shared.
  const Engine engine = Engine::load({default_data_home(), options->picture_folders, options->allowed_folders});
  if (!engine.load_problems().empty()) {
    Diagnostics setup;
    setup.items() = engine.load_problems();
    print_findings(std::cerr, setup);
    if (setup.has_errors()) return 2;
  }
  const unsigned workers = options->jobs ? options->jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::vector<Job> jobs = plan(*options);
  const bool color = isatty(STDERR_FILENO) != 0;
  // Many files are made by forked workers: no other thread may run then.
  if (jobs.size() > 1) engine.wait_until_loaded();
  const int failed = run_in_workers(
      jobs.size(), workers, [&](std::size_t i) -> Printed {
        try {
          return build_one(engine, *options, jobs[i], color);
        } catch (const std::exception& e) {
          return {"", escape_controls(jobs[i].input) + ": easyread stopped: " + e.what() + "\n", true};
        }
      },
      [&](std::size_t i, const std::string& how) {
        return escape_controls(jobs[i].input) + ": easyread stopped while making this file (" + how +
               "). This is a fault in easyread, not in your notes. Please tell the people who make easyread, "
               "and send them the notes if you can. The other files go on.\n";
      });
  if (failed > 0 && options->inputs.size() > 1)
    std::cerr << "I could not make " << failed << " of the " << options->inputs.size() << " "
              << kinds_of(formats_of(*options)) << ".\n";
  // The process ends here, with the engine still held. Freeing it (the word
  // lists are many small blocks) took a tenth of a web page's build, on the
  // main thread after the file was written; the system takes the memory
  // back at once. std::exit still flushes the output and runs what is
  // registered with atexit.
  std::cout.flush();
  std::cerr.flush();
  std::exit(failed > 0 ? 1 : 0);
}

}  // namespace easyread::cli
