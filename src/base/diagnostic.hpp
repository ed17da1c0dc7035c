// Diagnostics: what every stage reports back to the person using the tool.
#pragma once
#include <string>
#include <vector>

#include "easyread/easyread.hpp"

namespace easyread {

// Severity, Span and Diagnostic are part of the public interface, so they
// are defined there, once.

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
