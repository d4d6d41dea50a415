#!/usr/bin/env bash
# The console of a 500-student school at 10 concurrent admins: p95 of each page an owner waits for, beside the raw
# SQL of the same reads (pgbench, same server, same run). Run as root on Debian 12:
#   bench/console/run.sh            # DUR=15 CLIENTS=10 WARM=6 by default, about 10 minutes
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DUR=${DUR:-15}
CLIENTS=${CLIENTS:-10}
OUT="$ROOT/bench/results/console-$(date -u +%Y%m%dT%H%M%SZ)"
REFERENCE="$ROOT/../shared/bench-reference"
SECRET="bench-jwt-secret-0123456789abcdef0123456789"
PORT=8085
mkdir -p "$OUT"

# 1. Debian's PostgreSQL with the reference's settings; the application's database owned by a role RLS binds.
source "$ROOT/bench/postgres.sh"
su postgres -c "psql -qXc 'drop database if exists cedar_console'" && su postgres -c "psql -qXc 'create database cedar_console owner cedar_bench'"
su postgres -c "psql -qX -d cedar_console -c 'create extension if not exists pg_trgm'"
export PGHOST=127.0.0.1 PGUSER=bench PGPASSWORD=bench PGDATABASE=cedar_console

# 2. The application on it: migrated at start, the school 'console' made for its owner; then the school seeded.
./mvnw -B -q -DskipTests package
DATABASE_URL="postgres://cedar_bench:cedar_bench@127.0.0.1:5432/cedar_console" JWT_SECRET="$SECRET" APP_DEMO_DATA=false \
  APP_PAYMENTS=simulated APP_DEFAULT_SCHOOL=console ADMIN_EMAILS=owner@console.test SERVER_PORT=$PORT \
  LOGGING_STRUCTURED_FORMAT_CONSOLE= LOGGING_LEVEL_ROOT=WARN \
  java -jar target/cedar-heights-*.jar > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "localhost:$PORT/actuator/health" >/dev/null; do sleep 1; done
psql -qX -v ON_ERROR_STOP=1 -f bench/console/seed.sql >/dev/null
SCHOOL=$(psql -qXtAc "select id from schools where slug = 'console'")
FAMILY=$(psql -qXtAc "select payee_id from students where school_id = '$SCHOOL' order by name limit 1")
TODAY=$(psql -qXtAc "select current_date")
MONDAY=$(psql -qXtAc "select date_trunc('week', current_date)::date")
TERM=$(psql -qXtAc "select start_date from semesters where school_id = '$SCHOOL'")
TOKEN=$(python3 - "$SECRET" <<'PY'
import base64, hashlib, hmac, json, sys, time, uuid
def encode(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
now = int(time.time())
header = encode(b'{"alg":"HS256","typ":"JWT"}')
claims = encode(json.dumps({"iss": "cedar-heights", "sub": "bench-owner", "email": "owner@console.test", "role": "admin",
                            "school": "console", "iat": now, "exp": now + 7200, "email_verified": True,
                            "sid": str(uuid.uuid4()), "auth_time": now, "gen": 1, "idp": "password"},
                           separators=(",", ":")).encode())
print(f"{header}.{claims}.{encode(hmac.new(sys.argv[1].encode(), f'{header}.{claims}'.encode(), hashlib.sha256).digest())}")
PY
)

# 3. Each page: a warm-up, then CLIENTS admins for DUR seconds; then pgbench running the page's SQL as many clients.
pages=(
  "calendar|/admin/calendar?date=$MONDAY|calendar.sql"
  "families search|/admin/families?search=an|families.sql"
  "family page|/admin/families/$FAMILY|family.sql"
  "dashboard|/admin?date=$MONDAY|dashboard.sql"
  "payroll report|/admin/reports/payroll?from=$TERM&to=$TODAY|payroll.sql"
  "revenue report|/admin/reports/revenue?from=$TERM&to=$TODAY|revenue.sql"
  "attendance report|/admin/reports/attendance?from=$TERM&to=$TODAY|attendance.sql"
)
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: cedar_session=$TOKEN" "localhost:$PORT/admin/calendar")
[ "$status" = 200 ] || { echo "the admin's session is refused ($status): see $OUT/app.log"; exit 1; }
for warm in $(seq 1 "${WARM:-6}"); do
  for page in "${pages[@]}"; do
    IFS='|' read -r name path sql <<< "$page"
    wrk -t 2 -c "$CLIENTS" -d 5s --timeout 10s -s bench/console/page.lua "http://localhost:$PORT" -- "$path" "$TOKEN" \
      >/dev/null 2>&1 || true
  done
done
printf 'page\trequests\tseconds\trps\tp50_ms\tp95_ms\tp99_ms\tstatuses\tsql_count\tsql_tps\tsql_avg_ms\tsql_p50_ms\tsql_p95_ms\tsql_p99_ms\n' > "$OUT/console.tsv"
for page in "${pages[@]}"; do
  IFS='|' read -r name path sql <<< "$page"
  app=$(wrk -t 2 -c "$CLIENTS" -d "${DUR}s" --timeout 10s -s bench/console/page.lua "http://localhost:$PORT" -- "$path" "$TOKEN" 2>&1 >/dev/null | tail -1)
  rm -f "$OUT"/pgbench_log.*
  pgbench -n -M prepared -c "$CLIENTS" -j 2 -T "$DUR" -l --log-prefix="$OUT/pgbench_log" \
    -D school="$SCHOOL" -D family="$FAMILY" -D day="$MONDAY" -D from="$TERM" -D to="$TODAY" -D pattern="%an%" \
    -f "bench/console/sql/$sql" > "$OUT/pgbench_${sql%.sql}.txt" 2>&1
  raw=$(python3 "$REFERENCE/pct.py" "$DUR" "$OUT"/pgbench_log.* | awk '{print $2"\t"$3"\t"$4"\t"$5"\t"$6"\t"$7}')
  printf '%s\t%s\t%s\n' "$name" "$app" "$raw" >> "$OUT/console.tsv"
done
rm -f "$OUT"/pgbench_log.*

# 4. The table: each page's p95 against the 150 ms target and beside its SQL's.
python3 - "$OUT" "$CLIENTS" <<'PY'
import csv, sys, pathlib
out, clients = pathlib.Path(sys.argv[1]), sys.argv[2]
lines = [f"| page ({clients} admins) | requests/s | p50 ms | p95 ms | p99 ms | statuses | SQL p95 ms | p95 ÷ SQL p95 | under 150 ms |",
         "|---|---|---|---|---|---|---|---|---|"]
for row in csv.DictReader(open(out / "console.tsv"), delimiter="\t"):
    p95, sql95 = float(row["p95_ms"]), float(row["sql_p95_ms"])
    lines.append(f"| {row['page']} | {row['rps']} | {row['p50_ms']} | {p95:.1f} | {row['p99_ms']} | {row['statuses']} "
                 f"| {sql95:.1f} | {p95 / sql95:.1f}× | {'yes' if p95 < 150 else 'NO'} |")
(out / "summary.md").write_text("\n".join(lines) + "\n")
print("\n".join(lines))
PY
