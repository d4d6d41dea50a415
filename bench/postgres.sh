# Sourced by the benchmarks: Debian's PostgreSQL (and wrk) with the reference's settings, one server for every side,
# and the two roles — bench, a superuser for the reference and the seeds, and cedar_bench, the application's, which
# row-level security binds. Needs REFERENCE (the shared bench-reference folder).
if ! command -v pgbench >/dev/null || ! command -v wrk >/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib wrk >/dev/null
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
