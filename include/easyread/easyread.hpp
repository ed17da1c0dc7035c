// easyread as a library: the one header that a C++ program, the easyread
// command line and a web server use. It needs nothing else from easyread.
//
//   easyread::Engine engine = easyread::Engine::load();    // symbols and word lists: once
//   easyread::BuildResult pdf = engine.build(easyread::Input::file("notes.xml"));
//   if (pdf.ok()) { /* pdf.bytes is the whole PDF file */ }
//
// Everything goes in and comes out as values. No exception leaves these
// functions: every problem (bad notes, a font that will not load, a failure
// inside ICU or libharu) comes back as a Diagnostic. One Engine can be shared
// by many threads at once; the same input always gives the same bytes.
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace easyread {

// ---- What easyread says about its input -------------------------------------

enum class Severity { note, warning, error };

// A place in a source file. Lines and columns count from 1; columns count
// characters (Unicode code points), not bytes. 0 means "not known".
struct Span {
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;        // short id such as "long-sentence" or "bad-date"
  std::string file;        // the input's name, as it was given
  Span span;
  std::string message;     // plain words: what is wrong
  std::string suggestion;  // plain words: what to do next (may be empty)
};

// "note", "warning" or "error".
const char* severity_name(Severity s);

// ---- Inputs -----------------------------------------------------------------

// Notes or a text to check: a path to read, or the bytes themselves with a
// name to show in messages. Bytes never touch the file system.
struct Input {
  std::string name;                 // the path, or the name shown in messages
  std::optional<std::string> text;  // the bytes; when empty, `name` is read from disk

  static Input file(std::string path) { return {std::move(path), std::nullopt}; }
  static Input bytes(std::string text, std::string name) { return {std::move(name), std::move(text)}; }
};

// The plain-language checks' choices. Each is optional; what is left out
// comes from the settings file (for notes read from disk) or the defaults.
struct CheckOptions {
  std::optional<int> sentence_words;             // the longest sentence wanted (15)
  std::vector<std::string> allow;                // words that are fine for the readers
  std::map<std::string, std::string> rules;      // rule id -> "off", "note", "warning", "error", "on"
  // Any line of the settings file as name and value ("strict", "yes"),
  // applied after the choices above.
  std::vector<std::pair<std::string, std::string>> settings;
  std::string settings_file;   // read this settings file instead of the one beside the input
  bool settings_beside = true; // read ".easyread" beside the input (a server says false)
};

// What is wrong with these options, in plain words; empty when they are fine.
std::string check_options_problem(const CheckOptions& options);

// What a document can be built into: a PDF, an Easy Read web page (one
// HTML file with everything inside it) or a Word file.
enum class Format { pdf, html, docx };

// "pdf", "html" or "docx"; and back (nullopt for an unknown name).
const char* format_name(Format format);
std::optional<Format> format_from_name(const std::string& name);

// Pictures given as bytes, by the name the notes use in picture="..."
// (for example "photos/sam.jpg"). A server gives every picture this way.
using PictureFiles = std::map<std::string, std::string>;

struct BuildOptions {
  Format format = Format::pdf;
  std::string template_name;  // a look ("minutes") or a template file; empty: the notes' own choice
  bool check = true;          // also run the plain-language checks (their findings come back too)
  CheckOptions check_options;
  // Pictures named in the notes are looked for here first. Notes given as
  // bytes find their picture files only here; notes read from disk may also
  // use files beside them.
  PictureFiles pictures;
  // Stop the build once this time has passed (a server's limit). The build
  // looks at the clock between its steps, so it may run a little past it;
  // then it gives no bytes and a "took-too-long" error.
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

// ---- Outputs ----------------------------------------------------------------

struct BuildResult {
  std::string bytes;                     // the whole file; empty when it could not be made
  std::vector<Diagnostic> diagnostics;   // in the order found: reading, checks, layout, writing
  int pages = 0;                         // pages of a paged format
  bool ok() const;                       // bytes made and no errors
};

// Readability figures of a checked text.
struct TextStats {
  int sentences = 0;
  int words = 0;
  int syllables = 0;
  double average_sentence_words = 0;
  double short_sentence_share = 0;  // 0..1: sentences within the word limit
  double flesch_reading_ease = 0;
  double flesch_kincaid_grade = 0;
};

struct CheckResult {
  std::string path;        // the input's name, as given
  std::string source;      // the text the lines and columns point into
  bool read = true;        // false: the input could not be read
  bool paragraphs = false; // lines are Word paragraphs (a .docx file)
  std::vector<Diagnostic> diagnostics;
  TextStats stats;
  int sentence_words = 15;  // the limit the text was checked with
  bool strict = false;      // warnings count as errors (from the settings)
  bool failed() const;      // an error, or a warning when strict
};

// A picture found by words.
struct SymbolMatch {
  std::string name;    // "doctor"
  std::string code;    // OpenMoji code ("1F9D1-200D-2695-FE0F"), or a picture file's path
  std::string origin;  // "catalogue", "openmoji tag: health", "own pictures"
};

// The JSON text that `easyread check --format json` prints for these results.
std::string check_json(const std::vector<CheckResult>& results);

// ---- The engine -------------------------------------------------------------

// Where easyread's own data (templates, symbols, word lists, fonts) is:
// $EASYREAD_HOME; else share/easyread beside the running program, so an
// installed copy can be moved; else, for a program in a build folder, the
// source tree it was built from. No path is built into the program.
std::string default_data_home();

struct EngineOptions {
  std::string data_home;                     // templates, symbols, word lists, fonts; empty: default_data_home()
  std::vector<std::string> picture_folders;  // a group's own pictures (each with a catalogue.tsv)
  // Folders, besides the notes' own folder and the data, from which notes
  // read from disk may take pictures and templates (--allow-folder).
  std::vector<std::string> allowed_folders = {};
};

// Holds what is slow to load (the symbol catalogue and its index, the
// pictures already read, the word lists), loads each once, and is safe to use
// from many threads: every method is const and the caches inside are locked.
class Engine {
 public:
  // Loads the engine. Problems (a picture folder that is not there) are in
  // load_problems(); an engine with problems still works for what it can.
  static Engine load(EngineOptions options = {});
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  const std::vector<Diagnostic>& load_problems() const;
  const std::string& data_home() const;
  // Part of the engine loads on a thread of its own. Waits until it is done
  // and the thread has ended: call it before fork(), so that no thread holds
  // a lock (the memory allocator's, say) when the process is copied.
  void wait_until_loaded() const;

  // Notes (easyread's XML) to a document's bytes in the chosen format.
  BuildResult build(const Input& notes, const BuildOptions& options = {}) const;

  // Checks any text: easyread notes (.xml), Word (.docx), Markdown (.md) or
  // plain text, told apart by the input's name.
  CheckResult check(const Input& text, const CheckOptions& options = {}) const;
  // The same for big texts: each finding goes to `each` as soon as it is
  // found, with the result so far (its name and source are already there),
  // and is not kept in the result.
  using FindingSink = std::function<void(Diagnostic&&, const CheckResult& so_far)>;
  CheckResult check(const Input& text, const CheckOptions& options, const FindingSink& each) const;

  // The best pictures for some words, best first.
  std::vector<SymbolMatch> search_symbols(const std::vector<std::string>& words, std::size_t limit = 10) const;

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace easyread
