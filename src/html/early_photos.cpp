// EarlyPhotos: a photo is packed for the page from the moment the content
// stage has read it, so that its packing (more time than any other part of
// the page) runs on the second core beside the rest of the build.
#include "html/internal.hpp"

namespace easyread::html {

EarlyPhotos::~EarlyPhotos() {
  const std::lock_guard hold(lock_);
  packing_.clear();  // each future from std::async waits for its packing
}

content::PictureRead EarlyPhotos::picture_read() {
  return [this](const Picture& picture, double largest_points) { add(picture, largest_points); };
}

void EarlyPhotos::add(const Picture& picture, double largest_points) {
  const auto* image = std::get_if<RasterImage>(&picture.content);
  if (!image) return;  // a drawing goes into the page as it is
  const int longest = photo_pixels(largest_points);
  const std::lock_guard hold(lock_);
  auto& packing = packing_[{picture.key, longest}];
  if (packing.valid()) return;  // the same photo named twice
  packing = std::async(std::launch::async, [image = *image, longest] { return photo_data_url(image, longest); });
}

std::future<std::string> EarlyPhotos::take(const std::string& key, int longest) {
  const std::lock_guard hold(lock_);
  auto it = packing_.find({key, longest});
  if (it == packing_.end()) return {};
  std::future<std::string> packing = std::move(it->second);
  packing_.erase(it);
  return packing;
}

}  // namespace easyread::html
