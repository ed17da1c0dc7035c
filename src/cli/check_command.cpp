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
#include "cli/files.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"
#include "markup/markup.hpp"

namespace easyread::cli {
namespace {

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
    {"color", 0, "", "Use colour, even when the output is not a terminal."},
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
    auto key_value = [&](const std::string& prefix) {
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

std::optional<std::string> read_all(const std::string& path) {
  if (path != "-") return read_whole_file(path);
  std::ostringstream s;
  s << std::cin.rdbuf();
  return s.str();
}

// The catalogue's words are Markdown; on a screen, `code` marks are noise.
std::string without_backticks(std::string text) {
  std::erase(text, '`');
  return text;
}

bool ends_with_any(const std::string& path, std::initializer_list<const char*> endings) {
  std::string lower = path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* e : endings)
    if (lower.ends_with(e)) return true;
  return false;
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
  std::ostringstream buffered;
  std::ostream& out = to_screen ? std::cout : buffered;

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
    } else if (auto text = read_all(path)) {
      result.source = std::move(*text);
      if (ends_with_any(path, {".md", ".markdown"})) format = check::Format::markdown;
    } else {
      result.read = false;
      std::error_code error;
      if (std::filesystem::is_directory(path, error))
        early.error(path, {}, "read", "\"" + path + "\" is a folder, not a file.",
                    "Name the files in it, for example: easyread check " + path + "/letter.txt");
      else
        early.error(path, {}, "read", "easyread could not open \"" + path + "\".",
                    "Check the name of the file and that it is there.");
    }

    // Findings are printed as they come (text and JSON), so big files need no list.
    result.sentence_words = settings.sentence_words;
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

  if (json_format) out << "\n]}\n";
  else if (options->format == "sarif") out << to_sarif(results);
  else if (options->format == "html") out << to_html(results);
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
