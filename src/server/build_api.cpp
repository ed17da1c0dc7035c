// POST /api/build: notes (and their pictures) to a PDF, web page or Word file.
#include <openssl/evp.h>

#include <chrono>
#include <filesystem>
#include <string_view>
#include <vector>

#include "report/report.hpp"
#include "server/service.hpp"

namespace easyread::server {
namespace {

constexpr const char* kRetrySeconds = "5";

std::string sha256_base64(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  return base64(std::string(reinterpret_cast<const char*>(digest), size));
}

// The built web page's own policy: its inline style and read-aloud script,
// by their hashes, and pictures and fonts inside it. Nothing from a network.
std::string built_page_policy(const std::string& page) {
  std::string styles, scripts;
  for (const char* tag : {"style", "script"}) {
    const std::string open = std::string("<") + tag + ">", close = std::string("</") + tag + ">";
    for (std::size_t at = page.find(open); at != std::string::npos; at = page.find(open, at)) {
      const std::size_t start = at + open.size(), end = page.find(close, start);
      if (end == std::string::npos) break;
      (tag[1] == 't' ? styles : scripts) += " 'sha256-" + sha256_base64(page.substr(start, end - start)) + "'";
      at = end;
    }
  }
  return "default-src 'none'; img-src data:; font-src data:; style-src" + (styles.empty() ? " 'none'" : styles) +
         "; script-src" + (scripts.empty() ? " 'none'" : scripts) +
         "; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
}

// Every value of the attribute `name` ("picture") in `xml`, found by
// scanning (no regular expression: big notes must not cost deep recursion).
std::vector<std::string> attribute_values(std::string_view xml, std::string_view name) {
  std::vector<std::string> values;
  for (std::size_t at = xml.find(name); at != std::string_view::npos; at = xml.find(name, at + 1)) {
    if (at == 0 || !std::isspace(static_cast<unsigned char>(xml[at - 1]))) continue;
    std::size_t p = at + name.size();
    while (p < xml.size() && std::isspace(static_cast<unsigned char>(xml[p]))) ++p;
    if (p >= xml.size() || xml[p] != '=') continue;
    ++p;
    while (p < xml.size() && std::isspace(static_cast<unsigned char>(xml[p]))) ++p;
    if (p >= xml.size() || (xml[p] != '"' && xml[p] != '\'')) continue;
    const std::size_t end = xml.find(xml[p], p + 1);
    if (end == std::string_view::npos) break;
    values.emplace_back(xml.substr(p + 1, end - p - 1));
  }
  return values;
}

// Uploads matched to the notes by the name sent, or by its last part alone.
PictureFiles pictures_for(const httplib::Request& req, const std::string& notes) {
  PictureFiles out;
  const auto uploads = req.files.equal_range("picture");
  for (const std::string& named : attribute_values(notes, "picture")) {
    for (auto it = uploads.first; it != uploads.second; ++it) {
      const std::string& sent = it->second.filename;
      if (sent.empty()) continue;
      if (sent == named || last_part(sent) == last_part(named)) {
        out[named] = it->second.content;
        break;
      }
    }
  }
  return out;
}

// A download name from the notes' title: ASCII letters and digits only.
std::string download_name(const std::string& notes, Format format) {
  std::string name;
  const std::size_t root = notes.find("<easyread");
  const std::size_t root_end = notes.find('>', root == std::string::npos ? 0 : root);
  if (root != std::string::npos && root_end != std::string::npos) {
    const auto titles = attribute_values(std::string_view(notes).substr(root, root_end - root), "title");
    for (char c : titles.empty() ? std::string() : titles.front()) {
      if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 128) name += c;
      else if (!name.empty() && name.back() != '-') name += '-';
      if (name.size() >= 60) break;
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return (name.empty() ? "notes" : name) + "." + format_name(format);
}

bool known_look(const Service& service, const std::string& name) {
  if (name.empty() || name.size() > 40 || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
    return false;
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path(service.engine.data_home()) / "templates" / (name + ".xml"), ec);
}

const char* content_type(Format format) {
  switch (format) {
    case Format::pdf: return "application/pdf";
    case Format::html: return "text/html; charset=utf-8";
    case Format::docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  return "application/octet-stream";
}

std::string diagnostics_json(const std::vector<Diagnostic>& diags) {
  std::string out = "{\"diagnostics\":[";
  bool first = true;
  for (const Diagnostic& d : diags) {
    out += std::string(first ? "" : ",") + "{\"severity\":" + report::json_string(severity_name(d.severity)) +
           ",\"rule\":" + report::json_string(d.rule) + ",\"file\":" + report::json_string(d.file) +
           ",\"line\":" + std::to_string(d.span.line) + ",\"column\":" + std::to_string(d.span.column) +
           ",\"message\":" + report::json_string(d.message) + ",\"suggestion\":" + report::json_string(d.suggestion) + "}";
    first = false;
  }
  return out + "]}\n";
}

// The build's choices from the form; a refusal's words in `problem`.
std::optional<BuildOptions> read_options(const Service& service, const httplib::Request& req, std::string& problem) {
  BuildOptions options;
  options.check_options = service.check_defaults;
  const std::string format = form_field(req, "format");
  const auto chosen = format_from_name(format.empty() ? "pdf" : format);
  if (!chosen) {
    problem = "I can make pdf, html or docx. Please choose one of those.";
    return std::nullopt;
  }
  options.format = *chosen;
  options.template_name = form_field(req, "template");
  if (!options.template_name.empty() && !known_look(service, options.template_name)) {
    problem = "I do not know the look \"" + options.template_name + "\". The looks are at /api/templates.";
    return std::nullopt;
  }
  options.check = form_field(req, "check") != "no";
  options.deadline = std::chrono::steady_clock::now() + service.options.build_time;
  return options;
}

bool took_too_long(const BuildResult& result) {
  for (const Diagnostic& d : result.diagnostics)
    if (d.rule == "took-too-long") return true;
  return false;
}

void build(Service& service, const httplib::Request& req, httplib::Response& res) {
  if (!req.is_multipart_form_data())
    return send_error(res, 415, "Please send a form with your notes in the field \"notes\".");
  const std::string notes = form_field(req, "notes");
  if (notes.empty()) return send_error(res, 400, "There were no notes. Please put your notes in the field \"notes\".");
  std::string problem;
  auto options = read_options(service, req, problem);
  if (!options) return send_error(res, 400, problem);
  options->pictures = pictures_for(req, notes);
  const BuildSlot slot(service);
  if (!slot.taken()) {
    res.set_header("Retry-After", kRetrySeconds);
    return send_error(res, 503, "easyread is busy making other documents. Please try again in a few seconds.");
  }
  const BuildResult result = service.engine.build(Input::bytes(notes, "notes.xml"), *options);
  if (took_too_long(result)) {
    res.set_header("Retry-After", kRetrySeconds);
    return send_error(res, 503, "Making this document took too long, so I stopped. Please try again, or make the notes shorter.");
  }
  if (!result.ok()) {
    res.status = 422;
    return res.set_content(diagnostics_json(result.diagnostics), "application/json");
  }
  res.set_content(result.bytes, content_type(options->format));
  if (options->format == Format::html) res.set_header("Content-Security-Policy", built_page_policy(result.bytes));
  if (form_field(req, "inline") != "yes")
    res.set_header("Content-Disposition", "attachment; filename=\"" + download_name(notes, options->format) + "\"");
}

}  // namespace

void add_build_routes(httplib::Server& http, Service& service) {
  http.Post("/api/build", [&service](const httplib::Request& req, httplib::Response& res) { build(service, req, res); });
}

}  // namespace easyread::server
