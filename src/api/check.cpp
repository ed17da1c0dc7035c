// Engine::check: reads any text, finds its settings and checks it.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>
#include <initializer_list>

#include "api/engine_impl.hpp"
#include "base/files.hpp"
#include "markup/markup.hpp"
#include "report/report.hpp"

namespace easyread {
namespace {

bool ends_with_any(const std::string& name, std::initializer_list<const char*> endings) {
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::any_of(endings.begin(), endings.end(), [&](const char* e) { return lower.ends_with(e); });
}

// The options as lines of the settings file, in the order they apply.
std::vector<std::pair<std::string, std::string>> option_lines(const CheckOptions& options) {
  std::vector<std::pair<std::string, std::string>> lines;
  if (options.sentence_words) lines.emplace_back("sentence-words", std::to_string(*options.sentence_words));
  std::string allowed;
  for (const auto& word : options.allow) allowed += (allowed.empty() ? "" : ",") + word;
  if (!allowed.empty()) lines.emplace_back("allow", allowed);
  for (const auto& [rule, level] : options.rules) lines.emplace_back("rule." + rule, level);
  lines.insert(lines.end(), options.settings.begin(), options.settings.end());
  return lines;
}

// Writing to check is text of at most 256 MB: bigger input, or input that
// is not text (a NUL byte), is refused at once, so /dev/zero costs nothing.
constexpr std::uint64_t kLargestCheckInput = 256ull << 20;

std::variant<std::string, FileProblem> read_all(const std::string& path) {
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

void cannot_read(const std::string& path, const FileProblem& problem, Diagnostics& early) {
  std::string suggestion = "Check the name of the file and that it is there.";
  if (problem.kind == FileProblem::Kind::not_a_file)
    suggestion = "Name the files in it, for example: easyread check " + path + "/letter.txt";
  else if (problem.kind == FileProblem::Kind::too_big)
    suggestion = "Split the writing into smaller files.";
  else if (problem.kind == FileProblem::Kind::not_text)
    suggestion = "Check only writing. Save it as UTF-8 text, or give the Word file (.docx).";
  early.error(path, {}, "read", "easyread could not read \"" + path + "\". " + problem.why, suggestion);
}

}  // namespace

std::string check_options_problem(const CheckOptions& options) {
  check::Settings settings;
  for (const auto& [key, value] : option_lines(options))
    if (std::string wrong = check::apply_setting(settings, key, value, ""); !wrong.empty()) return wrong;
  return {};
}

check::Settings check_settings(const std::string& input_name, const CheckOptions& options, Diagnostics& diags) {
  check::Settings settings;
  std::string file = options.settings_file;
  if (file.empty() && options.settings_beside)
    if (auto found = check::find_settings_file(input_name)) file = *found;
  if (!file.empty()) check::load_settings_file(file, settings, diags);
  for (const auto& [key, value] : option_lines(options))
    if (std::string wrong = check::apply_setting(settings, key, value, ""); !wrong.empty())
      diags.error(input_name, {}, "setting", wrong, "Check the choices you gave.");
  return settings;
}

CheckResult Engine::check(const Input& input, const CheckOptions& options, const FindingSink& found) const {
  // Every finding leaves through here, its control characters escaped.
  const auto each = [&found](Diagnostic&& d, const CheckResult& so_far) {
    escape_controls(d);
    found(std::move(d), so_far);
  };
  const bool from_disk = !input.text.has_value();
  // "-" is the text typed or piped in; messages call it "(typed text)".
  const bool typed = from_disk && input.name == "-";
  const std::string name = typed ? "(typed text)" : input.name;
  CheckResult result;
  result.path = name;
  try {
    Diagnostics early;  // settings and reading problems, told before the findings
    const check::Settings settings = check_settings(name, options, early);
    result.sentence_words = settings.sentence_words;
    result.strict = settings.strict;
    const auto checker = impl_->checker(settings, early);

    std::optional<markup::Document> doc;
    check::Format format = check::Format::plain;
    if (ends_with_any(name, {".xml"})) {
      doc = from_disk ? markup::read_file(name, early) : markup::read_string(*input.text, name, early);
      result.source = doc ? doc->source : from_disk ? read_text_or_empty(name) : *input.text;
      result.read = doc.has_value();
    } else if (ends_with_any(name, {".docx"})) {
      auto text = from_disk ? check::read_docx_text(name, early) : check::docx_text(*input.text, name, early);
      result.read = text.has_value();
      if (text) result.source = std::move(*text);
      result.paragraphs = true;
      format = check::Format::lines;
    } else {
      std::variant<std::string, FileProblem> text =
          typed ? read_stream(STDIN_FILENO, kLargestCheckInput, true) : from_disk ? read_all(name) : std::variant<std::string, FileProblem>(*input.text);
      if (auto* bytes = std::get_if<std::string>(&text)) {
        result.source = std::move(*bytes);
        if (ends_with_any(name, {".md", ".markdown"})) format = check::Format::markdown;
      } else {
        result.read = false;
        cannot_read(name, std::get<FileProblem>(text), early);
      }
    }

    for (Diagnostic& d : early.items()) each(std::move(d), result);
    if (doc) {
      check::Report report = checker->check_document(*doc);
      result.stats = report.stats;
      for (Diagnostic& d : report.diagnostics.items()) each(std::move(d), result);
    } else if (result.read) {
      result.stats = checker->check_text(
          result.source, name, [&](Diagnostic&& d) { each(std::move(d), result); }, format);
    }
  } catch (const std::exception& e) {  // ICU or memory: say so, never throw past here
    each({Severity::error, "internal", name, {}, std::string("The checks stopped: ") + e.what(),
          "Try again. If it happens again, tell the people who make easyread."},
         result);
  } catch (...) {
    each({Severity::error, "internal", name, {}, "The checks stopped.",
          "Try again. If it happens again, tell the people who make easyread."},
         result);
  }
  return result;
}

CheckResult Engine::check(const Input& input, const CheckOptions& options) const {
  std::vector<Diagnostic> found;
  CheckResult result = check(input, options, [&](Diagnostic&& d, const CheckResult&) { found.push_back(std::move(d)); });
  result.diagnostics = std::move(found);
  return result;
}

std::string check_json(const std::vector<CheckResult>& results) { return report::to_json(results); }

}  // namespace easyread
