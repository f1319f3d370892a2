#!/usr/bin/env bash
# Regenerates .sqlx/ (compile-time query checks used by offline builds) against a freshly migrated database.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
choose_database
db=meetral_sqlx_prepare
psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
url=$(url_with_database "$ADMIN_URL" "$db")
for f in migrations/*.sql; do psql "$url" -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null; done
rm -rf .sqlx && mkdir .sqlx
# The macros write one file per query when SQLX_OFFLINE_DIR is set and they run against a live database.
touch app/src/lib.rs server/src/lib.rs
SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$root/.sqlx" DATABASE_URL="$url" cargo check -p server --quiet
psql "$ADMIN_URL" -qc "DROP DATABASE $db" >/dev/null
say "$(ls .sqlx | wc -l) queries prepared in .sqlx/"
