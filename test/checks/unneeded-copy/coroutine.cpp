// RUN: %check_clang_tidy -std=c++20 %s memlint-unneeded-copy %t

#include <coroutine>
#include <string>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// A coroutine's parameters are copied into its frame and must outlive the
// first suspension: a reference could dangle. Not flagged.
Task logLater(std::string Message) {
  co_await std::suspend_never{};
  (void)Message.size();
}
