#include <vector>

struct Event {
  double Timestamp;
  void *Payload;
  short Source;
  char Kind;
  bool Priority;
};

std::vector<Event> Log;
