#include <vector>

struct Sample {
  char Channel;
  double Value;
  char Flags;
};

std::vector<Sample> Samples;

double scaledFirst() {
  double Scale = 2.0;
  return Samples.empty() ? 0 : Samples[0].Value * Scale;
}
