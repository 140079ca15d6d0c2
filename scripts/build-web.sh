#!/usr/bin/env bash
# Builds the page into dist/ (release, wasm-opt -Oz) with the tools scripts/setup.sh installed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tests/browser/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
cargo fetch --locked >/dev/null 2>&1 || cargo fetch >/dev/null
trunk build --release "$@"
