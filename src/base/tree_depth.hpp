// Nesting depth of a tree (a pugixml document), found without recursion, so
// that readers which walk a tree by recursion can refuse one too deep first.
#pragma once

namespace easyread {

// The first node nested more than `limit` levels below `root`, or an empty
// node. `Node` is a pugi::xml_node (a template, so base needs no pugixml).
template <class Node>
Node first_too_deep(Node root, int limit) {
  int depth = 0;
  Node node = root;
  while (node) {
    if (node.first_child()) {
      node = node.first_child();
      if (++depth > limit) return node;
      continue;
    }
    while (node != root && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node == root) break;
    node = node.next_sibling();
  }
  return Node();
}

}  // namespace easyread
