#!/usr/bin/env bash
# Builds the page into dist/ (release, wasm-opt -Oz) with the tools scripts/setup.sh installed,
# and the importers and exporters into dist/io/, which the page loads only when it needs them;
# then dist/sw.js (offline after the first visit) and dist/nianbao.html (the page in one file,
# for opening from disk).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tests/browser/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# Source paths end up in panic messages; shortened, the build is the same wherever it runs.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$PWD=. --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=~"
cargo fetch --locked >/dev/null 2>&1 || cargo fetch >/dev/null
trunk build --release "$@"

cargo build --locked --release -p report-io-wasm --target wasm32-unknown-unknown
mkdir -p dist/io
wasm-bindgen --target web --no-typescript --out-dir dist/io target/wasm32-unknown-unknown/release/report_io_wasm.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  dist/io/report_io_wasm_bg.wasm -o dist/io/report_io_wasm_bg.wasm

# Trunk cannot minify the ES-module glue; terser (from npm) does, and the integrity hashes follow.
node tests/browser/minify.mjs

# A strict CSP and the service worker for the served page; the single-file page dist/nianbao.html.
node tests/browser/package-app.mjs

# The embeddable checker package and the portal demo pages.
bash scripts/build-embed.sh
