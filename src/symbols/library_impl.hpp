// The inside of symbols::Library, shared by library.cpp (resolving) and
// suggest.cpp (suggestions and search).
#pragma once
#include <filesystem>
#include <future>
#include <thread>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include <sys/types.h>

#include "symbols/name_index.hpp"
#include "symbols/names.hpp"
#include "symbols/symbols.hpp"
#include "text/text.hpp"

namespace easyread::symbols {

struct Library::Impl {
  // Held while the caches and indexes below are used (they are filled when
  // first needed, and an engine shares one Library between threads), but
  // not while a picture is read and parsed.
  std::mutex lock;
  std::string data_home;
  std::string openmoji_dir;  // .../third_party/openmoji
  detail::NameIndex names;  // own folders and the catalogue (made in `loading`)
  // OpenMoji's list and its names and tags are read when first needed: a
  // document whose pictures all come from the catalogue never builds the index.
  std::optional<detail::EmojiList> emoji_list;
  bool emoji_list_read = false;
  detail::NameIndex openmoji_names;
  bool openmoji_indexed = false;
  Diagnostics load_problems;  // from the project's own catalogue, told once
  bool told_load_problems = false;
  std::vector<Match> folder_entries, catalogue_entries;  // for catalogue()
  // Folders a document may read picture files from, besides its own.
  std::vector<std::filesystem::path> allowed_folders;
  std::map<std::string, Picture> cache;  // key -> picture
  std::unique_ptr<text::Segmenter> segmenter;  // made when first needed
  std::set<std::string, std::less<>> unsuitable;  // codes never suggested (symbols/unsuitable.tsv)

  std::optional<std::string> csv_text;  // OpenMoji's list as read, before parsing
  bool csv_text_read = false;
  detail::CodeRows rows;  // code -> its row in csv_text
  bool rows_read = false;

  // The project's catalogue and its list of unsuitable pictures, as read.
  struct Catalogue {
    detail::NameIndex names;
    std::vector<Match> entries;
    std::set<std::string, std::less<>> unsuitable;
    Diagnostics problems;
  };
  static Catalogue read_catalogue(const std::string& data_home);
  // Puts what `loading` read into names, catalogue_entries, unsuitable and
  // load_problems, waiting for it first; needs the lock, like they do.
  void wait_loaded();
  ~Impl();

  // These take the lock themselves, only around the cache; the caller does not hold it.
  std::optional<Picture> cached(const std::string& key);
  Picture keep(Picture picture);  // into the cache; the one kept first if another thread was quicker
  std::optional<Picture> load_openmoji(const std::string& code, const std::string& readable, const std::string& file,
                                       Span span, Diagnostics& diags);
  std::optional<Picture> load_file(const std::filesystem::path& path, const std::string& shown, bool from_notes,
                                   const GivenPictures& given, const std::string& file, Span span, Diagnostics& diags);
  // A picture file named in the notes, if it is inside a folder they may read.
  std::optional<Picture> named_file(const std::string& name, const std::string& base_dir, const GivenPictures& given,
                                    const std::string& file, Span span, Diagnostics& diags);

  // The rest need the lock held.
  const detail::EmojiList* emojis();
  // OpenMoji's name for one code ("handshake"), without parsing the whole list.
  std::string annotation(const std::string& code);
  const detail::NameIndex& openmoji_index();
  // Lookups over both indexes: folders and catalogue first, then OpenMoji.
  std::optional<detail::Candidate> best(const std::string& name);
  std::vector<detail::Candidate> find(const std::string& name);
  std::vector<detail::Candidate> containing(const std::string& text);
  std::vector<std::string> closest(const std::string& name, std::size_t count);
  Match match_of(const detail::Candidate& c);
  // Whether a picture may be suggested (it is not on the list of jokey or hurtful ones).
  bool suitable(const std::string& target) const;
  // The best picture for a name that a suggestion may use: a name or a catalogue
  // entry, never a tag shared by many pictures, never an unsuitable one.
  std::optional<detail::Candidate> suggestable(const detail::NameIndex& index, const std::string& phrase) const;

  // The catalogue, read by `loader` on another thread. Not std::async: a
  // batch's worker is a copy of this process (fork), without that thread,
  // and must not join it or wait for it.
  std::future<Catalogue> loading;
  std::thread loader;
  pid_t loader_pid = 0;  // the process that started `loader`
};

}  // namespace easyread::symbols
