// How `easyread check` prints what it found: text, JSON, SARIF and HTML.
#include <catch2/catch.hpp>

#include <sstream>

#include "check/check.hpp"
#include "report/report.hpp"

using namespace easyread;

namespace {

report::FileResult checked(const std::string& text, const std::string& path) {
  Diagnostics errors;
  const check::Checker checker(EASYREAD_SOURCE_DIR, {}, errors);
  report::FileResult result;
  result.path = path;
  result.source = text;
  check::Report report = checker.check_text(text, path);
  result.diagnostics = report.diagnostics.items();
  result.stats = report.stats;
  return result;
}

}  // namespace

TEST_CASE("text output reads like a compiler, with the words marked") {
  const report::FileResult file = checked("Hello.\nWe will facilitate it.\n", "letter.txt");
  std::ostringstream out;
  report::TextPrinter printer(out, false, 15);
  for (const Diagnostic& d : file.diagnostics) printer.print(d, file.source, false);
  printer.summary(file, {0, 1, 0});
  const std::string text = out.str();
  CHECK(text.find("letter.txt:2:9: warning: \"facilitate\" is jargon. Many people will not know what it means. "
                  "[jargon]\n  2 | We will facilitate it.\n    |         ^~~~~~~~~~\n  What to do: Try \"help\" "
                  "instead.\n") == 0);
  CHECK(text.find("\x1b[") == std::string::npos);  // no colour unless asked
  CHECK(text.find("0 errors, 1 warning, 0 notes.") != std::string::npos);
  CHECK(text.find("2 sentences and 5 words.") != std::string::npos);
}

TEST_CASE("JSON output has the documented fields") {
  const std::string json = report::to_json({checked("We will facilitate it.", "a \"quoted\" name.txt")});
  CHECK(json.find("{\"files\":[") == 0);
  CHECK(json.find("\"path\":\"a \\\"quoted\\\" name.txt\"") != std::string::npos);
  CHECK(json.find("{\"rule\":\"jargon\",\"severity\":\"warning\",\"line\":1,\"column\":9,\"end_line\":1,"
                  "\"end_column\":19,\"text\":\"facilitate\",") != std::string::npos);
  CHECK(json.find("\"stats\":{\"sentences\":1,\"words\":4,\"average_sentence_words\":4.00,"
                  "\"short_sentence_share\":1.000,\"flesch_reading_ease\":") != std::string::npos);
}

TEST_CASE("SARIF output is version 2.1.0 with rules and regions") {
  const std::string sarif = report::to_sarif({checked("We will facilitate it.", "a.txt")});
  CHECK(sarif.find("\"version\":\"2.1.0\"") != std::string::npos);
  CHECK(sarif.find("{\"id\":\"long-sentence\"") != std::string::npos);
  CHECK(sarif.find("\"ruleId\":\"jargon\"") != std::string::npos);
  CHECK(sarif.find("\"region\":{\"startLine\":1,\"startColumn\":9,\"endLine\":1,\"endColumn\":19}") !=
        std::string::npos);
  CHECK(sarif.find("\"columnKind\":\"unicodeCodePoints\"") != std::string::npos);
}

TEST_CASE("the HTML page marks the words and shows what to do beside them") {
  const std::string html = report::to_html({checked("We will facilitate <it>.", "a.txt")});
  CHECK(html.find("<!DOCTYPE html>") == 0);
  CHECK(html.find("<mark class=\"warning\" title=\"Problem 1\">facilitate<sup>1</sup></mark>") != std::string::npos);
  CHECK(html.find("&lt;it&gt;") != std::string::npos);  // the text is escaped
  CHECK(html.find("Try &quot;help&quot; instead.") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);   // one plain page, nothing to run
  CHECK(html.find("http") == std::string::npos);      // nothing to fetch
}

TEST_CASE("source lines are found forwards, backwards and past checkpoints") {
  std::string text;
  for (int i = 1; i <= 3000; ++i) text += "line " + std::to_string(i) + (i % 2 ? "\r\n" : "\n");
  report::SourceLines lines(text);
  CHECK(lines.line(1) == "line 1");
  CHECK(lines.line(2500) == "line 2500");
  CHECK(lines.line(2501) == "line 2501");  // no \r kept
  CHECK(lines.line(1030) == "line 1030");  // back, past a checkpoint
  CHECK(lines.line(7) == "line 7");
  CHECK(lines.line(3000) == "line 3000");
  CHECK(lines.line(3001).empty());  // after the last line end
  CHECK(lines.line(5000).empty());
  CHECK(lines.line(1025) == "line 1025");
  CHECK(lines.line(0).empty());
  CHECK(lines.offset(1024, 3) == 2);
  report::SourceLines no_end("one\ntwo");
  CHECK(no_end.line(2) == "two");
  CHECK(no_end.line(3).empty());
}

TEST_CASE("JSON strings escape quotes, backslashes and control bytes wherever they fall") {
  // A plain escaper, one byte at a time, to compare the fast one with.
  auto slow = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (static_cast<unsigned char>(c) < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out += buffer;
      } else out += c;
    }
    return out + "\"";
  };
  const std::string specials[] = {"\"", "\\", "\n", "\r", "\t", std::string(1, '\x01'), std::string(1, '\x1f'), "\xC3\xA9"};
  for (const std::string& special : specials)
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s(20, 'a');
      s.insert(at, special);
      INFO(at);
      CHECK(report::json_string(s) == slow(s));
    }
  // DEL, C1 controls and the right-to-left marks as \u escapes, so a
  // terminal showing the JSON is not turned round; other letters as they are.
  const std::pair<std::string, std::string> escaped[] = {
      {"\x7f", "\\u007f"}, {"\xC2\x9B", "\\u009b"}, {"\xE2\x80\xAE", "\\u202e"}, {"\xE2\x81\xA6", "\\u2066"},
      {"\xD8\x9C", "\\u061c"}, {"\xE2\x80\x94", "\xE2\x80\x94"}, {"\xC2\xA3", "\xC2\xA3"}};
  for (const auto& [raw, shown] : escaped)
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s(20, 'a');
      s.insert(at, raw);
      INFO(at << " " << shown);
      CHECK(report::json_string(s) == "\"" + std::string(at, 'a') + shown + std::string(20 - at, 'a') + "\"");
    }
  CHECK(report::json_string("") == "\"\"");
  CHECK(report::json_string("caf\xC3\xA9 \x7f") == "\"caf\xC3\xA9 \\u007f\"");
  CHECK(report::json_string("cut \xE2\x80") == "\"cut \xE2\x80\"");  // a letter cut short stays as it is
}
