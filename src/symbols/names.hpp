// Data behind picture names: OpenMoji's list (CSV), catalogue files (TSV)
// and the folding that lets "Doctors" find "doctor".
#pragma once
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.hpp"
#include "text/text.hpp"

namespace easyread::symbols::detail {

// Splits CSV text into rows of fields. Quoted fields may hold commas, line
// ends and doubled quotes ("").
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

// Reads CSV one row at a time without copying: `row` calls get views into
// `text` (or into a scratch buffer for fields with doubled quotes), valid
// until the next row.
template <typename RowFunction>
void for_each_csv_row(std::string_view text, RowFunction row);

struct Emoji {
  std::string code;        // "1F91D", as in the file name
  std::string annotation;  // "handshake"
  std::string tag_text;    // "agreement, hand, ..." (tags and openmoji_tags), split when needed
  bool skin_tone_variant = false;
  std::vector<std::string> tags() const;
};

// OpenMoji's data/openmoji.csv, in the file's order.
struct EmojiList {
  std::vector<Emoji> emojis;
  std::map<std::string, std::size_t> by_code;  // upper-case code -> index
  const Emoji* find(std::string_view code) const;
};
std::optional<EmojiList> parse_openmoji_csv(std::string_view text);

// One line of a catalogue file: name<TAB>code or file<TAB>notes.
struct CatalogueEntry {
  std::string name;
  std::string target;  // an OpenMoji code, or a file name in the catalogue's folder
  std::string notes;
  int line = 0;
};
// Reads a catalogue. '#' starts a comment line; blank lines are skipped.
// Lines without a name and a target are reported in `diags`.
std::vector<CatalogueEntry> parse_catalogue(std::string_view text, const std::string& file,
                                            Diagnostics& diags);

// The forms a name is compared in: folded case and white space first, then
// the last word without a plural ending ("buses" -> "buse", "bus").
std::vector<std::string> name_forms(std::string_view name);

// Whether text looks like an OpenMoji code: hex groups joined by '-'.
bool looks_like_code(std::string_view text);
std::string upper_ascii(std::string_view text);

using text::edit_distance;

// Code -> where its row starts, for every row of openmoji.csv. Reads only up
// to the second comma of each row: much cheaper than parse_openmoji_csv. One
// flat table, not a node for each of the 4,000 rows: a web page's build
// looks up a few dozen codes, on the thread the page waits for.
class CodeRows {
 public:
  CodeRows() = default;
  explicit CodeRows(std::string_view csv);  // `csv` must outlive the index
  // Where the row of `code` starts (the first such row), or npos.
  std::size_t find(std::string_view code) const;

 private:
  struct Slot {
    std::uint32_t row = 0, code_at = 0, code_size = 0;  // code_size 0: empty
  };
  std::size_t home(std::string_view code) const;  // the first slot to look in
  std::string_view csv_;
  std::vector<Slot> slots_;
};

// Splits a CSV line into fields; the end of the line is `pos` afterwards.
// Internal to for_each_csv_row.
bool next_csv_row(std::string_view text, std::size_t& pos, std::vector<std::string_view>& fields,
                  std::deque<std::string>& scratch);

template <typename RowFunction>
void for_each_csv_row(std::string_view text, RowFunction row) {
  std::size_t pos = 0;
  std::vector<std::string_view> fields;
  std::deque<std::string> scratch;  // a deque: adding never moves earlier fields
  while (next_csv_row(text, pos, fields, scratch)) row(fields);
}

}  // namespace easyread::symbols::detail
