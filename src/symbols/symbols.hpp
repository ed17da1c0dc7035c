// Pictures: reads SVG, PNG and JPEG files, and finds symbols by name.
// Names come from the project's catalogue (symbols/catalogue.tsv), from
// OpenMoji's annotations and tags, and from a group's own picture folders.
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/graphics.hpp"

namespace easyread::symbols {

// Reads SVG text into a Drawing (base/graphics.hpp). Errors name the file, the element and the feature.
std::optional<Drawing> read_svg(std::string_view svg, const std::string& file, Diagnostics& diags);
// Decodes a PNG with libpng into 8-bit pixels (+ alpha if any; 16-bit and palette handled).
std::optional<RasterImage> read_png(const std::string& path, Diagnostics& diags);
// Reads a JPEG's size, components and EXIF orientation; keeps the file bytes as they are.
std::optional<RasterImage> read_jpeg(const std::string& path, Diagnostics& diags);
// The same two from bytes already read; `name` names the picture in errors.
std::optional<RasterImage> decode_png(const std::string& bytes, const std::string& name, Diagnostics& diags);
std::optional<RasterImage> decode_jpeg(const std::string& bytes, const std::string& name, Diagnostics& diags);

// Picture files given as bytes, by the name the notes use in picture="..."
// (a web server's pictures). They are looked for before the disk.
struct GivenPictures {
  const std::map<std::string, std::string>* files = nullptr;  // name -> bytes; may be null
  bool disk = true;  // false: picture files are never read from disk
};

struct Match {
  std::string name;
  std::string code;
  std::string origin;  // "catalogue", "openmoji tag", ...
};

// Safe to share between threads: a lock guards the caches and the indexes
// that are built when first needed.
class Library {
 public:
  // data_home holds symbols/ (catalogue) and third_party/openmoji/ (color/svg, data/openmoji.csv).
  explicit Library(std::string data_home);
  ~Library();
  Library(Library&&) noexcept;
  Library& operator=(Library&&) noexcept;

  // Adds a folder of the group's own pictures with a catalogue file of the same form.
  // Its pictures may also be named by path from any document.
  bool add_folder(const std::string& dir, Diagnostics& diags);
  // Lets documents name picture files in `dir` and below (--allow-folder).
  // Without it, a document reads picture files only from its own folder.
  void allow_folder(const std::string& dir);
  // A picture file's reading, done ahead of resolve: on another thread while
  // this one resolves other pictures (reading and decoding hold no lock).
  struct ReadAhead {
    std::optional<Picture> picture;
    Diagnostics diags;  // told by resolve, at the place the picture is used
  };
  // Resolves a picture attribute value: catalogue name, OpenMoji annotation/tag, OpenMoji code
  // ("1F91D"), or a file path (PNG, JPEG, SVG) relative to base_dir. Errors (unknown name with the 3
  // closest names, missing or unreadable file, bad SVG) go to diags with `file` and `span`.
  // Parses each distinct symbol once per Library (cache); the returned Picture has a stable key.
  // Picture.name is the catalogue's or folder's name when found there, else OpenMoji's own name.
  // A file name found in `given` is read from its bytes (never cached: each call may give others).
  // With `ahead` (what read_ahead gave for this value at this place), its
  // picture and problems are taken instead of reading the file again.
  std::optional<Picture> resolve(const std::string& value, const std::string& base_dir,
                                 const std::string& file, Span span, Diagnostics& diags,
                                 const GivenPictures& given = {}, ReadAhead* ahead = nullptr);
  // Whether a picture attribute value names a picture file ("photos/tea.png").
  static bool names_file(const std::string& value);
  // Reads the picture file `value` names for resolve, ahead (see ReadAhead);
  // empty for a value that names no file.
  ReadAhead read_ahead(const std::string& value, const std::string& base_dir, const std::string& file, Span span,
                       const GivenPictures& given = {});
  // Chooses a picture for a point's text; nullopt if nothing fits well. Pictures in
  // `shown_before` (codes, from earlier points of the document) win when the text names them.
  // Pictures listed in symbols/unsuitable.tsv (jokey or hurtful) are never chosen.
  std::optional<Match> suggest(std::string_view text, const std::vector<std::string>& shown_before = {});
  // Best matches for some words, best first.
  std::vector<Match> search(const std::vector<std::string>& words, std::size_t limit = 10);
  // Every catalogue name, own folders first, each in its file's order (for contact sheets).
  std::vector<Match> catalogue() const;
  // The catalogue is read on a thread of its own: waits until it is in and
  // that thread has ended. Call it before fork(): a child process must not
  // start with a lock that a thread, missing from it, held.
  void wait_until_loaded();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Chooses pictures for the points of one document, so that one idea keeps
// one picture: once "doctor" has a picture, later points about the doctor get it too.
class Suggester {
 public:
  explicit Suggester(Library& library) : library_(library) {}
  std::optional<Match> suggest(std::string_view text);
  // A picture the author chose for a point (by code), so later suggestions follow it.
  void remember(const std::string& code);

 private:
  Library& library_;
  std::vector<std::string> shown_;  // codes, in the order they were first shown
};

}  // namespace easyread::symbols
