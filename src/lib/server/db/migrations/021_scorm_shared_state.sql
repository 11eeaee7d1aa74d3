-- SCORM 2004 state a learner's packages share: adl.data buckets and system-wide global objectives.

-- SCORM 2004 4th Edition shared data (adl.data, RTE 4.3; CAM adlcp:data/adlcp:map): buckets of
-- text a learner's SCOs share by targetID. Each SCO sees the buckets its item maps, read and written
-- as the map allows (scorm/sequencing/shared-data.ts). The scope follows the package's
-- adlcp:sharedDataGlobalToSystem: 'system' (the default) shares a bucket with every package the
-- learner plays on the platform; 'attachment:<id>' keeps it within one placed package.
CREATE TABLE scorm_shared_data (
	user_id INTEGER NOT NULL REFERENCES user (id),
	scope TEXT NOT NULL,
	target_id TEXT NOT NULL,
	store TEXT NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (user_id, scope, target_id)
) WITHOUT ROWID;

-- SCORM 2004 global objectives (imsss:mapInfo targetObjectiveID) of packages whose
-- adlseq:objectivesGlobalToSystem is true (the CAM default): per learner, "for the lifetime of the
-- learner in the system", shared by every such package the learner plays (scorm/sequencing/state.ts).
-- `status` is the objective's values as JSON (satisfied, measure, completion, progress, scores).
-- Packages that keep their objectives to themselves ("false", every golf example) keep them in their
-- own scorm_sequencing_state.
CREATE TABLE scorm_global_objective (
	user_id INTEGER NOT NULL REFERENCES user (id),
	target_id TEXT NOT NULL,
	status TEXT NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (user_id, target_id)
) WITHOUT ROWID;
