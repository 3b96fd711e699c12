#pragma once
// An opaque redeclaration other files see; it must change with the definition.
enum class Mode : int;
struct UsesMode { Mode *m; };
