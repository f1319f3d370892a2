#!/usr/bin/env bash
# Builds the site without cargo-leptos (whose tool downloads fail offline):
#   scripts/build.sh [dev|release]
# Pages are rendered by the server; the client (frontend/, `app::client`) only attaches the islands' behaviour.
# Output: $MEETRAL_SITE_ROOT (default <target>/site) with public files and pkg/ holding content-hashed
# JS, WASM and CSS (+ .br/.gz twins) and pkg/hash.txt; the server binary in <target>/{debug,release}
# (not built with MEETRAL_BUILD_SERVER=0: the test command serves the site with its debug binary).
set -euo pipefail
mode=${1:-dev}
root=$(cd "$(dirname "$0")/.." && pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
site=${MEETRAL_SITE_ROOT:-$target_dir/site}
export SQLX_OFFLINE=true                              # queries are checked against the committed .sqlx/
export PATH="$root/end2end/node_modules/.bin:$PATH"   # wasm-opt from npm's binaryen (Debian's breaks hydration)

case "$mode" in
  dev) wasm_profile=dev; wasm_dir=debug; server_args=() ;;
  release) wasm_profile=wasm-release; wasm_dir=wasm-release; server_args=(--release) ;;
  *) echo "usage: scripts/build.sh [dev|release]" >&2; exit 2 ;;
esac

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "client WASM ($mode)"
cargo build -p frontend --lib --target wasm32-unknown-unknown --profile "$wasm_profile"
if [ "${MEETRAL_BUILD_SERVER:-1}" != 0 ]; then
  step "server ($mode)"
  cargo build -p server --bin meetral "${server_args[@]}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-name meetral --out-dir "$work" \
  "$target_dir/wasm32-unknown-unknown/$wasm_dir/frontend.wasm"
if [ "$mode" = release ]; then
  # GUFA, a second -Oz pass to convergence, and two facts about Rust's WASM (nothing lives below address
  # 1024; a fresh memory is zeroes): 3.3 KB brotli less than -Oz alone (docs/PERFORMANCE.md).
  step "wasm-opt -Oz --gufa -Oz --converge"
  wasm-opt -Oz --gufa -Oz --converge --low-memory-unused --zero-filled-memory --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$work/meetral_bg.wasm" -o "$work/meetral_bg.opt.wasm"
  mv "$work/meetral_bg.opt.wasm" "$work/meetral_bg.wasm"
  step "terser (the JS glue)"
  terser "$work/meetral.js" --module --compress --mangle -o "$work/meetral.min.js"
  mv "$work/meetral.min.js" "$work/meetral.js"
fi
cat "$root"/style/*.css > "$work/meetral.css"

hash_of() { sha256sum "$1" | cut -c1-16; }
js_hash=$(hash_of "$work/meetral.js")
wasm_hash=$(hash_of "$work/meetral_bg.wasm")
css_hash=$(hash_of "$work/meetral.css")

rm -rf "$site.new"
mkdir -p "$site.new/pkg"
cp -r "$root"/public/. "$site.new/"
if [ "$mode" = release ]; then
  # The pages' own small scripts (check-in, ticket app, service worker), minified like the glue.
  for f in "$site.new"/*.js; do terser "$f" --compress --mangle -o "$f.min" && mv "$f.min" "$f"; done
fi
cp "$work/meetral.js" "$site.new/pkg/meetral.$js_hash.js"
cp "$work/meetral_bg.wasm" "$site.new/pkg/meetral.$wasm_hash.wasm"
cp "$work/meetral.css" "$site.new/pkg/meetral.$css_hash.css"
# Leaflet (npm, pinned in end2end/package.json) for the pages with a map.
mkdir -p "$site.new/pkg/vendor/leaflet"
cp -r "$root"/end2end/node_modules/leaflet/dist/{leaflet.js,leaflet.css,images} "$site.new/pkg/vendor/leaflet/"
# Its marker clustering plug-in, for the catalogue's map.
cp "$root"/end2end/node_modules/leaflet.markercluster/dist/{leaflet.markercluster.js,MarkerCluster.css} "$site.new/pkg/vendor/leaflet/"
# jsQR (npm), the check-in scanner's decoder where the browser has no BarcodeDetector.
mkdir -p "$site.new/pkg/vendor/jsqr"
cp "$root"/end2end/node_modules/jsqr/dist/jsQR.js "$site.new/pkg/vendor/jsqr/"
printf 'js: %s\nwasm: %s\ncss: %s\n' "$js_hash" "$wasm_hash" "$css_hash" > "$site.new/pkg/hash.txt"
# Precompressed twins, served as-is (compressing a WASM per request would waste CPU).
for f in "$site.new"/pkg/*.js "$site.new"/pkg/*.wasm "$site.new"/pkg/*.css "$site.new"/pkg/vendor/leaflet/*.{js,css} "$site.new"/pkg/vendor/jsqr/*.js "$site.new"/*.js "$site.new"/*.svg "$site.new"/*.webmanifest; do
  if [ "$mode" = release ]; then brotli -q 11 -k -f "$f"; else brotli -q 5 -k -f "$f"; fi
  gzip -9 -k -f "$f"
done
rm -rf "$site"
mv "$site.new" "$site"
step "site ready in $site"
ls -l "$site/pkg" | awk 'NR>1 {printf "    %9d  %s\n", $5, $9}'
