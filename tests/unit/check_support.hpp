// Helpers the checker's unit tests share: one Checker with the project's
// lists, and the findings of one rule in a text.
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "check/check.hpp"

namespace easyread::test {

inline const check::Checker& shared_checker() {
  static const check::Checker instance = [] {
    Diagnostics errors;
    check::Checker c(EASYREAD_SOURCE_DIR, {}, errors);
    REQUIRE(errors.items().empty());
    return c;
  }();
  return instance;
}

// The findings of `rule` in `text`, checked as plain text.
inline std::vector<Diagnostic> found(const std::string& text, const std::string& rule) {
  std::vector<Diagnostic> out;
  const check::Report report = shared_checker().check_text(text, "t.txt");
  for (const Diagnostic& d : report.diagnostics.items())
    if (d.rule == rule) out.push_back(d);
  return out;
}

inline bool flags(const std::string& text, const std::string& rule) { return !found(text, rule).empty(); }

}  // namespace easyread::test
