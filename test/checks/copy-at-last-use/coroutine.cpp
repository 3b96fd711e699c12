// RUN: %check_clang_tidy -std=c++20 %s memlint-copy-at-last-use %t

#include <coroutine>
#include <string>
#include <vector>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// The coroutine frame holds the locals across suspensions: not analysed.
Task produce(std::vector<std::string> &Out, std::string Param) {
  std::string Local = "l";
  co_await std::suspend_never{};
  Out.push_back(Local);
  Out.push_back(Param);
}

// An ordinary function next to it is still checked.
void plain(std::vector<std::string> &Out, std::string Param) {
  Out.push_back(Param);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'Param' is copied into 'push_back' at its last use
  // CHECK-FIXES: Out.push_back(std::move(Param));
}
