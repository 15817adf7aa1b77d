-- Shared by the POST benchmarks: the session and CSRF token come from the environment (one login
-- by post_bench.sh), each wrk thread numbers its requests so that every body is unique.
local M = {}

function M.headers()
  return {
    ["Content-Type"] = "application/json",
    ["Cookie"] = "gb_session=" .. os.getenv("BENCH_SESSION"),
    ["X-CSRF-Token"] = os.getenv("BENCH_CSRF"),
  }
end

-- Reads one task id per line; a run without ids would measure nothing.
function M.read_ids(path)
  local ids = {}
  for line in io.lines(path) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  assert(#ids > 0, path .. " lists no task ids")
  return ids
end

-- The position in a shared list of this thread's `n`-th request (from 0): the threads interleave,
-- so that no two requests of a run take the same position.
function M.position(n)
  return n * thread_count + thread_no + 1
end

-- Gives each thread its number and the thread count, for disjoint shares of the work.
local threads = 0
function M.setup(thread)
  thread:set("thread_no", threads)
  threads = threads + 1
  thread:set("thread_count", tonumber(os.getenv("BENCH_THREADS") or "2"))
end

-- Counts answers by status, so that a run that did not do what it claims is seen.
function M.done(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
end

return M
