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

# Payment gateways: Flip, Midtrans and Duitku on one port (/flip, /midtrans, /duitku), calling the
# server back on its callback URLs; the demo database is pointed at it. Pay from the bill page
# (http://127.0.0.1:$port/billing/CUST001) or the simulator's checkout page it links to.
gateways_log=$(dirname "$db")/sim-gateways.log
"$bin/kimonet-sim" gateways --port 18090 --callback-base "http://127.0.0.1:$port" >"$gateways_log" 2>&1 &
pids+=("$!")
"$bin/kimonet" payment use-simulator --url http://127.0.0.1:18090 --callback-base "http://127.0.0.1:$port" --db "$db" >/dev/null
for _ in $(seq 1 50); do
  grep -q "listening on" "$gateways_log" 2>/dev/null && break
  sleep 0.1
done

# WhatsApp: the gateway simulator (MPWA, Fonnte and go-whatsapp endpoints); the demo database
# sends through its Fonnte endpoint, so invoices, receipts and bot replies are visible at
# http://127.0.0.1:18091/_sim/messages. Incoming messages reach the bot through the Fonnte webhook,
# which is closed unless a webhook secret is set: the simulator puts it in the webhook URL
# (?token=…) as Fonnte's own webhook setting would. Try the bot with
#   curl -d '{"from":"081210007919","message":"tagihan"}' http://127.0.0.1:18091/_sim/inbound
whatsapp_log=$(dirname "$db")/sim-whatsapp.log
"$bin/kimonet-sim" whatsapp --port 18091 --api-key demo-whatsapp-token \
  --webhook-base "http://127.0.0.1:$port" --webhook-secret demo-webhook-secret >"$whatsapp_log" 2>&1 &
pids+=("$!")
"$bin/kimonet" settings set whatsapp_driver=fonnte whatsapp_api_url=http://127.0.0.1:18091 \
  whatsapp_api_key=demo-whatsapp-token whatsapp_sender=6281200000000 \
  whatsapp_webhook_secret=demo-webhook-secret --db "$db" >/dev/null
for _ in $(seq 1 50); do
  grep -q "listening on" "$whatsapp_log" 2>/dev/null && break
  sleep 0.1
done

# Email: the SMTP simulator (STARTTLS with a certificate made at start, AUTH PLAIN/LOGIN); the demo
# database sends invoices, receipts and "send this invoice" emails to it (docs/email.md). The
# messages it received are listed in its log when `make run` stops.
smtp_log=$(dirname "$db")/sim-smtp.log
"$bin/kimonet-sim" smtp --port 18025 --user demo --password demo-smtp-secret >"$smtp_log" 2>&1 &
pids+=("$!")
"$bin/kimonet" settings set smtp_url=smtp://127.0.0.1:18025 smtp_username=demo smtp_password=demo-smtp-secret \
  smtp_from=tagihan@kimonet.id smtp_verify_certificate=0 --db "$db" >/dev/null
for _ in $(seq 1 50); do
  grep -q "listening on" "$smtp_log" 2>/dev/null && break
  sleep 0.1
done
