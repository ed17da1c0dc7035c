// Writes the plan as easyread notes with pugixml (which gets the escaping
// right), indented by hand so that every sentence starts its own line.
#include <cstdio>
#include <sstream>

#include <pugixml.hpp>

#include "draft/internal.hpp"
#include "draft/sentences.hpp"
#include "text/text.hpp"

namespace easyread::draft {
namespace {

using detail::Item;
using detail::ItemKind;
using detail::MarkedSentence;

std::string indent(int depth) { return "\n" + std::string(static_cast<std::size_t>(depth) * 2, ' '); }

// XML comments cannot hold "--".
std::string comment_text(std::string text) {
  for (std::size_t at; (at = text.find("--")) != std::string::npos;) text.replace(at, 2, "-");
  if (!text.empty() && text.back() == '-') text += '.';
  return " " + text + " ";
}

class Writer {
 public:
  Writer(const check::Checker& checker, symbols::Library& library, const Options& options)
      : library_(library), options_(options), marker_(checker), segmenter_(options.lang) {}

  Draft write(const detail::Plan& plan) {
    mark_all_sentences(plan);
    Draft draft;
    pugi::xml_document doc;
    comment(doc, 0, "easyread made this first draft from your document. Read it all. Do what each note says, "
                    "then take the note out.");
    pugi::xml_node root = open(doc, 0, "easyread");
    root.append_attribute("title") = plan.title.empty() ? "Our notes" : plan.title.c_str();
    root.append_attribute("lang") = options_.lang.c_str();
    if (plan.title.empty()) comment(root, 1, "Your document has no title. Write one in title=\"...\".");
    for (const detail::Section& section : plan.sections) {
      pugi::xml_node parent = root;
      int depth = 1;
      if (!section.title.empty()) {
        parent = open(root, 1, "section");
        parent.append_attribute("title") = section.title.c_str();
        depth = 2;
      }
      for (const Item& item : section.items) write_item(parent, depth, item, draft);
      if (parent != root) close(parent, 1);
    }
    write_words(root);
    close(root, 0);
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    doc.save(out, "  ", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    draft.xml = out.str() + "\n";
    return draft;
  }

 private:
  // Splits every paragraph into sentences and marks them all with one run of the checker.
  void mark_all_sentences(const detail::Plan& plan) {
    std::vector<std::string> all;
    for (const detail::Section& section : plan.sections)
      for (const Item& item : section.items) {
        for (std::size_t p = 0; p < item.paragraphs.size(); ++p) {
          // Paragraphs kept together in one item must end as sentences.
          const std::string text = p + 1 < item.paragraphs.size() ? detail::end_sentence(item.paragraphs[p])
                                                                 : item.paragraphs[p];
          for (const text::Range& r : segmenter_.sentences(text)) all.push_back(text.substr(r.begin, r.end - r.begin));
        }
        for (const std::string& entry : item.list) all.push_back(entry);
      }
    marked_ = marker_.mark(all);
  }

  const MarkedSentence& next_sentence() { return marked_.at(next_++); }

  static pugi::xml_node open(pugi::xml_node parent, int depth, const char* name) {
    parent.append_child(pugi::node_pcdata).set_value(indent(depth).c_str());
    return parent.append_child(name);
  }
  static void close(pugi::xml_node node, int depth) {
    node.append_child(pugi::node_pcdata).set_value(indent(depth).c_str());
  }
  static void comment(pugi::xml_node parent, int depth, const std::string& text) {
    if (depth > 0 || parent.first_child()) parent.append_child(pugi::node_pcdata).set_value(indent(depth).c_str());
    parent.append_child(pugi::node_comment).set_value(comment_text(text).c_str());
  }

  // One sentence on its own line, with its notes above it.
  void write_sentence(pugi::xml_node parent, int depth, const MarkedSentence& sentence) {
    for (const std::string& note : sentence.notes) comment(parent, depth, "Check: " + note);
    parent.append_child(pugi::node_pcdata).set_value(indent(depth).c_str());
    write_pieces(parent, sentence);
  }
  static void write_pieces(pugi::xml_node parent, const MarkedSentence& sentence) {
    for (const detail::Piece& piece : sentence.pieces) {
      if (piece.hard)
        parent.append_child("hard").append_child(pugi::node_pcdata).set_value(piece.text.c_str());
      else
        parent.append_child(pugi::node_pcdata).set_value(piece.text.c_str());
    }
  }

  void write_item(pugi::xml_node parent, int depth, const Item& item, Draft& draft) {
    for (const std::string& note : item.notes) comment(parent, depth, note);
    const char* name = item.kind == ItemKind::action ? "action" : item.kind == ItemKind::meeting ? "meeting" : "point";
    pugi::xml_node element = parent;
    std::vector<std::string> picture_notes;
    // The attributes first, then the notes about the picture above the element.
    std::string all_words;
    for (const std::string& p : item.paragraphs) all_words += p + " ";
    for (const std::string& entry : item.list) all_words += entry + " ";
    std::vector<std::pair<std::string, std::string>> attributes = item_attributes(item);
    choose_picture(item, all_words, attributes, picture_notes, draft);
    for (const std::string& note : picture_notes) comment(parent, depth, note);
    element = open(parent, depth, name);
    for (const auto& [key, value] : attributes) element.append_attribute(key.c_str()) = value.c_str();
    for (const std::string& p : item.paragraphs) {
      const std::string text = &p != &item.paragraphs.back() ? detail::end_sentence(p) : p;
      for (std::size_t n = segmenter_.sentences(text).size(); n > 0; --n)
        write_sentence(element, depth + 1, next_sentence());
    }
    if (!item.list.empty()) {
      pugi::xml_node list = open(element, depth + 1, "list");
      for (std::size_t i = 0; i < item.list.size(); ++i) {
        const MarkedSentence& entry = next_sentence();
        for (const std::string& note : entry.notes) comment(list, depth + 2, "Check: " + note);
        pugi::xml_node li = open(list, depth + 2, "item");
        write_pieces(li, entry);
      }
      close(list, depth + 1);
    }
    close(element, depth);
  }

  static std::vector<std::pair<std::string, std::string>> item_attributes(const Item& item) {
    std::vector<std::pair<std::string, std::string>> out;
    auto iso = [](const Date& d) {
      char text[16];
      std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
      return std::string(text);
    };
    if (item.kind == ItemKind::action) {
      if (!item.who.empty()) out.emplace_back("who", item.who);
      if (item.date && item.date->date.year) out.emplace_back("by", iso(item.date->date));
    } else if (item.kind == ItemKind::meeting) {
      if (item.date && item.date->date.year) out.emplace_back("date", iso(item.date->date));
      if (item.time) {
        char text[8];
        std::snprintf(text, sizeof text, "%02d:%02d", item.time->hour % 100, item.time->minute % 100);
        out.emplace_back("time", text);
      }
      if (item.place) out.emplace_back("place", *item.place);
    }
    return out;
  }

  void choose_picture(const Item& item, const std::string& words,
                      std::vector<std::pair<std::string, std::string>>& attributes,
                      std::vector<std::string>& notes, Draft& draft);
  void write_words(pugi::xml_node root);

  symbols::Library& library_;
  const Options& options_;
  detail::SentenceMarker marker_;
  text::Segmenter segmenter_;
  std::vector<MarkedSentence> marked_;
  std::size_t next_ = 0;
};

// Picture names from Word are kept when they are plain; anything else becomes "_".
std::string safe_file_name(const std::string& name) {
  std::string out;
  for (char c : name.substr(name.find_last_of('/') + 1)) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '-' || c == '_';
    out += plain ? c : '_';
  }
  if (out.empty() || out[0] == '.') out.insert(0, "picture");
  return out;
}

bool usable_picture(const std::string& name) {
  const std::string lower = detail::ascii_lower(name);
  for (const char* ending : {".png", ".jpg", ".jpeg", ".svg"})
    if (lower.ends_with(ending)) return true;
  return false;
}

void Writer::choose_picture(const Item& item, const std::string& words,
                            std::vector<std::pair<std::string, std::string>>& attributes,
                            std::vector<std::string>& notes, Draft& draft) {
  if (item.image) {
    const Image& image = *item.image;
    const std::string path = options_.picture_prefix + safe_file_name(image.name);
    bool saved = false;
    for (const SavedFile& f : draft.pictures) saved = saved || f.path == path;
    if (!saved) draft.pictures.push_back({path, image.bytes});
    if (usable_picture(path)) {
      attributes.emplace_back("picture", path);
      const std::string alt = text::fold_white_space(image.alt);
      if (!alt.empty()) attributes.emplace_back("alt", alt);
      notes.push_back("This picture is from your document. easyread saved it as " + path + ".");
      if (alt.empty()) notes.push_back("Write what the picture shows in alt=\"...\".");
      return;
    }
    notes.push_back("Your document has a picture here. easyread saved it as " + path +
                    ", but can only show PNG, JPEG and SVG pictures. Save it as one of those.");
  }
  if (auto match = library_.suggest(words)) {
    attributes.emplace_back("picture", match->origin == "catalogue" ? match->name : match->code);
    notes.push_back("easyread chose the picture \"" + match->name + "\". Check that it fits these words.");
  } else {
    notes.push_back("easyread found no picture for these words. To find one, type: easyread symbols search WORD");
  }
}

void Writer::write_words(pugi::xml_node root) {
  const std::vector<detail::WordToKnow>& words = marker_.words();
  if (words.empty()) return;
  comment(root, 1, "The words to know come from easyread's word lists. Check each one.");
  pugi::xml_node list = open(root, 1, "words");
  for (const detail::WordToKnow& w : words) {
    pugi::xml_node word = open(list, 2, "word");
    word.append_attribute("term") = w.term.c_str();
    word.append_child(pugi::node_pcdata).set_value(w.meaning.c_str());
  }
  close(list, 1);
}

}  // namespace

Draft make_draft(const SourceDocument& doc, const check::Checker& checker, symbols::Library& library,
                 const Options& options) {
  return Writer(checker, library, options).write(detail::plan_notes(doc));
}

}  // namespace easyread::draft
