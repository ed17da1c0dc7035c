// Small helpers that make the server's answers.
#include <openssl/evp.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/report.hpp"
#include "server/service.hpp"

namespace easyread::server {

// Only the page's own files; pictures may also be data: (uploads shown
// before they are sent) or blob: (a preview made in the page).
const char* const kAppPolicy =
    "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

BuildSlot::BuildSlot(Service& service) : service_(service) {
  int running = service_.builds_running.load();
  while (running < service_.max_builds) {
    if (service_.builds_running.compare_exchange_weak(running, running + 1)) {
      taken_ = true;
      return;
    }
  }
}

BuildSlot::~BuildSlot() {
  if (taken_) --service_.builds_running;
}

void send_error(httplib::Response& res, int status, const std::string& words) {
  res.status = status;
  res.set_content("{\"error\":" + report::json_string(words) + "}\n", "application/json");
}

void send_problem_page(httplib::Response& res, int status, const std::string& heading, const std::string& words) {
  res.status = status;
  res.set_content("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                      html_escape(heading) + " - easyread</title>\n<link rel=\"stylesheet\" href=\"/assets/app.css\">\n"
                      "</head>\n<body>\n<main>\n<h1>" + html_escape(heading) + "</h1>\n<p>" + html_escape(words) +
                      "</p>\n<p><a href=\"/\">Go to the home page</a></p>\n</main>\n</body>\n</html>\n",
                  "text/html; charset=utf-8");
}

std::optional<std::string> read_web_file(const Service& service, const std::string& name) {
  std::ifstream in(std::filesystem::path(service.web_dir) / name, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::optional<std::string> read_page(const Service& service, const std::string& name, const std::string& path) {
  static constexpr std::string_view kMarker = "<!--header-->";
  auto page = read_web_file(service, name);
  if (!page) return std::nullopt;
  const std::size_t at = page->find(kMarker);
  if (at == std::string::npos) return page;
  auto header = read_web_file(service, "header.html");
  if (!header) return std::nullopt;
  const std::string link = "<a href=\"" + path + "\"";
  if (const std::size_t own = header->find(link + ">"); own != std::string::npos)
    header->insert(own + link.size(), " aria-current=\"page\"");
  page->replace(at, kMarker.size(), *header);
  return page;
}

std::string last_part(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

std::string extension(std::string_view name) {
  const std::string last = last_part(name);
  const std::size_t dot = last.rfind('.');
  if (dot == std::string::npos || dot == 0) return {};
  std::string ext = last.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string safe_file_name(std::string_view sent, std::string_view fallback) {
  std::string out;
  for (char c : last_part(sent)) {
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    out += plain ? c : '_';
  }
  while (!out.empty() && out.front() == '.') out.erase(0, 1);  // no hidden files, no ".."
  if (out.size() > 80) out.erase(0, out.size() - 80);
  return out.empty() ? std::string(fallback) : out;
}

std::string content_type_for(std::string_view name) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {"css", "text/css; charset=utf-8"}, {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"}, {"svg", "image/svg+xml"},
      {"png", "image/png"}, {"woff2", "font/woff2"}, {"ico", "image/x-icon"},
      {"html", "text/html; charset=utf-8"}, {"json", "application/json"}};
  const std::string ext = extension(name);
  for (const auto& [known, type] : kTypes)
    if (ext == known) return type;
  return {};
}

std::string base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string html_escape(std::string_view text) { return report::html_escape(text); }

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    const std::size_t first = word.find_first_not_of(" \t\r");
    const std::size_t last = word.find_last_not_of(" \t\r");
    if (first != std::string::npos) out.push_back(word.substr(first, last - first + 1));
    word.clear();
  };
  for (char c : text) {
    if (c == ',' || c == '\n') flush();
    else word += c;
  }
  flush();
  return out;
}

std::string form_field(const httplib::Request& req, const std::string& name) {
  // A form's own field first, then the address (?format=html).
  if (req.is_multipart_form_data() && req.has_file(name)) return req.get_file_value(name).content;
  return req.has_param(name) ? req.get_param_value(name) : std::string();
}

}  // namespace easyread::server
