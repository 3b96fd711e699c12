#pragma once
// Only the library's own sources include this header.
struct Entry { char A; double B; char C; };
