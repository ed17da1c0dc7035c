#include "pdf/pictures.hpp"

#include <algorithm>

#include "pdf/deflate.hpp"
#include "pdf/drawing_form.hpp"

namespace easyread::pdf {

namespace {

std::string matrix_operands(const Matrix& m) {
  return pdf_number(m.a) + " " + pdf_number(m.b) + " " + pdf_number(m.c) + " " + pdf_number(m.d) +
         " " + pdf_number(m.e) + " " + pdf_number(m.f);
}

// Maps the viewBox (y down) into the box (y up), keeping the drawing's
// shape and centring it, as SVG's default "xMidYMid meet" does.
Matrix view_box_matrix(const Drawing& d, const layout::PictureItem& item) {
  const double view_w = d.view_width > 0 ? d.view_width : 1;
  const double view_h = d.view_height > 0 ? d.view_height : 1;
  const double scale = std::min(item.width / view_w, item.height / view_h);
  const double left = item.x + (item.width - view_w * scale) / 2;
  const double top = item.y + item.height - (item.height - view_h * scale) / 2;
  return {scale, 0, 0, -scale, left - d.view_x * scale, top + d.view_y * scale};
}

// True if the bytes start like a JPEG file and reach a frame header
// (SOFn) that gives a size and a colour count.
bool has_jpeg_frame(const std::vector<std::uint8_t>& jpeg) {
  if (jpeg.size() < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return false;
  std::size_t at = 2;
  while (at + 4 <= jpeg.size()) {
    if (jpeg[at] != 0xFF) return false;
    const std::uint8_t marker = jpeg[at + 1];
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    const std::size_t length = (std::size_t{jpeg[at + 2]} << 8) | jpeg[at + 3];
    const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                       marker != 0xCC;
    if (frame) {
      if (length < 8 || at + 2 + length > jpeg.size()) return false;
      const std::size_t height = (std::size_t{jpeg[at + 5]} << 8) | jpeg[at + 6];
      const std::size_t width = (std::size_t{jpeg[at + 7]} << 8) | jpeg[at + 8];
      const int components = jpeg[at + 9];
      return height > 0 && width > 0 && (components == 1 || components == 3 || components == 4);
    }
    if (marker == 0xD9 || marker == 0xDA || length < 2) return false;  // no frame before the data
    at += 2 + length;
  }
  return false;
}

// Only the catalogue's own symbols are kept between documents: the key
// names the symbol, and the catalogue does not change while easyread runs.
// A person's pictures ("given:", "file:") are never kept.
bool kept_between_documents(const std::string& key) { return key.starts_with("openmoji:"); }

ReadyForm ready_form(const Drawing& drawing) {
  FormContent content = drawing_operators(drawing);
  return ReadyForm{deflate_bytes(content.operators, stream_level), std::move(content.opacities)};
}

bool all_opaque(const std::vector<std::uint8_t>& alpha) {
  return std::all_of(alpha.begin(), alpha.end(), [](std::uint8_t a) { return a == 255; });
}

}  // namespace

Matrix oriented_image_matrix(int orientation, double x, double y, double w, double h) {
  // Image space is the unit square with the stored top row at the top;
  // each case moves stored pixels to where EXIF says the viewer sees them.
  switch (orientation) {
    case 2: return {-w, 0, 0, h, x + w, y};       // mirrored left to right
    case 3: return {-w, 0, 0, -h, x + w, y + h};  // turned half way
    case 4: return {w, 0, 0, -h, x, y + h};       // mirrored top to bottom
    case 5: return {0, -h, -w, 0, x + w, y + h};  // mirrored on the main diagonal
    case 6: return {0, -h, w, 0, x, y + h};       // needs a quarter turn clockwise
    case 7: return {0, h, w, 0, x, y};            // mirrored on the other diagonal
    case 8: return {0, h, -w, 0, x + w, y};       // needs a quarter turn anticlockwise
    default: return {w, 0, 0, h, x, y};
  }
}

bool PictureStore::draw(PageContent& content, const layout::PictureItem& item) {
  if (item.picture < 0 || item.picture >= static_cast<int>(doc_.pictures.size())) {
    diags_.error(file_, {}, "pdf-picture", "A picture on the page is missing.",
                 "Check the pictures in the document.");
    return false;
  }
  HPDF_Dict object = object_for(item.picture);
  if (object == nullptr) return false;
  const Picture& picture = doc_.pictures[item.picture];
  Matrix m;
  if (const auto* drawing = std::get_if<Drawing>(&picture.content))
    m = view_box_matrix(*drawing, item);
  else
    m = oriented_image_matrix(std::get<RasterImage>(picture.content).orientation, item.x, item.y,
                              item.width, item.height);
  content.write("q\n" + matrix_operands(m) + " cm\n");
  HPDF_Page_ExecuteXObject(content.page(), object);
  content.write("Q\n");
  return true;
}

HPDF_Dict PictureStore::object_for(int index) {
  if (auto found = by_index_.find(index); found != by_index_.end()) return found->second;
  const Picture& picture = doc_.pictures[index];
  // The same key means the same picture: draw the stored one.
  if (!picture.key.empty())
    if (auto found = by_key_.find(picture.key); found != by_key_.end()) {
      by_index_[index] = found->second;
      return found->second;
    }
  HPDF_Dict object = nullptr;
  if (const auto* drawing = std::get_if<Drawing>(&picture.content))
    object = make_form(*drawing, picture.key);
  else
    object = make_image(std::get<RasterImage>(picture.content), picture);
  if (object == nullptr) return nullptr;
  by_index_[index] = object;
  if (!picture.key.empty()) by_key_.emplace(picture.key, object);
  return object;
}

HPDF_Dict PictureStore::opacity_state(double fill_alpha, double stroke_alpha) {
  const auto key = std::make_pair(fill_alpha, stroke_alpha);
  if (auto found = opacity_states_.find(key); found != opacity_states_.end()) return found->second;
  HPDF_Dict state = pdf_.new_indirect_dict();
  if (state == nullptr) return nullptr;
  HPDF_Dict_AddName(state, "Type", "ExtGState");
  HPDF_Dict_AddReal(state, "ca", static_cast<HPDF_REAL>(fill_alpha));
  HPDF_Dict_AddReal(state, "CA", static_cast<HPDF_REAL>(stroke_alpha));
  opacity_states_.emplace(key, state);
  return state;
}

std::shared_ptr<const ReadyForm> Resources::Impl::form(const std::string& key,
                                                      const std::function<ReadyForm()>& make) {
  {
    const std::lock_guard hold(lock_);
    if (auto found = forms_.find(key); found != forms_.end()) return found->second;
  }
  // Made outside the lock, so other builds do not wait; two builds that make
  // the same symbol at once make the same bytes.
  auto made = std::make_shared<const ReadyForm>(make());
  if (made->deflated.empty()) return made;  // zlib failed: try again next time
  const std::lock_guard hold(lock_);
  return forms_.emplace(key, std::move(made)).first->second;
}

Resources::Resources() : impl_(std::make_unique<Impl>()) {}
Resources::~Resources() = default;

HPDF_Dict PictureStore::make_form(const Drawing& drawing, const std::string& key) {
  const std::shared_ptr<const ReadyForm> ready =
      kept_ != nullptr && kept_between_documents(key)
          ? kept_->impl().form(key, [&] { return ready_form(drawing); })
          : std::make_shared<const ReadyForm>(ready_form(drawing));
  HPDF_Dict form = pdf_.new_stream(true);
  if (form == nullptr) return nullptr;
  form->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  HPDF_Dict_AddName(form, "Type", "XObject");
  HPDF_Dict_AddName(form, "Subtype", "Form");
  HPDF_Array bbox = HPDF_Array_New(pdf_.mmgr());
  HPDF_Dict_Add(form, "BBox", bbox);
  for (double v : {drawing.view_x, drawing.view_y, drawing.view_x + drawing.view_width,
                   drawing.view_y + drawing.view_height})
    HPDF_Array_AddReal(bbox, static_cast<HPDF_REAL>(v));
  HPDF_Dict resources = HPDF_Dict_New(pdf_.mmgr());
  HPDF_Dict_Add(form, "Resources", resources);
  if (!ready->opacities.empty()) {
    HPDF_Dict states = HPDF_Dict_New(pdf_.mmgr());
    HPDF_Dict_Add(resources, "ExtGState", states);
    for (const auto& [name, alphas] : ready->opacities) {
      HPDF_Dict state = opacity_state(alphas.first, alphas.second);
      if (state == nullptr) return nullptr;
      HPDF_Dict_Add(states, name.c_str(), state);
    }
  }
  // Compressed already, as deflate_remaining_streams would have done.
  if (ready->deflated.empty() || !store_deflated(form, ready->deflated)) return nullptr;
  return form;
}

HPDF_Dict PictureStore::pixel_image(const std::uint8_t* samples, int width, int height,
                                     int components) {
  HPDF_Dict image = pdf_.new_stream(false);
  if (image == nullptr) return nullptr;
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  HPDF_Dict_AddName(image, "Type", "XObject");
  HPDF_Dict_AddName(image, "Subtype", "Image");
  HPDF_Dict_AddNumber(image, "Width", width);
  HPDF_Dict_AddNumber(image, "Height", height);
  HPDF_Dict_AddName(image, "ColorSpace", components == 1 ? "DeviceGray" : "DeviceRGB");
  HPDF_Dict_AddNumber(image, "BitsPerComponent", 8);
  // Each row starts with a PNG filter byte (all "Up", see png_up_rows).
  HPDF_Dict params = HPDF_Dict_New(pdf_.mmgr());
  if (params == nullptr || HPDF_Dict_Add(image, "DecodeParms", params) != HPDF_OK) return nullptr;
  HPDF_Dict_AddNumber(params, "Predictor", 12);
  HPDF_Dict_AddNumber(params, "Colors", components);
  HPDF_Dict_AddNumber(params, "BitsPerComponent", 8);
  HPDF_Dict_AddNumber(params, "Columns", width);
  const std::string rows = png_up_rows(samples, static_cast<std::size_t>(width) * components,
                                       static_cast<std::size_t>(height));
  const std::string deflated = deflate_bytes(rows, picture_level, true);
  if (deflated.empty() || !store_deflated(image, deflated)) return nullptr;
  return image;
}

HPDF_Dict PictureStore::make_image(const RasterImage& image, const Picture& picture) {
  const auto bad_picture = [&](const std::string& why) -> HPDF_Dict {
    const std::string& label = !picture.source.empty() ? picture.source
                               : !picture.name.empty() ? picture.name
                                                       : picture.key;
    diags_.error(file_, {}, "pdf-picture",
                 (label.empty() ? std::string("A picture") : "The picture " + label) +
                     " will not go in the PDF: " + why,
                 "Try saving the picture again as a PNG or JPEG file.");
    return nullptr;
  };
  if (image.encoding == RasterImage::Encoding::jpeg) {
    // libharu copies the JPEG as it is, so the photo keeps its quality;
    // it checks little, so look for a frame header first.
    if (!has_jpeg_frame(image.data)) return bad_picture("it is not a whole JPEG file.");
    return HPDF_LoadJpegImageFromMem(pdf_.get(), image.data.data(),
                                     static_cast<HPDF_UINT>(image.data.size()));
  }
  if (image.width <= 0 || image.height <= 0) return bad_picture("it has no size.");
  const auto pixels = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
  if (image.components != 1 && image.components != 3)
    return bad_picture("its colours are in a form the PDF writer does not know.");
  if (image.data.size() != pixels * static_cast<std::size_t>(image.components))
    return bad_picture("its pixel data is the wrong size.");
  const bool has_mask = !image.alpha.empty() && !all_opaque(image.alpha);
  if (has_mask && image.alpha.size() != pixels)
    return bad_picture("its transparency data is the wrong size.");
  // Compressing needs memory (and zlib counts in 32 bits): say so if it fails.
  const std::string too_big = "it is too big to store.";
  HPDF_Dict result = pixel_image(image.data.data(), image.width, image.height, image.components);
  if (result == nullptr) return bad_picture(too_big);
  if (has_mask) {
    HPDF_Dict mask = pixel_image(image.alpha.data(), image.width, image.height, 1);
    if (mask == nullptr) return bad_picture(too_big);
    if (HPDF_Dict_Add(result, "SMask", mask) != HPDF_OK) return nullptr;
  }
  return result;
}

}  // namespace easyread::pdf
