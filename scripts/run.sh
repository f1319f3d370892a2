#!/usr/bin/env bash
# Set up and run Meetral on http://127.0.0.1:3000 with demo data: installs what is missing, picks a
# PostgreSQL server (DATABASE_URL, else 127.0.0.1:5432 if it answers, else a private cluster under
# data/), builds, migrates, loads demo data and serves. Safe to run again; a second run is fast.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"

ensure_build_tools
choose_database
if [ -z "${DATABASE_URL:-}" ]; then
  ensure_database meetral
  export DATABASE_URL="$SERVER_URL_BASE/meetral"
fi

say "building (release)"
scripts/build.sh release >/dev/null

target_dir=${CARGO_TARGET_DIR:-$root/target}
export MEETRAL_SITE_ROOT=${MEETRAL_SITE_ROOT:-$target_dir/site}
export MEETRAL_ADDR=${MEETRAL_ADDR:-127.0.0.1:3000}
export APP_BASE_URL=${APP_BASE_URL:-http://$MEETRAL_ADDR}
say "migrating and loading demo data"
"$target_dir/release/meetral" seed-demo
say "Meetral is served on $APP_BASE_URL (Ctrl-C to stop)"
exec "$target_dir/release/meetral" serve
