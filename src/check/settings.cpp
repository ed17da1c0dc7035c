// The rules, their defaults, and the settings that change them.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>

#include "base/files.hpp"
#include "base/catalogue.hpp"
#include "check/check.hpp"
#include "text/text.hpp"

namespace easyread::check {
namespace {

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "note") return Severity::note;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

std::optional<bool> parse_yes_no(std::string_view s) {
  if (s == "yes" || s == "on" || s == "true") return true;
  if (s == "no" || s == "off" || s == "false") return false;
  return std::nullopt;
}

std::optional<int> parse_count(std::string_view s) {
  int value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size() || value < 1 || value > 1000)
    return std::nullopt;
  return value;
}

// Splits "NHS, GP, Mencap" into words.
std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    std::string_view item = trim(s.substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

}  // namespace

const std::vector<RuleInfo>& rules() {
  // The rules are the catalogue's entries of kind rule, in its order
  // (src/base/messages.tsv), which is also the order of detail::Rule.
  static const std::vector<RuleInfo> all = [] {
    std::vector<RuleInfo> out;
    for (const CatalogueEntry& entry : catalogue())
      if (entry.kind == CatalogueEntry::Kind::rule)
        out.push_back({entry.id, entry.severity(), entry.area == "notes", entry.words});
    return out;
  }();
  return all;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo& rule : rules())
    if (rule.id == id) return &rule;
  return nullptr;
}

bool Settings::enabled(std::string_view rule) const {
  return disabled_rules.find(std::string(rule)) == disabled_rules.end();
}

Severity Settings::severity_of(const RuleInfo& rule) const {
  auto found = severity.find(rule.id);
  return found == severity.end() ? rule.severity : found->second;
}

std::string apply_setting(Settings& settings, std::string_view key, std::string_view value,
                          const std::string& base_dir) {
  key = trim(key);
  value = trim(value);
  if (key.starts_with("rule.")) {
    const std::string_view id = key.substr(5);
    if (!find_rule(id))
      return "There is no rule called \"" + std::string(id) + "\". Run easyread check --list-rules to see them all.";
    if (auto on = parse_yes_no(value)) {
      if (*on) settings.disabled_rules.erase(std::string(id));
      else settings.disabled_rules.insert(std::string(id));
      return {};
    }
    if (auto severity = parse_severity(value)) {
      settings.disabled_rules.erase(std::string(id));
      settings.severity[std::string(id)] = *severity;
      return {};
    }
    return "Use on, off, note, warning or error for " + std::string(key) + ".";
  }
  auto set_count = [&](int& target) -> std::string {
    if (auto n = parse_count(value)) {
      target = *n;
      return {};
    }
    return "Use a whole number from 1 to 1000 for " + std::string(key) + ".";
  };
  if (key == "sentence-words") return set_count(settings.sentence_words);
  if (key == "sentences-per-picture") return set_count(settings.sentences_per_picture);
  if (key == "hard-word-syllables") return set_count(settings.hard_word_syllables);
  if (key == "hard-word-letters") return set_count(settings.hard_word_letters);
  if (key == "hard-word-frequency") {
    double per_million = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), per_million);
    if (error != std::errc() || end != value.data() + value.size() || per_million < 0 || per_million > 10000)
      return "Use a number from 0 to 10000 for " + std::string(key) + ": how many times in a million words.";
    settings.hard_word_frequency = per_million;
    return {};
  }
  if (key == "lang") {
    if (value.empty() || value.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") !=
                             std::string_view::npos)
      return "Use a language code for lang, like en-GB or cy.";
    settings.lang = std::string(value);
    return {};
  }
  if (key == "strict" || key == "skip-quotes") {
    auto yes = parse_yes_no(value);
    if (!yes) return "Use yes or no for " + std::string(key) + ".";
    (key == "strict" ? settings.strict : settings.skip_quotes) = *yes;
    return {};
  }
  if (key == "allow") {
    for (const std::string& word : split_list(value)) settings.allowed_words.insert(text::fold_case(word));
    return {};
  }
  if (key == "words") {
    for (const std::string& file : split_list(value)) {
      std::filesystem::path path(file);
      if (path.is_relative() && !base_dir.empty()) path = std::filesystem::path(base_dir) / path;
      settings.word_files.push_back(path.string());
    }
    return {};
  }
  return "There is no setting called \"" + std::string(key) + "\". The README lists the settings you can use.";
}

bool load_settings_file(const std::string& path, Settings& settings, Diagnostics& diags) {
  std::ifstream in(path);
  if (!in) {
    diags.error(path, {}, "settings", "easyread cannot open the settings file \"" + path + "\".",
                "Check that the file is there and that you may read it.");
    return false;
  }
  const std::string base_dir = std::filesystem::path(path).parent_path().string();
  bool ok = true;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    const std::size_t equals = text.find('=');
    const int width = static_cast<int>(text::count_code_points(line));
    if (equals == std::string_view::npos) {
      diags.error(path, {number, 1, number, width + 1}, "settings",
                  "This line needs a name, an = sign and a value.",
                  "Write it like this: sentence-words = 15");
      ok = false;
      continue;
    }
    std::string problem = apply_setting(settings, text.substr(0, equals), text.substr(equals + 1), base_dir);
    if (!problem.empty()) {
      diags.error(path, {number, 1, number, width + 1}, "settings", problem);
      ok = false;
    }
  }
  return ok;
}

std::optional<std::string> find_settings_file(const std::string& document_path) {
  if (document_path.empty() || document_path == "-") {
    if (std::filesystem::exists(".easyread")) return std::string(".easyread");
    return std::nullopt;
  }
  std::filesystem::path folder = std::filesystem::path(document_path).parent_path();
  std::filesystem::path candidate = folder / ".easyread";
  std::error_code error;
  if (std::filesystem::is_regular_file(candidate, error)) return candidate.string();
  return std::nullopt;
}

}  // namespace easyread::check
