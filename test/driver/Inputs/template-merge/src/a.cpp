#include "box.h"
Box<double> A;
