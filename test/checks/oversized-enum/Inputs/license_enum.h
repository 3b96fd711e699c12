/* Copyright 2026 The memlint test authors.
 * Licensed under the same terms as the rest of this file. */

/// Which side a part is on.
enum class Side : int { Left, Right };
struct Part { Side S; char A; };
