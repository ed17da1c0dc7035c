// Overloaded lambdas for std::visit: one lambda per kind, so a kind that a
// walk forgets is a compile error, not a silent gap.
#pragma once

namespace easyread {

template <class... Lambdas>
struct Overloaded : Lambdas... {
  using Lambdas::operator()...;
};
template <class... Lambdas>
Overloaded(Lambdas...) -> Overloaded<Lambdas...>;

}  // namespace easyread
