-- What the wrk scripts that read pages share, loaded with dofile from the project's root (where the benchmarks run):
-- each thread counts its answers by status, and done prints the run as one TSV line — requests, seconds,
-- requests/s, p50 ms, p95 ms, p99 ms, {statuses} — socket errors among the statuses.

local threads = {}
statuses = {}

-- each thread knows its number (index, from 0), to seed or split its work by
function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      all[status] = (all[status] or 0) + count
    end
  end
  local shown = {}
  for status, count in pairs(all) do
    table.insert(shown, status .. "=" .. count)
  end
  table.sort(shown)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  if errors > 0 then
    table.insert(shown, "socket_errors=" .. errors)
  end
  local seconds = summary.duration / 1e6
  io.stderr:write(string.format("%d\t%.1f\t%.0f\t%.2f\t%.2f\t%.2f\t{%s}\n", summary.requests, seconds,
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, table.concat(shown, ", ")))
end
