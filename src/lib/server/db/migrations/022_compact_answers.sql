-- migrate: foreign-keys-off
-- migrate: vacuum-after
-- Smaller attempts (issue 21: database growth per submitted exam attempt ≤ 3 KB; it was 3.8 KB).
-- Each answer row repeated its question's text id (about 21 bytes) and the answer's type and field
-- name ('{"type":"single","choice":…}'); each question row of an attempt repeated the question's
-- id and points, which its stored question already holds. Now:
-- - quiz_question names its question (question_id, type, points) once for every attempt;
-- - quiz_attempt_question: per attempt and position, only which stored question and its orders;
-- - quiz_answer: per attempt and position, only the answer's value (the JSON of its one field:
--   a choice, the choices, the text, the pairs or the order; the question's type says which), when
--   it was saved, and its score once graded (its maximum is the question's points, and it is right
--   when it earns them all);
-- - quiz_response is a view giving exactly the rows the table held (src/lib/server/quiz/answers.ts
--   reads the same way in the app).
-- quiz_attempt_scores stays: made (004) when the attempt's row held its snapshot, it still spares
-- the reports' attempt summaries a row lookup per attempt (3.3 ms without it, 2.8 ms with it, for
-- 500 learners' 2,300 attempts) for about 80 bytes per attempt.
-- Every row is checked: the migration stops with nothing changed unless the new tables give back
-- every old row exactly.

CREATE TABLE quiz_question_new (
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE, -- SHA-256 of body
	question_id TEXT NOT NULL, -- its id in quiz.md (also in body)
	type TEXT NOT NULL, -- single, multiple, truefalse, short, matching, ordering (also in body)
	points REAL NOT NULL, -- (also in body)
	-- JSON: the question as shown (prompt, choices with their answers and feedback, explanation),
	-- choices in id order, without any attempt's display order
	body TEXT NOT NULL
);
INSERT INTO quiz_question_new (id, hash, question_id, type, points, body)
SELECT id, hash, body ->> 'id', body ->> 'type', body ->> 'points', body FROM quiz_question ORDER BY id;
-- an autosave finds its question's position through it (a few rows per question in quiz.md)
CREATE INDEX quiz_question_question_id ON quiz_question_new (question_id);

CREATE TABLE quiz_attempt_question_new (
	attempt_id INTEGER NOT NULL REFERENCES quiz_attempt (id),
	position INTEGER NOT NULL, -- 1-based, as shown
	question INTEGER NOT NULL REFERENCES quiz_question (id),
	-- the order shown, as positions (comma-separated) in the stored question's choices, its
	-- right-hand matching items (pairs, then distractors) and its steps; NULL: none
	choice_order TEXT,
	right_order TEXT,
	step_order TEXT,
	PRIMARY KEY (attempt_id, position)
) WITHOUT ROWID;
INSERT INTO quiz_attempt_question_new (attempt_id, position, question, choice_order, right_order, step_order)
SELECT attempt_id, position, question, choice_order, right_order, step_order FROM quiz_attempt_question
ORDER BY attempt_id, position;

-- the question's id and points, read from its stored question, are those the attempt's row held
SELECT migration_check(
	(SELECT count(*) FROM quiz_attempt_question_new) = (SELECT count(*) FROM quiz_attempt_question)
	AND NOT EXISTS (
		SELECT attempt_id, question_id, position, points, question, choice_order, right_order, step_order FROM quiz_attempt_question
		EXCEPT
		SELECT a.attempt_id, q.question_id, a.position, q.points, a.question, a.choice_order, a.right_order, a.step_order
		FROM quiz_attempt_question_new a JOIN quiz_question_new q ON q.id = a.question
	),
	'022_compact_answers: an attempt''s question differs from its stored question (id or points); nothing was changed'
);

-- the name of an answer's one field, by question type (the view below and answers.ts agree)
CREATE TEMP TABLE answer_field (type TEXT PRIMARY KEY, field TEXT NOT NULL);
INSERT INTO temp.answer_field VALUES
	('single', 'choice'), ('truefalse', 'choice'), ('multiple', 'choices'), ('short', 'text'), ('matching', 'pairs'), ('ordering', 'order');

CREATE TABLE quiz_answer (
	attempt_id INTEGER NOT NULL,
	position INTEGER NOT NULL, -- of the question in the attempt (quiz_attempt_question)
	answer TEXT NOT NULL, -- JSON of the answer's one field, as the learner gave it
	saved_at INTEGER NOT NULL,
	score REAL, -- set when the attempt is graded
	PRIMARY KEY (attempt_id, position),
	FOREIGN KEY (attempt_id, position) REFERENCES quiz_attempt_question (attempt_id, position)
) WITHOUT ROWID;
-- the value is the old JSON less its first characters ('{"type":"…","field":') and its last ('}');
-- the check below proves each one gives back the old text exactly
INSERT INTO quiz_answer (attempt_id, position, answer, saved_at, score)
SELECT r.attempt_id, a.position,
	substr(r.response, length('{"type":"' || q.type || '","' || f.field || '":') + 1,
		length(r.response) - length('{"type":"' || q.type || '","' || f.field || '":') - 1),
	r.saved_at, r.score
FROM quiz_response r
JOIN quiz_attempt_question a ON a.attempt_id = r.attempt_id AND a.question_id = r.question_id
JOIN quiz_question_new q ON q.id = a.question
JOIN temp.answer_field f ON f.type = q.type
ORDER BY r.attempt_id, a.position;

ALTER TABLE quiz_response RENAME TO quiz_response_old;
DROP TABLE quiz_attempt_question;
DROP TABLE quiz_question;
ALTER TABLE quiz_question_new RENAME TO quiz_question;
ALTER TABLE quiz_attempt_question_new RENAME TO quiz_attempt_question;

-- The rows quiz_response held, exactly: for reading by hand, scripts and tests (the app reads the
-- tables, src/lib/server/quiz/answers.ts).
CREATE VIEW quiz_response (attempt_id, question_id, response, saved_at, score, max_score, correct) AS
SELECT r.attempt_id, q.question_id,
	'{"type":"' || q.type || '","' || CASE q.type
		WHEN 'single' THEN 'choice' WHEN 'truefalse' THEN 'choice' WHEN 'multiple' THEN 'choices'
		WHEN 'short' THEN 'text' WHEN 'matching' THEN 'pairs' WHEN 'ordering' THEN 'order' END || '":' || r.answer || '}',
	r.saved_at, r.score,
	CASE WHEN r.score IS NOT NULL THEN q.points END,
	CASE WHEN r.score IS NOT NULL THEN r.score >= q.points END
FROM quiz_answer r
JOIN quiz_attempt_question a ON a.attempt_id = r.attempt_id AND a.position = r.position
JOIN quiz_question q ON q.id = a.question;

SELECT migration_check(
	(SELECT count(*) FROM quiz_response) = (SELECT count(*) FROM quiz_response_old)
	AND NOT EXISTS (
		SELECT attempt_id, question_id, response, saved_at, score, max_score, correct FROM quiz_response_old
		EXCEPT
		SELECT attempt_id, question_id, response, saved_at, score, max_score, correct FROM quiz_response
	),
	'022_compact_answers: some answers cannot be stored without changing them; nothing was changed'
);
DROP TABLE quiz_response_old;
DROP TABLE temp.answer_field;
