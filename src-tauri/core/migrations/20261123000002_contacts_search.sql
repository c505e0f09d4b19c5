-- Contacts (联系人) of customers, and the search index over customers and contacts.
CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name           TEXT    NOT NULL,
    title          TEXT,
    department     TEXT,
    mobile         TEXT,
    phone          TEXT,
    email          TEXT,
    wechat         TEXT,
    -- 'YYYY-MM-DD', or '--MM-DD' when the year is unknown; in the lunar calendar when birthday_lunar = 1.
    birthday       TEXT,
    birthday_lunar INTEGER NOT NULL DEFAULT 0 CHECK (birthday_lunar IN (0, 1)),
    gender         TEXT CHECK (gender IN ('male', 'female')),
    notes          TEXT,
    is_primary     INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    deleted_at     INTEGER
);
CREATE INDEX contacts_of_customer ON contacts (customer_id, id);
CREATE UNIQUE INDEX contacts_one_primary ON contacts (customer_id) WHERE is_primary = 1 AND deleted_at IS NULL;
CREATE INDEX contacts_live_name ON contacts (name, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_trashed ON contacts (deleted_at, id) WHERE deleted_at IS NOT NULL;

-- Search: contentless FTS5 indexes whose tokens the app makes itself (Han pairs and single characters,
-- pinyin syllables and initials, digit and e-mail trigrams; see crm-core::search). The rowid is the
-- record's id. Only live records are in them.
CREATE VIRTUAL TABLE search_customer USING fts5(
    whole, head, han, uni, syl, sp, ini, num, mail,
    content = '', contentless_delete = 1, tokenize = 'ascii'
);
CREATE VIRTUAL TABLE search_contact USING fts5(
    whole, head, han, uni, syl, sp, ini, num, mail,
    content = '', contentless_delete = 1, tokenize = 'ascii'
);

-- Which version of the token rules the index was built with; the app rebuilds it when they differ.
CREATE TABLE search_version (version INTEGER NOT NULL);
INSERT INTO search_version VALUES (0);
