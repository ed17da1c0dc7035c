// Diagnostics: what every stage reports back to the person using the tool.
#pragma once
#include <string>
#include <vector>

namespace easyread {

enum class Severity { note, warning, error };

const char* severity_name(Severity s);

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
  std::string file;        // path as the user gave it
  Span span;
  std::string message;     // plain words: what is wrong
  std::string suggestion;  // plain words: what to do next (may be empty)
};

// A list of diagnostics in the order they were found.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string file, Span span, std::string rule, std::string message,
             std::string suggestion = {});
  void warning(std::string file, Span span, std::string rule, std::string message,
               std::string suggestion = {});
  bool has_errors() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace easyread
