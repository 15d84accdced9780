# Sourced by scripts/run.sh: starts the simulators of the outside world on loopback.
# Each simulator appends its pid to `pids` so run.sh stops it on exit. Add one block per simulator.

# RouterOS: the two demo routers of `kimonet seed-demo` (Router Pusat 18728, Router Cabang 18729),
# with the demo customers' PPP secrets and some active sessions.
routeros_log=$(dirname "$db")/sim-routeros.log
"$bin/kimonet-sim" routeros --port 18728 --port2 18729 --seed-demo >"$routeros_log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 50); do
  [ "$(grep -c "listening on" "$routeros_log" 2>/dev/null)" -ge 2 ] && break
  sleep 0.1
done
