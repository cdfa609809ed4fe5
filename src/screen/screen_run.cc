#include "conform/screen/screen_run.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace conform {

namespace {

struct Batch {
  size_t seq = 0;
  std::vector<Listing> listings;
  std::vector<ListingResult> results;
  std::string rows;
};

}  // namespace

Result<ScreenRunStats> RunScreen(const KnowledgeBase& kb, const Screener& screener, const ScreenRunOptions& options,
                                 ScreenObserver* observer) {
  auto reader = ListingReader::Open(options.input, options.input_format);
  if (!reader.ok()) return reader.error();
  const unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const size_t max_in_flight = 2 * threads + 2;

  std::mutex mu;
  std::condition_variable work_ready, work_done;
  std::deque<std::unique_ptr<Batch>> todo;
  std::map<size_t, std::unique_ptr<Batch>> done;
  bool closing = false;

  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      while (true) {
        std::unique_ptr<Batch> b;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return closing || !todo.empty(); });
          if (todo.empty()) return;
          b = std::move(todo.front());
          todo.pop_front();
        }
        b->results.reserve(b->listings.size());
        for (const Listing& l : b->listings) {
          b->results.push_back(screener.Screen(l));
          AppendVerdicts(kb, l, b->results.back(), screener.on(), options.output_format, &b->rows);
        }
        {
          std::lock_guard<std::mutex> lock(mu);
          done.emplace(b->seq, std::move(b));
        }
        work_done.notify_all();
      }
    });
  }

  ScreenRunStats stats;
  size_t submitted = 0, written = 0;
  // Writes finished batches in order; with `wait`, blocks until the next
  // one is finished.
  const auto drain = [&](bool wait) {
    while (written < submitted) {
      std::unique_ptr<Batch> b;
      {
        std::unique_lock<std::mutex> lock(mu);
        if (wait) work_done.wait(lock, [&] { return done.count(written) > 0; });
        auto it = done.find(written);
        if (it == done.end()) return;
        b = std::move(it->second);
        done.erase(it);
      }
      observer->OnRows(b->rows);
      for (size_t i = 0; i < b->listings.size(); ++i) {
        observer->OnScreened(b->listings[i], b->results[i]);
        for (const MarketVerdict& mv : b->results[i].markets) {
          ++stats.rows;
          ++stats.verdicts[static_cast<size_t>(mv.verdict)];
        }
      }
      stats.listings += b->listings.size();
      ++written;
      observer->OnProgress(stats.listings, stats.bad_records);
      wait = false;
    }
  };

  auto batch = std::make_unique<Batch>();
  Listing listing;
  Diagnostic problem;
  const auto submit = [&] {
    batch->seq = submitted++;
    {
      std::lock_guard<std::mutex> lock(mu);
      todo.push_back(std::move(batch));
    }
    work_ready.notify_one();
    batch = std::make_unique<Batch>();
    drain(false);
    while (submitted - written >= max_in_flight) drain(true);
  };
  while (true) {
    const auto next = reader.value()->Read(&listing, &problem);
    if (next == ListingReader::Next::kEnd) break;
    if (next == ListingReader::Next::kBadRecord) {
      ++stats.bad_records;
      observer->OnBadRecord(problem);
      if (options.max_errors > 0 && stats.bad_records >= options.max_errors) {
        stats.stopped_early = true;
        break;
      }
      continue;
    }
    batch->listings.push_back(std::move(listing));
    if (batch->listings.size() >= options.batch_size) submit();
  }
  if (!batch->listings.empty()) submit();
  while (written < submitted) drain(true);
  {
    std::lock_guard<std::mutex> lock(mu);
    closing = true;
  }
  work_ready.notify_all();
  for (auto& w : workers) w.join();
  return stats;
}

}  // namespace conform
