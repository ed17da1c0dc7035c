// Pictures: each one the notes name (or the tool chooses) is found once, and
// each distinct picture is stored once.
#include <algorithm>
#include <map>
#include <string_view>

#include "content/internal.hpp"
#include "symbols/symbols.hpp"

namespace easyread::content::detail {

PictureTable::PictureTable(symbols::Library& library, const markup::Document& notes,
                           const symbols::GivenPictures& given, const style::Template& look,
                           const PictureRead& on_read, std::vector<Picture>& pictures, Diagnostics& diags)
    : library_(library), suggester_(library), notes_(notes), given_(given), pictures_(pictures), diags_(diags) {
  // Each attribute with the size the template shows its picture at.
  std::vector<std::pair<const markup::PictureRef*, double>> refs;
  if (notes.cover) refs.emplace_back(&notes.cover->picture, look.cover_picture_size);
  for (const auto& section : notes.sections)
    for (const auto& block : section.blocks)
      std::visit([&](const auto& b) { refs.emplace_back(&b.picture, look.picture_size); }, block);
  for (const auto& word : notes.words) refs.emplace_back(&word.picture, look.picture_size);
  std::map<std::string_view, std::size_t> seen;  // value -> its place in ahead_
  for (const auto& [ref, points] : refs) {
    if (!ref->span.line || !symbols::Library::names_file(ref->value)) continue;
    auto [it, added] = seen.emplace(ref->value, ahead_.size());
    if (added) ahead_.push_back({ref, points, {}, {}});
    else ahead_[it->second].largest_points = std::max(ahead_[it->second].largest_points, points);
  }
  if (ahead_.empty()) return;
  for (Ahead& a : ahead_) a.reading = a.promise.get_future();
  // In the order of the notes: the first photo is ready first.
  reader_ = std::jthread([this, on_read](std::stop_token stop) {
    for (Ahead& a : ahead_) {
      if (stop.stop_requested()) return;  // the build stopped; nobody waits
      try {
        auto read = library_.read_ahead(a.ref->value, notes_.directory, notes_.path, a.ref->span, given_);
        if (on_read && read.picture) on_read(*read.picture, a.largest_points);  // before resolve takes it
        a.promise.set_value(std::move(read));
      } catch (...) {
        a.promise.set_exception(std::current_exception());
      }
    }
  });
}

PictureUse PictureTable::resolve(const markup::PictureRef& ref, const markup::Paragraph* text,
                                 Span where) {
  if (ref.value == "none") return {};
  Span span = ref.span.line ? ref.span : where;
  std::string value = ref.value;
  if (value.empty()) {
    if (!text) return {};
    auto match = suggester_.suggest(text->plain_text());
    if (!match) {
      diags_.add({Severity::note, "no-picture-found", notes_.path, where,
                  "I found no picture that fits these words well, so this part has none.",
                  "To give it one, write picture=\"...\" here. To find one, type: easyread symbols search WORD"});
      return {};
    }
    value = match->code;
    diags_.add({Severity::note, "picture-chosen", notes_.path, where,
                "I chose the picture \"" + match->name + "\" for this part.",
                "If it is not right, write picture=\"...\" here. For no picture, write picture=\"none\"."});
  }
  auto ahead = std::find_if(ahead_.begin(), ahead_.end(), [&](const Ahead& a) { return a.ref == &ref; });
  std::optional<symbols::Library::ReadAhead> read;
  if (ahead != ahead_.end() && ahead->reading.valid()) read = ahead->reading.get();  // waits, if not read yet
  auto picture = library_.resolve(value, notes_.directory, notes_.path, span, diags_, given_, read ? &*read : nullptr);
  if (!picture) return {};
  PictureUse use;
  use.aspect = picture->aspect();
  use.alt = !ref.alt.empty() ? ref.alt : picture->name;
  bool is_photo = std::holds_alternative<RasterImage>(picture->content);
  if (is_photo && ref.alt.empty())
    diags_.warning(notes_.path, span, "missing-alt", "This photo has no words to say what it shows.",
                   "Add alt=\"...\" with a few words about the photo. Screen readers read them out.");
  if (picture->is_openmoji) {
    uses_openmoji_ = true;
    suggester_.remember(picture->key.substr(picture->key.find(':') + 1));  // later points follow it
  }
  auto [it, added] = by_key_.emplace(picture->key, static_cast<int>(pictures_.size()));
  if (added) pictures_.push_back(std::move(*picture));
  use.picture = it->second;
  return use;
}

}  // namespace easyread::content::detail
