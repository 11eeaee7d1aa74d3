-- migrate: foreign-keys-off
-- In-person sessions (issue 16). An attended session is an activity of its own kind, tracked like
-- any other (completed when attended), so activity.kind's CHECK grows 'session'. SQLite cannot
-- change a CHECK in place: the table is rebuilt with the same ids, as 005 did.
DROP TRIGGER learning_event_learner_day;

CREATE TABLE activity_new (
	id INTEGER PRIMARY KEY,
	course_id TEXT NOT NULL REFERENCES course (id),
	module_slug TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('lesson', 'quiz', 'scorm', 'session')),
	-- a SCO: '<attachment id>/<item identifier from the manifest>'; a session: a random id;
	-- a lesson or quiz: ''
	item TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	UNIQUE (course_id, module_slug, kind, item)
);
INSERT INTO activity_new (id, course_id, module_slug, kind, item, title, content_hash)
SELECT id, course_id, module_slug, kind, item, title, content_hash FROM activity;
DROP TABLE activity;
ALTER TABLE activity_new RENAME TO activity;

CREATE TRIGGER learning_event_learner_day AFTER INSERT ON learning_event
WHEN NEW.activity_id IS NOT NULL
BEGIN
	INSERT OR IGNORE INTO learner_day (user_id, course_id, day)
	SELECT NEW.user_id, a.course_id, (NEW.created_at + 25200000) / 86400000 FROM activity a WHERE a.id = NEW.activity_id;
END;

-- An in-person session of a cohort for one of its courses (module_slug '' in activity: it
-- belongs to the course, not to a module). Attendance is the activity's tracking row.
-- A session with attendance is never deleted (sessions/service.ts), so an attended session
-- keeps counting toward the course.
CREATE TABLE class_session (
	id INTEGER PRIMARY KEY,
	cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
	course_id TEXT NOT NULL REFERENCES course (id),
	activity_id INTEGER NOT NULL UNIQUE REFERENCES activity (id),
	title TEXT NOT NULL,
	place TEXT NOT NULL,
	starts_at INTEGER NOT NULL,
	ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
	hours REAL NOT NULL CHECK (hours >= 0),
	-- what learners type (or scan) to check themselves in during the session
	checkin_code TEXT NOT NULL UNIQUE,
	created_by INTEGER REFERENCES user (id),
	created_at INTEGER NOT NULL
);
CREATE INDEX class_session_cohort ON class_session (cohort_id, starts_at);
CREATE INDEX class_session_course ON class_session (course_id);
