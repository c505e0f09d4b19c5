-- Imports: what each one did, so it can be reverted, and the rows it refused, so they can be fixed.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    entity      TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    mode        TEXT    NOT NULL CHECK (mode IN ('create', 'update', 'upsert')),
    -- The file's header row (JSON array of text), written above the refused rows in the error workbook.
    headers     TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    created     INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    reverted_at INTEGER
);

-- Each record an import created or changed; `before` holds a changed customer's fields as they were
-- (JSON of the form's input), to be put back by a revert.
CREATE TABLE import_rows (
    import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('created', 'updated')),
    before      TEXT,
    PRIMARY KEY (import_id, customer_id)
) WITHOUT ROWID;

CREATE TABLE import_rejects (
    import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    row       INTEGER NOT NULL,
    field     TEXT,
    reason    TEXT    NOT NULL,
    -- The row's cells as the file held them (JSON array of text).
    cells     TEXT    NOT NULL,
    PRIMARY KEY (import_id, row)
) WITHOUT ROWID;

-- Deleting many customers at once (reverting an import) makes SQLite look up, for each one, the customers
-- merged into it and the follow-ups naming each of its contacts: without these indexes, a table scan each.
CREATE INDEX customers_merged_into ON customers (merged_into);
CREATE INDEX follow_ups_of_contact ON follow_ups (contact_id);
