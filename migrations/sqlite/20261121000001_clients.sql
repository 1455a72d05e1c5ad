-- Clients: the first table holding user data.
-- Conventions for every such table (they keep studio sync possible):
--   * id: UUIDv7 text made on the device; no AUTOINCREMENT.
--   * local_key: an INTEGER PRIMARY KEY that never leaves this file (sync uses id). It makes the
--     rowid explicit, so VACUUM (and VACUUM INTO backups) cannot renumber it under the FTS index.
--   * created_at / updated_at: UTC, RFC 3339 text with milliseconds.
--   * deleted_at: soft delete (a tombstone); rows are never removed.

CREATE TABLE clients (
    local_key     INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    email         TEXT,
    phone         TEXT,
    date_of_birth TEXT,              -- YYYY-MM-DD
    goals         TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    tags          TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    archived_at   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;

CREATE INDEX clients_name_idx ON clients (name COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX clients_updated_idx ON clients (updated_at);

-- Full-text search over the fields a trainer types into the search box.
-- unicode61 folds accents (é → e) but not letters such as ł, ø or ß; the name column also
-- holds a folded copy so "luka" finds "Łukasiewicz" on any keyboard.
-- The phone column also holds the number's bare digits, so "+491701234" finds "+49 170 1234567".
CREATE VIRTUAL TABLE clients_fts USING fts5(
    name, email, phone, tags, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
    INSERT INTO clients_fts (rowid, name, email, phone, tags, notes)
    VALUES (new.rowid, new.name || ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'đ', 'd'), 'Đ', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'ı', 'i'), 'þ', 'th'), coalesce(new.email, ''),
            coalesce(new.phone, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''),
            new.tags, new.notes);
END;

CREATE TRIGGER clients_fts_update AFTER UPDATE ON clients BEGIN
    DELETE FROM clients_fts WHERE rowid = old.rowid;
    INSERT INTO clients_fts (rowid, name, email, phone, tags, notes)
    VALUES (new.rowid, new.name || ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.name, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'đ', 'd'), 'Đ', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'ı', 'i'), 'þ', 'th'), coalesce(new.email, ''),
            coalesce(new.phone, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(new.phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''),
            new.tags, new.notes);
END;

-- Rows are tombstoned, not deleted; this keeps the index right if one ever is (e.g. a purge tool).
CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
    DELETE FROM clients_fts WHERE rowid = old.rowid;
END;

-- Rank matches in the name above email/phone, above tags, above notes.
INSERT INTO clients_fts (clients_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 5.0, 3.0, 1.0)');
