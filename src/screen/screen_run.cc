#include "conform/screen/screen_run.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "conform/core/threads.h"

namespace conform {

namespace {

struct Batch {
  size_t seq = 0;
  std::vector<ListingReader::Pending> pending;  // as read
  // Filled by a worker, in input order: a listing or a bad record each.
  std::vector<Listing> listings;
  std::vector<ListingResult> results;
  // Bad records, each at the index in `pending` of the record it precedes
  // (found while reading) or is (found while parsing); reading ones first.
  struct Bad {
    size_t pos;
    bool parsing;
    Diagnostic problem;
  };
  std::vector<Bad> bad;
  std::vector<size_t> listing_pos;  // index in `pending` of each listing
  std::string rows;
  std::vector<size_t> row_end;  // end of each listing's rows in `rows`
};

}  // namespace

Result<ScreenRunStats> RunScreen(const KnowledgeBase& kb, const Screener& screener, const ScreenRunOptions& options,
                                 ScreenObserver* observer) {
  auto reader = ListingReader::Open(options.input, options.input_format);
  if (!reader.ok()) return reader.error();
  const unsigned threads = WorkerThreads(options.threads);
  const size_t max_in_flight = threads + 2;

  std::mutex mu;
  std::condition_variable work_ready, work_done;
  std::deque<std::unique_ptr<Batch>> todo;
  std::map<size_t, std::unique_ptr<Batch>> done;
  bool closing = false;

  // Parses, screens and formats one batch.
  const auto process = [&](Batch* b) {
    b->listings.reserve(b->pending.size());
    b->results.reserve(b->pending.size());
    b->rows.reserve(b->pending.size() * 2048);
    Listing l;
    Diagnostic problem;
    for (size_t i = 0; i < b->pending.size(); ++i) {
      if (ListingReader::Finish(&b->pending[i], options.input, &l, &problem) != ListingReader::Next::kListing) {
        b->bad.push_back(Batch::Bad{i, true, problem});
        continue;
      }
      b->listing_pos.push_back(i);
      b->results.push_back(screener.Screen(l));
      AppendVerdicts(kb, l, b->results.back(), screener.on(), options.output_format, options.detail, &b->rows);
      b->row_end.push_back(b->rows.size());
      b->listings.push_back(std::move(l));
    }
    b->pending.clear();
    std::stable_sort(b->bad.begin(), b->bad.end(), [](const Batch::Bad& x, const Batch::Bad& y) {
      return x.pos != y.pos ? x.pos < y.pos : !x.parsing && y.parsing;
    });
  };

  // With one thread everything runs on the calling thread, without hand-offs.
  // Otherwise `threads` workers screen while the calling thread reads and
  // writes, and screens a batch itself when it would otherwise wait.
  std::vector<std::thread> workers;
  for (unsigned t = 0; threads > 1 && t < threads; ++t) {
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
        process(b.get());
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
  // Written batches are reused: their buffers keep their capacity, so a long
  // run does not keep mapping and unmapping large blocks.
  std::vector<std::unique_ptr<Batch>> spare;
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
      // Listings and the problems found while parsing them on a worker, in
      // input order; with --max-errors, nothing after the last allowed problem.
      size_t next = 0;
      const auto emit_until = [&](size_t end) {
        if (end <= next) return;
        const size_t from = next == 0 ? 0 : b->row_end[next - 1];
        observer->OnRows(std::string_view(b->rows).substr(from, b->row_end[end - 1] - from));
        for (size_t i = next; i < end; ++i) {
          observer->OnScreened(b->listings[i], b->results[i]);
          for (const MarketVerdict& mv : b->results[i].markets) {
            ++stats.rows;
            ++stats.verdicts[static_cast<size_t>(mv.verdict)];
          }
        }
        stats.listings += end - next;
        next = end;
      };
      for (const Batch::Bad& bad : b->bad) {
        if (stats.stopped_early) break;
        emit_until(static_cast<size_t>(std::lower_bound(b->listing_pos.begin(), b->listing_pos.end(), bad.pos) -
                                       b->listing_pos.begin()));
        ++stats.bad_records;
        observer->OnBadRecord(bad.problem);
        if (options.max_errors > 0 && stats.bad_records >= options.max_errors) stats.stopped_early = true;
      }
      if (!stats.stopped_early) emit_until(b->listings.size());
      ++written;
      b->listings.clear();
      b->row_end.clear();
      b->listing_pos.clear();
      b->results.clear();
      b->bad.clear();
      b->rows.clear();
      spare.push_back(std::move(b));
      observer->OnProgress(stats.listings, stats.bad_records);
      wait = false;
    }
  };

  // Rather than wait for the oldest batch, screen one no worker has started;
  // with none left, wait for the oldest.
  const auto help_or_wait = [&] {
    std::unique_ptr<Batch> b;
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!todo.empty()) {
        b = std::move(todo.back());
        todo.pop_back();
      }
    }
    if (b) {
      process(b.get());
      std::lock_guard<std::mutex> lock(mu);
      done.emplace(b->seq, std::move(b));
    }
    drain(!b);
  };

  auto batch = std::make_unique<Batch>();
  ListingReader::Pending pending;
  Diagnostic problem;
  size_t read_errors = 0;
  const auto submit = [&] {
    batch->seq = submitted++;
    if (workers.empty()) {
      process(batch.get());
      std::lock_guard<std::mutex> lock(mu);
      done.emplace(batch->seq, std::move(batch));
    } else {
      {
        std::lock_guard<std::mutex> lock(mu);
        todo.push_back(std::move(batch));
      }
      work_ready.notify_one();
    }
    if (spare.empty()) {
      batch = std::make_unique<Batch>();
    } else {
      batch = std::move(spare.back());
      spare.pop_back();
    }
    drain(false);
    while (submitted - written >= max_in_flight) help_or_wait();
  };
  while (true) {
    if (stats.stopped_early) break;
    const auto next = reader.value()->ReadPending(&pending, &problem);
    if (next == ListingReader::Next::kEnd) break;
    if (next == ListingReader::Next::kBadRecord) {
      // Reported with the batch, in input order.
      batch->bad.push_back(Batch::Bad{batch->pending.size(), false, problem});
      if (options.max_errors > 0 && ++read_errors >= options.max_errors) break;
      continue;
    }
    batch->pending.push_back(std::move(pending));
    pending = ListingReader::Pending();
    if (batch->pending.size() >= options.batch_size) submit();
  }
  if (!batch->pending.empty() || !batch->bad.empty()) submit();
  while (written < submitted) help_or_wait();
  {
    std::lock_guard<std::mutex> lock(mu);
    closing = true;
  }
  work_ready.notify_all();
  for (auto& w : workers) w.join();
  return stats;
}

}  // namespace conform
