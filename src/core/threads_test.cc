#include "conform/core/threads.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace conform {
namespace {

TEST(ThreadsTest, ZeroMeansOnePerCoreAndANumberItself) {
  EXPECT_GE(WorkerThreads(0), 1u);
  EXPECT_EQ(WorkerThreads(-3), WorkerThreads(0));
  EXPECT_EQ(WorkerThreads(5), 5u);
}

// Every index is visited exactly once, whatever the count, threads and
// chunk, empty ranges and ranges shorter than a chunk included.
TEST(ThreadsTest, ParallelForVisitsEveryIndexOnce) {
  for (const size_t n : {0, 1, 7, 64, 65, 1000})
    for (const long long threads : {1, 3, 0})
      for (const size_t chunk : {1, 64}) {
        std::vector<std::atomic<int>> visits(n);
        ParallelFor(n, threads, [&](size_t i) { visits[i].fetch_add(1); }, chunk);
        for (size_t i = 0; i < n; ++i)
          ASSERT_EQ(visits[i].load(), 1) << "n " << n << ", threads " << threads << ", chunk " << chunk << ", index " << i;
      }
}

}  // namespace
}  // namespace conform
