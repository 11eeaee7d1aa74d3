-- Foundation: accounts, sessions, cohorts, the course catalogue and SCORM-style tracking.
-- Times are integer milliseconds since the Unix epoch (UTC).

CREATE TABLE user (
	id INTEGER PRIMARY KEY,
	-- stored lower-case; NOCASE as a second guard against look-alike duplicates
	username TEXT NOT NULL UNIQUE COLLATE NOCASE,
	display_name TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('learner', 'trainer', 'admin')),
	organisation TEXT NOT NULL DEFAULT '',
	commune TEXT NOT NULL DEFAULT '',
	province TEXT NOT NULL DEFAULT '',
	must_change_password INTEGER NOT NULL DEFAULT 0,
	disabled_at INTEGER,
	created_at INTEGER NOT NULL
);

CREATE TABLE session (
	id TEXT PRIMARY KEY,
	secret_hash BLOB NOT NULL,
	user_id INTEGER NOT NULL REFERENCES user (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	last_verified_at INTEGER NOT NULL
);
CREATE INDEX session_user ON session (user_id);

-- Failed sign-ins and registrations, per account and per address (see auth/throttle.ts).
CREATE TABLE throttle (
	key TEXT PRIMARY KEY,
	failures INTEGER NOT NULL,
	window_started_at INTEGER NOT NULL,
	locked_until INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE course (
	id TEXT PRIMARY KEY, -- the folder name under courses/
	title TEXT NOT NULL,
	loaded_at INTEGER NOT NULL
);

-- One row per trackable thing: a lesson, a quiz, later a SCORM package.
-- Ids stay stable across reloads so tracking rows keep pointing at the same activity.
CREATE TABLE activity (
	id INTEGER PRIMARY KEY,
	course_id TEXT NOT NULL REFERENCES course (id),
	module_slug TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('lesson', 'quiz', 'scorm')),
	title TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	UNIQUE (course_id, module_slug, kind)
);

CREATE TABLE cohort (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	enrol_code TEXT NOT NULL UNIQUE COLLATE NOCASE,
	enrolment_open INTEGER NOT NULL DEFAULT 1,
	created_by INTEGER REFERENCES user (id),
	created_at INTEGER NOT NULL
);

CREATE TABLE cohort_course (
	cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
	course_id TEXT NOT NULL REFERENCES course (id),
	PRIMARY KEY (cohort_id, course_id)
);

CREATE TABLE cohort_member (
	cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES user (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('learner', 'trainer')),
	joined_at INTEGER NOT NULL,
	PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_member_user ON cohort_member (user_id);

-- The SCORM run-time data model, one row per learner and activity: the fast read model.
CREATE TABLE tracking (
	user_id INTEGER NOT NULL REFERENCES user (id) ON DELETE CASCADE,
	activity_id INTEGER NOT NULL REFERENCES activity (id),
	completion_status TEXT NOT NULL DEFAULT 'not attempted'
		CHECK (completion_status IN ('not attempted', 'incomplete', 'completed')),
	success_status TEXT NOT NULL DEFAULT 'unknown'
		CHECK (success_status IN ('unknown', 'passed', 'failed')),
	score_raw REAL,
	score_min REAL,
	score_max REAL,
	score_scaled REAL,
	total_time_ms INTEGER NOT NULL DEFAULT 0,
	location TEXT,
	suspend_data TEXT,
	attempts INTEGER NOT NULL DEFAULT 0,
	first_accessed_at INTEGER,
	last_accessed_at INTEGER,
	completed_at INTEGER,
	-- not SCORM: when time was last credited, so reloads and clicks never shorten a credit
	last_heartbeat_at INTEGER,
	PRIMARY KEY (user_id, activity_id)
);
CREATE INDEX tracking_activity ON tracking (activity_id);

-- Append-only audit trail: what happened, when. Never updated, never deleted.
-- Accounts are disabled, never deleted, so the trail stays whole.
CREATE TABLE learning_event (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES user (id),
	activity_id INTEGER REFERENCES activity (id),
	verb TEXT NOT NULL,
	result TEXT, -- JSON
	created_at INTEGER NOT NULL
);
CREATE INDEX learning_event_activity_time ON learning_event (activity_id, created_at);
CREATE INDEX learning_event_user_time ON learning_event (user_id, created_at);

CREATE TRIGGER learning_event_no_update BEFORE UPDATE ON learning_event
BEGIN
	SELECT RAISE(ABORT, 'learning_event is append-only');
END;

CREATE TRIGGER learning_event_no_delete BEFORE DELETE ON learning_event
BEGIN
	SELECT RAISE(ABORT, 'learning_event is append-only');
END;
