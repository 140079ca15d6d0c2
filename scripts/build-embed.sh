#!/usr/bin/env bash
# Builds the embeddable checker package into dist/embed/ (release, wasm-opt -Oz, JS minified):
#
#   nianbao.js, nianbao.d.ts         the module pages load, and its TypeScript declarations
#   types.d.ts, report.schema.json   the types of the JSON contract (generated from the Rust types)
#   nianbao_core.js, *_bg.wasm       the checker (loaded by init())
#   io/                              the importers, loaded only when a page's tables are read
#
# and the demo pages of web/portal/ into dist/portal/. The importers here read web pages and text;
# they are built without the PDF reader, which only the page's importers (dist/io/) carry.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tests/browser/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$PWD=. --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=~"

out=dist/embed
rm -rf "$out" dist/portal
mkdir -p "$out/io"
cargo build --locked --release -p report-wasm --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name nianbao_core \
  target/wasm32-unknown-unknown/release/report_wasm.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/nianbao_core_bg.wasm" -o "$out/nianbao_core_bg.wasm"
cp crates/report-wasm/js/nianbao.js crates/report-wasm/js/nianbao.d.ts crates/report-wasm/js/types.d.ts schema/report.schema.json "$out/"
cargo build --locked --release -p report-io-wasm --no-default-features --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir "$out/io" target/wasm32-unknown-unknown/release/report_io_wasm.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$out/io/report_io_wasm_bg.wasm" -o "$out/io/report_io_wasm_bg.wasm"
node tests/browser/minify.mjs embed

cp -r web/portal dist/portal
