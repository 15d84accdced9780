-- Online payments: one row per payment attempt at a gateway, the raw callback log (for audit,
-- stored before anything is believed) and what reconciliation found.
CREATE TABLE gateway_transactions (
  id INTEGER PRIMARY KEY,
  gateway TEXT NOT NULL CHECK (gateway IN ('flip','midtrans','duitku')),
  order_id TEXT NOT NULL,                    -- ours: Midtrans order_id, Duitku merchantOrderId
  transaction_id TEXT NOT NULL DEFAULT '',   -- the gateway's: Flip bill payment id, Midtrans transaction_id, Duitku reference
  reference TEXT NOT NULL DEFAULT '',        -- Flip bill link id (callbacks carry it as bill_link_id)
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  method TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),  -- what the customer pays (invoice outstanding + fee)
  fee INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('pending','paid','failed','expired','review')),
  payment_url TEXT NOT NULL DEFAULT '',
  payment_code TEXT NOT NULL DEFAULT '',
  qr_string TEXT NOT NULL DEFAULT '',
  expires_at INTEGER NOT NULL,
  -- One payment per gateway transaction: set in the same write transaction as the payment.
  payment_id INTEGER UNIQUE REFERENCES payments(id),
  review_reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  paid_at INTEGER,
  last_checked_at INTEGER,
  UNIQUE (gateway, order_id)
);
CREATE UNIQUE INDEX gateway_transactions_gateway_id ON gateway_transactions(gateway, transaction_id) WHERE transaction_id <> '';
-- At most one live attempt per invoice, gateway and method: a second "pay" reuses it.
CREATE UNIQUE INDEX gateway_transactions_live ON gateway_transactions(invoice_id, gateway, method) WHERE status = 'pending';
CREATE INDEX gateway_transactions_reference ON gateway_transactions(gateway, reference);
CREATE INDEX gateway_transactions_status ON gateway_transactions(status, created_at);

CREATE TABLE gateway_callbacks (
  id INTEGER PRIMARY KEY,
  gateway TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  remote_ip TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  -- 'received' until handled, then 'applied', 'duplicate', 'ignored', 'review', 'rejected' or 'unknown_order'.
  outcome TEXT NOT NULL DEFAULT 'received',
  order_id TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gateway_callbacks_order ON gateway_callbacks(gateway, order_id);

CREATE TABLE payment_reconciliation (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  gateway TEXT NOT NULL,
  order_id TEXT NOT NULL,
  gateway_transaction_id INTEGER REFERENCES gateway_transactions(id),
  -- applied: paid at the gateway, applied here; expired: stale attempt closed; amount_mismatch,
  -- paid_twice, refund: need a person; error: the gateway could not be asked.
  kind TEXT NOT NULL CHECK (kind IN ('applied','expired','failed','amount_mismatch','paid_twice','refund','error')),
  source TEXT NOT NULL DEFAULT 'reconcile',  -- 'reconcile' or 'callback'
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payment_reconciliation_at ON payment_reconciliation(at);
