#!/usr/bin/env bash
# Started by Playwright: a fresh database with demo data plus one known fixture event, then the server
# ($MEETRAL_SERVER_BIN) on $E2E_PORT. Needs E2E_ADMIN_URL (a maintenance database on the PostgreSQL server to use).
# With E2E_INSTANCES=2 (playwright.scaleout.config.ts): two servers on other free ports sharing the
# database and the SMTP server, behind HAProxy on $E2E_PORT (docs/DEPLOYMENT.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
port=${E2E_PORT:?E2E_PORT is required}
admin=${E2E_ADMIN_URL:?E2E_ADMIN_URL is required}
db="meetral_e2e_${port}"
base=${admin%/*}
query=""
case "$admin" in *\?*) query="?${admin#*\?}"; base=${admin%%\?*}; base=${base%/*} ;; esac
psql -q "$admin" -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
export DATABASE_URL="$base/$db$query"
export MEETRAL_ADDR="127.0.0.1:$port" APP_BASE_URL="http://127.0.0.1:$port"
export MEETRAL_SITE_ROOT=${MEETRAL_SITE_ROOT:-$target_dir/site}
# The test command points this at the debug binary its integration tests already built (a release server
# build would add about 7 minutes to a cold run); by hand, the release server of scripts/build.sh release.
server_bin=${MEETRAL_SERVER_BIN:-$target_dir/release/meetral}
# Mail goes through a real SMTP server (aiosmtpd) that stores each message in e2e-mail/<port>/, where the
# tests read them (verification and reset links, contact-form copies). It stops when the server does.
mail_dir="$target_dir/e2e-mail/$port"
rm -rf "$mail_dir" && mkdir -p "$mail_dir"
smtp_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$root/server/tests/smtp_sink.py" "$smtp_port" "$mail_dir" --until-parent-exits >/dev/null &
export SMTP_URL="smtp://127.0.0.1:$smtp_port"
for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$smtp_port) 2>/dev/null && break; sleep 0.1; done
export RUST_LOG=${RUST_LOG:-warn}
export WEBHOOK_ALLOW_PRIVATE=true   # the webhook test's receiver listens on 127.0.0.1
export MEETRAL_RATE_LIMIT_FACTOR=${MEETRAL_RATE_LIMIT_FACTOR:-20}   # every browser test signs in from 127.0.0.1
# Tiles never come from the internet in tests: every tile is one blank 256×256 image (a data: URL, which the page's
# CSP allows for images), so maps keep their markers and the console stays free of 404s (Lighthouse counts
# them). Uploaded images go to a folder of their own.
export MAP_TILE_URL="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAQAAAAEACAQAAAD2e2DtAAAAlUlEQVR42u3BAQ0AAADCoPdP7ewBFAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA3AR4AAY/4QuAAAAAASUVORK5CYII="
export GEOCODER_URL="https://geocoder.meetral.test/search"   # answered by the tests (page.route)
export MEETRAL_MEDIA_DIR="$target_dir/e2e-media/$port"
rm -rf "$MEETRAL_MEDIA_DIR"
"$server_bin" seed-demo >/dev/null
psql -q "$DATABASE_URL" -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at, city, venue_name,
                    address_line, postal_code, latitude, longitude, free_food, free_food_details, published_at)
SELECT 'apero-des-testeurs-e2e', u.id, c.id, 'Apéro des testeurs de bout en bout',
       'Fixture des tests navigateur : le premier événement à venir.', 'published',
       now() + interval '30 minutes', now() + interval '3 hours', 'Lyon', 'H7', '70 quai Perrache', '69002',
       45.7433, 4.8183, true, 'Tartines et jus de fruits', now()
FROM users u, categories c WHERE u.email = 'organisatrice@meetral.test' AND c.slug = 'networking';
-- A guest's registration of the fixture event, with a known ticket code and manage link.
WITH p AS (
  INSERT INTO event_participants (event_id, email, full_name, seats, manage_token_hash)
  SELECT id, 'fixture-guest@exemple.fr', 'Invitée Fixture', 1, sha256('e2eManageFixtureToken0001'::bytea)
  FROM events WHERE slug = 'apero-des-testeurs-e2e' RETURNING id, event_id)
INSERT INTO tickets (code, event_id, participant_id, attendee_name)
SELECT 'e2eTicketFixtureCode0001', event_id, id, 'Invitée Fixture' FROM p;
UPDATE events SET seats_taken = 1 WHERE slug = 'apero-des-testeurs-e2e';
SQL
instances=${E2E_INSTANCES:-1}
[ "$instances" -gt 1 ] || exec "$server_bin"

# Scale-out: N servers (each with its mail worker), HAProxy in front. A request header pins a request
# to one instance (x-meetral-instance: a|b|…), and every answer says which one served it.
command -v haproxy >/dev/null || { echo "haproxy is not installed (apt-get install haproxy)" >&2; exit 1; }
export MEETRAL_TRUSTED_PROXIES=127.0.0.1 SESSION_SECRET=${SESSION_SECRET:-e2e-scale-out-shared-secret-0123456789abcdef}
config="$target_dir/e2e-haproxy-$port.cfg"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -f "$config"' EXIT
names=(a b c d)
servers="" pinned=""
for n in $(seq 0 $((instances - 1))); do
  name=${names[$n]}
  instance_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  MEETRAL_ADDR="127.0.0.1:$instance_port" "$server_bin" &
  pids+=($!)
  servers+="  server $name 127.0.0.1:$instance_port check inter 1s"$'\n'
  pinned+="  use-server $name if { req.hdr(x-meetral-instance) -m str $name }"$'\n'
done
cat > "$config" <<CFG
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  option forwardfor
frontend web
  bind 127.0.0.1:$port
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /healthz
  http-response set-header x-meetral-instance %[srv_name]
$pinned$servers
CFG
haproxy -db -f "$config" &
pids+=($!)
wait -n "${pids[@]}"
