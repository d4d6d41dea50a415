-- wrk script for what a family opens while others book: a teacher's week on the school's page and in the public
-- timetable JSON (the reference's read_open_slots: the open slots of one teacher), a random teacher each time.
--   wrk -t T -c C -d Ds -s bench/reads.lua http://localhost:8080 -- TEACHERS_FILE MODE
-- MODE: page (/?teacher=), json (/api/v1/public/timeslots?teacher_id=&available=true), both, alternately, or
-- liveness (the app's /actuator/health/liveness, what the others are measured beside).
-- Prints one TSV line (bench/statuses.lua).

dofile("bench/statuses.lua")

function init(args)
  teachers = {}
  for line in io.lines(args[1]) do
    table.insert(teachers, line)
  end
  mode = args[2]
  turn = 0
  math.randomseed(os.time() * 16 + index)
end

function request()
  turn = turn + 1
  if mode == "liveness" then
    return wrk.format("GET", "/actuator/health/liveness")
  end
  local teacher = teachers[math.random(#teachers)]
  if mode == "page" or (mode == "both" and turn % 2 == 0) then
    return wrk.format("GET", "/?teacher=" .. teacher)
  end
  return wrk.format("GET", "/api/v1/public/timeslots?teacher_id=" .. teacher .. "&available=true")
end
