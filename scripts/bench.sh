#!/usr/bin/env bash
# The benchmarks (README, "Benchmarks"; not part of the test command). Builds the release, starts it on a
# free loopback port with a fresh database, measures, prints, and writes the figures into
# docs/PERFORMANCE.md (between its "bench" markers, with the machine and the date). Everything it creates
# (databases, the server, temporary files) is removed when it stops, also on failure or Ctrl-C.
#   scripts/bench.sh            # about 10 minutes on 2 cores
#   BENCH_SECONDS=5 BENCH_SYNTHETIC_EVENTS=20000 scripts/bench.sh   # a quicker, rougher run
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
seconds=${BENCH_SECONDS:-15}
synthetic=${BENCH_SYNTHETIC_EVENTS:-100000}

ensure_build_tools
ensure_browser
command -v wrk >/dev/null || apt_install wrk
choose_database
case "$ADMIN_URL" in *@127.0.0.1:*|*@localhost:*|*@localhost/*|*@127.0.0.1/*) ;; *) die "the benchmarks only run against a PostgreSQL server on loopback" ;; esac

say "release build"
scripts/build.sh release >/dev/null

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
db="meetral_e2e_$port"
synthetic_db="meetral_bench_$port"
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  for name in "$db" "$synthetic_db"; do psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$work" "$CARGO_TARGET_DIR/e2e-mail/$port" "$CARGO_TARGET_DIR/e2e-media/$port"
}
trap cleanup EXIT INT TERM
results="$work/results.jsonl"
export BENCH_RESULTS="$results"

# The server serves a copy of the site, so the static twins of the pages sit beside the real files.
cp -r "$CARGO_TARGET_DIR/site" "$work/site"
say "starting the release server on 127.0.0.1:$port (fresh database, demo data)"
# Every request comes from 127.0.0.1: the per-address rate limits are raised out of the way.
MEETRAL_SITE_ROOT="$work/site" MEETRAL_RATE_LIMIT_FACTOR=1000000 E2E_PORT=$port E2E_ADMIN_URL="$ADMIN_URL" \
  scripts/e2e-server.sh > "$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 600); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$base/healthz" >/dev/null || { cat "$work/server.log"; die "the server did not start"; }
database=$(url_with_database "$ADMIN_URL" "$db")

say "pages: wrk, 64 connections, ${seconds} s each, server-rendered vs the same HTML as a static file"
mkdir -p "$work/site/bench"
wrk_run() { # name kind url
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency "$3")
  python3 - "$1" "$2" "$out" <<'PY' >> "$results"
import json, re, sys
name, kind, out = sys.argv[1:]
def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)
latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(json.dumps({"bench": "page", "page": name, "kind": kind, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
                  "p50": ms(latency["50"]), "p99": ms(latency["99"]), "non2xx": int(errors.group(1)) if errors else 0}))
PY
  tail -n 1 "$results"
}
for page in catalogue:/events event:/events/apero-des-testeurs-e2e; do
  name=${page%%:*} path=${page#*:}
  curl -fsS "$base$path" -o "$work/site/bench/$name.html"
  wrk_run "$name" ssr "$base$path"
  wrk_run "$name" static "$base/bench/$name.html"
done

say "registration rush over HTTP: 10,000 attempts, capacity 500 then 1"
node scripts/bench-registration.mjs "$base" "$database" 10000 500 200
node scripts/bench-registration.mjs "$base" "$database" 10000 1 200

say "raw SQL ceiling: the same conditional update, 10,000 attempts on capacity 500 (pgbench, 10 clients = the app's pool)"
event=$(psql "$database" -Atqc "INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city, published_at, capacity)
  SELECT 'ceiling-$port', u.id, c.id, 'Plafond SQL', 'Banc d''essai.', 'published', now() + interval '7 days', now() + interval '7 days 2 hours', 'Lyon', now(), 500
  FROM users u, categories c WHERE u.email = 'organisatrice@meetral.test' AND c.slug = 'networking' RETURNING id")
printf 'UPDATE events SET seats_taken = seats_taken + 1 WHERE id = %s AND seats_taken + 1 <= capacity;\n' "$event" > "$work/ceiling.sql"
pgbench=$(pg_bin_dir)/pgbench
out=$("$pgbench" -n -f "$work/ceiling.sql" -c 10 -j 2 -t 1000 "$database" 2>&1)
taken=$(psql "$database" -Atqc "SELECT seats_taken FROM events WHERE id = $event")
psql "$database" -qc "DELETE FROM events WHERE id = $event"
python3 - "$out" "$taken" <<'PY' >> "$results"
import json, re, sys
out, taken = sys.argv[1:]
tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", out).group(1))
print(json.dumps({"bench": "sql-ceiling", "attempts": 10000, "capacity": 500, "clients": 10, "rate": tps, "taken": int(taken)}))
PY
tail -n 1 "$results"

say "check-in: 2,000 scans by 4 scanners"
node scripts/bench-checkin.mjs "$base" "$database" 2000 4

say "WASM + JS per page (release, raw / gzip / brotli)"
(cd end2end && E2E_PORT=$port E2E_REUSE_SERVER=1 E2E_ADMIN_URL="$ADMIN_URL" MEETRAL_SITE_ROOT="$work/site" \
  npx playwright test quality.spec.ts --project=desktop -g 'page weight' --reporter=line) || say "(a page is over its budget: see above)"

kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""

say "catalogue query over $synthetic synthetic events"
ensure_database "$synthetic_db"
synthetic_url=$(url_with_database "$ADMIN_URL" "$synthetic_db")
DATABASE_URL="$synthetic_url" "$CARGO_TARGET_DIR/release/meetral" seed-synthetic --events "$synthetic" >/dev/null
psql "$synthetic_url" -qc 'VACUUM ANALYZE'
python3 scripts/bench-catalogue.py "$synthetic_url" 20

say "writing docs/PERFORMANCE.md"
BENCH_DATABASE_URL="$ADMIN_URL" BENCH_SECONDS=$seconds python3 scripts/bench-report.py "$results" docs/PERFORMANCE.md "$synthetic"
say "done: figures in docs/PERFORMANCE.md"
