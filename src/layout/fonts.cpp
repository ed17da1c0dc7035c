#include "layout/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <filesystem>

#include "text/text.hpp"

namespace easyread::layout {
namespace fs = std::filesystem;
namespace {

struct FontconfigDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};

std::string name_entry(hb_face_t* face, hb_ot_name_id_t id) {
  char buf[256];
  unsigned size = sizeof buf;
  hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &size, buf);
  return std::string(buf, std::min<unsigned>(size, sizeof buf - 1));
}

bool same_family(std::string_view a, std::string_view b) {
  return text::fold_case(a) == text::fold_case(b);
}

// Fonts dropped into the project's fonts/ folder, matched by the family and
// style names written inside them.
std::string find_in_folder(const std::string& folder, const std::string& family, bool bold) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.path().extension() == ".ttf" || entry.path().extension() == ".TTF")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) continue;
    hb_face_t* face = hb_face_create(blob, 0);
    bool match = same_family(name_entry(face, HB_OT_NAME_ID_FONT_FAMILY), family) &&
                 same_family(name_entry(face, HB_OT_NAME_ID_FONT_SUBFAMILY), bold ? "Bold" : "Regular");
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    if (match) return path.string();
  }
  return {};
}

std::string find_installed(FcConfig* config_ptr, const std::string& family, bool bold) {
  if (!config_ptr) return {};
  struct { FcConfig* get() const { return ptr; } FcConfig* ptr; } config{config_ptr};
  std::unique_ptr<FcPattern, FontconfigDeleter> pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(config.get(), pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result;
  std::unique_ptr<FcPattern, FontconfigDeleter> match(FcFontMatch(config.get(), pattern.get(), &result));
  if (!match) return {};
  FcChar8* found_family = nullptr;
  FcChar8* file = nullptr;
  int weight = 0;
  if (FcPatternGetString(match.get(), FC_FAMILY, 0, &found_family) != FcResultMatch ||
      FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch)
    return {};
  FcPatternGetInteger(match.get(), FC_WEIGHT, 0, &weight);
  // fontconfig always answers with some font; only take the one asked for.
  if (!same_family(reinterpret_cast<const char*>(found_family), family)) return {};
  if (bold != (weight >= FC_WEIGHT_DEMIBOLD)) return {};
  return reinterpret_cast<const char*>(file);
}

// A fontconfig set-up that knows only the standard font folders and reads
// their caches, without the system's rule files.
FcConfig* load_standard_folders() {
  static constexpr const char* kStandard = R"(<?xml version="1.0"?>
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <dir>~/.fonts</dir>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
</fontconfig>)";
  FcConfig* config = FcConfigCreate();
  if (!config) return nullptr;
  if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(kStandard), FcFalse) ||
      !FcConfigBuildFonts(config)) {
    FcConfigDestroy(config);
    return nullptr;
  }
  return config;
}

}  // namespace

struct FontSet::Face {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  unsigned units_per_em = 1000;
  std::array<int, 128> ascii_widths{};  // thousandths of an em; most text is ASCII
  ~Face() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  int thousandths(char32_t cp) const {
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(font, cp, &glyph)) glyph = 0;
    auto advance = static_cast<unsigned>(hb_font_get_glyph_h_advance(font, glyph));
    return static_cast<int>(advance * 1000 / units_per_em);
  }
};

void FontSet::ConfigCloser::operator()(FcConfig* c) const { FcConfigDestroy(c); }

FontSet::FontSet(std::string data_home) : data_home_(std::move(data_home)) {}
FontSet::~FontSet() = default;
FontSet::FontSet(FontSet&&) noexcept = default;
FontSet& FontSet::operator=(FontSet&&) noexcept = default;

int FontSet::find(const std::string& family, bool bold, const std::string& file, Diagnostics& diags) {
  for (std::size_t i = 0; i < files_.size(); ++i)
    if (files_[i].bold == bold && same_family(files_[i].family, family)) return static_cast<int>(i);
  std::string path = find_in_folder(data_home_ + "/fonts", family, bold);
  if (path.empty()) {
    // fontconfig's full set-up parses dozens of rule files, a quarter of a
    // build's time. Most fonts are in the standard folders, which a small
    // set-up with the system's caches finds; the full one is the fallback.
    if (!quick_fontconfig_) quick_fontconfig_.reset(load_standard_folders());
    path = find_installed(quick_fontconfig_.get(), family, bold);
  }
  if (path.empty()) {
    if (!fontconfig_) fontconfig_.reset(FcInitLoadConfigAndFonts());
    path = find_installed(fontconfig_.get(), family, bold);
  }
  if (path.empty()) {
    diags.error(file, {}, "missing-font",
                "I cannot find the font \"" + family + "\"" + (bold ? " in bold." : "."),
                "Put its TrueType file (.ttf) in the fonts folder, or install it. "
                "For Andika, run: sudo apt-get install fonts-sil-andika");
    return -1;
  }
  auto face = std::make_unique<Face>();
  face->blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!face->blob) {
    diags.error(path, {}, "missing-font", "I cannot read the font file.", "Check that the file is a TrueType font.");
    return -1;
  }
  face->face = hb_face_create(face->blob, 0);
  face->font = hb_font_create(face->face);
  face->units_per_em = std::max(1u, hb_face_get_upem(face->face));
  hb_font_set_scale(face->font, static_cast<int>(face->units_per_em), static_cast<int>(face->units_per_em));
  for (char32_t c = 0; c < 128; ++c) face->ascii_widths[c] = face->thousandths(c);
  faces_.push_back(std::move(face));
  files_.push_back({family, bold, path});
  return static_cast<int>(files_.size() - 1);
}

double FontSet::width(int font, std::string_view utf8, double size) const {
  const Face& f = *faces_[static_cast<std::size_t>(font)];
  long total = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    char32_t cp = text::next_code_point(utf8, pos);
    total += cp < 128 ? f.ascii_widths[cp] : f.thousandths(cp);
  }
  return static_cast<double>(total) * size / 1000.0;
}

bool FontSet::has_glyph(int font, char32_t cp) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(faces_[static_cast<std::size_t>(font)]->font, cp, &glyph) && glyph != 0;
}

double FontSet::ascender(int font) const {
  hb_font_extents_t e{};
  const Face& f = *faces_[static_cast<std::size_t>(font)];
  hb_font_get_h_extents(f.font, &e);
  return static_cast<double>(e.ascender) / f.units_per_em;
}

double FontSet::descender(int font) const {
  hb_font_extents_t e{};
  const Face& f = *faces_[static_cast<std::size_t>(font)];
  hb_font_get_h_extents(f.font, &e);
  return static_cast<double>(e.descender) / f.units_per_em;
}

double FontSet::cap_height(int font) const {
  const Face& f = *faces_[static_cast<std::size_t>(font)];
  hb_position_t cap = 0;
  if (!hb_ot_metrics_get_position(f.font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) || cap <= 0)
    return 0.7;
  return static_cast<double>(cap) / f.units_per_em;
}

const std::vector<FontFile>& FontSet::files() const { return files_; }

}  // namespace easyread::layout
