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
mkdir -p "$OUT"
source "$ROOT/bench/common.sh"

# 1. PostgreSQL from Debian with the reference's settings; one server for both sides.
start_databases
# 2. The reference: pgbench's booking transaction with its job worker, as in RESULTS.md.
reference "booking_uniform+worker" "$CLIENTS"
# 3. The application, on the same server, as a role that row-level security binds; booking runs by book().
start_app

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
