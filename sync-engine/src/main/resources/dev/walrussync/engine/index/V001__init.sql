-- Walrus Sync index, schema version 1. See docs/design/index-schema.md.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every blob of the repository that the store holds (packs; the key blob is tracked in meta).
-- The Walrus columns stay NULL on stores without leases.
CREATE TABLE blobs (
    blob_id          TEXT PRIMARY KEY,
    size             INTEGER NOT NULL,          -- bytes as stored (a padded pack)
    object_id        TEXT,                      -- Sui object ID of the Blob object
    encoded_size     INTEGER,                   -- size Walrus bills, after erasure coding
    registered_epoch INTEGER,
    start_epoch      INTEGER,
    end_epoch        INTEGER,                   -- first epoch in which it is no longer stored
    deletable        INTEGER,                   -- 1 if the owner may delete it early
    cost             INTEGER,                   -- what storing it cost, in FROST
    state            TEXT NOT NULL DEFAULT 'stored', -- stored | deleted | expired
    created_at       TEXT NOT NULL
);

CREATE TABLE packs (
    id            INTEGER PRIMARY KEY,
    blob_id       TEXT NOT NULL UNIQUE REFERENCES blobs(blob_id),
    size          INTEGER NOT NULL,
    header_length INTEGER NOT NULL,
    chunk_count   INTEGER NOT NULL,             -- entries in the pack header, duplicates included
    created_at    TEXT NOT NULL
);

-- One location per chunk; a chunk stored twice (after a crash) keeps the first location.
CREATE TABLE chunks (
    id           BLOB PRIMARY KEY,              -- 32-byte keyed chunk ID
    type         INTEGER NOT NULL,              -- 0 data, 1 tree, 2 snapshot, 3 tombstone
    pack_id      INTEGER NOT NULL REFERENCES packs(id),
    offset       INTEGER NOT NULL,
    length       INTEGER NOT NULL,              -- encrypted length
    plain_length INTEGER NOT NULL,
    compression  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX chunks_by_pack ON chunks(pack_id);

CREATE TABLE snapshots (
    id          BLOB PRIMARY KEY,               -- chunk ID of the snapshot chunk
    time        TEXT NOT NULL,
    host        TEXT NOT NULL,
    username    TEXT NOT NULL,
    paths       TEXT NOT NULL,                  -- JSON array
    tags        TEXT NOT NULL,                  -- JSON array
    tree        BLOB NOT NULL,
    parent      BLOB,
    files       INTEGER NOT NULL,
    bytes       INTEGER NOT NULL
);

-- Snapshots that were forgotten, with the tombstone chunk that says so.
CREATE TABLE tombstones (
    snapshot_id BLOB PRIMARY KEY,
    chunk_id    BLOB NOT NULL
);

-- Folders that were backed up, by absolute path.
CREATE TABLE folders (
    id   INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE
);

CREATE TABLE files (
    id        INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders(id),
    path      TEXT NOT NULL,                    -- relative to the folder, '/'-separated
    UNIQUE (folder_id, path)
);

-- Distinct versions of each file; a version is recorded when a file's content or metadata changed.
CREATE TABLE versions (
    id          INTEGER PRIMARY KEY,
    file_id     INTEGER NOT NULL REFERENCES files(id),
    snapshot_id BLOB NOT NULL,                  -- the first snapshot that holds this version
    size        INTEGER NOT NULL,
    mtime_ns    INTEGER NOT NULL,
    ctime_ns    INTEGER NOT NULL,
    file_key    TEXT,
    mode        INTEGER NOT NULL,
    chunks      BLOB NOT NULL                   -- the chunk IDs, 32 bytes each, concatenated
);
CREATE INDEX versions_by_file ON versions(file_id, id);

-- A log of every store operation.
CREATE TABLE store_ops (
    id      INTEGER PRIMARY KEY,
    time    TEXT NOT NULL,
    op      TEXT NOT NULL,                      -- put | delete | adopt
    blob_id TEXT,
    bytes   INTEGER,
    outcome TEXT NOT NULL,                      -- ok | failed
    detail  TEXT
);
