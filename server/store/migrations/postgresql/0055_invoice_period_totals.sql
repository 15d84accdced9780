-- Running totals of the invoices per billing period and placement (issue 23): the revenue and
-- billing reports on PostgreSQL read these few rows instead of joining every invoice of the range
-- to its customer (bench_reports, 1,000,000 invoices: that join alone was 1.5–1.8× the plain scan).
-- PostgreSQL only (store/report_invoice_totals.cpp; migrations/0055 is SQLite's empty twin;
-- test_schema_agreement lists the table as PostgreSQL's own; `kimonet db copy` does not copy it,
-- the triggers rebuild it from the rows copied).
--
-- An append-only log of changes: every write that changes a period's count, billed or paid amount,
-- or moves it between placements, adds rows here (+ for the new side, − for the old); the reader
-- sums them (store::invoice_totals); the report_totals job folds them back into one row per group
-- every 10 minutes (store::fold_invoice_period_totals). Appending never waits on another writer:
-- two servers' callback batches that pay invoices of the same package never queue on one row.
--
-- Placement is the customer's package and router as they are now (router 0 = none); voided
-- invoices are counted by period alone (package 0, router 0), as the reports show them.
-- Consistency with concurrent writers: a customer's placement changes in a write transaction,
-- which holds the database-wide writer lock (store/postgresql_engine.cpp), or beside a callback
-- batch, which locks the customer's row before it touches the customer's invoices; the trigger
-- functions read with a fresh snapshot per statement, so each side sees what the other committed.
CREATE TABLE invoice_period_totals (
  period TEXT NOT NULL,
  package_id BIGINT NOT NULL,
  router_id BIGINT NOT NULL,
  voided BOOLEAN NOT NULL,
  invoices BIGINT NOT NULL,
  billed BIGINT NOT NULL,
  paid BIGINT NOT NULL
);

-- Rows added by one statement (the invoice run's COPY of thousands, one invoice, `kimonet db copy`'s
-- multi-row INSERTs): grouped once per statement. Each row's customer is an index lookup (hash and
-- merge joins off, so a batch of thousands is never joined by reading every customer).
CREATE FUNCTION invoice_period_totals_added() RETURNS trigger LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
  INSERT INTO invoice_period_totals
  SELECT a.period, CASE WHEN a.status = 'void' THEN 0 ELSE c.package_id END,
         CASE WHEN a.status = 'void' THEN 0 ELSE COALESCE(c.router_id, 0) END, a.status = 'void',
         COUNT(*), SUM(a.total), SUM(a.paid_amount)
  FROM added a JOIN customers c ON c.id = a.customer_id GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
CREATE TRIGGER invoices_period_totals_added AFTER INSERT ON invoices REFERENCING NEW TABLE AS added
FOR EACH STATEMENT EXECUTE FUNCTION invoice_period_totals_added();

CREATE FUNCTION invoice_period_totals_removed() RETURNS trigger LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
  INSERT INTO invoice_period_totals
  SELECT r.period, CASE WHEN r.status = 'void' THEN 0 ELSE c.package_id END,
         CASE WHEN r.status = 'void' THEN 0 ELSE COALESCE(c.router_id, 0) END, r.status = 'void',
         -COUNT(*), -SUM(r.total), -SUM(r.paid_amount)
  FROM removed r JOIN customers c ON c.id = r.customer_id GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
CREATE TRIGGER invoices_period_totals_removed AFTER DELETE ON invoices REFERENCING OLD TABLE AS removed
FOR EACH STATEMENT EXECUTE FUNCTION invoice_period_totals_removed();

-- One invoice changed (a payment, a void, a line added): one row when it stays in its group, two
-- when it moves, each written by one statement with its customer's placement (one statement, not a
-- lookup and then an INSERT: ~20 µs a paid callback instead of ~40). The WHEN clause skips the
-- changes that leave the totals alone (paid_at, the unique code, the Coretax mark) without calling
-- the function.
CREATE FUNCTION invoice_period_totals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.period = NEW.period AND OLD.customer_id = NEW.customer_id AND (OLD.status = 'void') = (NEW.status = 'void') THEN
    IF NEW.status = 'void' THEN
      INSERT INTO invoice_period_totals VALUES (NEW.period, 0, 0, true, 0, NEW.total - OLD.total, NEW.paid_amount - OLD.paid_amount);
    ELSE
      INSERT INTO invoice_period_totals
      SELECT NEW.period, package_id, COALESCE(router_id, 0), false, 0, NEW.total - OLD.total, NEW.paid_amount - OLD.paid_amount
      FROM customers WHERE id = NEW.customer_id;
    END IF;
  ELSE
    INSERT INTO invoice_period_totals
    SELECT OLD.period, CASE WHEN OLD.status = 'void' THEN 0 ELSE package_id END,
           CASE WHEN OLD.status = 'void' THEN 0 ELSE COALESCE(router_id, 0) END, OLD.status = 'void', -1, -OLD.total, -OLD.paid_amount
    FROM customers WHERE id = OLD.customer_id
    UNION ALL
    SELECT NEW.period, CASE WHEN NEW.status = 'void' THEN 0 ELSE package_id END,
           CASE WHEN NEW.status = 'void' THEN 0 ELSE COALESCE(router_id, 0) END, NEW.status = 'void', 1, NEW.total, NEW.paid_amount
    FROM customers WHERE id = NEW.customer_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER invoices_period_totals_changed AFTER UPDATE ON invoices FOR EACH ROW
WHEN (OLD.period <> NEW.period OR OLD.customer_id <> NEW.customer_id OR OLD.total <> NEW.total
      OR OLD.paid_amount <> NEW.paid_amount OR (OLD.status = 'void') <> (NEW.status = 'void'))
EXECUTE FUNCTION invoice_period_totals_changed();

-- A customer moved to another package or router: the live invoices' totals move with it.
CREATE FUNCTION invoice_period_totals_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO invoice_period_totals
  SELECT period, OLD.package_id, COALESCE(OLD.router_id, 0), false, -COUNT(*), -SUM(total), -SUM(paid_amount)
  FROM invoices WHERE customer_id = OLD.id AND status <> 'void' GROUP BY period
  UNION ALL
  SELECT period, NEW.package_id, COALESCE(NEW.router_id, 0), false, COUNT(*), SUM(total), SUM(paid_amount)
  FROM invoices WHERE customer_id = OLD.id AND status <> 'void' GROUP BY period;
  RETURN NULL;
END $$;
CREATE TRIGGER customers_period_totals_moved AFTER UPDATE OF package_id, router_id ON customers FOR EACH ROW
WHEN (OLD.package_id <> NEW.package_id OR OLD.router_id IS DISTINCT FROM NEW.router_id)
EXECUTE FUNCTION invoice_period_totals_moved();

-- The invoices already there.
INSERT INTO invoice_period_totals
SELECT i.period, CASE WHEN i.status = 'void' THEN 0 ELSE c.package_id END,
       CASE WHEN i.status = 'void' THEN 0 ELSE COALESCE(c.router_id, 0) END, i.status = 'void',
       COUNT(*), SUM(i.total), SUM(i.paid_amount)
FROM invoices i JOIN customers c ON c.id = i.customer_id GROUP BY 1, 2, 3, 4;
