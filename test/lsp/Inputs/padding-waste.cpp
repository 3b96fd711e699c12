#include <vector>

struct Event {
  char Kind;
  double Timestamp;
  short Source;
  void *Payload;
  bool Priority;
};

std::vector<Event> Log;
