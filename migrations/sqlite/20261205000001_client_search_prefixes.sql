-- The client search index without its 3-letter prefix index. Only the 1- and 2-letter ones are
-- needed for speed: a 3-letter prefix ("ann") matches few enough words that FTS5 merges their
-- lists quickly from the main index, while the third prefix index was a third of the cost of
-- indexing a client (felt most in a studio's first pull of many thousands of clients).
-- What a search finds and how it ranks do not change: prefix indexes only speed up prefix
-- queries. The index is derived data, rebuilt here from the clients table; the triggers that
-- keep it up to date name the table, not its options, and stay as they are.

DROP TABLE clients_fts;

CREATE VIRTUAL TABLE clients_fts USING fts5(
    name, email, phone, tags, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);

INSERT INTO clients_fts (rowid, name, email, phone, tags, notes)
SELECT rowid, name || ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'đ', 'd'), 'Đ', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'ı', 'i'), 'þ', 'th'), coalesce(email, ''),
            coalesce(phone, '') || ' ' || replace(replace(replace(replace(replace(replace(coalesce(phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''),
            tags, notes
  FROM clients;

-- Rank matches in the name above email/phone, above tags, above notes (as before).
INSERT INTO clients_fts (clients_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 5.0, 3.0, 1.0)');
