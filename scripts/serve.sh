#!/usr/bin/env bash
# Installs what is missing, builds the page and serves the repository on 127.0.0.1.
# Usage: scripts/serve.sh [PORT]   (default 8000)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8000}"

bash scripts/setup.sh
bash scripts/build-page.sh

echo
echo "zhibiao page:      http://127.0.0.1:${port}/"
echo "single-file build: $(pwd)/dist/zhibiao.html (open it from disk; works offline)"
echo
exec python3 -m http.server --bind 127.0.0.1 "$port"
