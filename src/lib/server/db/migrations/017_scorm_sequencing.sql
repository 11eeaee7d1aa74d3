-- A SCORM 2004 package's activity tree for the sequencing engine (scorm/sequencing/translate.ts):
-- translated from its manifest once, at import, as JSON with a `treeVersion`. NULL for SCORM 1.2
-- packages, and for 2004 packages imported before, until start-up reads them again (scorm/refresh.ts).
ALTER TABLE scorm_package ADD COLUMN sequencing TEXT;

-- Each learner's sequencing state in a SCORM 2004 package placed in a module: the engine's own
-- serialised state (scorm/sequencing/state.ts), which holds the activity tree's attempts and
-- statuses, the current or suspended activity, and the package's global objectives (all golf
-- examples and most packages keep them within the package: objectivesGlobalToSystem="false").
-- The package and tree version it was made for: a replaced package starts a new state. The JSON
-- is 50–65 kB for a golf example; deflated (zlib) it is 2–3 kB, and so it is stored.
CREATE TABLE scorm_sequencing_state (
	user_id INTEGER NOT NULL REFERENCES user (id),
	attachment_id INTEGER NOT NULL REFERENCES scorm_attachment (id),
	package_id INTEGER NOT NULL REFERENCES scorm_package (id),
	tree_version INTEGER NOT NULL,
	state BLOB NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (user_id, attachment_id)
) WITHOUT ROWID;
