// GET /api/templates, GET /api/symbols?q=words and each symbol's picture.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/report.hpp"
#include "server/service.hpp"

namespace easyread::server {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kDefaultPictures = 12;
constexpr std::size_t kMostPictures = 50;

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The words a template's first comment says about its look ("minutes: for
// the notes of a meeting. ..."): its first sentence, on one line.
std::string template_title(const std::string& xml, const std::string& name) {
  const std::size_t open = xml.find("<!--");
  const std::size_t close = xml.find("-->", open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return name;
  std::string words = xml.substr(open + 4, close - open - 4);
  if (const std::size_t colon = words.find(':'); colon != std::string::npos && colon < 40) words.erase(0, colon + 1);
  if (const std::size_t stop = words.find(". "); stop != std::string::npos) words.erase(stop + 1);
  std::string flat;
  for (char c : words) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (!(c == ' ' && (flat.empty() || flat.back() == ' '))) flat += c;
  }
  while (!flat.empty() && flat.back() == ' ') flat.pop_back();
  if (!flat.empty()) flat[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(flat[0])));
  return flat.empty() ? name : flat;
}

std::string templates_json(const Service& service) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(service.engine.data_home()) / "templates", ec))
    if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string out = "[";
  for (const fs::path& file : files) {
    const std::string name = file.stem().string();
    const std::string title = template_title(read_file(file).value_or(""), name);
    out += std::string(out.size() > 1 ? "," : "") + "{\"name\":" + report::json_string(name) +
           ",\"title\":" + report::json_string(title) + "}";
  }
  return out + "]\n";
}

// "1F9D1-200D-2695-FE0F": groups of 2 to 6 capital hex digits with dashes between.
bool is_openmoji_code(const std::string& code) {
  std::size_t group = 0;
  for (char c : code) {
    if (c == '-') {
      if (group < 2) return false;
      group = 0;
    } else if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')) {
      if (++group > 6) return false;
    } else {
      return false;
    }
  }
  return group >= 2;
}

// What a match is called in the API: the code the notes may use in picture="...".
// An own picture that is a file is named by its name (the notes may use it too).
std::string api_code(const SymbolMatch& match) {
  return is_openmoji_code(match.code) ? match.code : match.name;
}

std::string percent_encode(const std::string& text) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
    else out += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return out;
}

std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string symbols_json(const Service& service, const std::string& query, std::size_t limit) {
  std::string out = "[";
  for (const SymbolMatch& m : service.engine.search_symbols(words_of(query), limit)) {
    const std::string code = api_code(m);
    out += std::string(out.size() > 1 ? "," : "") + "{\"code\":" + report::json_string(code) +
           ",\"name\":" + report::json_string(m.name) +
           ",\"url\":" + report::json_string("/api/symbols/" + percent_encode(code) + ".svg") +
           ",\"origin\":" + report::json_string(m.origin) + "}";
  }
  return out + "]\n";
}

// A photo as an SVG picture, so every picture has one address and one type.
std::string photo_as_svg(const std::string& bytes, const std::string& type) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 72 72\" width=\"72\" height=\"72\">"
         "<image width=\"72\" height=\"72\" preserveAspectRatio=\"xMidYMid meet\" href=\"data:" +
         type + ";base64," + base64(bytes) + "\"/></svg>\n";
}

// The SVG for a code from the API; nullopt for anything unknown.
std::optional<std::string> symbol_svg(const Service& service, const std::string& code) {
  const fs::path openmoji = fs::path(service.engine.data_home()) / "third_party" / "openmoji" / "color" / "svg";
  if (is_openmoji_code(code)) return read_file(openmoji / (code + ".svg"));
  for (const SymbolMatch& m : service.engine.search_symbols(words_of(code), kMostPictures)) {
    if (m.name != code || m.origin != "own pictures") continue;
    if (is_openmoji_code(m.code)) return read_file(openmoji / (m.code + ".svg"));
    const std::string ext = extension(m.code);
    const auto bytes = read_file(m.code);
    if (!bytes) return std::nullopt;
    if (ext == "svg") return bytes;
    if (ext == "png") return photo_as_svg(*bytes, "image/png");
    if (ext == "jpg" || ext == "jpeg") return photo_as_svg(*bytes, "image/jpeg");
  }
  return std::nullopt;
}

std::size_t limit_from(const httplib::Request& req) {
  const std::string text = req.get_param_value("limit");
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos)
    return kDefaultPictures;
  return std::clamp<std::size_t>(std::stoul(text), 1, kMostPictures);
}

}  // namespace

void add_symbol_routes(httplib::Server& http, Service& service) {
  http.Get("/api/templates", [&service](const httplib::Request&, httplib::Response& res) {
    res.set_content(templates_json(service), "application/json");
  });
  http.Get("/api/symbols", [&service](const httplib::Request& req, httplib::Response& res) {
    res.set_content(symbols_json(service, req.get_param_value("q"), limit_from(req)), "application/json");
  });
  http.Get(R"(/api/symbols/([^/]+)\.svg)", [&service](const httplib::Request& req, httplib::Response& res) {
    const auto svg = symbol_svg(service, httplib::detail::decode_url(req.matches[1].str(), false));
    if (!svg) return send_error(res, 404, "I do not know this picture. Search for pictures again.");
    res.set_content(*svg, "image/svg+xml");
  });
}

}  // namespace easyread::server
