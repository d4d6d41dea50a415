#!/usr/bin/env bash
# Reads under an opening-day rush: the school's page and its timetable JSON at rest beside the app's liveness endpoint
# and the reference's read_open_slots (pgbench, same server, same run); then the same reads by 32, 100 and 200
# connections while 32 clients book. Run as root on Debian 12:
#   bench/rush.sh                 # DUR=10 WARM=6 by default, about 10 minutes
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DUR=${DUR:-10}
OUT="$ROOT/bench/results/rush-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
source "$ROOT/bench/common.sh"

start_databases
reference "read_open_slots" "8 50"
start_app
psql -d cedar_bench -qXtAc "select t.id from teachers t join schools s on s.id = t.school_id where s.slug = 'bench'" \
  > "$OUT/teachers.txt"

reads() { # clients seconds mode
  wrk -t 2 -c "$1" -d "${2}s" --timeout 5s -s bench/reads.lua http://localhost:8080 -- "$OUT/teachers.txt" "$3" 2>&1 >/dev/null
}
# The JIT compiles the request paths under load before the figures settle: unmeasured runs of both first.
for warm in $(seq 1 "${WARM:-6}"); do book 8 10 >/dev/null; reads 8 5 both >/dev/null; done

printf 'what\tclients\trequests\tseconds\trequests_per_s\tp50_ms\tp95_ms\tp99_ms\tstatuses\n' > "$OUT/reads.tsv"
for c in 8 50; do
  for what in liveness page json; do
    printf '%s\t%s\t%s\n' "$what" "$c" "$(reads "$c" "$DUR" "$what")" >> "$OUT/reads.tsv"
  done
done

# The rush: 32 families book for DUR seconds while C visitors read the page and the JSON, alternately.
printf 'readers\treads\tseconds\treads_per_s\tp50_ms\tp95_ms\tp99_ms\tstatuses\tbookings\tb_seconds\tbookings_per_s\tb_p50_ms\tb_p95_ms\tb_p99_ms\tb_statuses\n' > "$OUT/rush.tsv"
for c in 32 100 200; do
  fresh_pairs
  wrk -t 2 -c 32 -d "${DUR}s" -s bench/booking.lua http://localhost:8080 -- "$OUT/tokens.txt" 2 2> "$OUT/booking-$c.tsv" >/dev/null &
  booking=$!
  line=$(reads "$c" "$DUR" both)
  wait $booking
  printf '%s\t%s\t%s\n' "$c" "$line" "$(cat "$OUT/booking-$c.tsv")" >> "$OUT/rush.tsv"
  jobs_drain >/dev/null
done
rm -f "$OUT/tokens.txt"

python3 - "$OUT" <<'PY'
import csv, sys, pathlib
out = pathlib.Path(sys.argv[1])
ref = {row["clients"]: row for row in csv.DictReader(open(out / "reference" / "summary.tsv"), delimiter="\t")
       if row["script"] == "sql/read_open_slots.sql"}
rows = list(csv.DictReader(open(out / "reads.tsv"), delimiter="\t"))
at = {(r["what"], r["clients"]): r for r in rows}
lines = ["| clients | what | requests/s | p50 ms | p95 ms | p99 ms | statuses | ÷ liveness | ÷ reference read_open_slots |",
         "|---|---|---|---|---|---|---|---|---|"]
for c in ("8", "50"):
    live = float(at[("liveness", c)]["requests_per_s"])
    reference = float(ref[c]["tps"]) if c in ref else float("nan")
    lines.append(f"| {c} | reference read_open_slots (pgbench) | {reference:.0f} | {float(ref[c]['p50_ms']):.2f} "
                 f"| {float(ref[c]['p95_ms']):.2f} | {float(ref[c]['p99_ms']):.2f} | | | 1.00 |")
    for what in ("liveness", "page", "json"):
        r = at[(what, c)]
        rps = float(r["requests_per_s"])
        lines.append(f"| {c} | {what} | {rps:.0f} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['statuses']} "
                     f"| {rps / live:.2f} | {rps / reference:.2f} |")
rush = list(csv.DictReader(open(out / "rush.tsv"), delimiter="\t"))
base = float(rush[0]["reads_per_s"])
lines += ["", "| readers (while 32 book) | reads/s | ÷ at 32 | p50 ms | p95 ms | p99 ms | statuses | bookings/s | booking p95 ms | booking statuses |",
          "|---|---|---|---|---|---|---|---|---|---|"]
for r in rush:
    lines.append(f"| {r['readers']} | {float(r['reads_per_s']):.0f} | {float(r['reads_per_s']) / base:.2f} | {r['p50_ms']} "
                 f"| {r['p95_ms']} | {r['p99_ms']} | {r['statuses']} | {r['bookings_per_s']} | {r['b_p95_ms']} | {r['b_statuses']} |")
(out / "summary.md").write_text("\n".join(lines) + "\n")
print("\n".join(lines))
PY
