#pragma once
// A record defined in a header: the fix edits the header.
struct Header {
  char A;
  double B;
  char C;
};
