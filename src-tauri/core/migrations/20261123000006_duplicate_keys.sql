-- The duplicate warning on save looks a mobile and an e-mail up directly (the search index's trigrams would
-- read thousands of entries for a whole number).
CREATE INDEX customers_live_mobile ON customers (mobile) WHERE deleted_at IS NULL AND mobile IS NOT NULL;
CREATE INDEX customers_live_email ON customers (lower(email)) WHERE deleted_at IS NULL AND email IS NOT NULL;
