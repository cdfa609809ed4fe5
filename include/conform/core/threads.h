// The number of worker threads a setting asks for, where 0 (or less) means
// one per core, as every --threads option and threads field reads it.
#ifndef CONFORM_CORE_THREADS_H_
#define CONFORM_CORE_THREADS_H_

#include <algorithm>
#include <thread>

namespace conform {

// `requested` when it is above zero, else one per core (at least one when
// the core count is unknown).
inline unsigned WorkerThreads(long long requested) {
  if (requested > 0) return static_cast<unsigned>(requested);
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace conform

#endif  // CONFORM_CORE_THREADS_H_
