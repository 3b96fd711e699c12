#pragma once
// Only the library's own sources include this header.
enum class Phase : int { Start, Stop };
struct Job { Phase P; char C; };
