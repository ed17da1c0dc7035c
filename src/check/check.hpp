// easyread check: finds jargon and hard writing and says how to fix it.
// Used by `easyread check` (any text) and `easyread build` (the XML markup).
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/deadline.hpp"
#include "base/diagnostic.hpp"
#include "markup/markup.hpp"

namespace easyread::check {

// What a rule is and how strict it is unless the settings say otherwise.
struct RuleInfo {
  std::string id;         // "long-sentence"
  Severity severity;      // default
  bool markup_only;       // only for the XML markup
  std::string summary;    // one plain line for docs and --list-rules
};
// Every rule, in the order the docs list them.
const std::vector<RuleInfo>& rules();
const RuleInfo* find_rule(std::string_view id);

struct Settings {
  std::set<std::string, std::less<>> disabled_rules;  // rule ids switched off
  std::map<std::string, Severity> severity;       // rule id -> severity
  int sentence_words = 15;         // long-sentence: more words than this
  int sentences_per_picture = 4;   // markup: more sentences than this beside a picture
  int hard_word_syllables = 4;     // hard-word: this many syllables or more
  int hard_word_letters = 13;      // hard-word: this many letters or more
  double hard_word_frequency = 1;  // hard-word: used fewer times than this in a million words
  std::string lang;                // the text's language ("cy": Welsh); empty: English, or the XML's own
  std::set<std::string, std::less<>> allowed_words;  // never flagged (case folded)
  std::vector<std::string> word_files;   // extra lists, same format as wordlists/jargon-*.txt
  bool strict = false;                   // warnings also fail (exit code 1)
  bool skip_quotes = true;               // text "in quotes" is not checked

  bool enabled(std::string_view rule) const;
  Severity severity_of(const RuleInfo& rule) const;
};

// Applies one `key = value` choice (the settings-file format, see the README).
// `base_dir` makes relative file names (words = ...) absolute. Returns an empty
// string when it worked, else a plain message that says what is wrong.
std::string apply_setting(Settings& settings, std::string_view key, std::string_view value,
                          const std::string& base_dir);
// Reads a settings file into `settings`. Bad lines become errors with line and column.
bool load_settings_file(const std::string& path, Settings& settings, Diagnostics& diags);
// The settings file beside a document (".easyread" in the same folder), if there is one.
std::optional<std::string> find_settings_file(const std::string& document_path);

// Readability figures: part of the public interface.
using Stats = TextStats;

struct Report {
  Diagnostics diagnostics;
  Stats stats;
};

// Receives each finding as soon as it is found (so big files need no list).
using Sink = std::function<void(Diagnostic&&)>;

// Syllables in one English word, by rule (no dictionary).
int count_syllables(std::string_view word);

// Word documents: the text of word/document.xml, one paragraph a line, so a
// finding's line number is its paragraph number. Errors go to `diags`.
std::optional<std::string> read_docx_text(const std::string& path, Diagnostics& diags);
// The same from the file's bytes; `path` names it in errors.
std::optional<std::string> docx_text(std::string_view archive, const std::string& path, Diagnostics& diags);
// Markdown with its syntax (#, *, [](), `code`, <tags>) blanked out byte for
// byte, so every offset still points at the same place in the file.
std::string blank_markdown(std::string_view markdown);

// How line ends are read. plain: a blank line ends a paragraph, other line
// ends are spaces (text copied from a PDF wraps mid-sentence). markdown: the
// same, and headings and list items end where their line ends. lines: every
// line is a paragraph (the text of a Word document).
enum class Format { plain, markdown, lines };

class Checker {
 public:
  // Loads the word lists from `data_home`/wordlists and settings.word_files.
  // Problems with the lists go to `load_errors`; the checker still works.
  Checker(const std::string& data_home, Settings settings, Diagnostics& load_errors);
  ~Checker();
  Checker(Checker&&) noexcept;
  Checker& operator=(Checker&&) noexcept;

  // The XML markup. Past `deadline` (checked once a block) it throws OutOfTime.
  Report check_document(const markup::Document& doc, Deadline deadline = {}) const;
  // Text as read from the file (Markdown is blanked inside). `file` names the
  // source in findings.
  Report check_text(std::string_view text, const std::string& file,
                    Format format = Format::plain) const;
  Stats check_text(std::string_view text, const std::string& file, const Sink& sink,
                   Format format = Format::plain) const;

  const Settings& settings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace easyread::check
