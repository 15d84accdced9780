-- PKP and PPN (issue 20): each invoice keeps the rule it was computed with, so a rule
-- dated later changes nothing already billed: whether it is a PKP rule (DPP fraction, amounts rounded
-- down as DJP writes them), the DPP fraction (11/12 under PMK 131/2024) and the DPP amount itself
-- (tax_base); the rate is tax_rate_bp and the PPN amount tax, as before. Old taxed invoices had
-- DPP = their subtotal. Customers may carry an NPWP, NIK and NITKU (digits only, validated in
-- shared/customers/tax_identity) and ask for a faktur pajak.
ALTER TABLE invoices ADD COLUMN tax_pkp INTEGER NOT NULL DEFAULT 0 CHECK (tax_pkp IN (0, 1));
ALTER TABLE invoices ADD COLUMN tax_dpp_numerator INTEGER NOT NULL DEFAULT 1 CHECK (tax_dpp_numerator >= 1);
ALTER TABLE invoices ADD COLUMN tax_dpp_denominator INTEGER NOT NULL DEFAULT 1 CHECK (tax_dpp_denominator >= tax_dpp_numerator);
ALTER TABLE invoices ADD COLUMN tax_base INTEGER NOT NULL DEFAULT 0 CHECK (tax_base >= 0);
UPDATE invoices SET tax_base = subtotal WHERE tax <> 0 AND subtotal > 0;
ALTER TABLE customers ADD COLUMN npwp TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN nik TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN nitku TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN needs_faktur INTEGER NOT NULL DEFAULT 0 CHECK (needs_faktur IN (0, 1));
