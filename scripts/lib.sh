# Shared by run.sh and test.sh: install what is missing, then choose a PostgreSQL server.
# Sourced, not executed. Every step is idempotent and quick when nothing is missing.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data_dir="$root/data"
export PGOPTIONS="${PGOPTIONS:---client-min-messages=warning}"  # no NOTICE chatter from IF EXISTS
private_port=${MEETRAL_PG_PORT:-54329}

# Each step says how long the command has run so far (a cold run's log shows where its time went).
export MEETRAL_STARTED=${MEETRAL_STARTED:-$EPOCHSECONDS}
say() { local s=$(( EPOCHSECONDS - MEETRAL_STARTED )); printf '\033[1;34m==>\033[0m [%d:%02d] %s\n' $((s / 60)) $((s % 60)) "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { say "apt-get update"; as_root apt-get update -qq; apt_updated=1; }
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# `cargo install` of the helper tools, once per machine: without LTO, at opt-level 1 and with 16 codegen units
# they build in about half the time of their own release profiles and still run in a second or two here.
install_tool() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_STRIP=true cargo install --quiet "$@"
}

# Tools for building and serving (wasm target, wasm-bindgen-cli pinned to Cargo.lock, wasm-opt from npm).
ensure_build_tools() {
  local missing=()
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v brotli >/dev/null || missing+=(brotli)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  command -v cc >/dev/null || missing+=(build-essential)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  command -v cargo >/dev/null || die "Rust is not installed: install rustup (https://rustup.rs) first."
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown
  fi
  local wb_version
  wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$root/Cargo.lock")
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
    say "cargo install wasm-bindgen-cli $wb_version (a minute or two, once)"
    # Not --locked: its lockfile pins a crate version the registry no longer serves.
    install_tool wasm-bindgen-cli --version "$wb_version"
  fi
  if [ ! -x "$root/end2end/node_modules/.bin/wasm-opt" ] || [ "$root/end2end/package-lock.json" -nt "$root/end2end/node_modules/.package-lock.json" ]; then
    say "npm ci (wasm-opt from binaryen, Playwright driver; no browser download)"
    (cd "$root/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_browser() {
  [ -x /usr/bin/chromium ] || apt_install chromium fonts-dejavu-core
}

# The test command's quality gates and scans (docs/SECURITY.md, docs/PERFORMANCE.md): Java for vnu,
# HAProxy for the scale-out journey, cargo-deny, wapiti and schemathesis in virtualenvs of their own (their pinned
# libraries clash with those of the other Python tools).
wapiti_venv=${MEETRAL_WAPITI_VENV:-$HOME/.cache/meetral/wapiti-venv}
# schemathesis (the REST API's contract run) in one of its own, for the same reason.
schemathesis_venv=${MEETRAL_SCHEMATHESIS_VENV:-$HOME/.cache/meetral/schemathesis-venv}
ensure_quality_tools() {
  local missing=()
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v haproxy >/dev/null || missing+=(haproxy)
  python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  if ! cargo deny --version >/dev/null 2>&1; then
    say "cargo install cargo-deny (about 2 minutes, once)"
    install_tool cargo-deny --version 0.20.2 --locked
  fi
  if [ ! -x "$wapiti_venv/bin/wapiti" ]; then
    say "wapiti (PyPI) in $wapiti_venv"
    python3 -m venv "$wapiti_venv"
    "$wapiti_venv/bin/pip" install --quiet wapiti3==3.2.3
  fi
  if [ ! -x "$schemathesis_venv/bin/st" ]; then
    say "schemathesis (PyPI) in $schemathesis_venv"
    python3 -m venv "$schemathesis_venv"
    "$schemathesis_venv/bin/pip" install --quiet schemathesis==3.39.16 hypothesis==6.120.0
  fi
}

# Sets ADMIN_URL (a maintenance database) and SERVER_URL_BASE (same server, no database name):
# 1. DATABASE_URL when set; 2. the local server on 127.0.0.1:5432 if it answers;
# 3. otherwise a private cluster under data/postgres, created and started here.
choose_database() {
  if [ -n "${DATABASE_URL:-}" ]; then
    say "using DATABASE_URL"
    SERVER_URL_BASE=$(url_without_database "$DATABASE_URL")
    ADMIN_URL=$(url_with_database "$DATABASE_URL" postgres)
  elif psql "postgres://postgres@127.0.0.1:5432/postgres" -Atqc 'SELECT 1' >/dev/null 2>&1; then
    say "using the PostgreSQL server on 127.0.0.1:5432"
    SERVER_URL_BASE="postgres://postgres@127.0.0.1:5432"
    ADMIN_URL="$SERVER_URL_BASE/postgres"
  else
    start_private_cluster
    SERVER_URL_BASE="postgres://app@127.0.0.1:$private_port"
    ADMIN_URL="$SERVER_URL_BASE/postgres"
  fi
  psql "$ADMIN_URL" -Atqc 'SELECT 1' >/dev/null || die "cannot reach PostgreSQL at ${ADMIN_URL%%@*}@…"
}

start_private_cluster() {
  local bin dir="$data_dir/postgres"
  bin=$(pg_bin_dir)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then apt_install postgresql; bin=$(pg_bin_dir); fi
  local run=()
  # initdb refuses to run as root: the cluster belongs to the postgres system user then.
  if [ "$(id -u)" = 0 ]; then
    run=(runuser -u postgres --)
    mkdir -p "$data_dir"
    if ! runuser -u postgres -- test -x "$data_dir"; then
      # The clone sits below a folder the postgres user cannot enter (e.g. a mktemp -d one).
      dir="/var/tmp/meetral-postgres-$(printf '%s' "$root" | sha256sum | cut -c1-12)"
    fi
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    say "creating a private PostgreSQL cluster in $dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; chmod 700 "$dir"; fi
    "${run[@]}" "$bin/initdb" -D "$dir" -U app --auth=trust -E UTF8 --no-locale >/dev/null
  fi
  if ! "${run[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    say "starting the private PostgreSQL cluster on 127.0.0.1:$private_port"
    "${run[@]}" "$bin/pg_ctl" -D "$dir" -o "-p $private_port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" \
      -l "$dir/server.log" -w start >/dev/null
  fi
}

url_without_database() { local base=${1%%\?*}; echo "${base%/*}"; }
url_with_database() {
  local url=$1 name=$2 query=""
  case "$url" in *\?*) query="?${url#*\?}" ;; esac
  echo "$(url_without_database "$url")/$name$query"
}

ensure_database() {
  local name=$1
  if [ "$(psql "$ADMIN_URL" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]; then
    say "creating database $name"
    psql "$ADMIN_URL" -qc "CREATE DATABASE $name" >/dev/null
  fi
}
