// Pictures: each one the notes name (or the tool chooses) is found once, and
// each distinct picture is stored once.
#include "content/internal.hpp"
#include "symbols/symbols.hpp"

namespace easyread::content::detail {

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
  auto picture = library_.resolve(value, notes_.directory, notes_.path, span, diags_, given_);
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
