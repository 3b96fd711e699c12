#pragma once
#include <string>
#include <vector>

// Only the library's own sources include this header.
int privateCount(std::vector<std::string> Lines);
