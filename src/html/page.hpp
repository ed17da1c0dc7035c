// Writes the body of the web page from the content tree (private to src/html).
#pragma once
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
  std::string symbols(PaintClasses& classes) const;

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
    std::string data;  // the data: address, made on first use
  };
  void plan_photo(const content::PictureUse& use, double points);

  const content::Document& doc_;
  Deadline deadline_;
  std::string out_;
  std::vector<PhotoUse> photos_;  // by picture index
};

}  // namespace easyread::html
