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

// A file of the web folder; a page (served at `page_path`) gets the shared header.
void send_web_file(const Service& service, const std::string& name, httplib::Response& res,
                   const std::string& page_path = {}) {
  const std::string type = content_type_for(name);
  const bool readable = plain_name(name) && !type.empty();
  const auto bytes = !readable ? std::nullopt
                     : page_path.empty() ? read_web_file(service, name)
                                         : read_page(service, name, page_path);
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
    const std::string name = file, page_path = path;
    http.Get(path, [&service, name, page_path](const httplib::Request&, httplib::Response& res) {
      send_web_file(service, name, res, page_path);
    });
  }
  http.Get(R"(/assets/([^/]+))", [&service](const httplib::Request& req, httplib::Response& res) {
    send_web_file(service, req.matches[1].str(), res);
  });
}

}  // namespace easyread::server
