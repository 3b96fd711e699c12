// Shared macros for the memlint runtime headers.
#ifndef MEMLINT_CONFIG_HPP
#define MEMLINT_CONFIG_HPP

#if defined(__GNUC__) || defined(__clang__)
#define MEMLINT_LIKELY(x) __builtin_expect(!!(x), 1)
#define MEMLINT_UNLIKELY(x) __builtin_expect(!!(x), 0)
// Growth paths are kept out of line so the inlined fast paths stay tiny.
#define MEMLINT_NOINLINE __attribute__((noinline))
#else
#define MEMLINT_LIKELY(x) (x)
#define MEMLINT_UNLIKELY(x) (x)
#define MEMLINT_NOINLINE
#endif

#endif // MEMLINT_CONFIG_HPP
