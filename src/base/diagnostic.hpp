// Diagnostics: what every stage reports back to the person using the tool.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "easyread/easyread.hpp"

namespace easyread {

// Severity, Span and Diagnostic are part of the public interface, so they
// are defined there, once.

// `text` with control characters (C0 but tab, DEL, C1) and the marks that
// turn text right to left (U+200E, U+200F, U+061C, U+202A..U+202E,
// U+2066..U+2069) written as "\u202E": a message that quotes a stranger's
// file must not move or hide what a terminal or a page shows around it.
std::string escape_controls(std::string_view text);
// False when escape_controls(text) is surely `text` as it is (a quick test).
bool may_need_escape(std::string_view text);
// The same for a diagnostic's file name, message and suggestion.
void escape_controls(Diagnostic& d);

// A list of diagnostics in the order they were found.
class Diagnostics {
 public:
  // Every way in escapes control characters (see escape_controls).
  void add(Diagnostic d);
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
