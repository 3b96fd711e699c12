#pragma once
#include <string>
struct HeaderEvent {
  std::string name = "header-event-name-19";
};
