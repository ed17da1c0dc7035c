// Picture files for symbols::Library: reading a file or given bytes into a
// Picture, and the words for a picture file that is not there. Private to
// src/symbols.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "base/graphics.hpp"

namespace easyread::symbols::detail {

// A text file of the project (a list, a catalogue) of at most 64 MB, or nullopt.
std::optional<std::string> read_text_file(const std::filesystem::path& path);
// ".PNG" -> ".png".
std::string lower_extension(const std::filesystem::path& path);
bool is_picture_extension(const std::string& ext);
// A readable name from a file name: "sam-smith.jpg" -> "sam smith".
std::string name_from_file(const std::filesystem::path& path);
// Repeats a picture reader's problems at the place the picture was asked for.
void retell(const Diagnostics& inner, const std::string& shown_path, const std::string& file, Span span,
            Diagnostics& diags);
// A picture given as bytes by its name in the notes.
std::optional<Picture> decode_given(const std::string& name, const std::string& bytes, const std::string& file,
                                    Span span, Diagnostics& diags);
// The folder a file should be in, in full, as a person can find it.
std::filesystem::path folder_of(const std::filesystem::path& path);
// What may be wrong with a picture file name that finds no file.
std::string missing_file_hint(const std::filesystem::path& path, const std::string& shown);
// A picture file on disk (PNG, JPEG or SVG by its extension), as `key`;
// its problems are told at `file` and `span`.
std::optional<Picture> read_picture_file(const std::filesystem::path& path, const std::string& shown,
                                         const std::string& key, const std::string& file, Span span,
                                         Diagnostics& diags);

}  // namespace easyread::symbols::detail
