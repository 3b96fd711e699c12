#pragma once
#include <string>

// Installed with the library: programs built against it call this.
bool isReserved(const std::string &Word);
