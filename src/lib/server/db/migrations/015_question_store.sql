-- migrate: foreign-keys-off
-- migrate: vacuum-after
-- Questions stored once (issue 21). Every attempt held its own copy of the questions it showed,
-- rendered, with their answers: about 31 KB per attempt, nearly all of the database, written in
-- full at each start. A question is now stored once by content (quiz_question); an attempt's rows
-- in quiz_attempt_question name the stored question and the order the attempt showed its
-- choices, matching items and steps in (src/lib/server/quiz/question-store.ts).
--
-- Every snapshot is converted here. quiz_question_hash, _body and _order (migrate.ts) throw
-- unless the stored question and the order give back exactly the question the attempt stored,
-- and migration_check stops the migration unless every question of every attempt found its row:
-- reviews, grades and reports read the same questions after as before.

-- each question of each snapshot, converted once: which stored question, in which order
CREATE TEMP TABLE shown AS
SELECT a.id AS attempt_id, q.key + 1 AS position, q.value ->> 'id' AS question_id, quiz_question_hash(q.value) AS hash,
	quiz_question_order(q.value, 'choices') AS choice_order, quiz_question_order(q.value, 'rights') AS right_order,
	quiz_question_order(q.value, 'steps') AS step_order
FROM quiz_attempt a, json_each(a.questions) q;

CREATE TABLE quiz_question (
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE, -- SHA-256 of body
	-- JSON: the question as shown (prompt, choices with their answers and feedback, explanation),
	-- choices in id order, without any attempt's display order
	body TEXT NOT NULL
);

-- the body of each distinct question, from the first snapshot that showed it
INSERT INTO quiz_question (hash, body)
SELECT f.hash, (
	SELECT quiz_question_body(q.value) FROM json_each((SELECT questions FROM quiz_attempt WHERE id = f.attempt_id)) q
	WHERE q.key = f.position - 1
)
FROM temp.shown f WHERE f.rowid IN (SELECT min(rowid) FROM temp.shown GROUP BY hash) ORDER BY f.rowid;

CREATE TABLE quiz_attempt_question_new (
	attempt_id INTEGER NOT NULL REFERENCES quiz_attempt (id),
	question_id TEXT NOT NULL,
	position INTEGER NOT NULL, -- 1-based, as shown
	points REAL NOT NULL,
	question INTEGER NOT NULL REFERENCES quiz_question (id),
	-- the order shown, as positions (comma-separated) in the stored question's choices, its
	-- right-hand matching items (pairs, then distractors) and its steps; NULL: none
	choice_order TEXT,
	right_order TEXT,
	step_order TEXT,
	PRIMARY KEY (attempt_id, question_id)
) WITHOUT ROWID;

INSERT INTO quiz_attempt_question_new
	(attempt_id, question_id, position, points, question, choice_order, right_order, step_order)
SELECT aq.attempt_id, aq.question_id, aq.position, aq.points, qq.id, s.choice_order, s.right_order, s.step_order
FROM temp.shown s
JOIN quiz_attempt_question aq ON aq.attempt_id = s.attempt_id AND aq.question_id = s.question_id AND aq.position = s.position
JOIN quiz_question qq ON qq.hash = s.hash;

SELECT migration_check(
	(SELECT count(*) FROM quiz_attempt_question_new) = (SELECT count(*) FROM quiz_attempt_question)
	AND (SELECT count(*) FROM quiz_attempt_question_new) = (SELECT count(*) FROM temp.shown),
	'015_question_store: some attempts'' question rows differ from their snapshots; nothing was changed'
);
DROP TABLE temp.shown;

DROP TABLE quiz_attempt_question;
ALTER TABLE quiz_attempt_question_new RENAME TO quiz_attempt_question;

-- quiz_attempt without its snapshot column: rebuilt with the same ids (SQLite's recipe, as 009)
CREATE TABLE quiz_attempt_new (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES user (id),
	activity_id INTEGER NOT NULL REFERENCES activity (id),
	number INTEGER NOT NULL, -- 1, 2, 3… per learner and quiz
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
	started_at INTEGER NOT NULL,
	deadline_at INTEGER, -- null: untimed
	submitted_at INTEGER,
	closed_by TEXT CHECK (closed_by IN ('learner', 'deadline')),
	quiz_hash TEXT NOT NULL,
	pass_percent REAL NOT NULL,
	grading TEXT NOT NULL CHECK (grading IN ('highest', 'latest', 'average', 'first')),
	score REAL,
	max_score REAL,
	percent REAL,
	passed INTEGER,
	UNIQUE (user_id, activity_id, number)
);
INSERT INTO quiz_attempt_new (id, user_id, activity_id, number, status, started_at, deadline_at, submitted_at,
	closed_by, quiz_hash, pass_percent, grading, score, max_score, percent, passed)
SELECT id, user_id, activity_id, number, status, started_at, deadline_at, submitted_at,
	closed_by, quiz_hash, pass_percent, grading, score, max_score, percent, passed
FROM quiz_attempt;
DROP TABLE quiz_attempt;
ALTER TABLE quiz_attempt_new RENAME TO quiz_attempt;

CREATE UNIQUE INDEX quiz_attempt_one_open ON quiz_attempt (user_id, activity_id) WHERE status = 'open';
CREATE INDEX quiz_attempt_activity ON quiz_attempt (activity_id, status);
CREATE INDEX quiz_attempt_deadline ON quiz_attempt (deadline_at) WHERE status = 'open';
CREATE INDEX quiz_attempt_scores ON quiz_attempt (user_id, activity_id, status, number, percent, passed, started_at, submitted_at);
