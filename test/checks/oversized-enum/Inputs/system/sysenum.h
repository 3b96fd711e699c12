#pragma once
enum SysColor { SysRed, SysGreen };
struct SysPixel { SysColor c; char x; };
