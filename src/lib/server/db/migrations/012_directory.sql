-- The local service directory ("Danh bạ hỗ trợ", directory/service.ts): the places a commune
-- official refers people to, kept by trainers and admins for the whole province. An entry says
-- when it was last checked and by whom, so a number nobody has called for six months is flagged.
CREATE TABLE directory_entry (
	id INTEGER PRIMARY KEY,
	-- one of the fixed list in directory/types.ts
	service_type TEXT NOT NULL,
	name TEXT NOT NULL,
	address TEXT NOT NULL DEFAULT '',
	-- '' for a service of the whole province (a hotline)
	commune TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	hours TEXT NOT NULL DEFAULT '',
	cost TEXT NOT NULL DEFAULT '',
	notes TEXT NOT NULL DEFAULT '',
	-- the day (YYYY-MM-DD, Viet Nam) someone confirmed the details, and who, as a name: a check
	-- may come from a file whose checker has no account
	checked_on TEXT,
	checked_by_name TEXT NOT NULL DEFAULT '',
	checked_by INTEGER REFERENCES user (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX directory_entry_type ON directory_entry (service_type);
