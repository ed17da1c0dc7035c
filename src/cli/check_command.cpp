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
#include "cli/options.hpp"
#include "easyread/easyread.hpp"
#include "report/report.hpp"

namespace easyread::cli {
using namespace report;
namespace {

// The web page report shows at most this many findings of one file: a page
// with more is too long to use, and keeping them all would take memory
// without end. Text, JSON and SARIF are written as they come, so they show all.
constexpr std::size_t kMostFindingsOnPage = 10000;

constexpr std::string_view kCheckIntro = R"(easyread check finds hard words and long sentences. It says how to fix them.

How to use it:
  easyread check letter.txt       Check a text file.
  easyread check report.docx      Check a Word file.
  easyread check news.md          Check a Markdown file.
  easyread check notes.xml        Check easyread notes.
  easyread check -                Check what you type or paste.
)";

constexpr std::string_view kCheckOutro = R"(What the exit code means:
  0  There are no errors.
  1  There are errors. With --strict, warnings count too.
  2  easyread could not read a file, or the command is wrong.
)";

constexpr Option kCheckOptions[] = {
    {"format", 0, "FORMAT", "How to show what it finds. Text is the usual.\nThe others are json, sarif and html.",
     ValueKind::choice, "text json sarif html"},
    {"output", 'o', "NAME", "Write to a file, not to the screen.", ValueKind::file},
    {"words", 0, "NAME", "Use your own list of words to avoid.", ValueKind::file},
    {"allow", 0, "WORDS", "Words that are fine for your readers.\nFor example: --allow GP", ValueKind::text},
    {"rule", 0, "RULE=off", "Switch a rule off. Or set it to note, warning or error.", ValueKind::text},
    {"sentence-words", 0, "N", "The longest sentence you want. It is 15 if you do not say.", ValueKind::text},
    {"set", 0, "NAME=VALUE", "Any choice from the settings file.", ValueKind::text},
    {"settings", 0, "NAME", "Use this settings file.", ValueKind::file},
    {"no-settings", 0, "", "Do not use the .easyread file beside the document."},
    {"strict", 0, "", "Warnings count as errors."},
    {"color", 0, "", "Use colour, even when you write to a file."},
    {"colour", 0, "", "The same as --color."},
    {"no-color", 0, "", "Do not use colour."},
    {"no-colour", 0, "", "The same as --no-color."},
    {"list-rules", 0, "", "Show every rule."},
    {"help", 'h', "", "Show this help."},
};

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

// Turns what was typed into choices, in the order they were given.
std::optional<Options> parse(const Args& args, std::string& error) {
  std::ostringstream errors;
  const auto parsed = parse_args(check_spec(), args, errors);
  if (!parsed) {
    error = errors.str();
    return std::nullopt;
  }
  Options o;
  o.files = parsed->operands();
  for (const auto& [name, value] : parsed->given()) {
    // clang 14 (the fuzzers' compiler) cannot capture a structured binding.
    auto key_value = [&, &value = value](const std::string& prefix) {
      const std::size_t equals = value.find('=');
      if (equals == std::string::npos) {
        error = problem("\"" + value + "\" needs an = sign.", "For example: --rule passive-voice=off");
        return false;
      }
      o.choices.emplace_back(prefix + value.substr(0, equals), value.substr(equals + 1));
      return true;
    };
    if (name == "help") o.help = true;
    else if (name == "list-rules") o.list_rules = true;
    else if (name == "strict") o.choices.emplace_back("strict", "yes");
    else if (name == "no-settings") o.use_settings = false;
    else if (name == "color" || name == "colour") o.color = 1;
    else if (name == "no-color" || name == "no-colour") o.color = 0;
    else if (name == "format") o.format = value;
    else if (name == "output") o.output = value;
    else if (name == "settings") o.settings_file = value;
    else if (name == "rule") {
      if (!key_value("rule.")) return std::nullopt;
    } else if (name == "set") {
      if (!key_value("")) return std::nullopt;
    } else {  // words, allow, sentence-words: the same as their line in the settings file
      o.choices.emplace_back(std::string(name), value);
    }
  }
  return o;
}

// The catalogue's words are Markdown; on a screen, `code` marks are noise.
std::string without_backticks(std::string text) {
  std::erase(text, '`');
  return text;
}

}  // namespace

const CommandSpec& check_spec() {
  static const CommandSpec spec{"check", kCheckIntro, kCheckOutro, kCheckOptions, "FILE..."};
  return spec;
}

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
    std::cout << help_text(check_spec());
    return 0;
  }
  if (options->list_rules) {
    for (const check::RuleInfo& rule : check::rules())
      std::cout << rule.id << " (" << severity_name(rule.severity) << (rule.markup_only ? ", notes in XML only" : "")
                << "): " << without_backticks(rule.summary) << "\n";
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

  // The library does the reading, the settings and the checks; this prints.
  const Engine engine = Engine::load({default_data_home(), {}});
  CheckOptions check_options;
  check_options.settings = options->choices;
  check_options.settings_file = options->settings_file;
  check_options.settings_beside = options->use_settings;
  if (const std::string wrong = check_options_problem(check_options); !wrong.empty()) {
    std::cerr << problem(wrong, "To see all choices, type: easyread check --help");
    return 2;
  }
  bool unreadable = false, failed = false;
  Counts total;
  const bool text_format = options->format == "text", json_format = options->format == "json",
             sarif_format = options->format == "sarif", html_format = options->format == "html";
  if (json_format) out << "{\"files\":[";
  if (sarif_format) write_sarif_start(out);
  if (html_format) write_html_start(out);
  bool first_sarif = true;
  for (std::size_t index = 0; index < options->files.size(); ++index) {
    const std::string& path = options->files[index];
    const Input input = Input::file(path);  // "-": the library reads what is typed or piped in
    // Findings are printed as they come (text, JSON and SARIF), so big files need no list.
    std::optional<TextPrinter> printer;
    std::optional<JsonFindings> json;
    std::vector<Diagnostic> kept;
    std::string json_pending;  // JSON or SARIF, written in big pieces
    Counts counts;
    // JSON and SARIF are kept and written in big pieces, as the text printer does.
    auto write_if_big = [&] {
      if (json_pending.size() < (1u << 18)) return;
      out << json_pending;
      json_pending.clear();
    };
    auto start = [&](const FileResult& so_far) {
      if (text_format && !printer) printer.emplace(out, color, so_far.sentence_words);
      if (json_format && !json) {
        json.emplace(so_far.source);
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
        if (!first) json_pending += ',';
        json->append(json_pending, d);
        write_if_big();
      } else if (sarif_format) {
        append_sarif_result(json_pending, d, first_sarif);
        first_sarif = false;
        write_if_big();
      } else if (kept.size() < kMostFindingsOnPage) {
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
    if (sarif_format) out << json_pending;
    if (html_format) write_html_file(out, result, counts);
  }

  if (json_format) out << "\n]}\n";
  else if (sarif_format) write_sarif_end(out);
  else if (html_format) write_html_end(out);
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
