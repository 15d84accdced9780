-- Bank transfers (issue 20). Unique-code amounts: an open invoice asks for total - paid + unique_code
-- (1-999; 0 = none). The service picks a code no other open coded invoice's amount uses, inside the
-- invoice's write transaction, through this index (paid and void invoices leave it). It is not a
-- UNIQUE index on purpose: voiding a payment reopens an invoice whose amount another invoice may
-- have taken meanwhile, and that must not fail; two open invoices asking for one amount only send
-- such a transfer to review (payments/statement_matching.hpp). The code is credit when paid.
ALTER TABLE invoices ADD COLUMN unique_code INTEGER NOT NULL DEFAULT 0 CHECK (unique_code BETWEEN 0 AND 999);
CREATE INDEX invoices_open_transfer_amount ON invoices((total + unique_code))
  WHERE unique_code > 0 AND status IN ('unpaid','partial');

-- Bank statement lines ("mutasi rekening") as imported: credits only. `line_key` is the SHA-256 of
-- the line's own facts (bank, account, date, amount, description, running balance, the bank's
-- sequence, and its occurrence among identical lines of one file), so importing the same or an
-- overlapping statement again adds nothing and pays nothing twice.
CREATE TABLE bank_statement_lines (
  id INTEGER PRIMARY KEY,
  line_key TEXT NOT NULL UNIQUE,
  bank TEXT NOT NULL CHECK (bank IN ('bca','mandiri','bri','bni')),
  account TEXT NOT NULL,
  posted_on TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  description TEXT NOT NULL,
  balance TEXT NOT NULL DEFAULT '',
  reference TEXT NOT NULL DEFAULT '',
  file_row INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('paid','review','ignored')),
  match_rule TEXT NOT NULL DEFAULT '',
  review_reason TEXT NOT NULL DEFAULT '',
  suggested_invoice_id INTEGER REFERENCES invoices(id),
  invoice_id INTEGER REFERENCES invoices(id),
  payment_id INTEGER REFERENCES payments(id),
  note TEXT NOT NULL DEFAULT '',
  imported_at INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  resolved_at INTEGER,
  resolved_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX bank_statement_lines_status ON bank_statement_lines(status, id);
CREATE INDEX bank_statement_lines_balance ON bank_statement_lines(bank, account, posted_on, amount, balance);
CREATE UNIQUE INDEX bank_statement_lines_payment ON bank_statement_lines(payment_id);
