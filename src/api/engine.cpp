// The Engine: loads what is slow to load once, and shares it.
#include <cstdlib>
#include <exception>

#include "api/engine_impl.hpp"

namespace easyread {

const char* format_name(Format format) {
  switch (format) {
    case Format::pdf: return "pdf";
    case Format::html: return "html";
    case Format::docx: return "docx";
  }
  return "pdf";
}

std::optional<Format> format_from_name(const std::string& name) {
  for (Format f : {Format::pdf, Format::html, Format::docx})
    if (name == format_name(f)) return f;
  return std::nullopt;
}

bool BuildResult::ok() const {
  if (bytes.empty()) return false;
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::error) return false;
  return true;
}

bool CheckResult::failed() const {
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::error || (strict && d.severity == Severity::warning)) return true;
  return false;
}

Engine::Impl::Impl(std::string home) : data_home(std::move(home)), library(data_home) {}

Engine Engine::load(EngineOptions options) {
  auto impl = std::make_unique<Impl>(options.data_home.empty() ? default_data_home() : options.data_home);
  Diagnostics problems;
  try {
    for (const auto& folder : options.picture_folders) impl->library.add_folder(folder, problems);
    for (const auto& folder : options.allowed_folders) impl->library.allow_folder(folder);
    impl->allowed_folders = options.allowed_folders;
  } catch (const std::exception& e) {
    problems.error("", {}, "internal", std::string("easyread could not load the pictures: ") + e.what());
  }
  impl->load_problems = std::move(problems.items());
  return Engine(std::move(impl));
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

const std::vector<Diagnostic>& Engine::load_problems() const { return impl_->load_problems; }
const std::string& Engine::data_home() const { return impl_->data_home; }

void Engine::wait_until_loaded() const { impl_->library.wait_until_loaded(); }

std::vector<SymbolMatch> Engine::search_symbols(const std::vector<std::string>& words, std::size_t limit) const {
  std::vector<SymbolMatch> out;
  try {
    for (auto& m : impl_->library.search(words, limit))
      out.push_back({std::move(m.name), std::move(m.code), std::move(m.origin)});
  } catch (const std::exception&) {
    out.clear();  // a search that fails finds nothing
  }
  return out;
}

std::shared_ptr<const check::Checker> Engine::Impl::checker(const check::Settings& settings,
                                                            Diagnostics& load_errors) const {
  // Only the word lists are slow to load, and they depend only on the
  // extra word files; but a Checker also holds its settings, so the whole
  // settings are the key.
  std::string key;
  for (const auto& rule : settings.disabled_rules) key += "off:" + rule + '\n';
  for (const auto& [rule, severity] : settings.severity) key += rule + '=' + severity_name(severity) + '\n';
  for (const auto& word : settings.allowed_words) key += "allow:" + word + '\n';
  for (const auto& file : settings.word_files) key += "words:" + file + '\n';
  key += std::to_string(settings.sentence_words) + ',' + std::to_string(settings.sentences_per_picture) + ',' +
         std::to_string(settings.hard_word_syllables) + ',' + std::to_string(settings.hard_word_letters) + ',' +
         (settings.strict ? 's' : '-') + (settings.skip_quotes ? 'q' : '-');
  std::lock_guard hold(checkers_lock);
  auto& entry = checkers[key];
  if (!entry.checker) {
    Diagnostics errors;
    entry.checker = std::make_shared<const check::Checker>(data_home, settings, errors);
    entry.load_errors = std::move(errors);
  }
  load_errors.append(entry.load_errors);  // every result tells them, not only the first
  return entry.checker;
}

}  // namespace easyread
