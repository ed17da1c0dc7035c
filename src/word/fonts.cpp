#include "word/fonts.hpp"

#include <hb-subset.h>
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <mutex>

#include "word/cache.hpp"
#include "word/xml.hpp"

namespace easyread::word {
namespace {

struct HbFree {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};

// What people type when they edit an Easy Read document in English or Welsh:
// Latin letters with accents (Welsh ŵ, ŷ, ẁ, ẃ), punctuation, money signs.
constexpr char32_t kEditingRanges[][2] = {
    {0x20, 0x7E}, {0xA0, 0x24F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x20A0, 0x20BF}, {0x2100, 0x214F},
};

bool in_editing_set(char32_t cp) {
  for (const auto& range : kEditingRanges)
    if (cp >= range[0] && cp <= range[1]) return true;
  return false;
}

// The face cut down to the editing set and `extra`; empty if HarfBuzz fails.
std::string subset_font(const std::string& path, const std::u32string& extra) {
  std::unique_ptr<hb_blob_t, HbFree> blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) return {};
  std::unique_ptr<hb_face_t, HbFree> face(hb_face_create(blob.get(), 0));
  std::unique_ptr<hb_subset_input_t, HbFree> input(hb_subset_input_create_or_fail());
  if (!input) return {};
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (const auto& range : kEditingRanges) hb_set_add_range(unicodes, range[0], range[1]);
  for (char32_t cp : extra) hb_set_add(unicodes, cp);
  std::unique_ptr<hb_face_t, HbFree> subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) return {};
  std::unique_ptr<hb_blob_t, HbFree> out(hb_face_reference_blob(subset.get()));
  unsigned int length = 0;
  const char* data = hb_blob_get_data(out.get(), &length);
  return std::string(data, length);
}

// A key made from the font's own bytes, so the same font always gets the
// same key (and the same document the same bytes).
std::string font_key(const std::string& font) {
  std::uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
  for (unsigned char c : font) {
    a = (a ^ c) * 0x100000001b3ULL;
    b = (b ^ (c + 1u)) * 0x100000001b3ULL;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "{%08X-%04X-%04X-%04X-%04X%08X}", unsigned(a >> 32), unsigned((a >> 16) & 0xFFFF),
                unsigned(a & 0xFFFF), unsigned(b >> 48), unsigned((b >> 32) & 0xFFFF), unsigned(b & 0xFFFFFFFF));
  return buf;
}

// ECMA-376 font obfuscation: the key's 16 bytes, in reverse order, XORed
// over the font's first 32 bytes.
void obfuscate(std::string& font, const std::string& key) {
  unsigned char bytes[16];
  int n = 0;
  for (std::size_t i = 0; i + 1 < key.size() && n < 16; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(key[i]))) continue;
    bytes[n++] = static_cast<unsigned char>(std::stoi(key.substr(i, 2), nullptr, 16));
    ++i;
  }
  for (std::size_t i = 0; i < 32 && i < font.size(); ++i)
    font[i] = static_cast<char>(static_cast<unsigned char>(font[i]) ^ bytes[15 - i % 16]);
}

// The obfuscated face and its key, made once per process for each font and
// set of extra letters.
const FontPart* font_part(const std::string& path, const std::u32string& extra, Resources& cache) {
  auto& impl = cache.impl();
  std::string id = path + '\n';
  for (char32_t cp : extra) id += std::to_string(static_cast<unsigned long>(cp)) + ',';
  {
    std::lock_guard<std::mutex> lock(impl.mutex);
    auto it = impl.fonts.find(id);
    if (it != impl.fonts.end()) return &it->second;
  }
  FontPart part;
  part.bytes = subset_font(path, extra);
  if (part.bytes.empty()) return nullptr;
  part.key = font_key(part.bytes);
  obfuscate(part.bytes, part.key);
  std::lock_guard<std::mutex> lock(impl.mutex);
  return &impl.fonts.emplace(id, std::move(part)).first->second;  // std::map keeps addresses
}

}  // namespace

std::vector<EmbeddedFont> embed_fonts(const std::vector<FontFile>& fonts, const std::u32string& used,
                                      Resources& cache, Package& package, const std::string& file,
                                      Diagnostics& diags) {
  std::u32string extra;
  for (char32_t cp : used)
    if (!in_editing_set(cp) && extra.find(cp) == std::u32string::npos) extra += cp;
  std::sort(extra.begin(), extra.end());
  Relations relations;
  std::vector<EmbeddedFont> embedded;
  for (const auto& f : fonts) {
    bool seen = false;
    for (const auto& e : embedded) seen |= e.family == f.family && e.bold == f.bold;
    if (seen) continue;
    const FontPart* part = font_part(f.path, extra, cache);
    if (!part) {
      diags.warning(file, {}, "word-font", "I could not put the font \"" + f.family + "\" in the Word file.",
                    "The Word file will use another font on computers without it.");
      continue;
    }
    const std::string target = "fonts/font" + std::to_string(embedded.size() + 1) + ".odttf";
    embedded.push_back({f.family, f.bold, relations.add(kRelFont, target), part->key});
    // Level 1: the fonts are most of what libzip packs; level 6 took twice
    // the time (about 9 ms for Andika's two faces) to make them 4% smaller.
    package.add("word/" + target, part->bytes, Package::Packing::fast);
  }
  if (!embedded.empty()) package.add("word/_rels/fontTable.xml.rels", relations.text());
  return embedded;
}

std::optional<double> single_line_ratio(const std::vector<FontFile>& fonts, const std::string& family) {
  auto regular = std::find_if(fonts.begin(), fonts.end(),
                              [&](const FontFile& f) { return f.family == family && !f.bold; });
  if (regular == fonts.end()) return std::nullopt;
  std::unique_ptr<hb_blob_t, HbFree> blob(hb_blob_create_from_file_or_fail(regular->path.c_str()));
  if (!blob) return std::nullopt;
  std::unique_ptr<hb_face_t, HbFree> face(hb_face_create(blob.get(), 0));
  std::unique_ptr<hb_font_t, HbFree> font(hb_font_create(face.get()));
  const unsigned upem = hb_face_get_upem(face.get());
  hb_position_t ascent = 0, descent = 0;
  // The "clipping" metrics are the OS/2 table's usWinAscent and usWinDescent.
  if (upem == 0 ||
      !hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_CLIPPING_ASCENT, &ascent) ||
      !hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_CLIPPING_DESCENT, &descent))
    return std::nullopt;
  // hb_font_create scales to the em size, so the positions are in font units.
  const double ratio = double(ascent + std::abs(descent)) / upem;
  if (ratio < 0.5 || ratio > 4) return std::nullopt;  // a broken table: keep Word's own idea
  return ratio;
}

}  // namespace easyread::word
