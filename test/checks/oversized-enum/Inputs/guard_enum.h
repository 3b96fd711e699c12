#ifndef GUARD_ENUM_H
#define GUARD_ENUM_H

enum class Shade : int { Light, Dark };
struct Tile { Shade S; char A; };

#endif // GUARD_ENUM_H
