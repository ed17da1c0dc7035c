// From the document's blocks to the plan of the notes: the title, sections,
// points, lists, actions and the meeting. Every block's words land somewhere.
#include <algorithm>

#include "draft/internal.hpp"
#include "draft/sentences.hpp"

namespace easyread::draft::detail {
namespace {

// The year of the first full date in the document: dates without a year
// ("by 3 March") are taken to be in it.
int year_of_document(const SourceDocument& doc) {
  auto year_in = [](std::string_view text) {
    for (const FoundDate& d : find_dates(text, 0))
      if (d.year_given) return d.date.year;
    return 0;
  };
  if (int year = year_in(doc.title)) return year;
  for (const Block& b : doc.blocks) {
    if (int year = year_in(b.text)) return year;
    for (const std::string& cell : b.cells)
      if (int year = year_in(cell)) return year;
  }
  return 0;
}

std::string join_cells(const std::vector<std::string>& cells) {
  std::string out;
  for (const std::string& cell : cells) {
    const std::string_view c = trim(cell);
    if (c.empty()) continue;
    if (!out.empty()) out = end_sentence(out) + '\n';
    out += c;
  }
  return out;
}

class Planner {
 public:
  Planner(const SourceDocument& doc) : doc_(doc), year_(year_of_document(doc)) {}

  Plan run() {
    plan_.title = doc_.title;
    // The title: a Title paragraph, else Word's own title, else the first heading.
    for (const Block& b : doc_.blocks) {
      if (b.kind != BlockKind::title && b.kind != BlockKind::heading) continue;
      if (b.kind == BlockKind::title || plan_.title.empty()) {
        plan_.title = std::string(trim(b.text));
        title_block_ = &b;
      }
      break;
    }
    section_level_ = 99;
    for (const Block& b : doc_.blocks)
      if (b.kind == BlockKind::heading && &b != title_block_) section_level_ = std::min(section_level_, b.level);
    plan_.sections.push_back({});
    for (const Block& b : doc_.blocks) {
      if (&b != title_block_) {
        add(b);
        continue;
      }
      for (const std::string& f : b.footnotes) footnotes_.push_back(f);
      for (const Image& image : b.images) pending_images_.push_back(image);
    }
    finish_section();
    if (!pending_images_.empty()) place_left_over_images();
    for (Section& s : plan_.sections)
      for (Item& item : s.items)
        if (item.kind == ItemKind::meeting) fill_meeting(item);
    if (plan_.sections.front().items.empty() && plan_.sections.size() > 1) plan_.sections.erase(plan_.sections.begin());
    return std::move(plan_);
  }

 private:
  Section& section() { return plan_.sections.back(); }

  void add(const Block& b) {
    for (const std::string& f : b.footnotes) footnotes_.push_back(f);
    if (trim(b.text).empty() && trim(join_cells(b.cells)).empty()) {
      for (const Image& image : b.images) pending_images_.push_back(image);
      return;
    }
    switch (b.kind) {
      case BlockKind::title:
      case BlockKind::heading: add_heading(b); break;
      case BlockKind::paragraph: add_paragraph(b); break;
      case BlockKind::list_item: add_list_item(b); break;
      case BlockKind::table_row: add_table_row(b); break;
    }
    last_kind_ = b.kind;
    last_group_ = b.group;
  }

  void add_heading(const Block& b) {
    if (b.kind == BlockKind::title || b.level <= section_level_) {
      finish_section();
      plan_.sections.push_back({std::string(trim(b.text)), {}});
      in_meeting_ = is_next_meeting(b.text);
      in_actions_ = is_actions_heading(b.text);
      meeting_ = -1;
      attach_images(b, nullptr);
      return;
    }
    // A smaller heading folds into its section as a point of its own.
    Item& item = new_item(ItemKind::point, b);
    item.notes.push_back("This was a smaller heading in your document.");
    if (is_next_meeting(b.text)) in_meeting_ = true, meeting_ = -1;
    if (is_actions_heading(b.text)) in_actions_ = true;
  }

  void add_paragraph(const Block& b) {
    if (auto action = read_action(b.text, in_actions_, year_)) return add_action(b, *action);
    if (in_meeting_ || (is_next_meeting(b.text) && !find_dates(b.text, year_).empty())) return add_to_meeting(b);
    new_item(ItemKind::point, b);
  }

  void add_list_item(const Block& b) {
    if (auto action = read_action(b.text, in_actions_, year_)) return add_action(b, *action);
    if (in_meeting_) return add_to_meeting(b);
    Item* last = section().items.empty() ? nullptr : &section().items.back();
    const bool same_list = last_kind_ == BlockKind::list_item && last_group_ == b.group;
    const bool lead_in = last_kind_ == BlockKind::paragraph && last && last->list.empty();
    if (last && last->kind == ItemKind::point && (same_list || lead_in) && last->list.empty() != same_list) {
      last->list.push_back(std::string(trim(b.text)));
      attach_images(b, last);
    } else {
      Item& item = new_item(ItemKind::point, b);
      item.list.push_back(std::move(item.paragraphs.front()));
      item.paragraphs.clear();
      last = &item;
    }
    if (b.numbered && (!same_list || last->notes.empty()))
      if (std::find(last->notes.begin(), last->notes.end(), kNumbered) == last->notes.end())
        last->notes.push_back(kNumbered);
  }

  void add_table_row(const Block& b) {
    const bool first_row = !(last_kind_ == BlockKind::table_row && last_group_ == b.group);
    Item& item = new_item(ItemKind::point, b);
    item.paragraphs = {join_cells(b.cells)};
    if (first_row) {
      headings_ = b.cells;
      item.notes.push_back("This was the top row of a table. Check if it has the table's headings.");
    } else {
      std::string note = "This was a row of a table.";
      if (!headings_.empty()) {
        note += " The table's top row says: ";
        for (std::size_t i = 0; i < headings_.size(); ++i) note += (i ? ", " : "") + std::string(trim(headings_[i]));
        note += ".";
      }
      item.notes.push_back(note);
    }
  }

  void add_action(const Block& b, const ActionLine& action) {
    Item& item = new_item(ItemKind::action, b);
    item.who = action.who;
    item.date = action.by;
    if (item.who.empty()) item.notes.push_back("Write who will do this in who=\"...\".");
    if (item.date && !item.date->year_given && item.date->date.year == 0)
      item.notes.push_back("Write the year of the date in by=\"...\".");
  }

  void add_to_meeting(const Block& b) {
    if (meeting_ >= 0 && static_cast<std::size_t>(meeting_) < section().items.size()) {
      Item& meeting = section().items[static_cast<std::size_t>(meeting_)];
      meeting.paragraphs.push_back(std::string(trim(b.text)));
      attach_images(b, &meeting);
      return;
    }
    new_item(ItemKind::meeting, b);
    meeting_ = static_cast<int>(section().items.size()) - 1;
  }

  Item& new_item(ItemKind kind, const Block& b) {
    Item item;
    item.kind = kind;
    item.paragraphs.push_back(std::string(trim(b.text)));
    section().items.push_back(std::move(item));
    Item& added = section().items.back();
    attach_images(b, &added);
    return added;
  }

  // A picture goes with the words of its own paragraph, else with the next words.
  void attach_images(const Block& b, Item* item) {
    for (const Image& image : b.images) pending_images_.push_back(image);
    if (item && !item->image && !pending_images_.empty()) {
      item->image = pending_images_.front();
      pending_images_.erase(pending_images_.begin());
    }
  }

  void finish_section() {
    for (std::string& text : footnotes_) {
      Item item;
      item.paragraphs.push_back(std::move(text));
      item.notes.push_back("This was a footnote in your document.");
      section().items.push_back(std::move(item));
    }
    footnotes_.clear();
  }

  void place_left_over_images() {
    for (Section& s : plan_.sections)
      for (auto it = s.items.rbegin(); it != s.items.rend() && !pending_images_.empty(); ++it)
        if (!it->image) {
          it->image = pending_images_.front();
          pending_images_.erase(pending_images_.begin());
        }
    for (Image& image : pending_images_) {  // more pictures than points: a point each
      Item item;
      item.paragraphs.push_back(image.alt.empty() ? std::string("A picture.") : image.alt);
      item.notes.push_back("This picture was on its own in your document. These words are its description.");
      item.image = std::move(image);
      plan_.sections.back().items.push_back(std::move(item));
    }
    pending_images_.clear();
  }

  void fill_meeting(Item& meeting) const {
    std::string all;
    for (const std::string& p : meeting.paragraphs) all += p + "\n";
    if (auto dates = find_dates(all, year_); !dates.empty()) meeting.date = dates.front();
    meeting.time = find_time(all);
    meeting.place = find_place(all);
    if (!meeting.date) meeting.notes.push_back("Write the date of the meeting in date=\"...\".");
    else if (meeting.date->date.year == 0) meeting.notes.push_back("Write the year of the meeting in date=\"...\".");
    if (!meeting.time) meeting.notes.push_back("Write the time of the meeting in time=\"...\".");
    if (!meeting.place) meeting.notes.push_back("Write where the meeting is in place=\"...\".");
  }

  static constexpr const char* kNumbered = "This was a numbered list. The notes show it with bullets.";

  const SourceDocument& doc_;
  const int year_;
  Plan plan_;
  const Block* title_block_ = nullptr;
  int section_level_ = 1;
  bool in_meeting_ = false, in_actions_ = false;
  int meeting_ = -1;  // the meeting in the current section, if any
  BlockKind last_kind_ = BlockKind::heading;
  int last_group_ = -1;
  std::vector<std::string> headings_;  // the top row of the current table
  std::vector<std::string> footnotes_;
  std::vector<Image> pending_images_;
};

}  // namespace

Plan plan_notes(const SourceDocument& doc) { return Planner(doc).run(); }

}  // namespace easyread::draft::detail
