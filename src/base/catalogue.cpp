#include "base/catalogue.hpp"

#include <stdexcept>

namespace easyread {
namespace {

constexpr std::string_view kCatalogueText =
#include "base/messages_tsv.inc"
    ;

std::vector<std::string_view> split(std::string_view line, char by) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = line.find(by, start);
    parts.push_back(line.substr(start, end == std::string_view::npos ? line.npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

Severity severity_from(std::string_view name, int line_number) {
  if (name == "note") return Severity::note;
  if (name == "warning") return Severity::warning;
  if (name == "error") return Severity::error;
  throw std::runtime_error("messages.tsv line " + std::to_string(line_number) + ": unknown severity \"" +
                           std::string(name) + "\"");
}

}  // namespace

std::vector<CatalogueEntry> parse_catalogue(std::string_view tsv) {
  std::vector<CatalogueEntry> entries;
  int line_number = 0;
  bool header_seen = false;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {  // the first line that is not a comment names the columns
      header_seen = true;
      continue;
    }
    const auto fields = split(line, '\t');
    const auto wrong = [&](const std::string& what) {
      return std::runtime_error("messages.tsv line " + std::to_string(line_number) + ": " + what);
    };
    if (fields.size() != 5) throw wrong("needs 5 fields with tabs between them");
    CatalogueEntry entry;
    entry.id = fields[0];
    if (fields[1] == "rule") entry.kind = CatalogueEntry::Kind::rule;
    else if (fields[1] != "message") throw wrong("the kind must be rule or message");
    for (std::string_view severity : split(fields[2], ','))
      entry.severities.push_back(severity_from(severity, line_number));
    entry.area = fields[3];
    entry.words = fields[4];
    if (entry.id.empty() || entry.words.empty()) throw wrong("the id and the words must not be empty");
    entries.push_back(std::move(entry));
  }
  return entries;
}

const std::vector<CatalogueEntry>& catalogue() {
  static const std::vector<CatalogueEntry> entries = parse_catalogue(kCatalogueText);
  return entries;
}

const CatalogueEntry* find_in_catalogue(std::string_view id) {
  for (const CatalogueEntry& entry : catalogue())
    if (entry.id == id) return &entry;
  return nullptr;
}

}  // namespace easyread
