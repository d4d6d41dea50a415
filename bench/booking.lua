-- wrk script for POST /api/v1/parent/bookings: every connection books the next (student, slot) pair of its
-- thread, as that pair's parent, and waits for the answer before the next (a closed loop, no think time).
--   wrk -t T -c C -d Ds -s bench/booking.lua http://localhost:8080 -- PAIRS_FILE T
-- PAIRS_FILE lines: token|student_id|timeslot_id (bench/tokens.py writes them). Thread k takes lines k, k+T, …
-- so no two connections ever book the same pair. Prints one TSV line, as bench/run.sh expects:
-- requests, seconds, bookings/s, p50 ms, p95 ms, p99 ms, statuses.

local counter = 0
local threads = {}

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, total = args[1], tonumber(args[2])
  lines = {}
  local n = 0
  for line in io.lines(file) do
    if n % total == index then
      table.insert(lines, line)
    end
    n = n + 1
  end
  position = 0
  statuses = {}
end

function request()
  position = position + 1
  -- out of pairs: book the last one again, which answers 409 and shows in the statuses
  local line = lines[math.min(position, #lines)]
  local token, student, slot = line:match("([^|]+)|([^|]+)|([^|]+)")
  local body = '{"student_id":"' .. student .. '","timeslot_id":"' .. slot .. '","billing_plan":"monthly"}'
  return wrk.format("POST", "/api/v1/parent/bookings",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all, booked = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      all[status] = (all[status] or 0) + count
      if status == 202 then
        booked = booked + count
      end
    end
  end
  local seconds = summary.duration / 1e6
  local shown = {}
  for status, count in pairs(all) do
    table.insert(shown, status .. "=" .. count)
  end
  table.sort(shown)
  if summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout > 0 then
    table.insert(shown, "socket_errors=" .. (summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout))
  end
  io.stderr:write(string.format("%d\t%.1f\t%.0f\t%.2f\t%.2f\t%.2f\t{%s}\n", summary.requests,
      seconds, booked / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, table.concat(shown, ", ")))
end
