#!/usr/bin/env bash
# Installs what the project needs beyond a stock Rust toolchain. Safe to run again: each step
# checks first and does nothing when the tool is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "[setup] cargo is missing: install Rust (stable) with rustup first." >&2
  exit 1
fi

if command -v rustup >/dev/null 2>&1; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^${component}"; then
      say "adding ${component}"
      rustup component add "${component}"
    fi
  done
else
  say "rustup not found: assuming the wasm32 target, rustfmt and clippy are installed"
fi

# The page is built with Trunk and wasm-bindgen at the versions the workspace pins; both come
# from crates.io (Trunk is told never to download its own tools).
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v trunk >/dev/null 2>&1; then
  say "installing trunk 0.21.14 (several minutes)"
  cargo install --locked trunk@0.21.14
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ]; then
  say "installing wasm-bindgen-cli 0.2.130"
  cargo install --force wasm-bindgen-cli@0.2.130
fi

# wasm-opt (binaryen 132), the JS minifier and bundler (terser, esbuild), TypeScript and the
# browser test driver come from the npm registry, at the versions package-lock.json names.
npm_missing=0
for package in binaryen terser esbuild typescript playwright-core; do
  [ -d "tests/browser/node_modules/$package" ] || npm_missing=1
done
if [ "$npm_missing" = 1 ] || ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.nianbao-lock; then
  say "installing binaryen, terser, esbuild, typescript and playwright-core from npm"
  (cd tests/browser && npm ci --no-audit --no-fund >/dev/null && cp package-lock.json node_modules/.nianbao-lock)
fi

# The .docx export is tested by converting it with LibreOffice and reading the PDF back.
need_apt=()
command -v libreoffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer)
# Spreadsheets are tested by saving a workbook as .xls and .ods with LibreOffice Calc.
command -v localc >/dev/null 2>&1 || need_apt+=(libreoffice-calc)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
# The browser tests use Debian's Chromium and ChromeDriver, never a downloaded browser.
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
# A Chinese font, so that converted documents show their text rather than empty boxes.
fc-list :lang=zh 2>/dev/null | grep -q . || need_apt+=(fonts-wqy-zenhei)
if [ "${#need_apt[@]}" -gt 0 ]; then
  say "installing ${need_apt[*]} from Debian's packages"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${need_apt[@]}" >/dev/null; then
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${need_apt[@]}" >/dev/null
  fi
fi

# Fetch every crate once, so that later builds work offline too.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch
say "ready"
