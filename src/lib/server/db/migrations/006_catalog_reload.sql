-- When an administrator last had the courses read again from disk. Each server process notes
-- the value when it loads its copy of the courses and loads again once it changes, so with
-- several processes (one per core) the reload reaches every one of them.
CREATE TABLE catalog_reload (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	reloaded_at INTEGER NOT NULL
);
INSERT INTO catalog_reload (id, reloaded_at) VALUES (1, 0);
