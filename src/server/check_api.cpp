// POST /api/check: any writing (typed, or a Word, text, Markdown or notes
// file) to the same JSON as `easyread check --format json`, or its HTML report.
#include "report/report.hpp"
#include "server/check_request.hpp"
#include "server/service.hpp"

namespace easyread::server {
namespace {

constexpr int kFewestSentenceWords = 5;
constexpr int kMostSentenceWords = 60;

bool is_text_type(const std::string& content_type) {
  return content_type.starts_with("text/plain");
}

// The writing: typed text (a text/plain body, or a "text" field) or a file
// in the field "file". Its name is the last part of the browser's name.
std::optional<Refusal> read_writing(const httplib::Request& req, CheckRequest& out) {
  if (is_text_type(req.get_header_value("Content-Type"))) {
    out.input = Input::bytes(req.body, "writing.txt");
    return std::nullopt;
  }
  if (req.is_multipart_form_data() && req.has_file("file") && !req.get_file_value("file").filename.empty()) {
    const auto& file = req.get_file_value("file");
    const std::string ext = extension(file.filename);
    if (ext != "txt" && ext != "md" && ext != "docx" && ext != "xml")
      return Refusal{415, "I can read Word (.docx), text (.txt), Markdown (.md) and easyread notes (.xml). "
                          "Please choose one of those."};
    out.input = Input::bytes(file.content, last_part(file.filename));
    return std::nullopt;
  }
  if (req.has_param("text") || (req.is_multipart_form_data() && req.has_file("text"))) {
    out.input = Input::bytes(form_field(req, "text"), "writing.txt");
    return std::nullopt;
  }
  if (!req.is_multipart_form_data() && !req.get_header_value("Content-Type").starts_with("application/x-www-form"))
    return Refusal{415, "Please send your writing as plain text, or as a form with a file."};
  return Refusal{400, "There was no writing to check. Please type some words or choose a file."};
}

std::optional<Refusal> read_choices(const httplib::Request& req, CheckRequest& out) {
  const std::string words = form_field(req, "sentence_words");
  if (!words.empty()) {
    const bool number = words.size() <= 3 && words.find_first_not_of("0123456789") == std::string::npos;
    const int n = number ? std::stoi(words) : 0;
    if (n < kFewestSentenceWords || n > kMostSentenceWords)
      return Refusal{400, "The longest sentence must be a number from 5 to 60."};
    out.options.sentence_words = n;
  }
  out.options.allow = split_list(form_field(req, "allow"));
  if (std::string problem = check_options_problem(out.options); !problem.empty()) return Refusal{400, problem};
  out.html = form_field(req, "format") == "html";
  return std::nullopt;
}

}  // namespace

std::variant<CheckRequest, Refusal> read_check_request(const httplib::Request& req, const Service& service) {
  CheckRequest out{Input::bytes("", ""), service.check_defaults, false};
  if (auto refused = read_writing(req, out)) return *refused;
  if (auto refused = read_choices(req, out)) return *refused;
  return out;
}

std::string unreadable_words(const CheckResult& result) {
  for (const Diagnostic& d : result.diagnostics)
    if (d.severity == Severity::error) return d.message + (d.suggestion.empty() ? "" : " " + d.suggestion);
  return "I could not read this file. Please check it is a Word, text or Markdown file.";
}

void send_report_download(const CheckResult& result, httplib::Response& res) {
  const std::string base = safe_file_name(result.path, "writing");
  res.set_content(report::to_html({result}), "text/html; charset=utf-8");
  res.set_header("Content-Disposition", "attachment; filename=\"" + base + "-report.html\"");
}

void add_check_routes(httplib::Server& http, Service& service) {
  http.Post("/api/check", [&service](const httplib::Request& req, httplib::Response& res) {
    auto parsed = read_check_request(req, service);
    if (auto* refused = std::get_if<Refusal>(&parsed)) return send_error(res, refused->status, refused->words);
    auto& request = std::get<CheckRequest>(parsed);
    const CheckResult result = service.engine.check(request.input, request.options);
    if (!result.read) {
      // Notes with mistakes: the findings too, each with its line and column,
      // so the Make page can show every mistake beside its own point.
      std::string body = check_json({result});
      body.insert(1, "\"error\":" + report::json_string(unreadable_words(result)) + ",");
      res.status = 422;
      return res.set_content(body, "application/json");
    }
    if (request.html) return send_report_download(result, res);
    res.set_content(check_json({result}), "application/json");
  });
  add_check_page_route(http, service);
}

}  // namespace easyread::server
