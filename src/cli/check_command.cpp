// easyread check: finds jargon and hard writing in any document.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "base/files.hpp"
#include "check/check.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/report.hpp"
#include "markup/markup.hpp"

namespace easyread::cli {
namespace {

constexpr const char* kCheckHelp = R"(easyread check finds hard words and long sentences. It says how to fix them.

How to use it:
  easyread check letter.txt       Check a text file.
  easyread check report.docx      Check a Word file.
  easyread check news.md          Check a Markdown file.
  easyread check notes.xml        Check easyread notes.
  easyread check -                Check what you type or paste.

Choices:
  --format text|json|sarif|html   How to show what it finds. Text is the usual.
  -o, --output NAME               Write to a file, not to the screen.
  --words NAME                    Use your own list of words to avoid.
  --allow WORDS                   Words that are fine for your readers. For example: --allow GP
  --rule RULE=off                 Switch a rule off. Or set it to note, warning or error.
  --sentence-words N              The longest sentence you want. It is 15 if you do not say.
  --set NAME=VALUE                Any choice from the settings file.
  --settings NAME                 Use this settings file.
  --no-settings                   Do not use the .easyread file beside the document.
  --strict                        Warnings count as errors.
  --color, --no-color             Colour on or off. Colour is only used on a terminal.
  --list-rules                    Show every rule.

What the exit code means:
  0  There are no errors.
  1  There are errors. With --strict, warnings count too.
  2  easyread could not read a file.
)";

struct Options {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output;
  std::vector<std::pair<std::string, std::string>> choices;  // applied after the settings file
  std::string settings_file;
  bool use_settings = true;
  int color = -1;  // -1: only on a terminal
  bool list_rules = false;
  bool help = false;
};

std::string problem(const std::string& what, const std::string& fix) {
  return "easyread check: " + what + "\n" + fix + "\n";
}

std::optional<Options> parse(const Args& args, std::string& error) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> std::optional<std::string> {
      const std::string prefix = std::string(name) + "=";
      if (a.starts_with(prefix)) return a.substr(prefix.size());
      if (i + 1 < args.size()) return args[++i];
      error = problem(std::string(name) + " needs a value after it.", "For example: easyread check --help");
      return std::nullopt;
    };
    auto key_value = [&](const std::string& text, const std::string& prefix) {
      const std::size_t equals = text.find('=');
      if (equals == std::string::npos) {
        error = problem("\"" + text + "\" needs an = sign.", "For example: --rule passive-voice=off");
        return false;
      }
      o.choices.emplace_back(prefix + text.substr(0, equals), text.substr(equals + 1));
      return true;
    };
    if (a == "--help" || a == "-h") o.help = true;
    else if (a == "--list-rules") o.list_rules = true;
    else if (a == "--strict") o.choices.emplace_back("strict", "yes");
    else if (a == "--no-settings") o.use_settings = false;
    else if (a == "--color" || a == "--colour") o.color = 1;
    else if (a == "--no-color" || a == "--no-colour") o.color = 0;
    else if (a == "-" || !a.starts_with("-")) o.files.push_back(a);
    else if (a.starts_with("--format")) {
      auto v = value("--format");
      if (!v) return std::nullopt;
      if (*v != "text" && *v != "json" && *v != "sarif" && *v != "html") {
        error = problem("I do not know the format \"" + *v + "\".", "Use text, json, sarif or html.");
        return std::nullopt;
      }
      o.format = *v;
    } else if (a == "-o" || a.starts_with("--output")) {
      auto v = value(a == "-o" ? "-o" : "--output");
      if (!v) return std::nullopt;
      o.output = *v;
    } else if (a.starts_with("--words")) {
      auto v = value("--words");
      if (!v) return std::nullopt;
      o.choices.emplace_back("words", *v);
    } else if (a.starts_with("--allow")) {
      auto v = value("--allow");
      if (!v) return std::nullopt;
      o.choices.emplace_back("allow", *v);
    } else if (a.starts_with("--sentence-words")) {
      auto v = value("--sentence-words");
      if (!v) return std::nullopt;
      o.choices.emplace_back("sentence-words", *v);
    } else if (a.starts_with("--rule")) {
      auto v = value("--rule");
      if (!v || !key_value(*v, "rule.")) return std::nullopt;
    } else if (a.starts_with("--set")) {
      auto v = value("--set");
      if (!v || !key_value(*v, "")) return std::nullopt;
    } else if (a.starts_with("--settings")) {
      auto v = value("--settings");
      if (!v) return std::nullopt;
      o.settings_file = *v;
    } else {
      error = problem("I do not know the choice \"" + a + "\".", "To see all choices, type: easyread check --help");
      return std::nullopt;
    }
  }
  return o;
}

// Writing to check is text of at most 256 MB: bigger input, or input that
// is not text (a NUL byte), is refused at once, so /dev/zero costs nothing.
constexpr std::uint64_t kLargestCheckInput = 256ull << 20;

std::variant<std::string, FileProblem> read_all(const std::string& path) {
  if (path == "-") return read_stream(STDIN_FILENO, kLargestCheckInput, true);
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && S_ISFIFO(info.st_mode)) {  // a pipe, as from <(...)
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return FileProblem{FileProblem::Kind::cannot_read, "It will not open."};
    auto bytes = read_stream(fd, kLargestCheckInput, true);
    ::close(fd);
    return bytes;
  }
  return read_regular_file(path, kLargestCheckInput, true);
}

bool ends_with_any(const std::string& path, std::initializer_list<const char*> endings) {
  std::string lower = path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* e : endings)
    if (lower.ends_with(e)) return true;
  return false;
}

}  // namespace

int run_check(const Args& args) {
  // Findings on big files are many: let std::cout buffer on its own.
  std::ios::sync_with_stdio(false);
  std::string error;
  const std::optional<Options> options = parse(args, error);
  if (!options) {
    std::cerr << error;
    return 2;
  }
  if (options->help) {
    std::cout << kCheckHelp;
    return 0;
  }
  if (options->list_rules) {
    for (const check::RuleInfo& rule : check::rules())
      std::cout << rule.id << " (" << severity_name(rule.severity) << (rule.markup_only ? ", notes in XML only" : "")
                << "): " << rule.summary << "\n";
    return 0;
  }
  if (options->files.empty()) {
    std::cerr << problem("Please say which file to check.", "For example: easyread check letter.txt");
    return 2;
  }
  const bool to_screen = options->output.empty();
  const bool color = options->format == "text" && to_screen &&
                     (options->color == 1 ||
                      (options->color == -1 && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR")));
  // A report for a file goes into it as it is made, so a big report is
  // never held whole in memory; the file gets its name when complete.
  AtomicFile report_file;
  std::ofstream to_file;
  if (!to_screen) {
    Diagnostics open_problems;
    if (!report_file.open(options->output, open_problems)) {
      for (const Diagnostic& d : open_problems.items()) std::cerr << d.message << "\n" << d.suggestion << "\n";
      return 2;
    }
    to_file.open(report_file.temp_path(), std::ios::binary | std::ios::trunc);
  }
  std::ostream& out = to_screen ? std::cout : to_file;

  bool unreadable = false, failed = false;
  std::vector<FileResult> results;                                    // html and sarif: kept to the end
  std::map<std::string, std::unique_ptr<check::Checker>> checkers;  // one for each settings file
  Counts total;
  const bool text_format = options->format == "text", json_format = options->format == "json";
  if (json_format) out << "{\"files\":[";
  for (std::size_t index = 0; index < options->files.size(); ++index) {
    const std::string& path = options->files[index];
    FileResult result;
    result.path = path == "-" ? "(typed text)" : path;
    Diagnostics early;  // settings and reading problems, shown before the findings
    // Settings: the file beside the document, then the command line.
    check::Settings settings;
    std::string settings_path = options->settings_file;
    if (settings_path.empty() && options->use_settings)
      if (auto found = check::find_settings_file(path)) settings_path = *found;
    if (!settings_path.empty()) check::load_settings_file(settings_path, settings, early);
    for (const auto& [key, value] : options->choices) {
      const std::string wrong = check::apply_setting(settings, key, value, "");
      if (!wrong.empty()) {
        std::cerr << problem(wrong, "To see all choices, type: easyread check --help");
        return 2;
      }
    }
    std::unique_ptr<check::Checker>& checker = checkers[settings_path];
    if (!checker) checker = std::make_unique<check::Checker>(data_home(), settings, early);

    // Read the input.
    std::optional<markup::Document> doc;
    check::Format format = check::Format::plain;
    if (ends_with_any(path, {".xml"})) {
      doc = markup::read_file(path, early);
      result.source = doc ? doc->source : read_text_or_empty(path);
      result.read = doc.has_value();
    } else if (ends_with_any(path, {".docx"})) {
      auto text = check::read_docx_text(path, early);
      result.read = text.has_value();
      if (text) result.source = std::move(*text);
      result.paragraphs = true;
      format = check::Format::lines;
    } else if (auto text = read_all(path); std::holds_alternative<std::string>(text)) {
      result.source = std::move(std::get<std::string>(text));
      if (ends_with_any(path, {".md", ".markdown"})) format = check::Format::markdown;
    } else {
      result.read = false;
      const FileProblem& problem = std::get<FileProblem>(text);
      std::string suggestion = "Check the name of the file and that it is there.";
      if (problem.kind == FileProblem::Kind::not_a_file)
        suggestion = "Name the files in it, for example: easyread check " + path + "/letter.txt";
      else if (problem.kind == FileProblem::Kind::too_big)
        suggestion = "Split the writing into smaller files.";
      else if (problem.kind == FileProblem::Kind::not_text)
        suggestion = "Check only writing. Save it as UTF-8 text, or give the Word file (.docx).";
      early.error(path, {}, "read", "easyread could not read \"" + result.path + "\". " + problem.why, suggestion);
    }

    // Findings are printed as they come (text and JSON), so big files need no list.
    TextPrinter printer(out, color, settings.sentence_words);
    std::optional<SourceLines> lines;
    if (json_format) {
      lines.emplace(result.source);
      out << (index ? ",\n" : "\n") << json_file_start(result);
    }
    Counts counts;
    bool first_finding = true;
    std::string json_pending;
    auto keep = [&](Diagnostic&& d) {
      counts.add(d.severity);
      if (text_format) {
        printer.print(d, result.source, result.paragraphs);
      } else if (json_format) {
        // Kept and written in big pieces, as the text printer does.
        if (!first_finding) json_pending += ',';
        json_pending += json_diagnostic(d, *lines);
        if (json_pending.size() >= (1u << 18)) {
          out << json_pending;
          json_pending.clear();
        }
      } else {
        result.diagnostics.push_back(std::move(d));
      }
      first_finding = false;
    };
    for (Diagnostic& d : early.items()) keep(std::move(d));
    const std::string shown_name = path == "-" ? "(typed text)" : path;
    if (doc) {
      check::Report report = checker->check_document(*doc);
      result.stats = report.stats;
      for (Diagnostic& d : report.diagnostics.items()) keep(std::move(d));
    } else if (result.read) {
      result.stats = checker->check_text(result.source, shown_name, keep, format);
    }

    if (!result.read) unreadable = true;
    if (counts.errors > 0 || (settings.strict && counts.warnings > 0)) failed = true;
    total.errors += counts.errors;
    total.warnings += counts.warnings;
    total.notes += counts.notes;
    if (text_format) printer.summary(result, counts);
    if (json_format) {
      out << json_pending << json_file_end(result.stats);
      json_pending.clear();
    }
    if (text_format || json_format) result.source.clear();
    else results.push_back(std::move(result));
  }

  const int sentence_words = check::Settings{}.sentence_words;
  if (json_format) out << "\n]}\n";
  else if (options->format == "sarif") out << to_sarif(results);
  else if (options->format == "html") out << to_html(results, sentence_words);
  else if (options->files.size() > 1)
    out << "Found in all " << options->files.size() << " files: " << total.errors << " errors, " << total.warnings
        << " warnings, " << total.notes << " notes.\n";
  if (!to_screen) {
    Diagnostics write_problems;
    to_file.close();
    if (!to_file)
      write_problems.error(options->output, {}, "cannot-write", "I could not finish writing the file " + options->output + ".",
                           "Check that there is space on the disk, then try again.");
    if (!to_file || !report_file.commit(write_problems)) {
      for (const Diagnostic& d : write_problems.items()) std::cerr << d.message << "\n" << d.suggestion << "\n";
      return 2;
    }
  }
  out.flush();
  if (unreadable) return 2;
  return failed ? 1 : 0;
}

}  // namespace easyread::cli
