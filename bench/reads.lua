-- wrk script for what a family opens while others book: a teacher's week on the school's page and in the public
-- timetable JSON (the reference's read_open_slots: the open slots of one teacher), a random teacher each time.
--   wrk -t T -c C -d Ds -s bench/reads.lua http://localhost:8080 -- TEACHERS_FILE MODE
-- MODE: page (/?teacher=), json (/api/v1/public/timeslots?teacher_id=&available=true), both, alternately, or
-- liveness (the app's /actuator/health/liveness, what the others are measured beside).
-- Prints one TSV line as booking.lua does: requests, seconds, requests/s, p50 ms, p95 ms, p99 ms, statuses.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  teachers = {}
  for line in io.lines(args[1]) do
    table.insert(teachers, line)
  end
  mode = args[2]
  turn = 0
  statuses = {}
  math.randomseed(os.time() + #threads)
end

function request()
  turn = turn + 1
  if mode == "liveness" then
    return wrk.format("GET", "/actuator/health/liveness")
  end
  local teacher = teachers[math.random(#teachers)]
  local page = mode == "page" or (mode == "both" and turn % 2 == 0)
  if page then
    return wrk.format("GET", "/?teacher=" .. teacher)
  end
  return wrk.format("GET", "/api/v1/public/timeslots?teacher_id=" .. teacher .. "&available=true")
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
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
