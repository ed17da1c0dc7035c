#include "pdf/hpdf_handle.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "pdf/utf8.hpp"

namespace easyread::pdf {

namespace {

// libharu calls this from C for every error. It must not throw.
void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) noexcept {
  auto* sink = static_cast<ErrorSink*>(user_data);
  ++sink->count;
  if (sink->diags == nullptr || sink->count > 1) return;  // the first error says enough
  char code[48];
  std::snprintf(code, sizeof code, "0x%04X/%u", static_cast<unsigned>(error_no),
                static_cast<unsigned>(detail_no));
  try {
    sink->diags->error(sink->file, {}, "pdf-writer",
                       std::string("Something went wrong while making the PDF file (code ") +
                           code + ").",
                       "Try again. If it happens again, tell the people who look after "
                       "easyread, and give them the code.");
  } catch (...) {
    // Out of memory while reporting: the count above still marks the failure.
  }
}

}  // namespace

PdfHandle::PdfHandle(ErrorSink& sink) : sink_(sink) {
  doc_ = HPDF_New(on_error, &sink_);
  if (doc_ == nullptr) on_error(HPDF_FAILD_TO_ALLOC_MEM, 0, &sink_);
}

PdfHandle::~PdfHandle() {
  if (doc_ != nullptr) HPDF_Free(doc_);
}

HPDF_Dict PdfHandle::new_indirect_dict() const {
  HPDF_Dict dict = HPDF_Dict_New(mmgr());
  if (dict != nullptr && HPDF_Xref_Add(xref(), dict) != HPDF_OK) return nullptr;
  return dict;
}

HPDF_Dict PdfHandle::new_stream(bool compress) const {
  HPDF_Dict dict = HPDF_DictStream_New(mmgr(), xref());
  if (dict != nullptr && compress) dict->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return dict;
}

std::string PdfHandle::save() const {
  if (HPDF_SaveToStream(doc_) != HPDF_OK) return {};
  std::string bytes;
  bytes.reserve(HPDF_GetStreamSize(doc_));
  HPDF_Stream stream = doc_->stream;
  const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(stream);
  for (HPDF_UINT i = 0; i < buffers; ++i) {
    HPDF_UINT length = 0;
    const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(stream, i, &length);
    bytes.append(reinterpret_cast<const char*>(data), length);
  }
  return bytes;
}

HPDF_Binary text_string(HPDF_MMgr mmgr, std::string_view utf8) {
  std::string utf16 = utf16be_with_bom(utf8);
  return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(utf16.data()),
                         static_cast<HPDF_UINT>(utf16.size()));
}

HPDF_String ascii_string(HPDF_MMgr mmgr, std::string_view ascii) {
  return HPDF_String_New(mmgr, std::string(ascii).c_str(), nullptr);
}

bool has_key(HPDF_Dict dict, const char* key) {
  for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
    const auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
    if (std::string_view(element->key) == key) return true;
  }
  return false;
}

std::string pdf_number(double value) {
  std::string out;
  append_number(out, value);
  return out;
}

void append_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += '0';
    return;
  }
  // Quick way for ordinary numbers: value * 10000 is off the exact product
  // by at most half a unit in the last place (under 0.002 below 1e13), so
  // unless it lies near a halfway point its nearest integer is the exactly
  // rounded result.
  const double scaled = value * 10000;
  if (std::abs(scaled) < 1e13) {
    const double rounded = std::nearbyint(scaled);
    if (std::abs(scaled - rounded) <= 0.49) {
      auto ten_thousandths = static_cast<long long>(rounded);
      if (ten_thousandths == 0) {
        out += '0';
        return;
      }
      if (ten_thousandths < 0) {
        out += '-';
        ten_thousandths = -ten_thousandths;
      }
      char text[24];
      const auto whole = std::to_chars(text, text + sizeof text, ten_thousandths / 10000);
      out.append(text, whole.ptr);
      int fraction = static_cast<int>(ten_thousandths % 10000);
      if (fraction != 0) {
        int digits = 4;
        while (fraction % 10 == 0) {
          fraction /= 10;
          --digits;
        }
        out += '.';
        for (int divisor = digits == 4 ? 1000 : digits == 3 ? 100 : digits == 2 ? 10 : 1; divisor > 0;
             divisor /= 10)
          out += static_cast<char>('0' + fraction / divisor % 10);
      }
      return;
    }
  }
  // Near a halfway point: exact decimal rounding, the same digits as
  // "%.4f". 1e300 needs about 306 characters.
  char text[320];
  const auto [end, error] = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 4);
  if (error != std::errc()) {
    out += '0';
    return;
  }
  const char* last = end;
  while (last > text && last[-1] == '0') --last;
  if (last > text && last[-1] == '.') --last;
  const std::string_view digits(text, static_cast<std::size_t>(last - text));
  if (digits.empty() || digits == "-0")
    out += '0';
  else
    out += digits;
}

void write_raw(HPDF_Stream stream, std::string_view text) {
  HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                    static_cast<HPDF_UINT>(text.size()));
}

std::string stream_bytes(HPDF_Stream stream) {
  std::string bytes;
  bytes.reserve(HPDF_Stream_Size(stream));
  const HPDF_UINT blocks = HPDF_MemStream_GetBufCount(stream);
  for (HPDF_UINT i = 0; i < blocks; ++i) {
    HPDF_UINT length = 0;
    const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(stream, i, &length);
    if (data != nullptr) bytes.append(reinterpret_cast<const char*>(data), length);
  }
  return bytes;
}

}  // namespace easyread::pdf
