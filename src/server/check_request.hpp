// Reading a request to check writing, shared by the API and the Check page.
#pragma once
#include <variant>

#include "server/service.hpp"

namespace easyread::server {

struct CheckRequest {
  Input input;
  CheckOptions options;
  bool html = false;  // the HTML report, as a download
};

// A request refused: its status and the words that say why.
struct Refusal {
  int status = 400;
  std::string words;
};

std::variant<CheckRequest, Refusal> read_check_request(const httplib::Request& req, const Service& service);
// What went wrong when a file could not be read, in plain words.
std::string unreadable_words(const CheckResult& result);
// The HTML report of `easyread check`, as a download.
void send_report_download(const CheckResult& result, httplib::Response& res);
// POST /check: the Check page's own form, answered with a page (check_page.cpp).
void add_check_page_route(httplib::Server& http, Service& service);

}  // namespace easyread::server
