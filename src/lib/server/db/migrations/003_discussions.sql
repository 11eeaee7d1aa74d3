-- Discussions: a board per module and one per course ("Trao đổi chung"), threads scoped to a
-- cohort (or shared across cohorts when the course says so), Markdown posts stored with their
-- sanitised HTML, read state per learner, reports, and a full-text index of folded text.

CREATE TABLE thread (
	id INTEGER PRIMARY KEY,
	course_id TEXT NOT NULL REFERENCES course (id),
	module_slug TEXT, -- null: the course's general board
	cohort_id INTEGER REFERENCES cohort (id), -- null: shared by every cohort of the course
	author_id INTEGER NOT NULL REFERENCES user (id),
	title TEXT NOT NULL,
	pinned INTEGER NOT NULL DEFAULT 0,
	locked INTEGER NOT NULL DEFAULT 0,
	hidden_at INTEGER,
	created_at INTEGER NOT NULL,
	last_post_at INTEGER NOT NULL
);
CREATE INDEX thread_board ON thread (course_id, module_slug, cohort_id, last_post_at);

CREATE TABLE post (
	id INTEGER PRIMARY KEY,
	thread_id INTEGER NOT NULL REFERENCES thread (id),
	author_id INTEGER NOT NULL REFERENCES user (id),
	quote_of INTEGER REFERENCES post (id),
	body_md TEXT NOT NULL,
	body_html TEXT NOT NULL, -- sanitised
	created_at INTEGER NOT NULL,
	edited_at INTEGER,
	deleted_at INTEGER,
	hidden_at INTEGER
);
CREATE INDEX post_thread ON post (thread_id, id);
CREATE INDEX post_author ON post (author_id, created_at);

-- the last post a learner has seen in a thread; posts after it are "new"
CREATE TABLE thread_read (
	user_id INTEGER NOT NULL REFERENCES user (id),
	thread_id INTEGER NOT NULL REFERENCES thread (id),
	last_read_post_id INTEGER NOT NULL,
	PRIMARY KEY (user_id, thread_id)
) WITHOUT ROWID;

CREATE TABLE post_report (
	id INTEGER PRIMARY KEY,
	post_id INTEGER NOT NULL REFERENCES post (id),
	reporter_id INTEGER NOT NULL REFERENCES user (id),
	reason TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	resolved_at INTEGER,
	resolved_by INTEGER REFERENCES user (id),
	UNIQUE (post_id, reporter_id)
);
CREATE INDEX post_report_open ON post_report (resolved_at, created_at);

-- Search: text folded to plain letters ("mại dâm" → "mai dam", "đ" → "d") by the service, so
-- queries typed with or without diacritics meet. rowid = post id.
CREATE VIRTUAL TABLE post_search USING fts5 (title, body, tokenize = 'unicode61');
