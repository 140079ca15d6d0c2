#!/usr/bin/env bash
# Sets everything up, builds the page and the `nianbao` command, and serves the page on
# loopback. Open the address it prints; the page works offline once loaded.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cargo build --profile release-native --locked -p report-cli
bash scripts/build-web.sh

port="${PORT:-8080}"
echo
echo "nianbao 填报页面：http://127.0.0.1:${port}/"
echo "门户嵌入示例：http://127.0.0.1:${port}/portal/article.html 与 http://127.0.0.1:${port}/portal/form.html"
echo "命令行工具：target/release-native/nianbao（例如 target/release-native/nianbao check 报告目录/）"
echo "按 Ctrl+C 停止。"
exec python3 scripts/serve.py "$port"
