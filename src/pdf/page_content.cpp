#include "pdf/page_content.hpp"

namespace easyread::pdf {

void PageContent::write(std::string_view operators) {
  write_raw(static_cast<HPDF_PageAttr>(page_->attr)->stream, operators);
}

int PageContent::mark(int node, std::string_view role) {
  if (node < 0) node = -1;
  if (node == open_node_) return -1;
  close_mark();
  open_node_ = node;
  if (node < 0) {
    write("/Artifact BMC\n");
    return -1;
  }
  const int mcid = static_cast<int>(mcid_nodes_.size());
  mcid_nodes_.push_back(node);
  write("/" + std::string(role) + " <</MCID " + std::to_string(mcid) + ">> BDC\n");
  return mcid;
}

void PageContent::close_mark() {
  if (open_node_ == no_mark) return;
  write("EMC\n");
  open_node_ = no_mark;
}

}  // namespace easyread::pdf
