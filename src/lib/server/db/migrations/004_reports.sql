-- Trainer reports. Every figure is computed from these rows at request time; nothing cached.

-- The questions each attempt showed, one row each (the snapshot JSON holds the same ids).
-- Item analysis and the attempts export read these instead of parsing thousands of snapshots;
-- a question with no quiz_response row was left unanswered and scored 0.
CREATE TABLE quiz_attempt_question (
	attempt_id INTEGER NOT NULL REFERENCES quiz_attempt (id),
	question_id TEXT NOT NULL,
	position INTEGER NOT NULL, -- 1-based, as shown
	points REAL NOT NULL,
	PRIMARY KEY (attempt_id, question_id)
) WITHOUT ROWID;

INSERT INTO quiz_attempt_question (attempt_id, question_id, position, points)
SELECT a.id, json_extract(q.value, '$.id'), q.key + 1, json_extract(q.value, '$.points')
FROM quiz_attempt a, json_each(a.questions) q;

-- a cohort's submitted attempts of one quiz, for item analysis and exports
CREATE INDEX quiz_attempt_user_activity_status ON quiz_attempt (user_id, activity_id, status, number);
