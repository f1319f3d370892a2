#!/usr/bin/env bash
# Started by Playwright: a fresh database with demo data plus one known fixture event, then the release
# server on $E2E_PORT. Needs E2E_ADMIN_URL (a maintenance database on the PostgreSQL server to use).
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
# Mail goes through a real SMTP server (aiosmtpd) that stores each message in e2e-mail/<port>/, where the
# tests read them (verification and reset links, contact-form copies). It stops when the server does.
mail_dir="$target_dir/e2e-mail/$port"
rm -rf "$mail_dir" && mkdir -p "$mail_dir"
smtp_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$root/server/tests/smtp_sink.py" "$smtp_port" "$mail_dir" --until-parent-exits >/dev/null &
export SMTP_URL="smtp://127.0.0.1:$smtp_port"
for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$smtp_port) 2>/dev/null && break; sleep 0.1; done
export RUST_LOG=${RUST_LOG:-warn}
export MEETRAL_RATE_LIMIT_FACTOR=${MEETRAL_RATE_LIMIT_FACTOR:-20}   # every browser test signs in from 127.0.0.1
# Tiles never come from the internet in tests: a same-origin template that answers 404 (maps keep their
# markers). Uploaded images go to a folder of their own.
export MAP_TILE_URL="/tiles/{z}/{x}/{y}.png"
export GEOCODER_URL="https://geocoder.meetral.test/search"   # answered by the tests (page.route)
export MEETRAL_MEDIA_DIR="$target_dir/e2e-media/$port"
rm -rf "$MEETRAL_MEDIA_DIR"
"$target_dir/release/meetral" seed-demo >/dev/null
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
exec "$target_dir/release/meetral"
