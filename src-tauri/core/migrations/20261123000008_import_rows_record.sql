-- An import's rows are customers or contacts (imports.entity says which): the column names the record.
ALTER TABLE import_rows RENAME COLUMN customer_id TO record_id;
