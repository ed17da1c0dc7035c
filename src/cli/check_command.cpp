// easyread check: finds jargon and hard writing in any document.
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
#include "easyread/easyread.hpp"
#include "report/report.hpp"

namespace easyread::cli {
using namespace report;
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

// The text typed or piped in for "-".
std::string read_typed_text() {
  std::ostringstream s;
  s << std::cin.rdbuf();
  return s.str();
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
  std::ostringstream buffered;
  std::ostream& out = to_screen ? std::cout : buffered;

  // The library does the reading, the settings and the checks; this prints.
  const Engine engine = Engine::load({data_home(), {}});
  CheckOptions check_options;
  check_options.settings = options->choices;
  check_options.settings_file = options->settings_file;
  check_options.settings_beside = options->use_settings;
  if (const std::string wrong = check_options_problem(check_options); !wrong.empty()) {
    std::cerr << problem(wrong, "To see all choices, type: easyread check --help");
    return 2;
  }
  bool unreadable = false, failed = false;
  std::vector<FileResult> results;  // html and sarif: kept to the end
  Counts total;
  const bool text_format = options->format == "text", json_format = options->format == "json";
  if (json_format) out << "{\"files\":[";
  for (std::size_t index = 0; index < options->files.size(); ++index) {
    const std::string& path = options->files[index];
    const Input input = path == "-" ? Input::bytes(read_typed_text(), "(typed text)") : Input::file(path);
    // Findings are printed as they come (text and JSON), so big files need no list.
    std::optional<TextPrinter> printer;
    std::optional<SourceLines> lines;
    std::vector<Diagnostic> kept;
    std::string json_pending;
    Counts counts;
    auto start = [&](const FileResult& so_far) {
      if (text_format && !printer) printer.emplace(out, color, so_far.sentence_words);
      if (json_format && !lines) {
        lines.emplace(so_far.source);
        out << (index ? ",\n" : "\n") << json_file_start(so_far);
      }
    };
    FileResult result = engine.check(input, check_options, [&](Diagnostic&& d, const FileResult& so_far) {
      start(so_far);
      const bool first = counts.errors + counts.warnings + counts.notes == 0;
      counts.add(d.severity);
      if (text_format) {
        printer->print(d, so_far.source, so_far.paragraphs);
      } else if (json_format) {
        // Kept and written in big pieces, as the text printer does.
        if (!first) json_pending += ',';
        json_pending += json_diagnostic(d, *lines);
        if (json_pending.size() >= (1u << 18)) {
          out << json_pending;
          json_pending.clear();
        }
      } else {
        kept.push_back(std::move(d));
      }
    });
    start(result);
    result.diagnostics = std::move(kept);

    if (!result.read) unreadable = true;
    if (counts.errors > 0 || (result.strict && counts.warnings > 0)) failed = true;
    total.errors += counts.errors;
    total.warnings += counts.warnings;
    total.notes += counts.notes;
    if (text_format) printer->summary(result, counts);
    if (json_format) out << json_pending << json_file_end(result.stats);
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
    if (!write_file_atomically(options->output, buffered.str(), write_problems)) {
      for (const Diagnostic& d : write_problems.items()) std::cerr << d.message << "\n" << d.suggestion << "\n";
      return 2;
    }
  }
  out.flush();
  if (unreadable) return 2;
  return failed ? 1 : 0;
}

}  // namespace easyread::cli
