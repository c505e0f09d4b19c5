-- The money side: products (产品), contracts (合同) with their lines, payment plans (回款计划) and receipts
-- (回款), and documents (合同文档) kept encrypted in this file. Money is integer 分 throughout.

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    code        TEXT,
    unit        TEXT,
    category    TEXT,
    list_price  INTEGER NOT NULL CHECK (list_price >= 0),
    cost        INTEGER CHECK (cost IS NULL OR cost >= 0),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    notes       TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE UNIQUE INDEX products_code ON products (code) WHERE deleted_at IS NULL AND code IS NOT NULL;
CREATE INDEX products_by_name ON products (name, id) WHERE deleted_at IS NULL;
CREATE INDEX products_trashed ON products (deleted_at, id) WHERE deleted_at IS NOT NULL;

CREATE TABLE contracts (
    id            INTEGER PRIMARY KEY,
    number        TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    contact_id    INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    -- The sum of the lines when there are lines, else what the user entered.
    amount        INTEGER NOT NULL CHECK (amount >= 0),
    currency      TEXT    NOT NULL DEFAULT 'CNY',
    signed_on     TEXT,
    starts_on     TEXT,
    ends_on       TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('draft', 'signed', 'active', 'completed', 'terminated')),
    payment_terms TEXT,
    notes         TEXT,
    -- Whether its customer is live: a trashed customer's contracts leave the lists with it. Kept with
    -- every trash, restore and merge of the customer, so that lists walk one partial index.
    customer_live INTEGER NOT NULL DEFAULT 1 CHECK (customer_live IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    deleted_at    INTEGER,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
-- Unique among live contracts: a trashed contract never blocks its number.
CREATE UNIQUE INDEX contracts_number ON contracts (number) WHERE deleted_at IS NULL;
CREATE INDEX contracts_by_updated ON contracts (updated_at, id) WHERE deleted_at IS NULL AND customer_live = 1;
CREATE INDEX contracts_by_signed ON contracts (coalesce(signed_on, ''), id) WHERE deleted_at IS NULL AND customer_live = 1;
CREATE INDEX contracts_by_number ON contracts (number, id) WHERE deleted_at IS NULL AND customer_live = 1;
CREATE INDEX contracts_by_status ON contracts (status, updated_at, id) WHERE deleted_at IS NULL AND customer_live = 1;
CREATE INDEX contracts_of_customer ON contracts (customer_id, signed_on);
CREATE INDEX contracts_of_contact ON contracts (contact_id);
CREATE INDEX contracts_ending ON contracts (ends_on)
    WHERE deleted_at IS NULL AND customer_live = 1 AND ends_on IS NOT NULL AND status IN ('signed', 'active');
CREATE INDEX contracts_trashed ON contracts (deleted_at, id) WHERE deleted_at IS NOT NULL;

-- The last sequence number a numbering rule handed out, per rendered prefix and suffix (HT-2026-…).
CREATE TABLE contract_sequences (
    pattern TEXT    PRIMARY KEY,
    last    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE contract_lines (
    id             INTEGER PRIMARY KEY,
    contract_id    INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    product_id     INTEGER REFERENCES products (id),
    -- What the line said when it was written (the product's name then, or free text).
    description    TEXT    NOT NULL,
    -- Thousandths of a unit: 2.5 kg is 2500.
    quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
    unit_price     INTEGER NOT NULL CHECK (unit_price >= 0),
    -- Hundredths of a percent: 12.5% off is 1250.
    discount_bp    INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    amount         INTEGER NOT NULL CHECK (amount >= 0)
);
CREATE INDEX contract_lines_of_contract ON contract_lines (contract_id, position);
CREATE INDEX contract_lines_of_product ON contract_lines (product_id);

-- Installments of a contract's payment plan. `received` is the sum of the installment's live receipts and
-- `counted` says whether it is owed now (it, its contract and its customer live; the contract signed,
-- active or completed): both are kept in the same transaction as every write that changes them, so that
-- the receivables of the whole book are read from one small index of what is still open.
CREATE TABLE installments (
    id          INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL,
    due_on      TEXT    NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    received    INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= amount),
    note        TEXT,
    counted     INTEGER NOT NULL DEFAULT 0 CHECK (counted IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE INDEX installments_of_contract ON installments (contract_id, due_on);
CREATE INDEX installments_of_customer ON installments (customer_id, due_on, amount, received, counted);
-- What is still open, in due order (id breaks ties, as the lists page by (due_on, id)).
CREATE INDEX installments_open ON installments (due_on, id, amount, received, customer_id)
    WHERE counted = 1 AND received < amount;
CREATE INDEX installments_trashed ON installments (deleted_at, id) WHERE deleted_at IS NOT NULL;

-- What is still owed, by due day, and each customer's earliest open due day: kept by the triggers below
-- in the same transaction as every change of an installment (a receipt, a trash, a contract signed or
-- trashed, a customer trashed or merged), so that the receivables of the whole book are a sum over
-- days and a count of customers, never a pass over every installment.
CREATE TABLE receivable_days (
    due_on      TEXT    PRIMARY KEY,
    open_amount INTEGER NOT NULL,
    open_count  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE customer_open_dues (
    customer_id  INTEGER PRIMARY KEY,
    earliest_due TEXT    NOT NULL
);
CREATE INDEX customer_open_dues_by_day ON customer_open_dues (earliest_due);

CREATE TRIGGER installments_open_insert AFTER INSERT ON installments
WHEN NEW.counted = 1 AND NEW.received < NEW.amount
BEGIN
    INSERT INTO receivable_days (due_on, open_amount, open_count) VALUES (NEW.due_on, NEW.amount - NEW.received, 1)
        ON CONFLICT (due_on) DO UPDATE SET open_amount = open_amount + excluded.open_amount, open_count = open_count + 1;
    INSERT INTO customer_open_dues (customer_id, earliest_due) VALUES (NEW.customer_id, NEW.due_on)
        ON CONFLICT (customer_id) DO UPDATE SET earliest_due = min(earliest_due, excluded.earliest_due);
END;

CREATE TRIGGER installments_open_delete AFTER DELETE ON installments
WHEN OLD.counted = 1 AND OLD.received < OLD.amount
BEGIN
    UPDATE receivable_days SET open_amount = open_amount - (OLD.amount - OLD.received), open_count = open_count - 1
        WHERE due_on = OLD.due_on;
    DELETE FROM receivable_days WHERE due_on = OLD.due_on AND open_count = 0;
    DELETE FROM customer_open_dues WHERE customer_id = OLD.customer_id;
    INSERT INTO customer_open_dues (customer_id, earliest_due)
        SELECT customer_id, min(due_on) FROM installments
        WHERE customer_id = OLD.customer_id AND counted = 1 AND received < amount GROUP BY customer_id;
END;

CREATE TRIGGER installments_open_update AFTER UPDATE OF due_on, amount, received, counted, customer_id ON installments
WHEN (OLD.counted = 1 AND OLD.received < OLD.amount) OR (NEW.counted = 1 AND NEW.received < NEW.amount)
BEGIN
    UPDATE receivable_days SET open_amount = open_amount - (OLD.amount - OLD.received), open_count = open_count - 1
        WHERE due_on = OLD.due_on AND OLD.counted = 1 AND OLD.received < OLD.amount;
    INSERT INTO receivable_days (due_on, open_amount, open_count)
        SELECT NEW.due_on, NEW.amount - NEW.received, 1 WHERE NEW.counted = 1 AND NEW.received < NEW.amount
        ON CONFLICT (due_on) DO UPDATE SET open_amount = open_amount + excluded.open_amount, open_count = open_count + 1;
    DELETE FROM receivable_days WHERE due_on IN (OLD.due_on, NEW.due_on) AND open_count = 0;
    DELETE FROM customer_open_dues WHERE customer_id IN (OLD.customer_id, NEW.customer_id);
    INSERT INTO customer_open_dues (customer_id, earliest_due)
        SELECT customer_id, min(due_on) FROM installments
        WHERE customer_id IN (OLD.customer_id, NEW.customer_id) AND counted = 1 AND received < amount
        GROUP BY customer_id;
END;

CREATE TABLE receipts (
    id             INTEGER PRIMARY KEY,
    installment_id INTEGER NOT NULL REFERENCES installments (id) ON DELETE CASCADE,
    contract_id    INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    customer_id    INTEGER NOT NULL,
    received_on    TEXT    NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount > 0),
    method         TEXT    NOT NULL CHECK (method IN ('bank', 'cash', 'wechat', 'alipay', 'cheque', 'other')),
    note           TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    deleted_at     INTEGER
);
CREATE INDEX receipts_of_installment ON receipts (installment_id);
CREATE INDEX receipts_of_contract ON receipts (contract_id, received_on);
CREATE INDEX receipts_of_customer ON receipts (customer_id, received_on);
CREATE INDEX receipts_trashed ON receipts (deleted_at, id) WHERE deleted_at IS NOT NULL;

-- File contents, once per SHA-256, in chunks (a large file never sits whole in memory). A blob being
-- written has no hash yet; one left so by a crash is removed at the next open.
CREATE TABLE blobs (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT,
    size       INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX blobs_by_hash ON blobs (sha256) WHERE sha256 IS NOT NULL;
CREATE TABLE blob_chunks (
    id      INTEGER PRIMARY KEY,
    blob_id INTEGER NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    data    BLOB    NOT NULL
);
CREATE UNIQUE INDEX blob_chunks_in_order ON blob_chunks (blob_id, seq);

-- A document of a customer, possibly of one of its contracts. `name` is what the user's file was called,
-- for showing only: files written out get a safe name of their own.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    blob_id     INTEGER NOT NULL REFERENCES blobs (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    contract_id INTEGER REFERENCES contracts (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('pdf', 'image', 'word', 'excel', 'other')),
    size        INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE INDEX documents_of_customer ON documents (customer_id, created_at);
CREATE INDEX documents_of_contract ON documents (contract_id, created_at);
CREATE INDEX documents_of_blob ON documents (blob_id);
CREATE INDEX documents_trashed ON documents (deleted_at, id) WHERE deleted_at IS NOT NULL;

-- Reminders now include installments coming due and contracts ending: the kinds' CHECK is rebuilt.
CREATE TABLE reminder_actions_new (
    kind        TEXT    NOT NULL CHECK (kind IN ('followUp', 'birthday', 'keepInTouch', 'dormant',
                                                 'installmentDue', 'contractEnding')),
    entity_id   INTEGER NOT NULL,
    due         TEXT    NOT NULL,
    done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    snooze_until TEXT,
    acted_at    INTEGER NOT NULL,
    PRIMARY KEY (kind, entity_id, due)
) WITHOUT ROWID;
INSERT INTO reminder_actions_new SELECT kind, entity_id, due, done, snooze_until, acted_at FROM reminder_actions;
DROP TABLE reminder_actions;
ALTER TABLE reminder_actions_new RENAME TO reminder_actions;
