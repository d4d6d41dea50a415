-- wrk script for one console page, as a signed-in admin: GET the path with the session cookie. Prints one TSV line
-- (bench/statuses.lua): requests, seconds, requests/s, p50 ms, p95 ms, p99 ms, {statuses}.
--   wrk -t 2 -c 10 -d 15s -s bench/console/page.lua http://localhost:8080 -- PATH TOKEN

dofile("bench/statuses.lua")

function init(args)
  path, token = args[1], args[2]
end

function request()
  return wrk.format("GET", path, { ["Cookie"] = "cedar_session=" .. token })
end
