-- Walrus Sync index, schema version 2: the renewal log. See docs/design/index-schema.md.
-- blobs.state gains 'expiring' (pruned but permanent: it stays until its end epoch) and 'expired'.

-- Every extension of a blob's storage, and every attempt that failed.
CREATE TABLE renewals (
    id            INTEGER PRIMARY KEY,
    time          TEXT NOT NULL,               -- RFC 3339 UTC, nine fraction digits (sorts as text)
    blob_id       TEXT NOT NULL,
    object_id     TEXT NOT NULL,               -- the Sui Blob object that was extended
    epochs_added  INTEGER NOT NULL,
    old_end_epoch INTEGER NOT NULL,
    new_end_epoch INTEGER NOT NULL,
    cost          INTEGER NOT NULL,            -- WAL paid, in FROST (0 when it failed)
    digest        TEXT,                        -- the Sui transaction, null when it failed
    outcome       TEXT NOT NULL,               -- ok | failed
    detail        TEXT
);
CREATE INDEX renewals_by_time ON renewals(time);
