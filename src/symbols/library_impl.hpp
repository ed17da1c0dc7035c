// The inside of symbols::Library, shared by library.cpp (resolving) and
// suggest.cpp (suggestions and search).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "symbols/name_index.hpp"
#include "symbols/names.hpp"
#include "symbols/symbols.hpp"
#include "text/text.hpp"

namespace easyread::symbols {

struct Library::Impl {
  std::string data_home;
  std::string openmoji_dir;  // .../third_party/openmoji
  std::optional<detail::EmojiList> emojis;
  detail::NameIndex names;
  Diagnostics load_problems;  // from the project's own catalogue, told once
  bool told_load_problems = false;
  std::vector<Match> folder_entries, catalogue_entries;  // for catalogue()
  std::map<std::string, Picture> cache;  // key -> picture
  std::unique_ptr<text::Segmenter> segmenter;  // made when first needed

  Match match_of(const detail::Candidate& c) const;
};

}  // namespace easyread::symbols
