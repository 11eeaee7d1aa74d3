-- Offline learning (issue 19), second part.
-- Applied operations are kept for the 30-day replay window only (an older one can never be
-- delivered again): the sweep deletes by age, so the age is indexed.
CREATE INDEX applied_operation_applied_at ON applied_operation (applied_at);

-- Quiz answers saved offline (src/lib/server/quiz/queued.ts): each phone numbers its saves of an
-- attempt; the highest applied is kept so that an older save arriving later changes nothing.
CREATE TABLE quiz_queued_save (
	attempt_id INTEGER NOT NULL REFERENCES quiz_attempt (id),
	device TEXT NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (attempt_id, device)
) WITHOUT ROWID;

-- Answers written offline that arrived after their attempt was closed (deadline, trainer, or
-- submitted elsewhere): not counted, kept for the trainer to see (the learner's page in /manage).
CREATE TABLE quiz_late_answers (
	id INTEGER PRIMARY KEY,
	attempt_id INTEGER NOT NULL REFERENCES quiz_attempt (id),
	responses TEXT NOT NULL, -- JSON: [question id, response] pairs
	taken_at INTEGER NOT NULL, -- when the phone saved them (the server's clock, from their age)
	received_at INTEGER NOT NULL
);
CREATE INDEX quiz_late_answers_attempt ON quiz_late_answers (attempt_id);
