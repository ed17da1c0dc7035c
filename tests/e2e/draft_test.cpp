// easyread new --from: a first draft from Word, Markdown and plain text that
// builds at once, keeps every word in order, and puts each part in its place.
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>

#include "draft_minutes.hpp"
#include "pdf_probe.hpp"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

// Words: runs of letters and digits (list numbers and marks are not words).
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : text + " ") {
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// The draft's text in reading order: the title, then each section's title and
// the words of its points, actions and meeting (the word list is left out).
void collect_text(const pugi::xml_node& node, std::string& out) {
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_pcdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element && std::string_view(child.name()) != "words") {
      const std::string_view name = child.name();
      if (name == "section") out += std::string(child.attribute("title").value()) + " ";
      collect_text(child, out);
      // Parts such as list items are apart; the white space between them is not kept when read.
      if (name != "hard" && name != "b" && name != "link") out += " ";
    }
  }
}

// Every word of `original` appears in `draft`, in the same order.
void check_words_in_order(const std::string& original, const std::string& draft) {
  const std::vector<std::string> want = words_of(original), have = words_of(draft);
  std::size_t at = 0;
  for (std::size_t i = 0; i < want.size(); ++i) {
    while (at < have.size() && have[at] != want[i]) ++at;
    INFO("word " << i << " of the original, \"" << want[i] << "\", is missing or out of order in:\n" << draft);
    REQUIRE(at < have.size());
    ++at;
  }
}

std::vector<std::string> section_titles(const pugi::xml_node& root) {
  std::vector<std::string> titles;
  for (const pugi::xml_node& s : root.children("section")) titles.push_back(s.attribute("title").value());
  return titles;
}

std::string text_of(const pugi::xml_node& node) {
  std::string out;
  collect_text(node, out);
  std::string folded;
  for (char c : out) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c != ' ' || (!folded.empty() && folded.back() != ' ')) folded += c;
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

pugi::xml_node section(const pugi::xml_node& root, const std::string& title) {
  return root.find_child_by_attribute("section", "title", title.c_str());
}

// All the words a reader of the draft sees, from the title on.
std::string draft_text(const pugi::xml_node& root) {
  return std::string(root.attribute("title").value()) + " " + text_of(root);
}

pugi::xml_node last_point(const pugi::xml_node& parent) {
  pugi::xml_node last;
  for (const pugi::xml_node& point : parent.children("point")) last = point;
  return last;
}

struct Drafted {
  TempDir dir;
  std::string xml;
  pugi::xml_document doc;
  pugi::xml_node root;
};

// Makes the draft from `source` and builds it: both must work with no errors.
void draft_and_build(Drafted& d, const std::string& source) {
  const CommandResult made = run_easyread({"new", "--from", source, "notes.xml"}, d.dir.path());
  INFO(made.out << made.err);
  REQUIRE(made.exit_code == 0);
  d.xml = read_bytes(d.dir / "notes.xml");
  INFO(d.xml);
  REQUIRE(d.doc.load_string(d.xml.c_str(), pugi::parse_default));
  d.root = d.doc.child("easyread");
  const CommandResult built = run_easyread({"build", "notes.xml", "-o", "notes.pdf"}, d.dir.path());
  INFO(built.out << built.err);
  CHECK(built.exit_code == 0);
  CHECK((built.out + built.err).find("error:") == std::string::npos);
  CHECK(fs::exists(d.dir / "notes.pdf"));
}

// What every format must give: the title, sections, the list, actions, the
// meeting, the word list and a note above each sentence that breaks a rule.
// Every comment written straight above the text at `at`: a sentence may
// break more than one rule, and each rule writes its own note.
std::string notes_above(const std::string& xml, std::size_t at) {
  std::string notes;
  std::size_t end = at;
  for (;;) {
    const std::size_t before = xml.find_last_not_of(" \t\r\n", end == 0 ? 0 : end - 1);
    if (before == std::string::npos || before < 2 || xml.compare(before - 2, 3, "-->") != 0) break;
    const std::size_t open = xml.rfind("<!--", before);
    if (open == std::string::npos) break;
    notes.insert(0, xml.substr(open, before + 1 - open));
    end = open;
  }
  return notes;
}

void check_parts(Drafted& d) {
  const pugi::xml_node root = d.root;
  CHECK(std::string(root.attribute("title").value()) == "Speak Up Together: meeting minutes");
  CHECK(section_titles(root) ==
        std::vector<std::string>{"Who came", "The bus pass", "Our budget", "Actions", "Next meeting"});

  const pugi::xml_node list = section(root, "The bus pass").find_node([](const pugi::xml_node& n) {
    return std::string_view(n.name()) == "list";
  });
  REQUIRE(list);
  CHECK(text_of(list.parent()).starts_with("We talked about 3 things:"));
  std::vector<std::string> items;
  for (const pugi::xml_node& item : list.children("item")) items.push_back(text_of(item));
  CHECK(items == std::vector<std::string>{"Bus times", "The cost of a bus pass",
                                          "How to complain to the Care Quality Commission (CQC)"});

  const pugi::xml_node actions = section(root, "Actions");
  const pugi::xml_node first = actions.child("action"), second = first.next_sibling("action");
  CHECK(std::string(first.attribute("who").value()) == "Priya");
  CHECK(std::string(first.attribute("by").value()) == "2027-03-03");
  CHECK(text_of(first) == "Action: Priya to phone the council by 3 March");
  CHECK(std::string(second.attribute("who").value()) == "Sam");
  CHECK(std::string(second.attribute("by").value()) == "2027-03-24");

  const pugi::xml_node meeting = section(root, "Next meeting").child("meeting");
  CHECK(std::string(meeting.attribute("date").value()) == "2027-04-14");
  CHECK(std::string(meeting.attribute("time").value()) == "10:30");
  CHECK(std::string(meeting.attribute("place").value()) == "Riverside Community Hall");

  // The table: one point a row.
  std::vector<std::string> rows;
  for (const pugi::xml_node& point : section(root, "Our budget").children("point")) rows.push_back(text_of(point));
  REQUIRE(rows.size() >= 3);
  CHECK(rows[1] == "Room hire. £40");
  CHECK(rows[2] == "Tea and biscuits. £12");

  // Jargon from the word lists is marked and explained.
  const pugi::xml_node hard = root.find_node([](const pugi::xml_node& n) {
    return std::string_view(n.name()) == "hard" && std::string_view(n.child_value()) == "stakeholders";
  });
  CHECK(hard);
  const pugi::xml_node word = root.child("words").find_child_by_attribute("word", "term", "stakeholders");
  // The plain words of the word lists' entry for "stakeholder(s)".
  CHECK(std::string_view(word.child_value()).ends_with("involved."));

  // A note above the long sentence, in plain words, and the sentence itself unchanged.
  const std::size_t sentence = d.xml.find("The council has decided that from June");
  REQUIRE(sentence != std::string::npos);
  const std::string notes = notes_above(d.xml, sentence);
  INFO(notes);
  CHECK(notes.find("words") != std::string::npos);
  CHECK(d.xml.find("The council has decided that from June the bus pass can only be used after half past nine "
                   "in the morning.") != std::string::npos);
  // Each point has a picture chosen for it with a note to check it, or a
  // note that says how to find one.
  pugi::xml_document with_notes;
  REQUIRE(with_notes.load_string(d.xml.c_str(), pugi::parse_default | pugi::parse_comments));
  int chosen = 0;
  for (const pugi::xml_node& s : with_notes.child("easyread").children("section"))
    for (const pugi::xml_node& point : s.children("point")) {
      const pugi::xml_node note = point.previous_sibling();
      INFO(text_of(point));
      REQUIRE(note.type() == pugi::node_comment);
      const std::string_view says = note.value();
      if (point.attribute("picture") && !std::string_view(point.attribute("picture").value()).starts_with("notes-")) {
        ++chosen;
        CHECK(says.find("Check that it fits these words.") != std::string_view::npos);
      } else if (!point.attribute("picture")) {
        CHECK(says.find("easyread symbols search") != std::string_view::npos);
      }
    }
  CHECK(chosen >= 8);
}

std::string read_file(const fs::path& file) { return read_bytes(file); }

}  // namespace

TEST_CASE("A draft from Word keeps every word, the structure, and the photo", "[draft]") {
  Drafted d;
  const std::string photo = read_file(source_dir() / "samples" / "photos" / "garden.jpg");
  write_minutes_docx(d.dir / "minutes.docx", photo);
  draft_and_build(d, "minutes.docx");
  check_parts(d);
  check_words_in_order(kMinutesSeenInWord, draft_text(d.root));
  for (const char* hidden : kMinutesHiddenInWord) {
    INFO(hidden);
    CHECK(d.xml.find(hidden) == std::string::npos);
  }
  // The footnote is the last point of its section.
  CHECK(text_of(last_point(section(d.root, "The bus pass"))) == kMinutesFootnote);
  // The smaller heading is a point in its section.
  CHECK(text_of(section(d.root, "The bus pass")).find("What people said Many stakeholders") != std::string::npos);
  // The photo is saved beside the notes and used with Word's alternative text.
  const pugi::xml_node photo_point = d.root.find_node([](const pugi::xml_node& n) {
    return std::string_view(n.attribute("picture").value()) == "notes-pictures/image1.jpeg";
  });
  REQUIRE(photo_point);
  CHECK(std::string(photo_point.attribute("alt").value()) == kMinutesPhotoAlt);
  CHECK(text_of(photo_point) == "We had tea and biscuits.");
  CHECK(read_file(d.dir / "notes-pictures" / "image1.jpeg") == photo);
}

TEST_CASE("A draft from Markdown keeps every word and the structure", "[draft]") {
  Drafted d;
  write_text(d.dir / "minutes.md", kMinutesMarkdown);
  draft_and_build(d, "minutes.md");
  check_parts(d);
  std::string original = kMinutesMarkdown;  // without its list numbers
  for (const char* number : {"\n1. ", "\n2. ", "\n3. "})
    original.replace(original.find(number), std::string_view(number).size(), "\n");
  check_words_in_order(original, draft_text(d.root));
}

TEST_CASE("A draft from plain text, or from pasted text, keeps every word and the structure", "[draft]") {
  std::string original = kMinutesText;
  for (const char* number : {"\n1. ", "\n2. ", "\n3. "})
    original.replace(original.find(number), std::string_view(number).size(), "\n");
  {
    Drafted d;
    write_text(d.dir / "minutes.txt", kMinutesText);
    draft_and_build(d, "minutes.txt");
    check_parts(d);
    check_words_in_order(original, draft_text(d.root));
  }
  Drafted pasted;
  write_text(pasted.dir / "pasted.txt", kMinutesText);
  const CommandResult r = run_command(
      {"sh", "-c", std::string("\"$0\" new --from - notes.xml < pasted.txt"), EASYREAD_BINARY}, pasted.dir.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  pugi::xml_document doc;
  REQUIRE(doc.load_file((pasted.dir / "notes.xml").c_str()));
  check_words_in_order(original, draft_text(doc.child("easyread")));
}

TEST_CASE("easyread new --from never writes over a file", "[draft]") {
  TempDir dir;
  write_text(dir / "minutes.txt", kMinutesText);
  write_text(dir / "notes.xml", "mine");
  const CommandResult r = run_easyread({"new", "--from", "minutes.txt", "notes.xml"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(read_bytes(dir / "notes.xml") == "mine");
  CHECK(r.err.find("will not write over") != std::string::npos);
  // The same input gives the same draft, byte for byte.
  CHECK(run_easyread({"new", "--from", "minutes.txt", "a.xml"}, dir.path()).exit_code == 0);
  CHECK(run_easyread({"new", "--from", "minutes.txt", "b.xml"}, dir.path()).exit_code == 0);
  CHECK(read_bytes(dir / "a.xml") == read_bytes(dir / "b.xml"));
}
