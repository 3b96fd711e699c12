// memlint runtime benchmarks against their peers. Names are
// "<scenario>/<implementation>"; bench/runtime/run.py computes the ratios.
#include <memlint/arena.hpp>
#include <memlint/compact_string.hpp>
#include <memlint/small_vector.hpp>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory_resource>
#include <string>
#include <vector>

#if MEMLINT_BENCH_HAVE_LLVM
#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/Allocator.h>
#endif
#if MEMLINT_BENCH_HAVE_ABSL
#include <absl/container/inlined_vector.h>
#endif
#if MEMLINT_BENCH_HAVE_PROTOBUF
#include <google/protobuf/arena.h>
#endif

namespace {

// --- push_back into a fresh container ----------------------------------------
template <class V, int Count> void push_back(benchmark::State &state) {
  for (auto _ : state) {
    V v;
    for (int i = 0; i < Count; ++i)
      v.push_back(i);
    benchmark::DoNotOptimize(v.data());
    benchmark::ClobberMemory();
  }
}

template <int Count> void register_push_back() {
  const std::string scenario = "push_back_" + std::to_string(Count);
  benchmark::RegisterBenchmark((scenario + "/memlint").c_str(),
                               push_back<memlint::small_vector<int, 8>, Count>);
  benchmark::RegisterBenchmark((scenario + "/std_vector").c_str(),
                               push_back<std::vector<int>, Count>);
#if MEMLINT_BENCH_HAVE_LLVM
  benchmark::RegisterBenchmark((scenario + "/llvm_smallvector").c_str(),
                               push_back<llvm::SmallVector<int, 8>, Count>);
#endif
#if MEMLINT_BENCH_HAVE_ABSL
  benchmark::RegisterBenchmark((scenario + "/absl_inlinedvector").c_str(),
                               push_back<absl::InlinedVector<int, 8>, Count>);
#endif
}

// --- 1000 allocations of 24 bytes, then reset --------------------------------
constexpr int arena_allocs = 1000;
constexpr std::size_t arena_bytes = 24;
constexpr std::size_t arena_align = 8;

void arena_memlint(benchmark::State &state) {
  memlint::arena a;
  for (auto _ : state) {
    for (int i = 0; i < arena_allocs; ++i)
      benchmark::DoNotOptimize(a.allocate(arena_bytes, arena_align));
    a.reset();
    benchmark::ClobberMemory();
  }
}

void arena_malloc(benchmark::State &state) {
  std::vector<void *> ptrs(arena_allocs);
  for (auto _ : state) {
    for (int i = 0; i < arena_allocs; ++i) {
      ptrs[i] = std::malloc(arena_bytes);
      benchmark::DoNotOptimize(ptrs[i]);
    }
    for (int i = 0; i < arena_allocs; ++i)
      std::free(ptrs[i]);
    benchmark::ClobberMemory();
  }
}

void arena_pmr_monotonic(benchmark::State &state) {
  std::pmr::monotonic_buffer_resource r;
  for (auto _ : state) {
    for (int i = 0; i < arena_allocs; ++i)
      benchmark::DoNotOptimize(r.allocate(arena_bytes, arena_align));
    r.release();
    benchmark::ClobberMemory();
  }
}

#if MEMLINT_BENCH_HAVE_LLVM
void arena_llvm_bump(benchmark::State &state) {
  llvm::BumpPtrAllocator a;
  for (auto _ : state) {
    for (int i = 0; i < arena_allocs; ++i)
      benchmark::DoNotOptimize(a.Allocate(arena_bytes, llvm::Align(arena_align)));
    a.Reset();
    benchmark::ClobberMemory();
  }
}
#endif

#if MEMLINT_BENCH_HAVE_PROTOBUF
void arena_protobuf(benchmark::State &state) {
  google::protobuf::Arena a;
  for (auto _ : state) {
    for (int i = 0; i < arena_allocs; ++i)
      benchmark::DoNotOptimize(
          google::protobuf::Arena::CreateArray<char>(&a, arena_bytes));
    a.Reset();
    benchmark::ClobberMemory();
  }
}
#endif

// --- string construction from a (pointer, length) ----------------------------
const char text[] = "abcdefghijklmnopqrstuvwxyz0123456789";

template <class S> void string_construct(benchmark::State &state) {
  const auto len = static_cast<std::size_t>(state.range(0));
  const char *src = text;
  for (auto _ : state) {
    benchmark::DoNotOptimize(src);
    S s(src, len);
    benchmark::DoNotOptimize(s);
    benchmark::ClobberMemory();
  }
}

void register_strings() {
  for (int len : {8, 15, 16, 20, 23}) {
    const std::string scenario = "string_construct_" + std::to_string(len);
    benchmark::RegisterBenchmark((scenario + "/memlint").c_str(),
                                 string_construct<memlint::compact_string>)
        ->Arg(len);
    benchmark::RegisterBenchmark((scenario + "/std_string").c_str(),
                                 string_construct<std::string>)
        ->Arg(len);
  }
}

} // namespace

int main(int argc, char **argv) {
  register_push_back<8>();
  register_push_back<64>();
  register_push_back<1024>();
  benchmark::RegisterBenchmark("arena_1000x24/memlint", arena_memlint);
  benchmark::RegisterBenchmark("arena_1000x24/malloc_free", arena_malloc);
  benchmark::RegisterBenchmark("arena_1000x24/pmr_monotonic",
                               arena_pmr_monotonic);
#if MEMLINT_BENCH_HAVE_LLVM
  benchmark::RegisterBenchmark("arena_1000x24/llvm_bumpptr", arena_llvm_bump);
#endif
#if MEMLINT_BENCH_HAVE_PROTOBUF
  benchmark::RegisterBenchmark("arena_1000x24/protobuf_arena", arena_protobuf);
#endif
  register_strings();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
