// What the Word writer keeps between documents in one process (private).
#pragma once
#include <map>
#include <mutex>
#include <string>

#include "word/libraries.hpp"
#include "word/media.hpp"
#include "word/word.hpp"

namespace easyread::word {

struct FontPart {
  std::string bytes;  // the subset face, already obfuscated
  std::string key;
};

struct Resources::Impl {
  std::mutex mutex;
  std::map<std::string, PictureFiles> symbols;  // by picture key and size in pixels
  std::map<std::string, FontPart> fonts;        // by font file and extra letters

  // libzip and librsvg, loaded the first time they are needed.
  const Libraries& libraries() {
    std::call_once(loaded_, [this] { libraries_ = std::make_unique<Libraries>(Libraries::load()); });
    return *libraries_;
  }

 private:
  std::once_flag loaded_;
  std::unique_ptr<Libraries> libraries_;
};

}  // namespace easyread::word
