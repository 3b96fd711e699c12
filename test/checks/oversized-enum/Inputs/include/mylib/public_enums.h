#pragma once
// Installed with the library: programs built against it know these sizes.
enum class Level : int { Low, High };
struct Settings { Level L; char C; };
