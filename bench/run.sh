#!/usr/bin/env bash
# Booking under concurrency: the application against the raw-database reference (pgbench running the
# same booking transaction), back to back on this machine, reported as ratios. Run as root on Debian 12:
#   bench/run.sh                      # DUR=15 CLIENTS="1 8 32" by default
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DUR=${DUR:-15}
CLIENTS=${CLIENTS:-"1 8 32"}
OUT="$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
REFERENCE="$ROOT/../shared/bench-reference"
SECRET="bench-jwt-secret-0123456789abcdef0123456789"
mkdir -p "$OUT"

# 1. PostgreSQL from Debian with the reference's settings; one server for both sides.
if ! command -v pgbench >/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib >/dev/null
fi
V=$(ls /etc/postgresql | sort -n | tail -1)
cp "$REFERENCE/postgresql-bench.conf" "/etc/postgresql/$V/main/conf.d/perf-anchor.conf"
pg_ctlcluster "$V" main restart 2>/dev/null || pg_ctlcluster "$V" main start
su postgres -c "psql -qX" <<'SQL'
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'bench') then create role bench login superuser password 'bench'; end if;
  if not exists (select 1 from pg_roles where rolname = 'cedar_bench') then create role cedar_bench login password 'cedar_bench'; end if;
end $$;
SQL
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
DATABASE_URL="postgres://cedar_bench:cedar_bench@127.0.0.1:5432/cedar_bench" JWT_SECRET="$SECRET" APP_DEMO_DATA=false \
  LOGGING_STRUCTURED_FORMAT_CONSOLE= LOGGING_LEVEL_ROOT=WARN \
  java -jar target/cedar-heights-*.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf localhost:8080/actuator/health >/dev/null; do sleep 1; done
psql -d cedar_bench -qX -v ON_ERROR_STOP=1 -f bench/seed.sql >/dev/null
# warm the JVM (JIT) with one unmeasured run, as the reference's PostgreSQL is warm too
psql -d cedar_bench -qX -f bench/reset.sql >/dev/null
psql -d cedar_bench -qXtA -f bench/pairs.sql > "$OUT/pairs.txt"
java bench/BookingLoad.java http://localhost:8080 "$SECRET" bench "$OUT/pairs.txt" 8 10 > /dev/null
printf 'clients\trequests\tseconds\tbookings_per_s\tp50_ms\tp95_ms\tp99_ms\tstatuses\n' > "$OUT/app.tsv"
for c in $CLIENTS; do
  psql -d cedar_bench -qX -f bench/reset.sql >/dev/null
  psql -d cedar_bench -qXtA -f bench/pairs.sql > "$OUT/pairs.txt"
  java bench/BookingLoad.java http://localhost:8080 "$SECRET" bench "$OUT/pairs.txt" "$c" "$DUR" >> "$OUT/app.tsv"
done
rm -f "$OUT/pairs.txt"

# 4. Ratios, client count by client count.
python3 - "$OUT" <<'PY'
import csv, sys, pathlib
out = pathlib.Path(sys.argv[1])
ref = {}
for row in csv.DictReader(open(out / "reference" / "summary.tsv"), delimiter="\t"):
    if row["script"] == "sql/booking_uniform.sql":
        ref[row["clients"]] = (float(row["tps"]), float(row["p95_ms"]))
best = max(tps for tps, _ in ref.values())
lines = ["| clients | app bookings/s | reference bookings/s | app ÷ reference best | app p95 ms | reference p95 ms | p95 ratio |",
         "|---|---|---|---|---|---|---|"]
for row in csv.DictReader(open(out / "app.tsv"), delimiter="\t"):
    tps, p95 = float(row["bookings_per_s"]), float(row["p95_ms"])
    rtps, rp95 = ref.get(row["clients"], (float("nan"), float("nan")))
    lines.append(f"| {row['clients']} | {tps:.0f} | {rtps:.0f} | {tps / best:.2f} | {p95:.1f} | {rp95:.1f} | {p95 / rp95:.1f}× |")
(out / "summary.md").write_text("\n".join(lines) + "\n")
print("\n".join(lines))
PY
