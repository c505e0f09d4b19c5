-- Merges (合并) of duplicate customers. The merged-away customer is kept, out of the list and the trash,
-- pointing at the survivor; the merge remembers what it changed and moved so that it can be undone.
ALTER TABLE customers ADD COLUMN merged_into INTEGER REFERENCES customers (id) ON DELETE CASCADE;

CREATE TABLE merges (
    id              INTEGER PRIMARY KEY,
    survivor_id     INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    merged_id       INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    -- The survivor's fields before and after (CustomerInput as JSON).
    survivor_before TEXT    NOT NULL,
    survivor_after  TEXT    NOT NULL,
    -- What moved from the merged-away customer to the survivor (ids; JSON).
    moved           TEXT    NOT NULL,
    merged_at       INTEGER NOT NULL,
    undone_at       INTEGER
);
CREATE INDEX merges_of_survivor ON merges (survivor_id, merged_at);
CREATE INDEX merges_of_merged ON merges (merged_id);
