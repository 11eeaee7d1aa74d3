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

-- Reports read attempts' scores by learner and quiz. The row itself holds the question
-- snapshot (tens of KB) before these columns, so reading them from the table walks the
-- snapshot's overflow pages; this covering index answers those queries on its own.
CREATE INDEX quiz_attempt_scores ON quiz_attempt (user_id, activity_id, status, number, percent, passed, started_at, submitted_at);

-- The days each learner did anything in each course (Viet Nam time, UTC+7 all year), kept
-- exact by a trigger in the same transaction as the event: the activity chart counts these
-- few rows instead of scanning the whole event log.
CREATE TABLE learner_day (
	user_id INTEGER NOT NULL REFERENCES user (id),
	course_id TEXT NOT NULL REFERENCES course (id),
	day INTEGER NOT NULL, -- days since 1970-01-01 in Viet Nam
	PRIMARY KEY (user_id, course_id, day)
) WITHOUT ROWID;

CREATE TRIGGER learning_event_learner_day AFTER INSERT ON learning_event
WHEN NEW.activity_id IS NOT NULL
BEGIN
	INSERT OR IGNORE INTO learner_day (user_id, course_id, day)
	SELECT NEW.user_id, a.course_id, (NEW.created_at + 25200000) / 86400000 FROM activity a WHERE a.id = NEW.activity_id;
END;

INSERT OR IGNORE INTO learner_day (user_id, course_id, day)
SELECT e.user_id, a.course_id, (e.created_at + 25200000) / 86400000
FROM learning_event e JOIN activity a ON a.id = e.activity_id;
