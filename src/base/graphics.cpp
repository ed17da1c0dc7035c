#include "base/graphics.hpp"

namespace easyread {

Matrix Matrix::then(const Matrix& o) const {
  // Row vector convention (as PDF): p' = p * this * o.
  return {a * o.a + b * o.c,       a * o.b + b * o.d,       c * o.a + d * o.c,
          c * o.b + d * o.d,       e * o.a + f * o.c + o.e, e * o.b + f * o.d + o.f};
}

double Picture::aspect() const {
  if (const auto* d = std::get_if<Drawing>(&content))
    return d->view_height > 0 ? d->view_width / d->view_height : 1.0;
  const auto& r = std::get<RasterImage>(content);
  return r.shown_height() > 0 ? double(r.shown_width()) / r.shown_height() : 1.0;
}

}  // namespace easyread
