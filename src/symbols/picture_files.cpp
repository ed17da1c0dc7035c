// Picture files: reading them by their kind, the folder rules' helpers,
// and the hints when a picture file is not there.
#include "symbols/picture_files.hpp"

#include <algorithm>
#include <cctype>

#include "base/files.hpp"
#include "symbols/symbols.hpp"
#include "text/text.hpp"

namespace easyread::symbols::detail {
namespace fs = std::filesystem;

// The project's lists and a picture file are a few MB at most.
constexpr std::uint64_t kLargestTextFile = 64ull << 20;

std::optional<std::string> read_text_file(const fs::path& path) {
  auto bytes = read_regular_file(path.string(), kLargestTextFile);
  if (std::holds_alternative<FileProblem>(bytes)) return std::nullopt;
  return std::move(std::get<std::string>(bytes));
}

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_picture_extension(const std::string& ext) {
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".svg";
}

// A readable name from a file name: "sam-smith.jpg" -> "sam smith".
std::string name_from_file(const fs::path& path) {
  std::string name = path.stem().string();
  for (char& c : name)
    if (c == '-' || c == '_') c = ' ';
  return name;
}

// Repeats a picture reader's problems at the place the picture was asked for.
void retell(const Diagnostics& inner, const std::string& shown_path, const std::string& file, Span span,
            Diagnostics& diags) {
  for (const auto& d : inner.items()) {
    std::string where;
    if (d.span.line > 0)
      where = " (line " + std::to_string(d.span.line) + ", column " + std::to_string(d.span.column) +
              " of the picture file)";
    diags.add({d.severity, d.rule, file, span,
               "The picture \"" + shown_path + "\" will not work. " + d.message + where, d.suggestion});
  }
}

namespace {

// A picture file's content by its extension, from bytes; problems go to `inner`.
void decode_by_extension(const std::string& ext, const std::string& bytes, const std::string& name, Picture& picture,
                         Diagnostics& inner) {
  if (ext == ".png") {
    if (auto image = decode_png(bytes, name, inner)) picture.content = std::move(*image);
  } else if (ext == ".jpg" || ext == ".jpeg") {
    if (auto image = decode_jpeg(bytes, name, inner)) picture.content = std::move(*image);
  } else if (auto drawing = read_svg(bytes, name, inner)) {
    picture.content = std::move(*drawing);
  }
}

}  // namespace

// A picture given as bytes by its name in the notes.
std::optional<Picture> decode_given(const std::string& name, const std::string& bytes, const std::string& file,
                                    Span span, Diagnostics& diags) {
  const std::string ext = lower_extension(name);
  if (!is_picture_extension(ext)) {
    diags.error(file, span, "bad-picture", "The picture \"" + name + "\" is not a PNG, JPEG or SVG file.",
                "Use a picture that ends in .png, .jpg or .svg.");
    return std::nullopt;
  }
  Picture picture;
  picture.key = "given:" + name;
  picture.name = name_from_file(name);
  picture.source = name;
  Diagnostics inner;
  decode_by_extension(ext, bytes, name, picture, inner);
  if (inner.has_errors()) {
    retell(inner, name, file, span, diags);
    return std::nullopt;
  }
  return picture;
}

// The folder a file should be in, in full, as a person can find it.
fs::path folder_of(const fs::path& path) {
  std::error_code ec;
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  const fs::path full = fs::absolute(folder, ec);
  if (ec) return folder;
  fs::path normal = full.lexically_normal();
  return normal.has_filename() ? normal : normal.parent_path();
}

// What may be wrong with a picture file name that finds no file.
std::string missing_file_hint(const fs::path& path, const std::string& shown) {
  std::error_code ec;
  if (shown.find('\\') != std::string::npos) {
    std::string forward = path.string();
    std::replace(forward.begin(), forward.end(), '\\', '/');
    std::string fixed = shown;
    std::replace(fixed.begin(), fixed.end(), '\\', '/');
    return "Write / between folder names, not \\: picture=\"" + fixed + "\"" +
           (fs::is_regular_file(forward, ec) ? ". That file is there." : ".");
  }
  // Names are matched with their capitals here: "Photo.JPG" is not "photo.jpg".
  const std::string wanted = text::fold_case(path.filename().string());
  for (const auto& entry : fs::directory_iterator(folder_of(path), ec)) {
    const std::string name = entry.path().filename().string();
    if (text::fold_case(name) == wanted)
      return "There is a file called \"" + name + "\". Write the name with the same capital letters.";
  }
  return "Check the file name, and check that the picture is in that folder.";
}

std::optional<Picture> read_picture_file(const fs::path& path, const std::string& shown, const std::string& key,
                                         const std::string& file, Span span, Diagnostics& diags) {
  const std::string ext = lower_extension(path);
  Diagnostics inner;
  Picture picture;
  picture.key = key;
  picture.name = name_from_file(path);
  picture.source = path.string();
  if (ext == ".png") {
    auto image = read_png(path.string(), inner);
    if (image) picture.content = std::move(*image);
  } else if (ext == ".jpg" || ext == ".jpeg") {
    auto image = read_jpeg(path.string(), inner);
    if (image) picture.content = std::move(*image);
  } else if (ext == ".svg") {
    auto text = read_regular_file(path.string(), kLargestTextFile);
    if (const auto* problem = std::get_if<FileProblem>(&text)) {
      inner.error(path.string(), Span{}, "bad-picture", problem->why);
    } else if (auto drawing = read_svg(std::get<std::string>(text), path.string(), inner)) {
      picture.content = std::move(*drawing);
    }
  } else {
    diags.error(file, span, "bad-picture", "The picture \"" + shown + "\" is not a PNG, JPEG or SVG file.",
                "Use a picture that ends in .png, .jpg or .svg.");
    return std::nullopt;
  }
  if (inner.has_errors()) {
    retell(inner, shown, file, span, diags);
    return std::nullopt;
  }
  return picture;
}

}  // namespace easyread::symbols::detail
