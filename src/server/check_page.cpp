// POST /check: the Check page without script. The form posts here and the
// answer is the same page, made by the server: the writing in the box again,
// then the writing with each problem marked, "What I found" and the
// reading-ease figures. web/check.js only adds the "Use this word" buttons.
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "report/report.hpp"
#include "server/check_request.hpp"

namespace easyread::server {
namespace {

// The plain word a finding offers ("Try "helped" instead."), or "".
std::string word_to_use(const Diagnostic& d) {
  const std::string_view said = d.suggestion;
  for (std::string_view start : {"Try \"", "Write \""}) {
    if (!said.starts_with(start)) continue;
    const std::size_t end = said.find('"', start.size());
    if (end == std::string_view::npos || end == start.size() || !said.substr(end + 1).starts_with(" instead")) break;
    return std::string(said.substr(start.size(), end - start.size()));
  }
  return {};
}

// The source's lines, with each finding that starts on a line marked (to the
// end of that line at most) and numbered as in the list.
std::string marked_writing(const CheckResult& result) {
  std::vector<std::pair<const Diagnostic*, int>> by_place;
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i)
    if (result.diagnostics[i].span.line > 0) by_place.emplace_back(&result.diagnostics[i], static_cast<int>(i) + 1);
  std::stable_sort(by_place.begin(), by_place.end(), [](const auto& a, const auto& b) {
    return std::pair(a.first->span.line, a.first->span.column) < std::pair(b.first->span.line, b.first->span.column);
  });
  report::SourceLines lines(result.source);
  std::string out;
  std::size_t next = 0;
  const int last_line = static_cast<int>(std::count(result.source.begin(), result.source.end(), '\n')) + 1;
  for (int number = 1; number <= last_line; ++number) {
    const std::string_view line = lines.line(number);
    std::size_t at = 0;
    std::string html;
    for (; next < by_place.size() && by_place[next].first->span.line == number; ++next) {
      const Span& s = by_place[next].first->span;
      const std::size_t start = report::column_offset(line, s.column);
      const std::size_t end = s.end_line == number ? report::column_offset(line, s.end_column) : line.size();
      if (start < at || end <= start || end > line.size()) continue;  // overlaps one already marked
      html += html_escape(line.substr(at, start - at)) + "<mark>" + html_escape(line.substr(start, end - start)) +
              "<span class=\"n\"> (" + std::to_string(by_place[next].second) + ")</span></mark>";
      at = end;
    }
    html += html_escape(line.substr(std::min(at, line.size())));
    out += html.empty() ? "<p class=\"gap\"></p>\n" : "<p>" + html + "</p>\n";
  }
  return "<div class=\"marked\">\n" + out + "</div>\n";
}

std::string found_list(const CheckResult& result, report::SourceLines& lines) {
  if (result.diagnostics.empty()) return "<p>I found nothing to change. Well done!</p>\n";
  std::string out = "<ol class=\"found\">\n";
  for (const Diagnostic& d : result.diagnostics) {
    const std::string words = d.span.line > 0 ? lines.text(d.span) : std::string();
    const std::string use = word_to_use(d);
    out += "<li>";
    if (!words.empty()) out += "<p class=\"found-words\">\"" + html_escape(words) + "\"</p>";
    out += "<p>" + html_escape(d.message) + "</p>";
    if (!d.suggestion.empty()) out += "<p class=\"use\">" + html_escape(d.suggestion) + "</p>";
    if (!use.empty() && !words.empty())
      out += "<button type=\"button\" class=\"quiet use-word\" hidden data-find=\"" + html_escape(words) +
             "\" data-use=\"" + html_escape(use) + "\">Use this word<span class=\"visually-hidden\">: " +
             html_escape(use) + "</span></button>";
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

std::string figure(const char* name, const std::string& value) {
  return std::string("<div><dt>") + name + "</dt><dd>" + value + "</dd></div>\n";
}

std::string figures(const TextStats& s, int sentence_words) {
  char ease[16], grade[16];
  std::snprintf(ease, sizeof ease, "%.0f", s.flesch_reading_ease);
  std::snprintf(grade, sizeof grade, "%.0f", s.flesch_kincaid_grade);
  const int share = static_cast<int>(s.short_sentence_share * 100 + 0.5);
  char average[16];
  std::snprintf(average, sizeof average, "%.1f", s.average_sentence_words);
  return "<dl class=\"figures\">\n" + figure("Sentences", std::to_string(s.sentences)) +
         figure("Words", std::to_string(s.words)) + figure("Words in a sentence, on average", average) +
         figure(("Sentences with " + std::to_string(sentence_words) + " words or less").c_str(),
                std::to_string(share) + " in 100") +
         figure("Reading ease, from 0 to 100. A higher number is easier.", ease) +
         figure("School year it suits. A lower number is easier.", grade) + "</dl>\n";
}

std::string results_section(const CheckResult& result) {
  report::SourceLines lines(result.source);
  return "<section id=\"results\" aria-labelledby=\"results-heading\">\n"
         "<h2 id=\"results-heading\" tabindex=\"-1\">Your writing, checked</h2>\n" +
         marked_writing(result) + "<h2>What I found</h2>\n" + found_list(result, lines) +
         "<h2>How easy it is to read</h2>\n" + figures(result.stats, result.sentence_words) +
         "<form method=\"post\" action=\"/api/check\" enctype=\"multipart/form-data\" class=\"report-form\">\n"
         "<input type=\"hidden\" name=\"format\" value=\"html\">\n"
         "<input type=\"hidden\" name=\"text\" class=\"report-text\" value=\"" + html_escape(result.source) + "\">\n"
         "<div class=\"buttons\"><button type=\"submit\" class=\"quiet\">Download the report</button></div>\n"
         "</form>\n</section>\n";
}

// web/check.html with the writing in its box and the results after the form.
std::optional<std::string> checked_page(const Service& service, const CheckResult& result) {
  auto page = read_page(service, "check.html", "/check");
  if (!page) return std::nullopt;
  const std::size_t box_end = page->find("</textarea>");
  const std::size_t results = page->find("<!--results-->");
  if (box_end == std::string::npos || results == std::string::npos) return std::nullopt;
  page->replace(results, 14, results_section(result));
  page->insert(box_end, html_escape(result.source));
  return page;
}

}  // namespace

void add_check_page_route(httplib::Server& http, Service& service) {
  http.Post("/check", [&service](const httplib::Request& req, httplib::Response& res) {
    auto parsed = read_check_request(req, service);
    if (auto* refused = std::get_if<Refusal>(&parsed))
      return send_problem_page(res, refused->status, "I could not check this", refused->words);
    auto& request = std::get<CheckRequest>(parsed);
    const CheckResult result = service.engine.check(request.input, request.options);
    if (!result.read) return send_problem_page(res, 422, "I could not read this file", unreadable_words(result));
    if (request.html) return send_report_download(result, res);
    const auto page = checked_page(service, result);
    if (!page) return send_problem_page(res, 500, "Something went wrong", "The page is missing. Please tell the people who run this.");
    res.set_content(*page, "text/html; charset=utf-8");
  });
}

}  // namespace easyread::server
