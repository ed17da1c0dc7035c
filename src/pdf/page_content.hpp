// Writes one page's content stream: drawing calls through libharu, and
// the marked-content brackets (BDC/EMC) that tie content to the
// structure tree. Private to src/pdf.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "pdf/hpdf_handle.hpp"

namespace easyread::pdf {

class PageContent {
 public:
  explicit PageContent(HPDF_Page page) : page_(page) {}
  PageContent(const PageContent&) = delete;
  PageContent& operator=(const PageContent&) = delete;

  // Starts the marked content for the next item: an Artifact when
  // node < 0, else a sequence with its own MCID under `role`. Consecutive
  // items of the same node share one sequence. Returns the MCID of a new
  // sequence, or -1 when none was opened.
  int mark(int node, std::string_view role);
  // Closes the open sequence; call at the end of the page.
  void close_mark();
  // Appends raw operators (outside BT/ET) to the content stream.
  void write(std::string_view operators);

  HPDF_Page page() const { return page_; }
  // The structure node of each MCID, in MCID order.
  const std::vector<int>& mcid_nodes() const { return mcid_nodes_; }

 private:
  static constexpr int no_mark = -2;
  HPDF_Page page_;
  int open_node_ = no_mark;
  std::vector<int> mcid_nodes_;
};

}  // namespace easyread::pdf
