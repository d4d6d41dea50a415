-- wrk script for one console page, as a signed-in admin: GET the path with the session cookie. Prints one TSV line:
-- requests, seconds, requests/s, p50 ms, p95 ms, p99 ms, statuses.
--   wrk -t 2 -c 10 -d 15s -s bench/console/page.lua http://localhost:8080 -- PATH TOKEN

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  path, token = args[1], args[2]
  statuses = {}
end

function request()
  return wrk.format("GET", path, { ["Cookie"] = "cedar_session=" .. token })
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
  local seconds = summary.duration / 1e6
  io.stderr:write(string.format("%d\t%.1f\t%.0f\t%.1f\t%.1f\t%.1f\t%s\n", summary.requests, seconds,
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, table.concat(shown, ",")))
end
