#!/bin/sh
# Run once by the postgres image when its data directory is new: the role the application connects as, which
# row-level security binds (no superuser, no BYPASSRLS). The migrations, run as the owner, grant it its rights.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_password="$APP_PASSWORD" <<'SQL'
create role cedar_app login password :'app_password' nosuperuser nobypassrls;
grant connect on database cedar to cedar_app;
SQL
