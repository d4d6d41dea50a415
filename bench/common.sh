# Sourced by bench/run.sh and bench/rush.sh: one PostgreSQL server from Debian with the reference's settings for both
# sides, the reference's database, and the application's jar on a database of its own seeded with bench/seed.sql.
# Needs ROOT (the project), OUT (the run's results folder) and DUR; sets REFERENCE, SECRET and APP (the jar's pid), and
# gives the steps below as functions.
REFERENCE="$ROOT/../shared/bench-reference"
SECRET="bench-jwt-secret-0123456789abcdef0123456789"

# PostgreSQL from Debian with the reference's settings; the reference's database made once, the application's afresh.
start_databases() {
  source "$ROOT/bench/postgres.sh"
  su postgres -c "psql -qXtAc \"select 1 from pg_database where datname = 'perfanchor'\"" | grep -q 1 \
    || su postgres -c "psql -qXc 'create database perfanchor owner bench'"
  su postgres -c "psql -qXc 'drop database if exists cedar_bench'" && su postgres -c "psql -qXc 'create database cedar_bench owner cedar_bench'"
  export PGHOST=127.0.0.1 PGUSER=bench PGPASSWORD=bench
  REFERENCE_WORK=$(mktemp -d)
  cp -r "$REFERENCE/." "$REFERENCE_WORK/"
  chmod -R u+w "$REFERENCE_WORK"
  if ! psql -d perfanchor -qXtAc "select count(*) from enrollments" >/dev/null 2>&1; then
    (cd "$REFERENCE_WORK" && psql -d perfanchor -q -v ON_ERROR_STOP=1 -f sql/schema.sql -f sql/load.sql >/dev/null)
  fi
}

# The reference's own run.sh for the named runs at the given client counts, into $OUT/reference.
reference() { # runs clients
  (cd "$REFERENCE_WORK" && PGDATABASE=perfanchor ONLY="$1" CLIENTS="$2" DUR="$DUR" OUT="$OUT/reference" ./run.sh >/dev/null)
}

# The application on the same server, as a role that row-level security binds, then the bench school seeded. A real
# deployment's refusals: payments simulated out loud, the default school made for its owner at start-up.
start_app() {
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  DATABASE_URL="postgres://cedar_bench:cedar_bench@127.0.0.1:5432/cedar_bench" JWT_SECRET="$SECRET" APP_DEMO_DATA=false \
    APP_PAYMENTS=simulated APP_DEFAULT_SCHOOL=bench ADMIN_EMAILS=owner@bench.test \
    LOGGING_STRUCTURED_FORMAT_CONSOLE= LOGGING_LEVEL_ROOT=WARN \
    java -jar "$ROOT"/target/cedar-heights-*.jar > "$OUT/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  until curl -sf localhost:8080/actuator/health >/dev/null; do sleep 1; done
  psql -d cedar_bench -qX -v ON_ERROR_STOP=1 -f "$ROOT/bench/seed.sql" >/dev/null
}

# Back to the seeded state, with each free student paired to a free slot and its parent's token minted.
fresh_pairs() {
  psql -d cedar_bench -qX -f "$ROOT/bench/reset.sql" >/dev/null
  psql -d cedar_bench -qXtA -f "$ROOT/bench/pairs.sql" | python3 "$ROOT/bench/tokens.py" "$SECRET" bench > "$OUT/tokens.txt"
}

# One booking run: fresh pairs, wrk for the given time; then the time the jobs (billing, the email asking for a card)
# take to finish after the last booking answered, and the CPU the JVM and PostgreSQL spent on the run and its jobs.
# Prints clients, wrk's line (booking.lua), the jobs' drain in seconds, and the two CPU figures in seconds.
book() { # clients seconds
  fresh_pairs
  local threads=$(( $1 < 2 ? 1 : 2 ))
  local line app_before db_before app_after db_after
  read -r app_before db_before < <(python3 "$ROOT/bench/cpu.py" "$APP")
  line=$(wrk -t "$threads" -c "$1" -d "${2}s" -s "$ROOT/bench/booking.lua" http://localhost:8080 -- "$OUT/tokens.txt" "$threads" 2>&1 >/dev/null)
  local drain
  drain=$(jobs_drain)
  read -r app_after db_after < <(python3 "$ROOT/bench/cpu.py" "$APP")
  printf '%s\t%s\t%.1f\t%s\t%s\n' "$1" "$line" "$drain" \
    "$(echo "$app_after - $app_before" | bc)" "$(echo "$db_after - $db_before" | bc)"
}

# Seconds until no one-off job is left (the recurring sweeps always are).
jobs_drain() {
  local start
  start=$(date +%s.%N)
  until [ "$(psql -d cedar_bench -qXtAc "select count(*) from scheduled_tasks where task_instance <> 'recurring'")" = 0 ]; do
    sleep 0.2
  done
  echo "$(date +%s.%N) - $start" | bc
}
