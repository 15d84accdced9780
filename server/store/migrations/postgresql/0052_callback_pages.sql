-- The twin of migrations/0052_callback_pages.sql (issue 23): the same indexes, for the same reasons.
-- Every index is a b-tree that each insert (and each update of its columns) writes a page of. Three
-- of those the callback path wrote are read by no query of the product: activity_log_at (the
-- activity list filters by subject and actor and pages by id), notifications_created (the message
-- list filters by status and customer and pages by id; nothing reads by date), and
-- gateway_callbacks_order (the raw callbacks are written and pruned by outcome and id, never looked
-- up by order: an operator's ad-hoc search for one order's callbacks scans the table instead).
DROP INDEX activity_log_at;
DROP INDEX notifications_created;
DROP INDEX gateway_callbacks_order;
-- One correction per payment (0024) concerns only corrections: a unique index over the column
-- holds every other payment too, under NULL. Partial, it stays the same rule (NULLs never
-- conflict), answers `replaces_payment_id = ?` as before, and a plain payment no longer writes it.
DROP INDEX payments_replaces;
CREATE UNIQUE INDEX payments_replaces ON payments(replaces_payment_id) WHERE replaces_payment_id IS NOT NULL;
