#pragma GCC system_header
struct SysRecord { char A; double B; char C; };
