-- Modules and courses a learner has completed, recorded once, when first reached (tracking/completion.ts).
-- The live status of a module is still derived from tracking rows; this row is the dated fact
-- that it was completed, which certificates and exports rely on and a later course edit never undoes.
-- Filled for existing databases when the courses load (recordMissedMilestones): which
-- activities make a module is known from the course files, not from SQL.
CREATE TABLE milestone (
	user_id INTEGER NOT NULL REFERENCES user (id) ON DELETE CASCADE,
	course_id TEXT NOT NULL REFERENCES course (id),
	-- '' for the whole course
	module_slug TEXT NOT NULL,
	achieved_at INTEGER NOT NULL,
	PRIMARY KEY (user_id, course_id, module_slug)
) WITHOUT ROWID;
CREATE INDEX milestone_course ON milestone (course_id, module_slug);
