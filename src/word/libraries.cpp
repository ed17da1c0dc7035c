#include "word/libraries.hpp"

#include <dlfcn.h>

namespace easyread::word {

// A loaded library stays for the life of the process (RTLD_NODELETE):
// librsvg registers GObject types, which cannot be registered a second time
// if it were unloaded and loaded again. Closing only drops our reference.
LoadedLibrary::~LoadedLibrary() {
  if (handle_) dlclose(handle_);
}

bool LoadedLibrary::open(std::initializer_list<const char*> names, std::string& error) {
  for (const char* name : names) {
    handle_ = dlopen(name, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (handle_) return true;
  }
  const char* why = dlerror();
  error = why ? why : "the library is missing";
  return false;
}

void* LoadedLibrary::symbol(const char* name) const { return handle_ ? dlsym(handle_, name) : nullptr; }

Libraries Libraries::load() {
  Libraries l;
  std::string why;
  if (!l.zip_library.open({"libzip.so.4", "libzip.so"}, why)) {
    l.error = "libzip is missing (" + why + "). Install the Debian package libzip4";
    return l;
  }
  if (!l.rsvg_library.open({"librsvg-2.so.2", "librsvg-2.so"}, why)) {
    l.error = "librsvg is missing (" + why + "). Install the Debian package librsvg2-2";
    return l;
  }
  // dlsym on a library also finds the functions of the libraries it loaded
  // (librsvg brings cairo and GObject).
  {
    auto& library = l.zip_library;
    auto& f = l.zip;
#define EASYREAD_FIND_ZIP(name)                                                  \
  f.name = reinterpret_cast<decltype(f.name)>(library.symbol(#name));            \
  if (!f.name && l.error.empty()) l.error = std::string("libzip has no function ") + #name;
    EASYREAD_ZIP_FUNCTIONS(EASYREAD_FIND_ZIP)
  }
  {
    auto& library = l.rsvg_library;
    auto& f = l.rsvg;
#define EASYREAD_FIND_RSVG(name)                                                 \
  f.name = reinterpret_cast<decltype(f.name)>(library.symbol(#name));            \
  if (!f.name && l.error.empty()) l.error = std::string("librsvg has no function ") + #name;
    EASYREAD_RSVG_FUNCTIONS(EASYREAD_FIND_RSVG)
  }
  return l;
}

}  // namespace easyread::word
