#include "cli/picture_notes.hpp"

#include <algorithm>

namespace easyread::cli {

PictureNotes gather_picture_notes(Diagnostics& diags, bool show_chosen) {
  PictureNotes notes;
  auto& items = diags.items();
  for (auto& d : items) {
    if (d.rule == "picture-chosen") ++notes.chosen;
    if (d.rule == "no-picture-found") {
      ++notes.without;
      d.span = {d.span.line, 0, d.span.line, 0};  // the line number only, no copy of the line
      d.suggestion.clear();                       // said once, in the summary
    }
  }
  std::erase_if(items, [&](const Diagnostic& d) {
    // The checker's "no picture here" is answered by the build: a picture was
    // chosen, or the part has a note of its own.
    return d.rule == "no-picture" || (d.rule == "picture-chosen" && !show_chosen);
  });
  return notes;
}

std::string PictureNotes::summary() const {
  std::string out;
  if (chosen > 0)
    out += "I chose " + std::to_string(chosen) + (chosen == 1 ? " picture" : " pictures") +
           " for you. To see them, build again with --pictures-chosen.\n";
  if (without > 0)
    out += std::string(without == 1 ? "1 part has" : std::to_string(without) + " parts have") +
           " no picture. To give a part a picture, write picture=\"...\" in it. "
           "To find one, type: easyread symbols search WORD\n";
  return out;
}

}  // namespace easyread::cli
