// Worker threads: how many a setting asks for, and a loop spread over them.
#ifndef CONFORM_CORE_THREADS_H_
#define CONFORM_CORE_THREADS_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace conform {

// `requested` when it is above zero, else one per core (at least one when
// the core count is unknown): how every --threads option and threads field
// reads 0.
inline unsigned WorkerThreads(long long requested) {
  if (requested > 0) return static_cast<unsigned>(requested);
  return std::max(1u, std::thread::hardware_concurrency());
}

// Calls body(i) for every i in [0, n) on WorkerThreads(threads) threads,
// never more than there are chunks, the calling thread one of them. Each
// thread takes the next `chunk` indices as it finishes its last, so uneven
// items even out. Returns when every call has returned; body must be safe
// to call from several threads at once for different i.
template <typename Body>
void ParallelFor(size_t n, long long threads, const Body& body, size_t chunk = 1) {
  chunk = std::max<size_t>(chunk, 1);
  const size_t chunks = (n + chunk - 1) / chunk;
  const size_t workers = std::min<size_t>(WorkerThreads(threads), std::max<size_t>(chunks, 1));
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t begin = next.fetch_add(chunk); begin < n; begin = next.fetch_add(chunk))
      for (size_t i = begin; i < std::min(n, begin + chunk); ++i) body(i);
  };
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace conform

#endif  // CONFORM_CORE_THREADS_H_
