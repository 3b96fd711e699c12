#pragma once
#include <memlint/small_vector.hpp>
namespace my {
template <class T, unsigned long N> using small_vec = memlint::small_vector<T, N>;
}
