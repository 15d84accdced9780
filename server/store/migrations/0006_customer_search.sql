-- Substring search over name, nomor layanan and phone that stays fast at 100,000+ customers:
-- an FTS5 trigram index kept in step with the customers table by triggers.
CREATE VIRTUAL TABLE customers_search USING fts5(
  name, service_number, phone, content='customers', content_rowid='id', tokenize='trigram');
INSERT INTO customers_search(customers_search) VALUES ('rebuild');

CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
  INSERT INTO customers_search(rowid, name, service_number, phone) VALUES (new.id, new.name, new.service_number, new.phone);
END;
CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
  INSERT INTO customers_search(customers_search, rowid, name, service_number, phone)
  VALUES ('delete', old.id, old.name, old.service_number, old.phone);
END;
CREATE TRIGGER customers_search_update AFTER UPDATE OF name, service_number, phone ON customers BEGIN
  INSERT INTO customers_search(customers_search, rowid, name, service_number, phone)
  VALUES ('delete', old.id, old.name, old.service_number, old.phone);
  INSERT INTO customers_search(rowid, name, service_number, phone) VALUES (new.id, new.name, new.service_number, new.phone);
END;
