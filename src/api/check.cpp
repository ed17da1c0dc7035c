// Engine::check: reads any text, finds its settings and checks it.
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

CheckResult Engine::check(const Input& input, const CheckOptions& options, const FindingSink& each) const {
  CheckResult result;
  result.path = input.name;
  const bool from_disk = !input.text.has_value();
  try {
    Diagnostics early;  // settings and reading problems, told before the findings
    const check::Settings settings = check_settings(input.name, options, early);
    result.sentence_words = settings.sentence_words;
    result.strict = settings.strict;
    const auto checker = impl_->checker(settings, early);

    std::optional<markup::Document> doc;
    check::Format format = check::Format::plain;
    if (ends_with_any(input.name, {".xml"})) {
      doc = from_disk ? markup::read_file(input.name, early) : markup::read_string(*input.text, input.name, early);
      result.source = doc ? doc->source : from_disk ? read_text_or_empty(input.name) : *input.text;
      result.read = doc.has_value();
    } else if (ends_with_any(input.name, {".docx"})) {
      auto text = from_disk ? check::read_docx_text(input.name, early) : check::docx_text(*input.text, input.name, early);
      result.read = text.has_value();
      if (text) result.source = std::move(*text);
      result.paragraphs = true;
      format = check::Format::lines;
    } else if (auto text = from_disk ? read_whole_file(input.name) : input.text) {
      result.source = std::move(*text);
      if (ends_with_any(input.name, {".md", ".markdown"})) format = check::Format::markdown;
    } else {
      result.read = false;
      std::error_code error;
      if (std::filesystem::is_directory(input.name, error))
        early.error(input.name, {}, "read", "\"" + input.name + "\" is a folder, not a file.",
                    "Name the files in it, for example: easyread check " + input.name + "/letter.txt");
      else
        early.error(input.name, {}, "read", "easyread could not open \"" + input.name + "\".",
                    "Check the name of the file and that it is there.");
    }

    for (Diagnostic& d : early.items()) each(std::move(d), result);
    if (doc) {
      check::Report report = checker->check_document(*doc);
      result.stats = report.stats;
      for (Diagnostic& d : report.diagnostics.items()) each(std::move(d), result);
    } else if (result.read) {
      result.stats = checker->check_text(
          result.source, input.name, [&](Diagnostic&& d) { each(std::move(d), result); }, format);
    }
  } catch (const std::exception& e) {  // ICU or memory: say so, never throw past here
    each({Severity::error, "internal", input.name, {}, std::string("The checks stopped: ") + e.what(),
          "Try again. If it happens again, tell the people who make easyread."},
         result);
  } catch (...) {
    each({Severity::error, "internal", input.name, {}, "The checks stopped.",
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
