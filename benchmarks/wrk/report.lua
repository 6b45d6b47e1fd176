-- wrk script for the Keel harness (bench.sh). Plain, unpipelined load: the request stays static
-- (no request() function, so wrk keeps its fast path); done() prints one machine-readable line.
-- Latency values from wrk are in microseconds.

-- p99 of wrk's (coordinated-omission corrected) latency histogram, in microseconds.
-- wrk 4.1 bug: its correction can add samples below the recorded minimum, which its percentile walk
-- (min..max) never reaches, so high percentiles read 0 (always the case with pipelining). If the walk
-- can only see the top V of N samples, the true p99 is percentile(100 * V / N - 1): find that edge.
local function p99(latency)
  local lo, hi = 0, 100
  for _ = 1, 40 do
    local mid = (lo + hi) / 2
    if latency:percentile(mid) > 0 then lo = mid else hi = mid end
  end
  return latency:percentile(math.max(lo - 1, 0))
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_us=%d p99_us=%d socket_errors=%d non2xx=%d\n",
    summary.requests, summary.duration, p99(latency),
    e.connect + e.read + e.write + e.timeout, e.status))
end
