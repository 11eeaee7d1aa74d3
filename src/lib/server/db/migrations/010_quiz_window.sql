-- When a cohort may take a quiz (the final assessment, usually): set by its trainer, optional at
-- either end. No row: the quiz is open whenever the course is. Times are epoch milliseconds.
CREATE TABLE quiz_window (
	cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
	course_id TEXT NOT NULL REFERENCES course (id),
	module_slug TEXT NOT NULL,
	opens_at INTEGER,
	closes_at INTEGER,
	updated_by INTEGER REFERENCES user (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	CHECK (opens_at IS NOT NULL OR closes_at IS NOT NULL),
	CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at),
	PRIMARY KEY (cohort_id, course_id, module_slug)
) WITHOUT ROWID;
