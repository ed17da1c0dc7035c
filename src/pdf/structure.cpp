#include "pdf/structure.hpp"

#include <algorithm>
#include <limits>
#include <map>

namespace easyread::pdf {

namespace {

constexpr int not_seen = std::numeric_limits<int>::max();

}  // namespace

const char* structure_role(layout::Role role) {
  switch (role) {  // no default: a new role that is not mapped here is a compile error
    case layout::Role::document: return "Document";
    case layout::Role::sect: return "Sect";
    case layout::Role::h1: return "H1";
    case layout::Role::h2: return "H2";
    case layout::Role::paragraph: return "P";
    case layout::Role::figure: return "Figure";
    case layout::Role::list: return "L";
    case layout::Role::list_item: return "LI";
    case layout::Role::label: return "Lbl";
    case layout::Role::list_body: return "LBody";
    case layout::Role::link: return "Link";
    case layout::Role::span: return "Span";
    case layout::Role::toc: return "TOC";
    case layout::Role::toc_item: return "TOCI";
  }
  return "Span";
}

void StructureWriter::add_content(int page, int mcid, int node) {
  events_.push_back({page, mcid, nullptr, node});
}

int StructureWriter::add_annotation(int page, HPDF_Annotation annotation, int node) {
  events_.push_back({page, -1, annotation, node});
  return first_annotation_key() + annotations_++;
}

void StructureWriter::add_page(HPDF_Page page) { pages_.push_back(page); }

std::string StructureWriter::alt_text(int node) const {
  const layout::Node& n = doc_.nodes[node];
  if (!n.alt.empty()) return n.alt;
  std::string names;
  for (const auto& page : doc_.pages)
    for (const auto& item : page.items)
      if (const auto* p = std::get_if<layout::PictureItem>(&item))
        if (p->node == node && p->picture >= 0 && p->picture < static_cast<int>(doc_.pictures.size())) {
          const std::string& name = doc_.pictures[p->picture].name;
          if (!name.empty() && names.find(name) == std::string::npos)
            names += (names.empty() ? "" : ", ") + name;
        }
  return names.empty() ? "Picture" : names;
}

void StructureWriter::finish() {
  const int node_count = static_cast<int>(doc_.nodes.size());
  if (node_count == 0 || pages_.empty()) return;
  HPDF_MMgr mmgr = pdf_.mmgr();

  // A node's parent, with broken links sent to the root.
  auto parent_of = [&](int node) {
    const int p = doc_.nodes[node].parent;
    return node == 0 ? -1 : (p >= 0 && p < node_count && p != node ? p : 0);
  };

  // When each node (with its subtree) first shows up in the content.
  std::vector<int> first_seen(node_count, not_seen);
  for (int i = 0; i < static_cast<int>(events_.size()); ++i)
    for (int n = events_[i].node, steps = 0; n >= 0 && steps <= node_count; n = parent_of(n), ++steps)
      first_seen[n] = std::min(first_seen[n], i);
  first_seen[0] = std::min(first_seen[0], not_seen - 1);  // the root is always there

  // One structure element per node that has content.
  std::vector<HPDF_Dict> elements(node_count, nullptr);
  for (int n = 0; n < node_count; ++n) {
    if (first_seen[n] == not_seen) continue;
    elements[n] = pdf_.new_indirect_dict();
    if (elements[n] == nullptr) return;
    HPDF_Dict_AddName(elements[n], "Type", "StructElem");
    HPDF_Dict_AddName(elements[n], "S", structure_role(doc_.nodes[n].role));
    if (doc_.nodes[n].role == layout::Role::figure) HPDF_Dict_Add(elements[n], "Alt", text_string(mmgr, alt_text(n)));
  }

  HPDF_Dict root = pdf_.new_indirect_dict();
  if (root == nullptr) return;
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  HPDF_Dict_Add(root, "K", elements[0]);

  // Kids of each element in the order they first appear: child elements
  // and its own marked content or annotations.
  std::vector<std::vector<std::pair<int, int>>> kids(node_count);  // (order, child or -1 - event)
  for (int n = 1; n < node_count; ++n)
    if (elements[n] != nullptr) kids[parent_of(n)].push_back({first_seen[n], n});
  for (int i = 0; i < static_cast<int>(events_.size()); ++i) kids[events_[i].node].push_back({i, -1 - i});

  std::vector<std::vector<HPDF_Dict>> page_parents(pages_.size());
  for (int n = 0; n < node_count; ++n) {
    HPDF_Dict element = elements[n];
    if (element == nullptr) continue;
    HPDF_Dict_Add(element, "P", n == 0 ? root : elements[parent_of(n)]);
    auto& list = kids[n];
    std::stable_sort(list.begin(), list.end());
    // The element's page: where its own content starts.
    int home_page = -1;
    for (const auto& [order, kid] : list)
      if (kid < 0) {
        home_page = events_[-1 - kid].page;
        break;
      }
    if (home_page >= 0) HPDF_Dict_Add(element, "Pg", pages_[home_page]);
    HPDF_Array k = HPDF_Array_New(mmgr);
    HPDF_Dict_Add(element, "K", k);
    for (const auto& [order, kid] : list) {
      if (kid >= 0) {
        HPDF_Array_Add(k, elements[kid]);
        continue;
      }
      const Event& e = events_[-1 - kid];
      if (e.annotation != nullptr) {
        HPDF_Dict ref = HPDF_Dict_New(mmgr);
        HPDF_Array_Add(k, ref);
        HPDF_Dict_AddName(ref, "Type", "OBJR");
        HPDF_Dict_Add(ref, "Obj", e.annotation);
        HPDF_Dict_Add(ref, "Pg", pages_[e.page]);
        continue;
      }
      auto& parents = page_parents[e.page];
      if (static_cast<int>(parents.size()) <= e.mcid) parents.resize(e.mcid + 1, nullptr);
      parents[e.mcid] = element;
      if (e.page == home_page) {
        HPDF_Array_AddNumber(k, e.mcid);
      } else {
        HPDF_Dict ref = HPDF_Dict_New(mmgr);
        HPDF_Array_Add(k, ref);
        HPDF_Dict_AddName(ref, "Type", "MCR");
        HPDF_Dict_Add(ref, "Pg", pages_[e.page]);
        HPDF_Dict_AddNumber(ref, "MCID", e.mcid);
      }
    }
  }

  // The parent tree: page i has key i (an array by MCID); annotations
  // follow in the order they were added, each pointing at its element.
  HPDF_Dict parent_tree = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(root, "ParentTree", parent_tree);
  HPDF_Array nums = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(parent_tree, "Nums", nums);
  for (std::size_t p = 0; p < pages_.size(); ++p) {
    HPDF_Dict_AddNumber(pages_[p], "StructParents", static_cast<HPDF_INT32>(p));
    HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
    HPDF_Array by_mcid = HPDF_Array_New(mmgr);
    HPDF_Array_Add(nums, by_mcid);
    for (HPDF_Dict element : page_parents[p]) {
      if (element != nullptr)
        HPDF_Array_Add(by_mcid, element);
      else
        HPDF_Array_Add(by_mcid, HPDF_Null_New(mmgr));
    }
  }
  // Annotation events were numbered in the order they were added.
  int key = first_annotation_key();
  std::map<HPDF_Annotation, HPDF_Dict> owner;
  for (const Event& e : events_)
    if (e.annotation != nullptr) owner[e.annotation] = elements[e.node];
  for (const Event& e : events_)
    if (e.annotation != nullptr) {
      HPDF_Array_AddNumber(nums, key++);
      HPDF_Array_Add(nums, owner[e.annotation]);
    }
  HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key);

  HPDF_Dict catalog = pdf_.get()->catalog;
  HPDF_Dict_Add(catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
}

}  // namespace easyread::pdf
