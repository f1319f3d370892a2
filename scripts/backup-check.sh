#!/usr/bin/env bash
# Backup and restore, checked (docs/DEPLOYMENT.md): pg_dump of DATABASE_URL in the custom format,
# pg_restore into a fresh database on the same server, then the row count of every table compared and
# the restored copy migrated and served once (/healthz). Drops the copy afterwards.
#   DATABASE_URL=postgres://…/meetral scripts/backup-check.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
: "${DATABASE_URL:?DATABASE_URL names the database to back up}"
target_dir=${CARGO_TARGET_DIR:-$root/target}
bin=$(pg_bin_dir)
copy="meetral_restore_$$"
copy_url=$(url_with_database "$DATABASE_URL" "$copy")
admin=$(url_with_database "$DATABASE_URL" postgres)
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; psql "$admin" -qc "DROP DATABASE IF EXISTS $copy WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

started=$(date +%s%N)
"$bin/pg_dump" --format=custom --no-owner --file "$work/meetral.dump" "$DATABASE_URL"
dumped=$(date +%s%N)
psql "$admin" -qc "CREATE DATABASE $copy" >/dev/null
"$bin/pg_restore" --no-owner --exit-on-error --jobs 2 --dbname "$copy_url" "$work/meetral.dump"
restored=$(date +%s%N)
say "dump $(stat -c %s "$work/meetral.dump") B in $(( (dumped - started) / 1000000 )) ms, restore in $(( (restored - dumped) / 1000000 )) ms"

counts='SELECT string_agg(format($$%s.%s %s$$, n.nspname, c.relname,
          (xpath($$/row/n/text()$$, query_to_xml(format($$SELECT count(*) AS n FROM %I.%I$$, n.nspname, c.relname), false, true, $$$$)))[1]::text),
          chr(10) ORDER BY n.nspname, c.relname)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = $$r$$ AND n.nspname IN ($$public$$, $$tower_sessions$$)'
# Read first, so a failing query stops the check instead of comparing two empty outputs.
original=$(psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -Atqc "$counts")
restored_counts=$(psql "$copy_url" -v ON_ERROR_STOP=1 -Atqc "$counts")
[ -n "$original" ] || die "no tables counted in $DATABASE_URL"
diff <(echo "$original") <(echo "$restored_counts") || die "the restored copy differs"
rows=$(echo "$original" | awk '{ n += $2 } END { print n }')
say "$(echo "$original" | wc -l) tables, $rows rows, the same in the copy"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATABASE_URL="$copy_url" MEETRAL_ADDR="127.0.0.1:$port" MEETRAL_WORKER=false MEETRAL_SITE_ROOT="$target_dir/site" \
  "$target_dir/release/meetral" serve > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "http://127.0.0.1:$port/events" | grep -q 'event-card' || { cat "$work/server.log"; die "the restored copy does not serve the catalogue"; }
say "the restored copy migrates and serves the catalogue: backup and restore work"
