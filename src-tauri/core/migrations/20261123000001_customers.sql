-- The customer archive (客户档案), its tags, and the change history every record type shares.
CREATE TABLE customers (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('company', 'individual')),
    uscc          TEXT,
    industry      TEXT,
    source        TEXT,
    province      TEXT,
    city          TEXT,
    district      TEXT,
    address       TEXT,
    phone         TEXT,
    mobile        TEXT,
    email         TEXT,
    website       TEXT,
    level         TEXT CHECK (level IN ('a', 'b', 'c')),
    status        TEXT    NOT NULL CHECK (status IN ('potential', 'intent', 'deal', 'lost')),
    tags          TEXT    NOT NULL DEFAULT '[]',
    notes         TEXT,
    invoice_title TEXT,
    tax_number    TEXT,
    bank_name     TEXT,
    bank_account  TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    deleted_at    INTEGER
);

-- Trashed rows never block a new customer with the same code.
CREATE UNIQUE INDEX customers_uscc_live ON customers (uscc) WHERE deleted_at IS NULL AND uscc IS NOT NULL;

-- Keyset pagination: one index per sort order, and per filter with the default sort (the filter's count
-- needs it too: without one, counting a level decrypts and scans the whole table).
CREATE INDEX customers_live_updated ON customers (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_live_created ON customers (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_live_name    ON customers (name, id)       WHERE deleted_at IS NULL;
CREATE INDEX customers_live_status  ON customers (status, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_live_level   ON customers (level, updated_at, id)  WHERE deleted_at IS NULL;
CREATE INDEX customers_live_region  ON customers (province, city, district, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_trashed      ON customers (deleted_at, id) WHERE deleted_at IS NOT NULL;

CREATE TABLE customer_tags (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tag         TEXT    NOT NULL,
    PRIMARY KEY (customer_id, tag)
) WITHOUT ROWID;
CREATE INDEX customer_tags_by_tag ON customer_tags (tag, customer_id);

-- Every change of a record: which field, from what, to what, when.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    entity     TEXT    NOT NULL,
    entity_id  INTEGER NOT NULL,
    field      TEXT    NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    changed_at INTEGER NOT NULL
);
CREATE INDEX history_by_entity ON history (entity, entity_id, changed_at);
