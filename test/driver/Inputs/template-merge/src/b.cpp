#include "box.h"
Box<double> B;
Box<int> C;
