// The catalogue: every rule and message id easyread can report, with its
// kind, default severity and plain words. The data is src/base/messages.tsv,
// compiled in; this is the only list of ids.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace easyread {

struct CatalogueEntry {
  enum class Kind { rule, message };
  std::string id;                   // "long-sentence"
  Kind kind = Kind::message;        // rule: a check people can switch off
  std::vector<Severity> severities;  // the first is the default
  std::string area;                 // text, notes, pictures, template, fonts, pdf, word, files, settings
  std::string words;                // what it means (Markdown, as the README shows it)
  Severity severity() const { return severities.front(); }
};

// Every entry, in the file's order.
const std::vector<CatalogueEntry>& catalogue();
// The entry for an id, or nullptr.
const CatalogueEntry* find_in_catalogue(std::string_view id);
// Reads catalogue text (the format of messages.tsv). Throws std::runtime_error
// with the line number when a line is wrong.
std::vector<CatalogueEntry> parse_catalogue(std::string_view tsv);

}  // namespace easyread
