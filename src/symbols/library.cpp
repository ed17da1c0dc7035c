// Library: turns a picture attribute into a Picture (parsed once, then
// cached), and finds pictures by name. The catalogue is read in
// catalogue_loading.cpp.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>

#include "base/files.hpp"
#include "symbols/library_impl.hpp"
#include "symbols/picture_files.hpp"

namespace easyread::symbols {
namespace fs = std::filesystem;
Match Library::Impl::match_of(const detail::Candidate& c) {
  // A tag is shared by many pictures: show the picture's own name instead.
  if (c.source == detail::Source::openmoji_tag && emojis())
    if (const auto* emoji = emojis()->find(c.target)) return {emoji->annotation, c.target, "openmoji tag: " + c.name};
  return {c.name, c.target, detail::source_name(c.source)};
}

const detail::EmojiList* Library::Impl::emojis() {
  if (!emoji_list_read) {
    emoji_list_read = true;
    if (!csv_text_read) {
      csv_text_read = true;
      csv_text = detail::read_text_file((fs::path(openmoji_dir) / "data" / "openmoji.csv").string());
    }
    if (csv_text) emoji_list = detail::parse_openmoji_csv(*csv_text);
  }
  return emoji_list ? &*emoji_list : nullptr;
}

std::string Library::Impl::annotation(const std::string& code) {
  if (emoji_list_read) {
    const auto* emoji = emojis() ? emojis()->find(code) : nullptr;
    return emoji ? emoji->annotation : code;
  }
  // Most documents name pictures by code. Their names come from a light
  // index of where each code's row starts; only that row is parsed.
  if (!rows_read) {
    rows_read = true;
    if (!csv_text_read) {
      csv_text_read = true;
      csv_text = detail::read_text_file((fs::path(openmoji_dir) / "data" / "openmoji.csv").string());
    }
    if (csv_text) rows = detail::CodeRows(*csv_text);
  }
  std::size_t pos = rows.find(code);
  if (pos == std::string_view::npos) return code;
  std::vector<std::string_view> fields;
  std::deque<std::string> scratch;
  // Trimmed, as the whole list keeps it ("horizontal black hexagon " has a space at its end).
  if (detail::next_csv_row(*csv_text, pos, fields, scratch) && fields.size() > 4) return std::string(trim(fields[4]));
  return code;
}

const detail::NameIndex& Library::Impl::openmoji_index() {
  if (!openmoji_indexed) {
    openmoji_indexed = true;
    if (const auto* list = emojis()) {
      // Whole names before tags, so "handshake" finds the handshake first.
      for (const auto& emoji : list->emojis)
        if (!emoji.skin_tone_variant) openmoji_names.add(detail::Source::openmoji_name, emoji.annotation, emoji.code, false);
      for (const auto& emoji : list->emojis)
        if (!emoji.skin_tone_variant)
          for (const auto& tag : emoji.tags()) openmoji_names.add(detail::Source::openmoji_tag, tag, emoji.code, false);
    }
  }
  return openmoji_names;
}

std::optional<detail::Candidate> Library::Impl::best(const std::string& name) {
  if (auto c = names.best(name)) return c;
  return openmoji_index().best(name);
}

std::vector<detail::Candidate> Library::Impl::find(const std::string& name) {
  auto found = names.find(name);
  for (auto& c : openmoji_index().find(name)) found.push_back(std::move(c));
  return found;
}

std::vector<detail::Candidate> Library::Impl::containing(const std::string& text) {
  auto found = names.containing(text);
  for (auto& c : openmoji_index().containing(text)) found.push_back(std::move(c));
  return found;
}

std::vector<std::string> Library::Impl::closest(const std::string& name, std::size_t count) {
  // The best few of each index, ranked together; the catalogue wins a tie.
  auto own = names.closest(name, count);
  const auto other = openmoji_index().closest(name, count);
  const std::string folded = detail::name_forms(name).front();
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& n : own) ranked.emplace_back(detail::edit_distance(folded, n), n);
  for (const auto& n : other)
    if (std::find(own.begin(), own.end(), n) == own.end()) ranked.emplace_back(detail::edit_distance(folded, n), n);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < count; ++i) out.push_back(ranked[i].second);
  return out;
}

Library::~Library() = default;
Library::Library(Library&&) noexcept = default;
Library& Library::operator=(Library&&) noexcept = default;

bool Library::add_folder(const std::string& dir, Diagnostics& diags) {
  const std::lock_guard hold(impl_->lock);
  impl_->wait_loaded();
  // Absolute, so a picture found here resolves the same from any document folder.
  std::error_code absolute_error;
  const fs::path folder = fs::absolute(fs::path(dir), absolute_error);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    diags.error(dir, Span{}, "missing-folder", "The picture folder \"" + dir + "\" is not there.",
                "Check the folder name.");
    return false;
  }
  impl_->allowed_folders.push_back(folder);
  const fs::path catalogue = folder / "catalogue.tsv";
  const auto text = detail::read_text_file(catalogue.string());
  if (!text) {
    // No catalogue: each picture is known by its file name.
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
      if (entry.is_regular_file() && detail::is_picture_extension(detail::lower_extension(entry.path())))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      impl_->names.add(detail::Source::folder, detail::name_from_file(f), f.string(), true);
      impl_->folder_entries.push_back({detail::name_from_file(f), f.string(), "own pictures"});
    }
    return true;
  }
  Diagnostics problems;
  const auto entries = detail::parse_catalogue(*text, catalogue.string(), problems);
  for (const auto& e : entries) {
    const bool is_code = detail::looks_like_code(e.target) && impl_->emojis() && impl_->emojis()->find(e.target);
    if (is_code) {
      impl_->names.add(detail::Source::folder, e.name, detail::upper_ascii(e.target), false);
      impl_->folder_entries.push_back({e.name, detail::upper_ascii(e.target), "own pictures"});
      continue;
    }
    const fs::path picture = folder / e.target;
    if (!fs::is_regular_file(picture, ec)) {
      problems.error(catalogue.string(), Span{e.line, 1, e.line, 1}, "missing-picture",
                     "The picture \"" + e.target + "\" for \"" + e.name + "\" is not in the folder.",
                     "Put the picture into " + dir + ", or correct the file name.");
      continue;
    }
    impl_->names.add(detail::Source::folder, e.name, picture.string(), true);
    impl_->folder_entries.push_back({e.name, picture.string(), "own pictures"});
  }
  diags.append(problems);
  return !problems.has_errors();
}

void Library::allow_folder(const std::string& dir) {
  std::error_code ec;
  const std::lock_guard hold(impl_->lock);
  impl_->allowed_folders.push_back(fs::absolute(fs::path(dir), ec));
}

std::vector<Match> Library::catalogue() const {
  const std::lock_guard hold(impl_->lock);
  impl_->wait_loaded();
  std::vector<Match> all = impl_->folder_entries;
  all.insert(all.end(), impl_->catalogue_entries.begin(), impl_->catalogue_entries.end());
  return all;
}

std::optional<Picture> Library::Impl::cached(const std::string& key) {
  const std::lock_guard hold(lock);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  return std::nullopt;
}

Picture Library::Impl::keep(Picture picture) {
  // Another thread may have read the same picture meanwhile: the first one kept wins.
  const std::lock_guard hold(lock);
  const std::string key = picture.key;
  return cache.emplace(key, std::move(picture)).first->second;
}

// `readable` names the picture for alternative text: the catalogue's own
// name when it came from there (so OpenMoji's list need not be read), else
// OpenMoji's name for it.
std::optional<Picture> Library::Impl::load_openmoji(const std::string& code, const std::string& readable,
                                                    const std::string& file, Span span, Diagnostics& diags) {
  const std::string key = "openmoji:" + code;
  auto named = [&](Picture picture) {
    if (!readable.empty()) {
      picture.name = readable;
    } else {
      const std::lock_guard hold(lock);
      picture.name = annotation(code);
    }
    return picture;
  };
  if (auto picture = cached(key)) return named(std::move(*picture));
  // Read and parsed without the lock: another thread may resolve meanwhile.
  const fs::path svg_path = fs::path(openmoji_dir) / "color" / "svg" / (code + ".svg");
  const auto text = detail::read_text_file(svg_path.string());
  if (!text) {
    std::error_code ec;
    if (fs::is_directory(svg_path.parent_path(), ec))  // installed, but no such picture: a wrong code
      diags.error(file, span, "missing-picture", "OpenMoji has no picture with the code " + code + ".",
                  "Check the code. If it comes from a catalogue.tsv file, correct it there.");
    else
      diags.error(file, span, "missing-picture", "The OpenMoji pictures are not here yet.",
                  "Run scripts/install-openmoji.sh to install them.");
    return std::nullopt;
  }
  Diagnostics inner;
  auto drawing = read_svg(*text, svg_path.string(), inner);
  if (!drawing) {
    detail::retell(inner, svg_path.string(), file, span, diags);
    return std::nullopt;
  }
  Picture picture;
  picture.key = key;
  picture.source = key;
  picture.is_openmoji = true;
  picture.content = std::move(*drawing);
  return named(keep(std::move(picture)));
}

// `from_notes`: the notes named this file (not a picture folder's catalogue).
std::optional<Picture> Library::Impl::load_file(const fs::path& path, const std::string& shown, bool from_notes,
                                                const GivenPictures& given, const std::string& file, Span span,
                                                Diagnostics& diags) {
  if (given.files)
    if (auto it = given.files->find(shown); it != given.files->end())
      return detail::decode_given(shown, it->second, file, span, diags);
  std::error_code ec;
  if (from_notes && !given.disk) {
    diags.error(file, span, "missing-picture", "The picture file \"" + shown + "\" was not given.",
                "Send the picture with the notes, by the name \"" + shown + "\".");
    return std::nullopt;
  }
  if (!fs::exists(path, ec)) {
    diags.error(file, span, "missing-picture",
                "The picture file \"" + shown + "\" is not there. I looked in the folder \"" +
                    detail::folder_of(path).string() + "\".",
                detail::missing_file_hint(path, shown));
    return std::nullopt;
  }
  const fs::path canonical = fs::weakly_canonical(path, ec);
  const std::string key = "file:" + (ec ? path.string() : canonical.string());
  if (auto picture = cached(key)) return picture;
  auto picture = detail::read_picture_file(path, shown, key, file, span, diags);  // without the lock
  if (!picture) return std::nullopt;
  return keep(std::move(*picture));
}

namespace {

// The value with its white space folded and trimmed.
std::string trimmed_name(const std::string& value) {
  const std::string folded = text::fold_white_space(value);
  std::string_view name = folded;
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return std::string(name);
}

// No name has a "/" or ends in ".png": such a value names a picture file.
bool names_a_file(const std::string& name) {
  return detail::is_picture_extension(detail::lower_extension(fs::path(name))) || name.find('/') != std::string::npos;
}

}  // namespace

std::optional<Picture> Library::Impl::named_file(const std::string& name, const std::string& base_dir,
                                                 const GivenPictures& given, const std::string& file, Span span,
                                                 Diagnostics& diags) {
  const fs::path named(name);
  const fs::path path = named.is_absolute() ? named : fs::path(base_dir) / named;
  std::vector<fs::path> trusted;
  {
    const std::lock_guard hold(lock);
    trusted = allowed_folders;
  }
  trusted.push_back(base_dir.empty() ? fs::path(".") : fs::path(base_dir));
  trusted.push_back(data_home);
  if (!is_inside_any(path, trusted)) {
    // Say nothing about the file itself: not even whether it is there.
    diags.error(file, span, "outside-folder",
                "The picture \"" + name + "\" is outside the folder of your notes. easyread only "
                "reads pictures from the folder of your notes and the folders inside it.",
                "Copy the picture into the folder of your notes. Or, if you trust its folder, allow it with "
                "--allow-folder FOLDER.");
    return std::nullopt;
  }
  return load_file(path, name, true, given, file, span, diags);
}

bool Library::names_file(const std::string& value) {
  const std::string name = trimmed_name(value);
  return !name.empty() && names_a_file(name);
}

Library::ReadAhead Library::read_ahead(const std::string& value, const std::string& base_dir, const std::string& file,
                                       Span span, const GivenPictures& given) {
  ReadAhead ahead;
  const std::string name = trimmed_name(value);
  if (!name.empty() && names_a_file(name)) ahead.picture = impl_->named_file(name, base_dir, given, file, span, ahead.diags);
  return ahead;
}

std::optional<Picture> Library::resolve(const std::string& value, const std::string& base_dir,
                                        const std::string& file, Span span, Diagnostics& diags,
                                        const GivenPictures& given, ReadAhead* ahead) {
  Impl& im = *impl_;
  // The lock is held only while the indexes and the cache are used: pictures
  // are read and parsed without it, so that two threads can read at once.
  std::unique_lock hold(im.lock);
  im.wait_loaded();
  if (!im.told_load_problems) {
    diags.append(im.load_problems);
    im.told_load_problems = true;
  }
  if (ahead) {
    hold.unlock();
    diags.append(ahead->diags);
    return std::move(ahead->picture);
  }
  const std::string name = trimmed_name(value);
  if (name.empty()) {
    diags.error(file, span, "empty-picture", "The picture name is empty.",
                "Write a picture name such as \"doctor\", or picture=\"none\" for no picture.");
    return std::nullopt;
  }
  // 0. A picture file or an OpenMoji code such as 1F91D. Both are checked
  // first because they are cheap: no name is made of digits and the letters A to F only.
  if (names_a_file(name)) {
    hold.unlock();
    return im.named_file(name, base_dir, given, file, span, diags);
  }
  if (detail::looks_like_code(name) && std::any_of(name.begin(), name.end(), ::isdigit)) {
    const std::string code = detail::upper_ascii(name);
    std::error_code ec;
    if (fs::is_regular_file(fs::path(im.openmoji_dir) / "color" / "svg" / (code + ".svg"), ec)) {
      hold.unlock();
      return im.load_openmoji(code, "", file, span, diags);
    }
  }
  // 1. Names: own folders, the catalogue, then OpenMoji's names and tags.
  if (auto c = im.best(name)) {
    hold.unlock();
    const bool own_name = c->source <= detail::Source::openmoji_name;  // not a tag shared by many
    std::optional<Picture> picture =
        c->target_is_file ? im.load_file(c->target, c->target, false, given, file, span, diags)
                          : im.load_openmoji(c->target, own_name ? c->name : "", file, span, diags);
    if (picture && c->source == detail::Source::folder) picture->name = c->name;
    return picture;
  }
  // 2. An OpenMoji code such as 1F91D.
  if (detail::looks_like_code(name) && im.emojis() && im.emojis()->find(name)) {
    hold.unlock();
    return im.load_openmoji(detail::upper_ascii(name), "", file, span, diags);
  }

  std::string hint;
  const auto close = im.closest(name, 3);
  for (std::size_t i = 0; i < close.size(); ++i)
    hint += (i == 0 ? "" : i + 1 == close.size() ? " or " : ", ") + ("\"" + close[i] + "\"");
  std::string message = "There is no picture called \"" + name + "\".";
  if (!im.emojis()) message += " The OpenMoji pictures are not here yet.";
  diags.error(file, span, "unknown-picture", message,
              (hint.empty() ? std::string() : "Did you mean " + hint + "? ") +
                  "You can look for pictures with: easyread symbols search " + name);
  return std::nullopt;
}

}  // namespace easyread::symbols
