#pragma once
#include <string>

// Only the library's own sources include this header.
bool isKeyword(const std::string &Word);
