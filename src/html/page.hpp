// Writes the body of the web page from the content tree (private to src/html).
#pragma once
#include <future>
#include <set>
#include <string>
#include <vector>

#include "html/internal.hpp"

namespace easyread::html {

class PageWriter {
 public:
  PageWriter(const content::Document& doc, const Options& options);
  // The <main> and <footer> elements, in reading order.
  std::string body();
  // Each vector picture once, and each photo used more than once, as
  // <symbol>s in one hidden <svg>; empty if none. Call after body(). Their
  // paint goes into `classes`.
  std::string symbols(PaintClasses& classes);
  // Puts the photos into what body() and symbols() returned. The photos are
  // packed on another thread from the moment the writer is made, so that
  // they take no time of their own when there is a second core: body() and
  // symbols() leave a place for each, filled here.
  void add_photos(std::string& body, std::string& symbols);

  // The characters each font must have, known after body(): the body's
  // regular and bold faces, and the headings' face.
  std::set<char32_t> body_codes, bold_codes, heading_codes;

 private:
  enum class Face { body, bold, heading };
  void text(std::string_view words, Face face);
  void runs(const std::vector<content::Run>& runs);
  void sentences(const content::Sentences& block, const char* extra_class);
  void picture(const content::PictureUse& use);
  void row(const content::Row& row);
  void cover();
  void section(const content::Section& section, int number);
  void words();
  void closing();

  // How a photo is used: how often, and its largest size on the page.
  struct PhotoUse {
    int uses = 0;
    double points = 0;
  };
  void plan_photo(const content::PictureUse& use, double points);
  void start_photos(EarlyPhotos* early);

  // A place left in the body or the symbols for photo `picture`: its data:
  // address (an <img>), or its whole <symbol> (a photo used more than once).
  struct PhotoSlot {
    std::size_t offset;
    std::size_t picture;
  };

  const content::Document& doc_;
  Deadline deadline_;
  std::string out_;
  std::vector<PhotoUse> photos_;  // by picture index
  std::vector<PhotoSlot> body_slots_, symbol_slots_;
  // Each photo's data: address by picture index, if it is packed ahead (EarlyPhotos).
  std::vector<std::future<std::string>> early_;
  // Each photo's data: address by picture index (empty for the others),
  // made on another thread; declared last, so it is waited for first.
  std::future<std::vector<std::string>> photo_data_;
  bool symbols_wrapped_ = false;  // symbols() wrote the hidden <svg> around drawings
};

}  // namespace easyread::html
