#!/usr/bin/env bash
# Runs every check the project has: formatting, lints for the native and the wasm target, the
# wasm builds, every test of the workspace, the release build of the page and its browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --locked --workspace --all-targets -- -D warnings

step "clippy (wasm32: report-core, report-io, report-io-wasm, report-wasm, report-web)"
cargo clippy --locked -p report-core -p report-io -p report-io-wasm -p report-wasm -p report-web --target wasm32-unknown-unknown --all-targets -- -D warnings

step "report-core and report-io build for wasm32-unknown-unknown"
cargo build --locked -p report-core -p report-io --target wasm32-unknown-unknown --release

step "tests"
cargo test --locked --workspace --exclude report-web --exclude report-io-wasm

step "the embeddable package's API in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked -p report-wasm --target wasm32-unknown-unknown

step "the page: trunk build --release (wasm-opt -Oz)"
bash scripts/build-web.sh

step "size of the page"
(cd tests/browser && node size-report.mjs)

step "fuzz every importer and the JSON reader, 10 seconds each (scripts/fuzz.sh)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}"

step "browser tests (headless Chromium)"
(cd tests/browser && npm test)

echo
echo "All checks passed."
