// What the Word writer keeps between documents in one process (private).
#pragma once
#include <map>
#include <mutex>
#include <string>

#include "word/media.hpp"
#include "word/word.hpp"

namespace easyread::word {

struct FontPart {
  std::string bytes;  // the subset face, already obfuscated
  std::string key;
};

struct PictureCache::Impl {
  std::mutex mutex;
  std::map<std::string, PictureFiles> symbols;  // by picture key and size in pixels
  std::map<std::string, FontPart> fonts;        // by font file and extra letters
};

}  // namespace easyread::word
