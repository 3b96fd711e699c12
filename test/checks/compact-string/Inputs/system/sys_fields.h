#pragma GCC system_header
#include <string>
struct SysEvent {
  std::string name = "system-event-name-20";
};
