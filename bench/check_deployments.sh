#!/usr/bin/env bash
# Deploy both deployments to a throwaway local Prefect server and run each once with a worker.
# Usage: bash bench/check_deployments.sh   (from the repository folder, after `make .venv/.installed`)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python; PREFECT=.venv/bin/prefect
export PREFECT_HOME=$(mktemp -d) PREFECT_SERVER_ANALYTICS_ENABLED=false PREFECT_LOGGING_LEVEL=WARNING
PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export PREFECT_API_URL="http://127.0.0.1:$PORT/api"
LAKE=$(mktemp -d)/lake
$PREFECT server start --host 127.0.0.1 --port "$PORT" >"$PREFECT_HOME/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "$PREFECT_API_URL/health" >/dev/null && break; sleep 1; done
$PREFECT work-pool create wirelake --type process >/dev/null
$PREFECT --no-prompt deploy --all >/dev/null
$PREFECT deployment run wire-daily/wire-daily --param lake="$LAKE" >/dev/null
$PREFECT worker start --pool wirelake --run-once >/dev/null 2>&1
$PREFECT deployment run wire-backfill/wire-backfill --param lake="$LAKE" \
    --param start=2017-02-01 --param end=2017-02-03 >/dev/null
$PREFECT worker start --pool wirelake --run-once >/dev/null 2>&1
$PY - "$LAKE" <<'PYEOF'
import sys
from prefect import get_client
import anyio

async def states():
    async with get_client() as client:
        runs = await client.read_flow_runs()
        names = {d.id: d.name for d in await client.read_deployments()}
        # The cron schedule also queues future runs: look at the ones that ran.
        return sorted((names[r.deployment_id], r.name, r.state_name) for r in runs
                      if r.deployment_id and r.state_name != "Scheduled")

runs = anyio.run(states)
for run in runs:
    print("flow run", *run)
from tasks.report import format_status, lake_status
print(format_status(lake_status(sys.argv[1])))
assert [(d, state) for d, _, state in runs] == [("wire-backfill", "Completed"), ("wire-daily", "Completed")], runs
print("both deployments ran: OK")
PYEOF
