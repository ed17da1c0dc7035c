// Reading a tagged PDF's structure tree back: the text of each element in
// reading order, and the alternative text of each Figure.
#include <sstream>
#include <stdexcept>

#include "pdf_probe.hpp"

namespace e2e {
namespace fs = std::filesystem;

std::vector<TaggedText> read_tagged_text(const fs::path& pdf) {
  CommandResult r = run_command({"pdfinfo", "-struct-text", pdf.string()});
  if (r.exit_code != 0) throw std::runtime_error("pdfinfo -struct-text failed: " + r.err);
  // An element line ("    P (block)") is followed by its text in quotes, one level deeper.
  std::vector<TaggedText> out;
  std::string role;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto start = line.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    if (line[start] == '"') {
      auto end = line.rfind('"');
      if (end > start) out.push_back({role, line.substr(start + 1, end - start - 1)});
    } else {
      role = line.substr(start, line.find(' ', start) - start);
    }
  }
  return out;
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A PDF text string: UTF-16BE after a byte order mark, else single bytes (ASCII here).
std::string decode_text_string(const std::string& bytes) {
  std::string out;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
      static_cast<unsigned char>(bytes[1]) == 0xFF) {
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
      char32_t unit = static_cast<char32_t>((static_cast<unsigned char>(bytes[i]) << 8) |
                                            static_cast<unsigned char>(bytes[i + 1]));
      if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
        char32_t low = static_cast<char32_t>((static_cast<unsigned char>(bytes[i + 2]) << 8) |
                                             static_cast<unsigned char>(bytes[i + 3]));
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
      append_utf8(out, unit);
    }
    return out;
  }
  return bytes;
}

// The string value after `key` in one object's text: <hex> or (literal).
std::string string_value(const std::string& object, const std::string& key) {
  auto at = object.find(key + " ");
  if (at == std::string::npos) return {};
  std::size_t pos = at + key.size() + 1;
  std::string bytes;
  if (object[pos] == '<') {
    for (++pos; pos + 1 < object.size() && object[pos] != '>'; pos += 2)
      bytes += static_cast<char>(hex_value(object[pos]) * 16 + hex_value(object[pos + 1]));
  } else if (object[pos] == '(') {
    for (++pos; pos < object.size() && object[pos] != ')'; ++pos) {
      if (object[pos] == '\\') ++pos;
      bytes += object[pos];
    }
  }
  return decode_text_string(bytes);
}

}  // namespace

std::vector<std::string> read_figure_alts(const fs::path& pdf) {
  CommandResult r = run_command({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"});
  if (r.exit_code != 0) throw std::runtime_error("qpdf could not rewrite " + pdf.string() + ": " + r.err);
  std::vector<std::string> alts;
  std::size_t start = 0;
  for (std::size_t end = r.out.find("endobj", start); end != std::string::npos;
       start = end + 6, end = r.out.find("endobj", start)) {
    std::string object = r.out.substr(start, end - start);
    // Stream objects hold drawing data, not structure; skip their bytes.
    if (object.find("stream\n") != std::string::npos) continue;
    if (object.find("/S /Figure") == std::string::npos) continue;
    alts.push_back(string_value(object, "/Alt"));
  }
  return alts;
}

}  // namespace e2e
