-- migrate: foreign-keys-off
-- SCORM packages (issue 7). A package holds several SCOs and each is tracked on its own, so an
-- activity is now identified by its item too: the activity table is rebuilt (SQLite cannot drop
-- a UNIQUE constraint in place) with the same ids, so every row pointing at it stays valid.
DROP TRIGGER learning_event_learner_day;

CREATE TABLE activity_new (
	id INTEGER PRIMARY KEY,
	course_id TEXT NOT NULL REFERENCES course (id),
	module_slug TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('lesson', 'quiz', 'scorm')),
	-- a SCO: '<attachment id>/<item identifier from the manifest>'; a lesson or quiz: ''
	item TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	UNIQUE (course_id, module_slug, kind, item)
);
INSERT INTO activity_new (id, course_id, module_slug, kind, title, content_hash)
SELECT id, course_id, module_slug, kind, title, content_hash FROM activity;
DROP TABLE activity;
ALTER TABLE activity_new RENAME TO activity;

CREATE TRIGGER learning_event_learner_day AFTER INSERT ON learning_event
WHEN NEW.activity_id IS NOT NULL
BEGIN
	INSERT OR IGNORE INTO learner_day (user_id, course_id, day)
	SELECT NEW.user_id, a.course_id, (NEW.created_at + 25200000) / 86400000 FROM activity a WHERE a.id = NEW.activity_id;
END;

-- An imported zip, stored unpacked under <data>/scorm/<hash>/. The same zip is one row.
CREATE TABLE scorm_package (
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE, -- SHA-256 of the zip: the folder name
	version TEXT NOT NULL CHECK (version IN ('1.2', '2004')),
	title TEXT NOT NULL,
	manifest TEXT NOT NULL, -- the parsed manifest (JSON), so launching never re-reads XML
	zip_bytes INTEGER NOT NULL,
	imported_by INTEGER REFERENCES user (id),
	imported_at INTEGER NOT NULL
);

-- A package placed in a course module. Replacing the package keeps the attachment, and so the
-- SCO activities (matched by item identifier) and every learner's tracking.
CREATE TABLE scorm_attachment (
	id INTEGER PRIMARY KEY,
	course_id TEXT NOT NULL REFERENCES course (id),
	module_slug TEXT NOT NULL,
	package_id INTEGER NOT NULL REFERENCES scorm_package (id),
	title TEXT NOT NULL,
	-- 'upload': added on the web or with the CLI; 'course-file': declared in course.md
	source TEXT NOT NULL CHECK (source IN ('upload', 'course-file')),
	source_path TEXT, -- the zip's path in the course folder, for 'course-file'
	created_by INTEGER REFERENCES user (id),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	removed_at INTEGER
);
CREATE INDEX scorm_attachment_module ON scorm_attachment (course_id, module_slug);
-- a package declared in course.md is placed once, even when several server processes start together
CREATE UNIQUE INDEX scorm_attachment_declared ON scorm_attachment (course_id, source_path)
	WHERE source = 'course-file' AND removed_at IS NULL;

-- Which package an attachment played, and from when: the history a replacement leaves.
CREATE TABLE scorm_attachment_version (
	attachment_id INTEGER NOT NULL REFERENCES scorm_attachment (id),
	package_id INTEGER NOT NULL REFERENCES scorm_package (id),
	replaced_by INTEGER REFERENCES user (id),
	from_at INTEGER NOT NULL,
	PRIMARY KEY (attachment_id, from_at)
);

-- One launch of a SCO. Its session_time is credited to tracking.total_time_ms exactly once:
-- credited_ms remembers how much of this session has been added already.
CREATE TABLE scorm_session (
	id TEXT PRIMARY KEY, -- random, made by the player at launch
	user_id INTEGER NOT NULL REFERENCES user (id),
	activity_id INTEGER NOT NULL REFERENCES activity (id),
	package_id INTEGER NOT NULL REFERENCES scorm_package (id),
	started_at INTEGER NOT NULL,
	last_sequence INTEGER NOT NULL DEFAULT -1, -- commits with a number not above this are stale
	credited_ms INTEGER NOT NULL DEFAULT 0,
	last_commit_at INTEGER,
	terminated_at INTEGER
);
CREATE INDEX scorm_session_learner ON scorm_session (user_id, activity_id, started_at);

-- Runtime data a SCO keeps that the tracking row has no column for.
CREATE TABLE scorm_state (
	user_id INTEGER NOT NULL REFERENCES user (id),
	activity_id INTEGER NOT NULL REFERENCES activity (id),
	exit TEXT NOT NULL DEFAULT '', -- cmi exit of the last session: 'suspend' means resume next time
	progress_measure REAL, -- SCORM 2004
	objectives TEXT, -- JSON array, the latest state of each objective
	PRIMARY KEY (user_id, activity_id)
) WITHOUT ROWID;

-- The interactions a SCO journals (answers to its questions). Append-only: a changed
-- interaction is a new row; reports read the latest row per (session, position).
CREATE TABLE scorm_interaction (
	id INTEGER PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES scorm_session (id),
	user_id INTEGER NOT NULL REFERENCES user (id),
	activity_id INTEGER NOT NULL REFERENCES activity (id),
	position INTEGER NOT NULL, -- n in cmi.interactions.n
	identifier TEXT NOT NULL,
	type TEXT,
	description TEXT,
	learner_response TEXT,
	correct_responses TEXT, -- JSON array of patterns
	result TEXT,
	weighting REAL,
	latency TEXT,
	timestamp TEXT,
	recorded_at INTEGER NOT NULL
);
CREATE INDEX scorm_interaction_learner ON scorm_interaction (user_id, activity_id, session_id, position, id);
CREATE INDEX scorm_interaction_activity ON scorm_interaction (activity_id);

CREATE TRIGGER scorm_interaction_no_update BEFORE UPDATE ON scorm_interaction
BEGIN
	SELECT RAISE(ABORT, 'scorm_interaction is append-only');
END;

CREATE TRIGGER scorm_interaction_no_delete BEFORE DELETE ON scorm_interaction
BEGIN
	SELECT RAISE(ABORT, 'scorm_interaction is append-only');
END;
