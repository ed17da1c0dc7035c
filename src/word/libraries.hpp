// libzip and librsvg, loaded when the first Word file is made, not when
// easyread starts. librsvg brings about 50 more libraries (GLib, cairo,
// Pango...) and libzip several; loading them into every run would slow down
// every PDF build, which never uses them. Private to src/word.
#pragma once
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <zip.h>

#include <memory>
#include <string>

namespace easyread::word {

// X(name) for each function we call. decltype(&::name) needs only the
// declaration, so nothing links against the libraries themselves.
#define EASYREAD_ZIP_FUNCTIONS(X)                                                                  \
  X(zip_error_init) X(zip_error_fini) X(zip_error_strerror) X(zip_source_buffer_create)            \
  X(zip_open_from_source) X(zip_source_keep) X(zip_source_buffer) X(zip_file_add) X(zip_source_free) \
  X(zip_strerror) X(zip_discard) X(zip_set_file_compression) X(zip_file_set_dostime) X(zip_close)  \
  X(zip_source_stat) X(zip_source_open) X(zip_source_read) X(zip_source_close)

#define EASYREAD_RSVG_FUNCTIONS(X)                                                                 \
  X(rsvg_handle_new_from_data) X(rsvg_handle_render_document) X(g_object_unref) X(g_error_free)   \
  X(cairo_image_surface_create_for_data) X(cairo_create) X(cairo_destroy) X(cairo_surface_destroy)          \
  X(cairo_surface_flush)

#define EASYREAD_DECLARE_FUNCTION(name) decltype(&::name) name = nullptr;

struct ZipFunctions {
  EASYREAD_ZIP_FUNCTIONS(EASYREAD_DECLARE_FUNCTION)
};
struct RsvgFunctions {
  EASYREAD_RSVG_FUNCTIONS(EASYREAD_DECLARE_FUNCTION)
};

// A shared library opened with dlopen; it stays loaded (see libraries.cpp).
class LoadedLibrary {
 public:
  LoadedLibrary() = default;
  ~LoadedLibrary();
  LoadedLibrary(LoadedLibrary&& other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }
  LoadedLibrary& operator=(LoadedLibrary&&) = delete;
  LoadedLibrary(const LoadedLibrary&) = delete;

  // Opens the first of `names` that loads; false with a reason if none does.
  bool open(std::initializer_list<const char*> names, std::string& error);
  void* symbol(const char* name) const;

 private:
  void* handle_ = nullptr;
};

// Both libraries with their functions looked up, or the reason they are missing.
struct Libraries {
  LoadedLibrary zip_library, rsvg_library;
  ZipFunctions zip;
  RsvgFunctions rsvg;
  std::string error;  // empty when both loaded
  static Libraries load();
};

}  // namespace easyread::word
