// The build's notes about pictures, told briefly: a one-page letter should not
// print a screen of notes. Chosen pictures become one line; each part without
// a picture gets one line.
#pragma once
#include <cstddef>
#include <string>

#include "base/diagnostic.hpp"

namespace easyread::cli {

struct PictureNotes {
  std::size_t chosen = 0;    // pictures the build chose itself
  std::size_t without = 0;   // parts that got no picture
  std::string summary() const;  // empty when there is nothing to say
};

// Takes the picture notes out of `diags` (or, with `show_chosen`, keeps each
// chosen picture), makes each "no picture" note one line, and counts them.
PictureNotes gather_picture_notes(Diagnostics& diags, bool show_chosen);

}  // namespace easyread::cli
