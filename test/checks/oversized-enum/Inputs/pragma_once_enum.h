#pragma once

// The colour of a pixel.
enum class Colour : int { Red, Green };
struct Pixel { Colour C; char A; };
