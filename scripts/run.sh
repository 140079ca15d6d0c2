#!/usr/bin/env bash
# Sets everything up, builds the `nianbao` command and runs it on the published reports kept as
# test fixtures, so that you see what it reports. Then prints how to use it on your own files.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cargo build --release --locked -p report-cli
bin="target/release/nianbao"

echo
echo "== nianbao check tests/fixtures/truth/2023-huaian-hongze-district-gov.json"
"$bin" check tests/fixtures/truth/2023-huaian-hongze-district-gov.json || true
echo
echo "== nianbao check --previous …2021… …2022…（平潭，跨年度核对）"
"$bin" check --previous tests/fixtures/truth/2021-pingtan-zone-admin-committee.json \
  tests/fixtures/truth/2022-pingtan-zone-admin-committee.json || true
echo
echo "The command is at ${bin}. Try:"
echo "  ${bin} new --year 2025 --agency 某某局 > report.json   # a blank report to fill in"
echo "  ${bin} check report.json                              # check it"
echo "  ${bin} rules --long                                   # what every rule checks"
