-- Quizzes: attempts hold a snapshot of the questions shown (with their answers, server-side
-- only), so editing quiz.md never changes a finished attempt's grade.

CREATE TABLE quiz_attempt (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES user (id),
	activity_id INTEGER NOT NULL REFERENCES activity (id),
	number INTEGER NOT NULL, -- 1, 2, 3… per learner and quiz
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
	started_at INTEGER NOT NULL,
	deadline_at INTEGER, -- null: untimed
	submitted_at INTEGER,
	closed_by TEXT CHECK (closed_by IN ('learner', 'deadline')),
	questions TEXT NOT NULL, -- JSON snapshot
	quiz_hash TEXT NOT NULL,
	pass_percent REAL NOT NULL,
	grading TEXT NOT NULL CHECK (grading IN ('highest', 'latest', 'average', 'first')),
	score REAL,
	max_score REAL,
	percent REAL,
	passed INTEGER,
	UNIQUE (user_id, activity_id, number)
);
-- at most one attempt in progress per learner and quiz, whatever the concurrency
CREATE UNIQUE INDEX quiz_attempt_one_open ON quiz_attempt (user_id, activity_id) WHERE status = 'open';
CREATE INDEX quiz_attempt_activity ON quiz_attempt (activity_id, status);
CREATE INDEX quiz_attempt_deadline ON quiz_attempt (deadline_at) WHERE status = 'open';

-- One row per question answered in an attempt: autosaved while open, graded at submission.
-- The item statistics of the trainer reports read these rows.
CREATE TABLE quiz_response (
	attempt_id INTEGER NOT NULL REFERENCES quiz_attempt (id),
	question_id TEXT NOT NULL,
	response TEXT NOT NULL, -- JSON
	saved_at INTEGER NOT NULL,
	score REAL,
	max_score REAL,
	correct INTEGER,
	PRIMARY KEY (attempt_id, question_id)
) WITHOUT ROWID;
