// Pictures in the PDF: vector Drawings as Form XObjects, photos and
// bitmaps as Image XObjects. Each distinct picture is stored once, however
// often the pages use it.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "layout/layout.hpp"
#include "pdf/drawing_form.hpp"
#include "pdf/hpdf_handle.hpp"
#include "pdf/page_content.hpp"
#include "pdf/pdf.hpp"

namespace easyread::pdf {

class PictureStore {
 public:
  // `kept`, when given, holds catalogue symbols made ready by earlier documents.
  PictureStore(const PdfHandle& pdf, const layout::Document& doc, std::string file,
               Diagnostics& diags, Resources* kept = nullptr)
      : pdf_(pdf), doc_(doc), file_(std::move(file)), diags_(diags), kept_(kept) {}

  // Draws the picture into the item's box. Returns false (after a
  // diagnostic) if the picture cannot be stored.
  bool draw(PageContent& content, const layout::PictureItem& item);

 private:
  // The stored object for Document::pictures[index], made on first use.
  HPDF_Dict object_for(int index);
  HPDF_Dict make_form(const Drawing& drawing, const std::string& key);
  HPDF_Dict make_image(const RasterImage& image, const Picture& picture);
  // An Image XObject of 8-bit samples (1 or 3 a pixel), deflated here.
  HPDF_Dict pixel_image(const std::uint8_t* samples, int width, int height, int components);
  HPDF_Dict opacity_state(double fill_alpha, double stroke_alpha);

  const PdfHandle& pdf_;
  const layout::Document& doc_;
  std::string file_;
  Diagnostics& diags_;
  Resources* kept_;
  std::map<std::string, HPDF_Dict> by_key_;
  std::map<int, HPDF_Dict> by_index_;
  std::map<std::pair<double, double>, HPDF_Dict> opacity_states_;
};

// A symbol's Form XObject content, compressed, as kept between documents.
struct ReadyForm {
  std::string deflated;  // the operators, as /FlateDecode reads them
  std::map<std::string, std::pair<double, double>> opacities;
};

struct Resources::Impl {
  // The form for a catalogue symbol's key, made with `make` the first time.
  std::shared_ptr<const ReadyForm> form(const std::string& key, const std::function<ReadyForm()>& make);

 private:
  std::mutex lock_;
  std::map<std::string, std::shared_ptr<const ReadyForm>> forms_;
};

// The matrix that shows an image's unit square upright in the box
// (x, y, width, height) for EXIF orientation 1 to 8.
Matrix oriented_image_matrix(int orientation, double x, double y, double width, double height);

}  // namespace easyread::pdf
