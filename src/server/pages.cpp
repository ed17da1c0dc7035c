// The app's pages and their files (CSS, script, pictures), from the web
// folder of easyread's data.
#include "server/service.hpp"

namespace easyread::server {
namespace {

// Plain names only: no folders, no hidden files, nothing but these characters.
bool plain_name(const std::string& name) {
  if (name.empty() || name.size() > 100 || name.front() == '.' || name.find("..") != std::string::npos) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) return false;
  return true;
}

void send_web_file(const Service& service, const std::string& name, httplib::Response& res) {
  const std::string type = content_type_for(name);
  const auto bytes = plain_name(name) && !type.empty() ? read_web_file(service, name) : std::nullopt;
  if (!bytes) {
    send_problem_page(res, 404, "I cannot find this page", "Check the address, or go to the home page.");
    return;
  }
  res.set_content(*bytes, type);
}

}  // namespace

void add_page_routes(httplib::Server& http, Service& service) {
  static const std::pair<const char*, const char*> kPages[] = {
      {"/", "index.html"}, {"/check", "check.html"}, {"/make", "make.html"}, {"/pictures", "pictures.html"}};
  for (const auto& [path, file] : kPages) {
    const std::string name = file;
    http.Get(path, [&service, name](const httplib::Request&, httplib::Response& res) {
      send_web_file(service, name, res);
    });
  }
  http.Get(R"(/assets/([^/]+))", [&service](const httplib::Request& req, httplib::Response& res) {
    send_web_file(service, req.matches[1].str(), res);
  });
}

}  // namespace easyread::server
