#include "pdf/font_set.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>

#include "layout/font_subset.hpp"
#include "pdf/font_cmap.hpp"
#include "pdf/harfbuzz.hpp"
#include "pdf/utf8.hpp"

namespace easyread::pdf {

namespace {

// libharu draws code points above U+FFFF as spaces.
constexpr char32_t last_drawable = 0xFFFF;

std::string show_character(char32_t cp) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(cp));
  return text;
}

// Warns about characters that would not show as themselves in the PDF.
void check_characters(const layout::FontFile& font_file, hb_font_t* font,
                      const std::set<char32_t>& used, const std::string& file,
                      Diagnostics& diags) {
  for (char32_t cp : used) {
    if (cp > last_drawable) {
      diags.warning(file, {}, "pdf-character",
                    "The text has an emoji or a rare sign (" + show_character(cp) +
                        ") that the PDF cannot show as text. It will show as a space.",
                    "Use a picture symbol instead, or take the sign out.");
      continue;
    }
    hb_codepoint_t glyph = 0;
    if (cp >= 0x20 && !hb_font_get_nominal_glyph(font, cp, &glyph)) {
      diags.warning(file, {}, "pdf-character",
                    "The font " + font_file.family + " has no letter for " + show_character(cp) +
                        ". It will show as an empty box.",
                    "Change the letter, or choose a font that has it.");
    }
  }
}

// Writes `count` hex digits of a 16-bit code as <XXXX>.
std::string hex_code(char32_t code) {
  char text[8];
  std::snprintf(text, sizeof text, "<%04X>", static_cast<unsigned>(code));
  return text;
}

// A ToUnicode CMap for libharu's UTF-8 encoder, whose 2-byte codes are
// the code points themselves: runs become bfrange lines, single codes
// bfchar lines, at most 100 lines a block as the CMap format asks.
std::string to_unicode_cmap(const std::set<char32_t>& used) {
  struct Run {
    char32_t first, last;
  };
  std::vector<Run> runs;
  for (char32_t cp : used) {
    if (cp < 0x20 || cp > last_drawable || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
    // A bfrange may only vary in the last byte.
    if (!runs.empty() && runs.back().last + 1 == cp && (cp & 0xFF00) == (runs.back().first & 0xFF00))
      runs.back().last = cp;
    else
      runs.push_back({cp, cp});
  }
  std::vector<std::string> singles, ranges;
  for (const Run& run : runs) {
    if (run.first == run.last)
      singles.push_back(hex_code(run.first) + " " + hex_code(run.first));
    else
      ranges.push_back(hex_code(run.first) + " " + hex_code(run.last) + " " + hex_code(run.first));
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  auto write_blocks = [&out](const std::vector<std::string>& lines, const char* begin,
                             const char* end) {
    for (std::size_t start = 0; start < lines.size(); start += 100) {
      const std::size_t stop = std::min(lines.size(), start + 100);
      out += std::to_string(stop - start) + " " + begin + "\n";
      for (std::size_t i = start; i < stop; ++i) out += lines[i] + "\n";
      out += std::string(end) + "\n";
    }
  };
  write_blocks(singles, "beginbfchar", "endbfchar");
  write_blocks(ranges, "beginbfrange", "endbfrange");
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

// libharu's CIDToGIDMap covers all 65,535 codes (128 KB a font). Codes
// after the last one drawn are never used, and a reader takes a code past
// the map's end as "no glyph", so the map can stop there.
void shorten_glyph_map(HPDF_Dict map, const std::set<char32_t>& used) {
  char32_t last = U' ';  // render() may draw spaces in any font
  for (char32_t cp : used)
    if (cp <= last_drawable) last = std::max(last, cp);
  const std::string bytes = stream_bytes(map->stream);
  const std::size_t keep = 2 * (static_cast<std::size_t>(last) + 1);
  if (bytes.size() <= keep) return;
  HPDF_MemStream_FreeData(map->stream);
  write_raw(map->stream, std::string_view(bytes).substr(0, keep));
}

// While libharu makes a font for its UTF-8 encoder, it looks up a glyph for
// each of the 65,536 codes and builds width and glyph maps that long (about
// a fifth of a whole build). Given the encoder's own code table instead, it
// looks up only the codes in that table. So, for that moment, the table lists
// the codes the subset font has (and the space), plus the code after the last:
// libharu stops its maps just before the highest code. The result is the
// same PDF, because the subset font has no glyph for any other code.
class OnlyCodesUsed {
 public:
  OnlyCodesUsed(HPDF_Encoder encoder, const std::set<char32_t>& in_font) : encoder_(encoder) {
    if (encoder_ == nullptr || encoder_->to_unicode_fn == HPDF_CMapEncoder_ToUnicode) return;
    auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder_->attr);
    std::set<char32_t> codes{U' '};
    for (char32_t cp : in_font)
      if (cp >= 0x20 && cp < last_drawable) codes.insert(cp);
    codes.insert(*codes.rbegin() + 1);
    for (char32_t cp : codes) {
      const auto high = static_cast<std::size_t>(cp >> 8), low = static_cast<std::size_t>(cp & 0xFF);
      saved_.push_back({cp, attr->cid_map[high][low], attr->unicode_map[high][low]});
      attr->cid_map[high][low] = static_cast<HPDF_UINT16>(cp);
      attr->unicode_map[high][low] = static_cast<HPDF_UNICODE>(cp);
    }
    own_to_unicode_ = encoder_->to_unicode_fn;
    encoder_->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
  }
  ~OnlyCodesUsed() {
    if (own_to_unicode_ == nullptr) return;
    encoder_->to_unicode_fn = own_to_unicode_;
    auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder_->attr);
    for (const Saved& s : saved_) {
      attr->cid_map[s.code >> 8][s.code & 0xFF] = s.cid;
      attr->unicode_map[s.code >> 8][s.code & 0xFF] = s.unicode;
    }
  }
  OnlyCodesUsed(const OnlyCodesUsed&) = delete;
  OnlyCodesUsed& operator=(const OnlyCodesUsed&) = delete;

 private:
  struct Saved {
    char32_t code;
    HPDF_UINT16 cid;
    HPDF_UNICODE unicode;
  };
  HPDF_Encoder encoder_;
  HPDF_Encoder_ToUnicode_Func own_to_unicode_ = nullptr;
  std::vector<Saved> saved_;
};

}  // namespace

TempFile::~TempFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

TempFile::TempFile(TempFile&& other) noexcept : path_(std::exchange(other.path_, {})) {}

TempFile& TempFile::operator=(TempFile&& other) noexcept {
  if (this != &other) {
    if (!path_.empty()) ::unlink(path_.c_str());
    path_ = std::exchange(other.path_, {});
  }
  return *this;
}

bool TempFile::create(const std::string& prefix, const char* data, std::size_t size) {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/" +
                        prefix + "XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) return false;
  path_ = pattern;
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  const bool closed = ::close(fd) == 0;
  return done == size && closed;
}

bool FontSet::load(const PdfHandle& pdf, const layout::Document& doc, const std::string& file,
                   Diagnostics& diags) {
  entries_.clear();
  entries_.resize(doc.fonts.size());
  for (const auto& page : doc.pages)
    for (const auto& item : page.items)
      if (const auto* text = std::get_if<layout::TextItem>(&item)) {
        if (text->font < 0 || text->font >= static_cast<int>(doc.fonts.size())) {
          diags.error(file, {}, "pdf-font", "Some text asks for a font that is not there.",
                      "Check the template's font list.");
          return false;
        }
        for (char32_t cp : decode_utf8(text->text)) entries_[text->font].used.insert(cp);
      }

  for (std::size_t i = 0; i < doc.fonts.size(); ++i) {
    Entry& entry = entries_[i];
    if (entry.used.empty()) continue;
    const layout::FontFile& font_file = doc.fonts[i];
    Blob blob(hb_blob_create_from_file_or_fail(font_file.path.c_str()));
    if (!blob) {
      diags.error(file, {}, "pdf-font", "The font file " + font_file.path + " will not open.",
                  "Check that the font is on this computer, or choose another font.");
      return false;
    }
    Face face(hb_face_create(blob.get(), 0));
    // libharu reads TrueType outlines only ('glyf'), not CFF.
    Blob outlines(hb_face_reference_table(face.get(), HB_TAG('g', 'l', 'y', 'f')));
    if (hb_blob_get_length(outlines.get()) == 0) {
      diags.error(file, {}, "pdf-font",
                  "The font file " + font_file.path + " will not work in a PDF made by easyread.",
                  "Choose a TrueType font: its file name usually ends in .ttf.");
      return false;
    }
    HbFont hb_font(hb_font_create(face.get()));
    check_characters(font_file, hb_font.get(), entry.used, file, diags);

    // libharu measures cap height and x-height on 'H' and 'x'.
    std::set<char32_t> keep{U'H', U'x'};
    for (char32_t cp : entry.used)
      if (cp <= last_drawable) keep.insert(cp);
    const std::optional<std::string> subset_bytes = layout::subset_font(font_file.path, keep);
    if (!subset_bytes) {
      diags.error(file, {}, "pdf-font", "The font " + font_file.family + " will not work.",
                  "Choose another TrueType font.");
      return false;
    }
    Blob subset_blob(hb_blob_create(subset_bytes->data(), static_cast<unsigned int>(subset_bytes->size()),
                                    HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    Face subset(hb_face_create(subset_blob.get(), 0));
    unsigned int length = 0;
    const char* data = hb_blob_get_data(subset_blob.get(), &length);
    // The same font with a character map libharu reads quickly.
    const std::string compact = font_with_compact_cmap(subset_blob.get());
    const bool use_compact = !compact.empty();
    if (!entry.subset.create("easyread-font-", use_compact ? compact.data() : data,
                             use_compact ? compact.size() : length)) {
      diags.error(file, {}, "pdf-font", "easyread cannot write a temporary file for the font.",
                  "Check that the temporary folder has space.");
      return false;
    }
    const char* name = HPDF_LoadTTFontFromFile(pdf.get(), entry.subset.path().c_str(), HPDF_TRUE);
    if (name == nullptr) return false;
    {
      const std::vector<hb_codepoint_t> codes = unicodes_of(subset.get());
      const OnlyCodesUsed only(HPDF_GetEncoder(pdf.get(), "UTF-8"), std::set<char32_t>(codes.begin(), codes.end()));
      entry.font = HPDF_GetFont(pdf.get(), name, "UTF-8");
    }
    if (entry.font == nullptr) return false;
  }
  return true;
}

HPDF_Font FontSet::font(int index) const {
  if (index < 0 || index >= static_cast<int>(entries_.size())) return nullptr;
  return entries_[index].font;
}

void FontSet::finish(const PdfHandle& pdf) {
  for (Entry& entry : entries_) {
    if (entry.font == nullptr) continue;
    HPDF_Font font = entry.font;
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    // libharu builds the descriptor and embeds the glyphs in this hook;
    // run it now, once, so the descriptor can be completed.
    if (font->before_write_fn != nullptr) {
      if (font->before_write_fn(font) != HPDF_OK) return;
      font->before_write_fn = nullptr;
    }
    if (attr->fontdef->descriptor != nullptr)
      HPDF_Dict_AddNumber(attr->fontdef->descriptor, "CapHeight", attr->fontdef->cap_height);
    if (attr->map_stream != nullptr) shorten_glyph_map(attr->map_stream, entry.used);

    HPDF_Dict to_unicode = nullptr;
    if (has_key(font, "ToUnicode"))
      to_unicode = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
    if (to_unicode == nullptr) {
      to_unicode = pdf.new_stream(true);
      if (to_unicode == nullptr) return;
      HPDF_Dict_Add(font, "ToUnicode", to_unicode);
    }
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"})
      if (has_key(to_unicode, key)) HPDF_Dict_RemoveElement(to_unicode, key);
    HPDF_MemStream_FreeData(to_unicode->stream);
    // The space is always mapped: libharu draws signs it cannot show as
    // spaces, and render() may add spaces between lines.
    std::set<char32_t> mapped = entry.used;
    mapped.insert(U' ');
    write_raw(to_unicode->stream, to_unicode_cmap(mapped));
    to_unicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  }
}

}  // namespace easyread::pdf
