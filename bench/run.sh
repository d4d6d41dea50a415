#!/usr/bin/env bash
# Booking under concurrency: the application against the raw-database reference (pgbench running the
# same booking transaction), back to back on this machine, reported as ratios. Run as root on Debian 12:
#   bench/run.sh                      # DUR=10 CLIENTS="1 8 32" WARM=8 by default, about 12 minutes
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DUR=${DUR:-10}
CLIENTS=${CLIENTS:-"1 8 32"}
OUT="$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
REFERENCE="$ROOT/../shared/bench-reference"
SECRET="bench-jwt-secret-0123456789abcdef0123456789"
mkdir -p "$OUT"

# 1. PostgreSQL from Debian with the reference's settings; one server for both sides.
source "$ROOT/bench/postgres.sh"
su postgres -c "psql -qXtAc \"select 1 from pg_database where datname = 'perfanchor'\"" | grep -q 1 \
  || su postgres -c "psql -qXc 'create database perfanchor owner bench'"
su postgres -c "psql -qXc 'drop database if exists cedar_bench'" && su postgres -c "psql -qXc 'create database cedar_bench owner cedar_bench'"
export PGHOST=127.0.0.1 PGUSER=bench PGPASSWORD=bench

# 2. The reference: pgbench's booking transaction with its job worker, as in RESULTS.md.
WORK=$(mktemp -d)
cp -r "$REFERENCE/." "$WORK/"
chmod -R u+w "$WORK"
if ! psql -d perfanchor -qXtAc "select count(*) from enrollments" >/dev/null 2>&1; then
  (cd "$WORK" && psql -d perfanchor -q -v ON_ERROR_STOP=1 -f sql/schema.sql -f sql/load.sql >/dev/null)
fi
(cd "$WORK" && PGDATABASE=perfanchor ONLY="booking_uniform+worker" CLIENTS="$CLIENTS" DUR="$DUR" OUT="$OUT/reference" ./run.sh >/dev/null)

# 3. The application, on the same server, as a role that row-level security binds.
./mvnw -B -q -DskipTests package
# a real deployment's refusals: payments simulated out loud, the default school made for its owner at start-up
DATABASE_URL="postgres://cedar_bench:cedar_bench@127.0.0.1:5432/cedar_bench" JWT_SECRET="$SECRET" APP_DEMO_DATA=false \
  APP_PAYMENTS=simulated APP_DEFAULT_SCHOOL=bench ADMIN_EMAILS=owner@bench.test \
  LOGGING_STRUCTURED_FORMAT_CONSOLE= LOGGING_LEVEL_ROOT=WARN \
  java -jar target/cedar-heights-*.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf localhost:8080/actuator/health >/dev/null; do sleep 1; done
psql -d cedar_bench -qX -v ON_ERROR_STOP=1 -f bench/seed.sql >/dev/null

# One booking run: back to the seeded state, each parent's token minted, wrk for the given time; then the time the
# jobs (billing, the email asking for a card) take to finish after the last booking answered, and the CPU the JVM and
# PostgreSQL spent on the run and its jobs.
book() { # clients seconds
  psql -d cedar_bench -qX -f bench/reset.sql >/dev/null
  psql -d cedar_bench -qXtA -f bench/pairs.sql | python3 bench/tokens.py "$SECRET" bench > "$OUT/tokens.txt"
  local threads=$(( $1 < 2 ? 1 : 2 ))
  local line app_before db_before app_after db_after
  read -r app_before db_before < <(python3 bench/cpu.py "$APP")
  line=$(wrk -t "$threads" -c "$1" -d "${2}s" -s bench/booking.lua http://localhost:8080 -- "$OUT/tokens.txt" "$threads" 2>&1 >/dev/null)
  local start=$(date +%s.%N)
  until [ "$(psql -d cedar_bench -qXtAc "select count(*) from scheduled_tasks where task_instance <> 'recurring'")" = 0 ]; do
    sleep 0.2
  done
  local drain=$(echo "$(date +%s.%N) - $start" | bc)
  read -r app_after db_after < <(python3 bench/cpu.py "$APP")
  printf '%s\t%s\t%.1f\t%s\t%s\n' "$1" "$line" "$drain" \
    "$(echo "$app_after - $app_before" | bc)" "$(echo "$db_after - $db_before" | bc)"
}
# The JIT compiles the request path over two to three minutes of load on these two busy cores before the figures
# settle (see README): WARM unmeasured runs of 15 s first.
for warm in $(seq 1 "${WARM:-8}"); do book 8 15 >/dev/null; done
printf 'clients\trequests\tseconds\tbookings_per_s\tp50_ms\tp95_ms\tp99_ms\tstatuses\tjobs_drain_s\tapp_cpu_s\tdb_cpu_s\n' > "$OUT/app.tsv"
for c in $CLIENTS; do
  book "$c" "$DUR" >> "$OUT/app.tsv"
done
rm -f "$OUT/tokens.txt"

# 4. Ratios, client count by client count.
python3 - "$OUT" <<'PY'
import csv, sys, pathlib
out = pathlib.Path(sys.argv[1])
ref = {}
for row in csv.DictReader(open(out / "reference" / "summary.tsv"), delimiter="\t"):
    if row["script"] == "sql/booking_uniform.sql":
        ref[row["clients"]] = (float(row["tps"]), float(row["p95_ms"]))
best = max(tps for tps, _ in ref.values())
lines = ["| clients | app bookings/s | reference bookings/s | app ÷ reference best | app p95 ms | reference p95 ms | p95 ratio "
         "| jobs done after | app bookings/s incl. jobs | ÷ reference best | CPU ms per booking: app, database |",
         "|---|---|---|---|---|---|---|---|---|---|---|"]
for row in csv.DictReader(open(out / "app.tsv"), delimiter="\t"):
    tps, p95 = float(row["bookings_per_s"]), float(row["p95_ms"])
    seconds, drain = float(row["seconds"]), float(row["jobs_drain_s"])
    booked = tps * seconds
    sustained = booked / (seconds + drain)
    app_ms, db_ms = 1000 * float(row["app_cpu_s"]) / booked, 1000 * float(row["db_cpu_s"]) / booked
    rtps, rp95 = ref.get(row["clients"], (float("nan"), float("nan")))
    lines.append(f"| {row['clients']} | {tps:.0f} | {rtps:.0f} | {tps / best:.2f} | {p95:.1f} | {rp95:.1f} | {p95 / rp95:.1f}× "
                 f"| {drain:.1f} s | {sustained:.0f} | {sustained / best:.2f} | {app_ms:.1f}, {db_ms:.1f} |")
(out / "summary.md").write_text("\n".join(lines) + "\n")
print("\n".join(lines))
PY
