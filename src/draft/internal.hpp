// Inside the draft stage: reading dates and actions, and the plan of the
// notes (sections, points, actions, the meeting) before it is written as XML.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "draft/draft.hpp"

namespace easyread::draft::detail {

// A date written in one of the usual UK forms: "3rd March 2027",
// "03/03/2027", "Wed 3 March", "3 Mar", "March 3rd, 2027", "2027-03-03".
struct FoundDate {
  Date date;              // year 0 when the text has no year and none was given
  bool year_given = true; // false: the year came from `year_if_missing`
  std::size_t begin = 0, end = 0;
};
// Every date in `text`, in order. A date without a year takes `year_if_missing` (0: none).
std::vector<FoundDate> find_dates(std::string_view text, int year_if_missing);
// The first time of day: "10:30am", "2pm", "2.30 pm", "14:30", "midday".
std::optional<ClockTime> find_time(std::string_view text);
// Where: "Place: Riverside Hall", "Where: ...", or "at Riverside Hall".
std::optional<std::string> find_place(std::string_view text);

// "Action: Priya to phone the council by 3 March": who does it, and by when.
struct ActionLine {
  std::string who;
  std::optional<FoundDate> by;
};
// `in_actions_part`: the line is under a heading such as "Actions", so it
// needs no "Action:" label.
std::optional<ActionLine> read_action(std::string_view text, bool in_actions_part, int year);

// True for headings like "Next meeting" or "Date of next meeting".
bool is_next_meeting(std::string_view text);
// True for headings like "Actions" or "Action points".
bool is_actions_heading(std::string_view text);

// The notes before they are written.
enum class ItemKind { point, action, meeting };

struct Item {
  ItemKind kind = ItemKind::point;
  std::vector<std::string> paragraphs;  // words; each paragraph's sentences go on their own lines
  std::vector<std::string> list;        // list items (points only)
  std::vector<std::string> notes;       // comments for the person, written above the item
  std::optional<Image> image;           // the document's own picture for this item
  std::string who;                      // action
  std::optional<FoundDate> date;        // action: by when; meeting: the day
  std::optional<ClockTime> time;        // meeting
  std::optional<std::string> place;     // meeting
};

struct Section {
  std::string title;  // empty: the part before the first heading
  std::vector<Item> items;
};

struct Plan {
  std::string title;
  std::vector<Section> sections;
};

Plan plan_notes(const SourceDocument& doc);

// Lower case for ASCII letters (headings and labels are compared this way).
std::string ascii_lower(std::string_view text);
// Text with white space at both ends taken off.
std::string_view trim(std::string_view text);

}  // namespace easyread::draft::detail
