-- Offline learning (issue 19): the browser queues what the learner did without a network, each
-- item with an id it made up, and sends it again until it hears back. The id is recorded in the
-- transaction that applied the item, with the answer given, so a second delivery returns that
-- answer and changes nothing (src/lib/server/tracking/operations.ts).
CREATE TABLE applied_operation (
	user_id INTEGER NOT NULL REFERENCES user (id) ON DELETE CASCADE,
	op_id TEXT NOT NULL,
	kind TEXT NOT NULL,
	result TEXT NOT NULL,
	applied_at INTEGER NOT NULL,
	PRIMARY KEY (user_id, op_id)
) WITHOUT ROWID;
