// The library as a C++ program, a command line or a server uses it. This
// file includes only the public header (and the standard library): it is
// built with no other include folder, so it proves the header stands alone.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <easyread/easyread.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = EASYREAD_SOURCE_DIR;

const easyread::Engine& engine() {
  static const easyread::Engine shared = easyread::Engine::load({kSource.string(), {}});
  return shared;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool has_rule(const std::vector<easyread::Diagnostic>& found, const std::string& rule) {
  for (const auto& d : found)
    if (d.rule == rule) return true;
  return false;
}

std::string said(const std::vector<easyread::Diagnostic>& found) {
  std::string out;
  for (const auto& d : found)
    out += d.file + ":" + std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + ": " +
           easyread::severity_name(d.severity) + ": " + d.message + " [" + d.rule + "]\n";
  return out;
}

const std::vector<fs::path> kSamples = {kSource / "samples" / "minutes.xml", kSource / "samples" / "newsletter.xml"};

}  // namespace

TEST_CASE("The library builds both samples to PDF bytes", "[library]") {
  for (const auto& sample : kSamples) {
    const easyread::BuildResult pdf = engine().build(easyread::Input::file(sample.string()));
    INFO(sample << "\n" << said(pdf.diagnostics));
    REQUIRE(pdf.ok());
    CHECK(pdf.bytes.rfind("%PDF-1.7", 0) == 0);
    CHECK(pdf.bytes.find("%%EOF") != std::string::npos);
    CHECK(pdf.pages >= 4);
  }
}

TEST_CASE("Builds on many threads give the same bytes as one after the other", "[library][threads]") {
  std::vector<std::string> expected;
  for (const auto& sample : kSamples) expected.push_back(engine().build(easyread::Input::file(sample.string())).bytes);
  REQUIRE(!expected[0].empty());
  REQUIRE(!expected[1].empty());
  REQUIRE(expected[0] != expected[1]);

  // A fresh engine, so the threads also race to fill its caches.
  const easyread::Engine fresh = easyread::Engine::load({kSource.string(), {}});
  constexpr int kThreads = 4, kRounds = 2;
  std::vector<std::vector<std::string>> made(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        for (int round = 0; round < kRounds; ++round)
          for (std::size_t s = 0; s < kSamples.size(); ++s) {
            // Half the threads start with the other sample.
            const std::size_t which = (s + static_cast<std::size_t>(t)) % kSamples.size();
            made[t].push_back(std::to_string(which) + ":" +
                              fresh.build(easyread::Input::file(kSamples[which].string())).bytes);
          }
      });
  }
  for (int t = 0; t < kThreads; ++t) {
    REQUIRE(made[t].size() == kRounds * kSamples.size());
    for (const std::string& result : made[t]) {
      const std::size_t which = static_cast<std::size_t>(result[0] - '0');
      CHECK(result.substr(2) == expected[which]);
    }
  }
}

TEST_CASE("Notes and pictures given as bytes need no files", "[library]") {
  const std::string notes = R"(<easyread title="Tea">
  <point picture="tea.png" alt="A cup of tea">We had tea.</point>
</easyread>)";
  easyread::BuildOptions options;
  options.check = false;
  options.pictures["tea.png"] = read_bytes(kSource / "samples" / "photos" / "tea.png");
  // The name puts the notes beside samples/photos/tea.png on disk, so a
  // build that looked on disk would find it there.
  const std::string name = (kSource / "samples" / "photos" / "notes.xml").string();
  const auto given = engine().build(easyread::Input::bytes(notes, name), options);
  INFO(said(given.diagnostics));
  CHECK(given.ok());

  options.pictures.clear();
  const auto not_given = engine().build(easyread::Input::bytes(notes, name), options);
  INFO(said(not_given.diagnostics));
  CHECK(not_given.bytes.empty());
  CHECK(has_rule(not_given.diagnostics, "missing-picture"));

  options.pictures["tea.png"] = "not a picture";
  const auto broken = engine().build(easyread::Input::bytes(notes, name), options);
  CHECK(broken.bytes.empty());
  CHECK(has_rule(broken.diagnostics, "bad-picture"));
}

TEST_CASE("Bad notes come back as diagnostics with a place, not as an exception", "[library]") {
  const auto result = engine().build(easyread::Input::bytes("<easyread title=\"x\">\n  <pont/>\n</easyread>", "bad.xml"));
  INFO(said(result.diagnostics));
  CHECK(result.bytes.empty());
  CHECK(!result.ok());
  REQUIRE(has_rule(result.diagnostics, "unknown-element"));
  for (const auto& d : result.diagnostics)
    if (d.rule == "unknown-element") {
      CHECK(d.file == "bad.xml");
      CHECK(d.span.line == 2);
      CHECK(d.span.column == 3);
    }
  const auto missing = engine().build(easyread::Input::file((kSource / "no-such-notes.xml").string()));
  CHECK(missing.bytes.empty());
  CHECK(!missing.diagnostics.empty());
}

TEST_CASE("Word files on many threads give the same bytes as one after the other", "[library][threads]") {
  easyread::BuildOptions word;
  word.format = easyread::Format::docx;
  word.check = false;
  const std::string expected = engine().build(easyread::Input::file(kSamples[0].string()), word).bytes;
  REQUIRE(!expected.empty());
  // A fresh engine: the threads race to draw and keep the same pictures.
  const easyread::Engine fresh = easyread::Engine::load({kSource.string(), {}});
  constexpr int kThreads = 3;
  std::vector<std::string> made(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] { made[t] = fresh.build(easyread::Input::file(kSamples[0].string()), word).bytes; });
  }
  for (const std::string& bytes : made) CHECK(bytes == expected);
}

TEST_CASE("A Word file and a web page are built from the same notes", "[library]") {
  easyread::BuildOptions options;
  options.format = easyread::Format::docx;
  const auto word = engine().build(easyread::Input::file(kSamples[1].string()), options);
  CHECK(word.ok());
  CHECK(word.bytes.starts_with("PK\x03\x04"));  // a ZIP package, as every .docx file is
  CHECK(word.bytes.find("word/document.xml") != std::string::npos);
  CHECK_FALSE(has_rule(word.diagnostics, "format-not-ready"));
  // Built again (the drawn pictures now come from the engine), the same bytes.
  const auto again = engine().build(easyread::Input::file(kSamples[1].string()), options);
  CHECK(again.bytes == word.bytes);

  options.format = easyread::Format::html;
  const auto page = engine().build(easyread::Input::file(kSamples[1].string()), options);
  CHECK(page.ok());
  CHECK(page.bytes.starts_with("<!DOCTYPE html>"));
  CHECK(page.bytes.find("<h1") != std::string::npos);
  CHECK(engine().build(easyread::Input::file(kSamples[1].string()), options).bytes == page.bytes);
  CHECK(easyread::format_from_name("docx") == easyread::Format::docx);
  CHECK(!easyread::format_from_name("odt"));
}

TEST_CASE("A build also gives the findings of the checks", "[library]") {
  const std::string notes = R"(<easyread title="News">
  <point picture="none">We will facilitate the meeting.</point>
</easyread>)";
  easyread::BuildOptions options;
  CHECK(has_rule(engine().build(easyread::Input::bytes(notes, "n.xml"), options).diagnostics, "jargon"));
  options.check_options.rules["jargon"] = "off";
  CHECK(!has_rule(engine().build(easyread::Input::bytes(notes, "n.xml"), options).diagnostics, "jargon"));
  options.check = false;
  CHECK(engine().build(easyread::Input::bytes(notes, "n.xml"), options).diagnostics.empty());
}

TEST_CASE("Checking a text gives the findings and the JSON of easyread check", "[library]") {
  const fs::path dir = fs::temp_directory_path() / ("easyread-library-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path letter = dir / "letter.txt";
  std::ofstream(letter) << "We will facilitate it.\nThe form was sent by the council, which we think is a good thing, "
                           "and we are glad about it and we hope you are glad about it too.\n";
  easyread::CheckOptions options;
  options.settings_beside = false;
  const easyread::CheckResult result = engine().check(easyread::Input::file(letter.string()), options);
  CHECK(result.read);
  CHECK(has_rule(result.diagnostics, "jargon"));
  CHECK(has_rule(result.diagnostics, "long-sentence"));
  CHECK(result.stats.sentences == 2);

  // The same JSON as the command line prints.
  const std::string command = std::string(EASYREAD_BINARY) + " check --no-settings --format json " + letter.string();
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::string printed;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) printed.append(buffer, n);
  CHECK(easyread::check_json({result}) == printed);

  // A longer limit: no long sentence.
  options.sentence_words = 40;
  CHECK(!has_rule(engine().check(easyread::Input::file(letter.string()), options).diagnostics, "long-sentence"));
  // A wrong choice is told, not thrown.
  options.rules["no-such-rule"] = "off";
  CHECK(!easyread::check_options_problem(options).empty());
  fs::remove_all(dir);
}

TEST_CASE("Searching symbols finds pictures by words", "[library]") {
  const auto found = engine().search_symbols({"doctor"}, 5);
  REQUIRE(!found.empty());
  CHECK(found.size() <= 5);
  CHECK(found.front().name.find("doctor") != std::string::npos);
  CHECK(engine().search_symbols({"zzqqxx"}).empty());
}

TEST_CASE("A build past its deadline stops with took-too-long and gives no bytes", "[library]") {
  const std::string notes = read_bytes(kSource / "samples" / "newsletter.xml");
  easyread::BuildOptions options;
  options.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  const auto late = engine().build(easyread::Input::bytes(notes, "newsletter.xml"), options);
  CHECK_FALSE(late.ok());
  CHECK(late.bytes.empty());
  CHECK(has_rule(late.diagnostics, "took-too-long"));
  // With time enough, the same notes build (the deadline only stops a build that is late).
  options.deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  options.pictures["photos/garden.jpg"] = read_bytes(kSource / "samples" / "photos" / "garden.jpg");
  options.pictures["photos/tea.png"] = read_bytes(kSource / "samples" / "photos" / "tea.png");
  const auto in_time = engine().build(easyread::Input::bytes(notes, "newsletter.xml"), options);
  CHECK(in_time.ok());
}
