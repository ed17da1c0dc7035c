// Reading a PDF's decoded content streams (for font sizes) and its rendered
// pixels (for pictures and margins).
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "pdf_probe.hpp"

namespace e2e {
namespace fs = std::filesystem;

namespace {

// An affine matrix [a b c d e f] in PDF's row-vector convention.
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  // `first` applied before `second`.
  static Matrix then(const Matrix& first, const Matrix& second) {
    return {first.a * second.a + first.b * second.c, first.a * second.b + first.b * second.d,
            first.c * second.a + first.d * second.c, first.c * second.b + first.d * second.d,
            first.e * second.a + first.f * second.c + second.e,
            first.e * second.b + first.f * second.d + second.f};
  }
  double scale() const { return std::sqrt(std::abs(a * d - b * c)); }
};

bool is_delimiter(char c) { return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos; }
bool is_white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

// Walks one content stream and records every text-showing operator.
class ContentScanner {
 public:
  ContentScanner(std::string_view data, int page, std::vector<TextShow>& out)
      : s_(data), page_(page), out_(out) {}

  void run() {
    while (pos_ < s_.size()) {
      char ch = s_[pos_];
      if (is_white(ch)) {
        ++pos_;
      } else if (ch == '%') {
        while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
      } else if (ch == '(') {
        skip_literal_string();
        operands_.clear();
      } else if (ch == '<' && pos_ + 1 < s_.size() && s_[pos_ + 1] != '<') {
        pos_ = s_.find('>', pos_);
        pos_ = pos_ == std::string_view::npos ? s_.size() : pos_ + 1;
        operands_.clear();
      } else if (is_delimiter(ch)) {
        // Names, arrays and dictionaries are operands we do not need as numbers.
        ++pos_;
        if (ch == '/')
          while (pos_ < s_.size() && !is_white(s_[pos_]) && !is_delimiter(s_[pos_])) ++pos_;
        if (ch != '[' && ch != ']') operands_.clear();
      } else {
        std::size_t start = pos_;
        while (pos_ < s_.size() && !is_white(s_[pos_]) && !is_delimiter(s_[pos_])) ++pos_;
        token(s_.substr(start, pos_ - start));
      }
    }
  }

 private:
  void skip_literal_string() {
    int depth = 0;
    for (; pos_ < s_.size(); ++pos_) {
      char ch = s_[pos_];
      if (ch == '\\') ++pos_;
      else if (ch == '(') ++depth;
      else if (ch == ')' && --depth == 0) {
        ++pos_;
        return;
      }
    }
  }

  void token(std::string_view word) {
    char* end = nullptr;
    std::string copy(word);
    double value = std::strtod(copy.c_str(), &end);
    if (end && *end == '\0' && !copy.empty()) {
      operands_.push_back(value);
      return;
    }
    operate(word);
    operands_.clear();
  }

  double operand(std::size_t from_end) const {
    return from_end < operands_.size() ? operands_[operands_.size() - 1 - from_end] : 0;
  }

  void operate(std::string_view op) {
    if (op == "q") {
      saved_.push_back({ctm_, fill_});
    } else if (op == "Q") {
      if (!saved_.empty()) ctm_ = saved_.back().ctm, fill_ = saved_.back().fill, saved_.pop_back();
    } else if (op == "rg" && operands_.size() >= 3) {
      fill_ = {operand(2), operand(1), operand(0)};
    } else if (op == "g" && !operands_.empty()) {
      fill_ = {operand(0), operand(0), operand(0)};
    } else if (op == "cm" && operands_.size() >= 6) {
      ctm_ = Matrix::then(last_matrix(), ctm_);
    } else if (op == "BT") {
      text_ = line_ = Matrix{};
    } else if (op == "Tf") {
      size_ = operand(0);
    } else if (op == "TL") {
      leading_ = operand(0);
    } else if (op == "Td" || op == "TD") {
      if (op == "TD") leading_ = -operand(0);
      move_line(operand(1), operand(0));
    } else if (op == "T*") {
      move_line(0, -leading_);
    } else if (op == "Tm" && operands_.size() >= 6) {
      text_ = line_ = last_matrix();
    } else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
      if (op != "Tj" && op != "TJ") move_line(0, -leading_);
      Matrix rendering = Matrix::then(text_, ctm_);
      out_.push_back({page_, size_ * rendering.scale(), rendering.e, rendering.f, fill_[0], fill_[1], fill_[2]});
    } else if (op == "BI") {
      auto end = s_.find("EI", pos_);
      pos_ = end == std::string_view::npos ? s_.size() : end + 2;
    }
  }

  Matrix last_matrix() const {
    return {operand(5), operand(4), operand(3), operand(2), operand(1), operand(0)};
  }

  void move_line(double tx, double ty) {
    line_ = Matrix::then(Matrix{1, 0, 0, 1, tx, ty}, line_);
    text_ = line_;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int page_;
  std::vector<TextShow>& out_;
  std::vector<double> operands_;
  struct GraphicsState {
    Matrix ctm;
    std::array<double, 3> fill;
  };
  Matrix ctm_, text_, line_;
  std::array<double, 3> fill_{0, 0, 0};  // black until set
  std::vector<GraphicsState> saved_;
  double size_ = 0, leading_ = 0;
};

}  // namespace

std::vector<TextShow> read_text_shows(const fs::path& pdf) {
  // QDF mode writes content streams decoded, each after "%% Contents for page N".
  CommandResult r = run_command({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"});
  if (r.exit_code != 0) throw std::runtime_error("qpdf could not rewrite " + pdf.string() + ": " + r.err);
  std::vector<TextShow> shows;
  const std::string marker = "%% Contents for page ";
  for (std::size_t at = r.out.find(marker); at != std::string::npos; at = r.out.find(marker, at + 1)) {
    int page = std::atoi(r.out.c_str() + at + marker.size());
    std::size_t begin = r.out.find("stream\n", at);
    if (begin == std::string::npos) break;
    begin += 7;
    std::size_t end = r.out.find("endstream", begin);
    if (end == std::string::npos) break;
    ContentScanner(std::string_view(r.out).substr(begin, end - begin), page, shows).run();
  }
  return shows;
}

namespace {

// Reads a binary PGM (P5) or PPM (P6) file with 8-bit samples.
Image read_pnm(const fs::path& file) {
  std::string bytes = read_bytes(file);
  std::size_t pos = 0;
  auto next_field = [&]() {
    while (pos < bytes.size()) {
      if (bytes[pos] == '#') {
        while (pos < bytes.size() && bytes[pos] != '\n') ++pos;
      } else if (std::isspace(static_cast<unsigned char>(bytes[pos]))) {
        ++pos;
      } else {
        break;
      }
    }
    std::size_t start = pos;
    while (pos < bytes.size() && !std::isspace(static_cast<unsigned char>(bytes[pos]))) ++pos;
    return bytes.substr(start, pos - start);
  };
  std::string magic = next_field();
  if (magic != "P5" && magic != "P6") throw std::runtime_error("not a PGM or PPM file: " + file.string());
  Image image;
  image.channels = magic == "P5" ? 1 : 3;
  image.width = std::stoi(next_field());
  image.height = std::stoi(next_field());
  if (std::stoi(next_field()) != 255) throw std::runtime_error("expected 8-bit samples");
  ++pos;  // the single white space after the header
  std::size_t count = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) *
                      static_cast<std::size_t>(image.channels);
  if (bytes.size() < pos + count) throw std::runtime_error("rendered page is cut short");
  image.pixels.assign(bytes.begin() + static_cast<std::ptrdiff_t>(pos),
                      bytes.begin() + static_cast<std::ptrdiff_t>(pos + count));
  return image;
}

}  // namespace

std::vector<Image> render_pages(const fs::path& pdf, int dpi, bool colour) {
  TempDir dir;
  std::vector<std::string> command{"pdftoppm", "-r", std::to_string(dpi)};
  if (!colour) command.push_back("-gray");
  command.push_back(pdf.string());
  command.push_back((dir / "page").string());
  CommandResult r = run_command(command);
  if (r.exit_code != 0) throw std::runtime_error("pdftoppm failed: " + r.err);
  std::vector<Image> pages;
  // pdftoppm pads page numbers to the same width, so names sort in page order.
  for (const auto& name : list_dir(dir.path())) pages.push_back(read_pnm(dir / name));
  return pages;
}

}  // namespace e2e
