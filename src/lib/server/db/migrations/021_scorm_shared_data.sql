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
