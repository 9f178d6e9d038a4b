#!/usr/bin/env bash
# Screenshot of a completed crimetrend flow run in the Prefect UI, for the README (docs/flow-run.png).
# Installs Debian's chromium if missing, starts a Prefect server with its UI on 127.0.0.1, runs the demo
# against it, and photographs the run page with headless Chromium. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
[ -x "$BIN/crimetrend" ] || make .venv/.installed
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

work=$(mktemp -d)
port=${PREFECT_PORT:-4299}
export PREFECT_HOME="$work/prefect" PREFECT_API_URL="http://127.0.0.1:$port/api"
export PREFECT_SERVER_ANALYTICS_ENABLED=false DO_NOT_TRACK=1
set -m
"$BIN/prefect" server start --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill -TERM -- -$server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 120); do curl -sf "$PREFECT_API_URL/health" >/dev/null && break; sleep 1; done

"$BIN/crimetrend" demo --db "$work/demo.duckdb" --port 0 >/dev/null
run_id=$(curl -sf -X POST "$PREFECT_API_URL/flow_runs/filter" -H 'Content-Type: application/json' \
  -d '{"flows": {"name": {"any_": ["ingest-site"]}}, "sort": "START_TIME_DESC", "limit": 1}' \
  | "$BIN/python" -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/chrome" \
  --window-size=1440,1100 --virtual-time-budget=20000 --screenshot=docs/flow-run.png \
  "http://127.0.0.1:$port/runs/flow-run/$run_id?tab=Artifacts"
echo "docs/flow-run.png: flow run $run_id"
