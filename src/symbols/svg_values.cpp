// SVG attribute values: transforms, colours, number lists and lengths.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "base/files.hpp"
#include "symbols/number_scanner.hpp"
#include "symbols/svg_parts.hpp"

namespace easyread::symbols::detail {
namespace {

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

struct NamedColor {
  const char* name;
  unsigned rgb;
};

// The basic colour keywords of CSS; other names are reported as unknown.
constexpr NamedColor kNamedColors[] = {
    {"black", 0x000000}, {"silver", 0xC0C0C0}, {"gray", 0x808080},   {"grey", 0x808080},
    {"white", 0xFFFFFF}, {"maroon", 0x800000}, {"red", 0xFF0000},    {"purple", 0x800080},
    {"fuchsia", 0xFF00FF}, {"green", 0x008000}, {"lime", 0x00FF00},  {"olive", 0x808000},
    {"yellow", 0xFFFF00}, {"navy", 0x000080},  {"blue", 0x0000FF},   {"teal", 0x008080},
    {"aqua", 0x00FFFF},  {"orange", 0xFFA500}, {"darkgray", 0xA9A9A9}, {"lightgray", 0xD3D3D3},
};

Color from_rgb(unsigned rgb) {
  return {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
}

}  // namespace

std::optional<std::vector<double>> parse_number_list(std::string_view text) {
  NumberScanner scan(text);
  std::vector<double> values;
  scan.skip_spaces();
  while (!scan.at_end()) {
    const auto v = scan.number();
    if (!v) return std::nullopt;
    values.push_back(*v);
    scan.skip_separators();
  }
  return values;
}

std::optional<double> parse_length(std::string_view text) {
  text = trim(text);
  if (text.size() > 2 && text.substr(text.size() - 2) == "px") text.remove_suffix(2);
  NumberScanner scan(text);
  const auto v = scan.number();
  if (!v || !scan.at_end()) return std::nullopt;
  return v;
}

std::optional<Color> parse_color(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text[0] == '#') {
    const std::string_view hex = text.substr(1);
    if (hex.size() != 3 && hex.size() != 6) return std::nullopt;
    unsigned rgb = 0;
    for (char c : hex) {
      const int v = hex_value(c);
      if (v < 0) return std::nullopt;
      rgb = rgb * 16 + unsigned(v);
      if (hex.size() == 3) rgb = rgb * 16 + unsigned(v);  // "#abc" means "#aabbcc"
    }
    return from_rgb(rgb);
  }
  if (text.size() > 5 && equals_ignoring_case(text.substr(0, 4), "rgb(") && text.back() == ')') {
    std::string_view inner = text.substr(4, text.size() - 5);
    double channels[3];
    int n = 0;
    NumberScanner scan(inner);
    scan.skip_spaces();
    while (!scan.at_end() && n < 3) {
      auto v = scan.number();
      if (!v) return std::nullopt;
      double value = *v / 255.0;
      if (scan.peek() == '%') {
        scan.advance();
        value = *v / 100.0;
      }
      channels[n++] = std::clamp(value, 0.0, 1.0);
      scan.skip_separators();
    }
    if (n != 3 || !scan.at_end()) return std::nullopt;
    return Color{channels[0], channels[1], channels[2]};
  }
  for (const auto& named : kNamedColors)
    if (equals_ignoring_case(text, named.name)) return from_rgb(named.rgb);
  return std::nullopt;
}

std::optional<Matrix> parse_transform(std::string_view text, std::string& error) {
  Matrix total;
  std::size_t pos = 0;
  auto skip = [&] {
    while (pos < text.size() && (std::isspace(static_cast<unsigned char>(text[pos])) || text[pos] == ','))
      ++pos;
  };
  skip();
  while (pos < text.size()) {
    const std::size_t name_start = pos;
    while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
    const std::string_view name = text.substr(name_start, pos - name_start);
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    const std::size_t close = text.find(')', pos);
    if (name.empty() || pos >= text.size() || text[pos] != '(' || close == std::string_view::npos) {
      error = "the transform \"" + std::string(text) + "\" has a mistake in it";
      return std::nullopt;
    }
    const auto args = parse_number_list(text.substr(pos + 1, close - pos - 1));
    pos = close + 1;
    const std::size_t n = args ? args->size() : 0;
    auto bad = [&] {
      error = "the transform \"" + std::string(name) + "\" has the wrong numbers";
      return std::nullopt;
    };
    if (!args) return bad();
    const auto& v = *args;
    Matrix m;
    if (name == "matrix") {
      if (n != 6) return bad();
      m = {v[0], v[1], v[2], v[3], v[4], v[5]};
    } else if (name == "translate") {
      if (n != 1 && n != 2) return bad();
      m.e = v[0];
      m.f = n == 2 ? v[1] : 0;
    } else if (name == "scale") {
      if (n != 1 && n != 2) return bad();
      m.a = v[0];
      m.d = n == 2 ? v[1] : v[0];
    } else if (name == "rotate") {
      if (n != 1 && n != 3) return bad();
      const double r = radians(v[0]);
      const Matrix rotation{std::cos(r), std::sin(r), -std::sin(r), std::cos(r), 0, 0};
      if (n == 3) {  // about a centre: move the centre to 0, rotate, move back
        const Matrix to_origin{1, 0, 0, 1, -v[1], -v[2]};
        const Matrix back{1, 0, 0, 1, v[1], v[2]};
        m = to_origin.then(rotation).then(back);
      } else {
        m = rotation;
      }
    } else if (name == "skewX") {
      if (n != 1) return bad();
      m.c = std::tan(radians(v[0]));
    } else if (name == "skewY") {
      if (n != 1) return bad();
      m.b = std::tan(radians(v[0]));
    } else {
      error = "the transform \"" + std::string(name) + "\" is not known";
      return std::nullopt;
    }
    // In "A B" the right-most function applies first.
    total = m.then(total);
    skip();
  }
  return total;
}

}  // namespace easyread::symbols::detail
