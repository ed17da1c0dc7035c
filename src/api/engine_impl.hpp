// The inside of easyread::Engine, shared by the files of this folder.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/diagnostic.hpp"
#include "check/check.hpp"
#include "easyread/easyread.hpp"
#include "pdf/pdf.hpp"
#include "symbols/symbols.hpp"
#include "word/word.hpp"

namespace easyread {

struct Engine::Impl {
  explicit Impl(std::string home);

  std::string data_home;
  std::vector<std::string> allowed_folders;  // besides the notes' own folder
  // Locks its own caches, so many builds can share it.
  mutable symbols::Library library;
  // Each symbol's PNG fallback, drawn once for every Word file; locks itself.
  mutable word::Resources word_resources;
  // Each catalogue symbol's PDF drawing, made once for every PDF; locks itself.
  mutable pdf::Resources pdf_resources;
  std::vector<Diagnostic> load_problems;

  // A checker (word lists loaded) for these settings: made once, then shared.
  // Problems loading the lists are added to `load_errors` each time.
  std::shared_ptr<const check::Checker> checker(const check::Settings& settings, Diagnostics& load_errors) const;

 private:
  struct LoadedChecker {
    std::shared_ptr<const check::Checker> checker;
    Diagnostics load_errors;
  };
  mutable std::mutex checkers_lock;
  mutable std::map<std::string, LoadedChecker> checkers;  // by the settings they were made with
};

// The settings for checking `input_name`: the settings file (the one named,
// else the one beside the input), then the options. A choice that is wrong
// is an error in `diags`.
check::Settings check_settings(const std::string& input_name, const CheckOptions& options, Diagnostics& diags);

}  // namespace easyread
