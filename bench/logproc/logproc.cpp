// A small log-processing program written the way such code often is: a
// buffer of fields built afresh for every line, and one heap node per event.
// bench/logproc/run.py applies memlint-allocation-in-loop's and
// memlint-arena-candidate's fixes to a copy of it and measures both builds.
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct Event {
  Event(long Time, std::string Level, std::string Component, std::size_t Bytes)
      : Time(Time), Level(std::move(Level)), Component(std::move(Component)),
        Bytes(Bytes) {}
  long Time;
  std::string Level;
  std::string Component;
  std::size_t Bytes;
};

static long summarize(const std::vector<std::string> &Lines) {
  std::vector<std::unique_ptr<Event>> Events;
  for (const std::string &Line : Lines) {
    std::vector<std::string> Fields;
    Fields.reserve(4);
    std::size_t Start = 0;
    for (std::size_t I = 0; I <= Line.size(); ++I) {
      if (I == Line.size() || Line[I] == ',') {
        Fields.emplace_back(Line, Start, I - Start);
        Start = I + 1;
      }
    }
    if (Fields.size() < 4)
      continue;
    Events.push_back(std::make_unique<Event>(std::stol(Fields[0]), Fields[1],
                                             Fields[2], Fields[3].size()));
  }
  std::map<std::string, long> BytesByComponent;
  long Errors = 0;
  for (const auto &E : Events) {
    BytesByComponent[E->Component] += static_cast<long>(E->Bytes);
    if (E->Level == "ERROR")
      ++Errors;
  }
  long Checksum = Errors;
  for (const auto &[Component, Bytes] : BytesByComponent)
    Checksum = Checksum * 31 + Bytes + static_cast<long>(Component.size());
  return Checksum;
}

int main(int Argc, char **Argv) {
  if (Argc < 2) {
    std::fprintf(stderr, "usage: logproc FILE [ROUNDS]\n");
    return 2;
  }
  std::ifstream In(Argv[1]);
  std::vector<std::string> Lines;
  for (std::string Line; std::getline(In, Line);)
    Lines.push_back(Line);
  int Rounds = Argc > 2 ? std::atoi(Argv[2]) : 1;
  long Result = 0;
  for (int R = 0; R < Rounds; ++R)
    Result ^= summarize(Lines);
  std::printf("%ld\n", Result);
  return 0;
}
