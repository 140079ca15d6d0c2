#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for a bounded time: `bash scripts/fuzz.sh [SECONDS] [TARGET...]`
# (default 10 seconds each, every target).
#
# The targets are libFuzzer targets in the cargo-fuzz layout (`cargo fuzz run json` works where a
# nightly toolchain is installed). This script needs only the stable toolchain: it builds them
# with the same coverage instrumentation (`-Cpasses=sancov-module`, libFuzzer from libfuzzer-sys).
# Each starts from a corpus made of the fixtures: the published reports, their truth JSON, and
# every export of them (HTML, text, Markdown, CSV, .docx). A crash is saved under
# fuzz/artifacts/TARGET/ and fails the run; copy it to fuzz/regressions/TARGET/ once fixed, where
# `cargo test -p nianbao-tests --test fuzz_regressions` replays it for good.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
shift || true
host="$(rustc -vV | sed -n 's/^host: //p')"
mapfile -t all < <(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^nianbao-fuzz$')
targets=("${@:-${all[@]}}")

export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
(cd fuzz && cargo build --locked --release --target "$host" --bins)
bin="fuzz/target/$host/release"

# The seed corpus, made fresh from the fixtures.
corpus=fuzz/target/corpus
rm -rf "$corpus"
mkdir -p "$corpus/all"
# Text, web pages and JSON seed every target; PDFs seed only the PDF reader's target, and
# workbooks the spreadsheet reader's (each input a whole file, so they are not mixed in).
for f in tests/fixtures/real/* tests/fixtures/truth/*[!t].json; do
  case "$f" in *.pdf) ;; *) cp "$f" "$corpus/all/" ;; esac
done
mkdir -p "$corpus/pdf" "$corpus/spreadsheet"
cp tests/fixtures/real/*.pdf tests/fixtures/made/*.pdf "$corpus/pdf/"
cp tests/fixtures/made/*.xlsx "$corpus/spreadsheet/"
env -u RUSTFLAGS cargo build --locked --quiet -p report-cli
for truth in tests/fixtures/truth/*[!t].json; do
  name="$(basename "$truth" .json)"
  for to in html txt md csv docx; do
    target/debug/nianbao render "$truth" --to "$to" -o "$corpus/all/$name.export.$to"
  done
done

mkdir -p fuzz/artifacts
status=0
for t in "${targets[@]}"; do
  mkdir -p "$corpus/$t" "fuzz/artifacts/$t"
  echo "== fuzz $t (${seconds}s)"
  # A published PDF is some 300 KB: the PDF target takes inputs of that size.
  max_len=262144
  [ "$t" = pdf ] && max_len=524288
  if ! "$bin/$t" "$corpus/$t" "$corpus/all" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len="$max_len" -artifact_prefix="fuzz/artifacts/$t/" -print_final_stats=1 2> "fuzz/target/$t.log"; then
    status=1
    echo "   FAILED: see fuzz/target/$t.log and fuzz/artifacts/$t/"
    tail -30 "fuzz/target/$t.log"
  else
    grep -E "^stat::number_of_executed_units" "fuzz/target/$t.log" | sed 's/^/   /' || true
  fi
done
exit "$status"
