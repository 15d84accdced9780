#!/usr/bin/env bash
# `make run`: creates the demo database on first run, starts the simulators and the server
# on loopback, prints the URLs and demo logins, and stops everything on Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."

port=8080
db=data/kimonet.db
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    *) echo "usage: scripts/run.sh [--port N] [--db PATH]" >&2; exit 2 ;;
  esac
done

bin=build/bin
mkdir -p "$(dirname "$db")"
if [ ! -f "$db" ]; then
  "$bin/kimonet" migrate --db "$db" >/dev/null
  "$bin/kimonet" seed-demo --db "$db"
  "$bin/kimonet" settings set "company_logo=$PWD/assets/logo.png" "public_base_url=http://127.0.0.1:$port" --db "$db" >/dev/null
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# Simulators of the outside world (gateways, routers, WhatsApp) start here as they arrive.
if [ -f scripts/run_simulators.sh ]; then
  # shellcheck source=/dev/null
  source scripts/run_simulators.sh
fi

log=$(dirname "$db")/server.log
"$bin/kimonet" serve --db "$db" --port "$port" --bind 127.0.0.1 --web build/web --landing landing_page >"$log" 2>&1 &
server_pid=$!
pids+=("$server_pid")
for _ in $(seq 1 100); do
  grep -q "listening on" "$log" 2>/dev/null && break
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$log" >&2; echo "server failed to start (is port $port free? use make run PORT=N)" >&2; exit 1; fi
  sleep 0.1
done

cat <<TXT

  Kimonet Billing is running
  ---------------------------------------------------------------
  Web app (admin + customer portal):  http://127.0.0.1:$port/
  Landing page:                       http://127.0.0.1:$port/landing/
  API (OpenAPI document):             http://127.0.0.1:$port/api/openapi.json
  Public bill check and pay:          http://127.0.0.1:$port/billing/CUST001   (gateways: simulator on :18090)
  Database:                           $db   (server log: $log)

  Demo logins (password for all: demo12345)
    staff:     superadmin, admin, finance, technician, collector
    customers: CUST001 ... CUST050  (nomor layanan)

  Ctrl+C stops everything.
TXT
wait "$server_pid"
