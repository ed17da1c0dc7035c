// Inside the server: what every route shares, and the small helpers that
// make its answers. Only src/server uses this.
#pragma once
#include <httplib.h>

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "easyread/easyread.hpp"
#include "server/server.hpp"

namespace easyread::server {

// The one engine and the organisation's choices, loaded once and shared by
// every request; plus the count of builds running now.
struct Service {
  const Engine& engine;
  const ServerOptions& options;
  CheckOptions check_defaults;  // --words and --settings, for every check
  std::string web_dir;          // the pages and their files
  int max_builds = 1;
  std::atomic<int> builds_running{0};
};

// Holds one of the allowed builds while it lives; empty when all are taken.
class BuildSlot {
 public:
  explicit BuildSlot(Service& service);
  ~BuildSlot();
  BuildSlot(const BuildSlot&) = delete;
  BuildSlot& operator=(const BuildSlot&) = delete;
  bool taken() const { return taken_; }

 private:
  Service& service_;
  bool taken_ = false;
};

// Routes, by area.
void add_page_routes(httplib::Server& http, Service& service);
void add_check_routes(httplib::Server& http, Service& service);
void add_build_routes(httplib::Server& http, Service& service);
void add_symbol_routes(httplib::Server& http, Service& service);

// ---- Answers (answers.cpp) --------------------------------------------------

// {"error": "..."} with this status.
void send_error(httplib::Response& res, int status, const std::string& words);
// A plain page for people (404 and others), in the app's look.
void send_problem_page(httplib::Response& res, int status, const std::string& heading, const std::string& words);
// The text of a file in the web folder; nullopt when it is not there.
std::optional<std::string> read_web_file(const Service& service, const std::string& name);
// A page of the web folder (check.html) served at `path` (/check), with the
// shared top of every page (web/header.html) where it says <!--header-->,
// its link to the page itself marked as the current one.
std::optional<std::string> read_page(const Service& service, const std::string& name, const std::string& path);
// A name the browser sent, made safe to show and to use as a download name:
// only its last part, only letters, digits, dots, dashes and underscores.
std::string safe_file_name(std::string_view sent, std::string_view fallback);
// The part after the last '/' or '\'.
std::string last_part(std::string_view name);
// Lower-case extension without the dot ("docx"), or "".
std::string extension(std::string_view name);
// The content type of a web file by its extension; empty when not served.
std::string content_type_for(std::string_view name);
// Bytes as base64 (for data: addresses and hashes).
std::string base64(const std::string& bytes);
// Text escaped for HTML.
std::string html_escape(std::string_view text);
// Words from a comma- or line-separated list, trimmed, empty ones left out.
std::vector<std::string> split_list(std::string_view text);
// A form field's text: the first value of a multipart field, else of the
// field in the address or an urlencoded body; "" when there is none.
std::string form_field(const httplib::Request& req, const std::string& name);
// The Content-Security-Policy of the app's own pages.
extern const char* const kAppPolicy;

}  // namespace easyread::server
