#!/usr/bin/env bash
# Every check and test: formatting, clippy (ssr and hydrate), unit tests, integration tests on real
# PostgreSQL (a fresh database per test), and browser end-to-end tests in Chromium (phone + desktop).
# Installs what is missing and picks a PostgreSQL server exactly as run.sh does.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
export SQLX_OFFLINE=true

ensure_build_tools
ensure_browser
ensure_quality_tools
python3 -c 'import aiosmtpd' 2>/dev/null || { say "pip install aiosmtpd (SMTP server for the mail tests)"; python3 -m pip install --quiet aiosmtpd; }
python3 -c 'import moto.server' 2>/dev/null || { say "pip install moto[server] (S3 API server for the image-storage test)"; python3 -m pip install --quiet 'moto[server]'; }
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt clippy

say "cargo fmt --check"
cargo fmt --all -- --check

say "clippy (ssr: app + server + tests)"
cargo clippy -p app -p server --all-targets --features app/ssr -- -D warnings
say "clippy (hydrate: app + frontend for wasm32)"
cargo clippy -p app -p frontend --lib --target wasm32-unknown-unknown --features app/hydrate -- -D warnings

say "cargo deny: licenses, bans and sources (no advisories: their database is on GitHub, docs/SECURITY.md)"
cargo deny check licenses bans sources

choose_database
# Databases made by the test harness only (per-test and end-to-end ones), before and after the run.
drop_test_databases() {
  for db in $(psql "$ADMIN_URL" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'meetral\_t\_%' OR datname LIKE 'meetral\_e2e\_%'"); do
    psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
}
drop_test_databases

say "unit and integration tests (PostgreSQL: fresh database per test)"
TEST_DATABASE_URL="$ADMIN_URL" cargo test -p app -p server --features app/ssr

# The browser tests get the release client (its size is gated below, Lighthouse measures it) served by the
# debug server binary that `cargo test` has just built: a release server build would cost about 7 minutes
# of a cold run for no test that needs it (the benchmarks build and measure the release server).
say "release client build for the browser tests"
MEETRAL_BUILD_SERVER=0 scripts/build.sh release >/dev/null
export MEETRAL_SERVER_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/meetral"

# Every page loads the same client: its WASM and JS, brotli, must stay under DESIGN.md's hard cap (each
# page's whole download, Leaflet included, is held to the 150 KB target by quality.spec.ts).
site=${MEETRAL_SITE_ROOT:-${CARGO_TARGET_DIR:-$root/target}/site}
client=$(( $(stat -c %s "$site"/pkg/meetral.*.wasm.br) + $(stat -c %s "$site"/pkg/meetral.*.js.br) ))
say "client WASM + JS: $client B brotli (hard cap 250000)"
[ "$client" -le 250000 ] || { echo "the client is over the 250 KB hard cap (see docs/ARCHITECTURE.md)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
say "browser end-to-end tests (Chromium: phone 390x844 and desktop 1366x900), axe, vnu, page weight, XSS"
(cd end2end && E2E_PORT=$(free_port) E2E_ADMIN_URL="$ADMIN_URL" npx playwright test --grep-invert '@lighthouse|@scan')

# Alone, one at a time, so other tests do not load the machine while they measure or attack.
say "Lighthouse (home, catalogue, event, ticket), the wapiti scan and the API's schemathesis run"
(cd end2end && E2E_PORT=$(free_port) E2E_ADMIN_URL="$ADMIN_URL" WAPITI="$wapiti_venv/bin/wapiti" \
  SCHEMATHESIS="$schemathesis_venv/bin/st" \
  npx playwright test --grep '@lighthouse|@scan' --project=desktop --workers=1)

say "scale-out: two servers sharing the database behind HAProxy"
(cd end2end && E2E_PORT=$(free_port) E2E_ADMIN_URL="$ADMIN_URL" npx playwright test -c playwright.scaleout.config.ts)

drop_test_databases
say "all tests passed in $(( EPOCHSECONDS - MEETRAL_STARTED )) s"
