-- Seal and signature images printed on certificates, stored once by their content
-- (certificates/images.ts): a certificate names the image it was issued with, so a trainer
-- changing the cohort's seal later never changes a certificate already issued.
CREATE TABLE certificate_image (
	sha256 TEXT PRIMARY KEY,
	media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
	data BLOB NOT NULL
);

-- What a cohort's certificates print instead of the course's defaults (course.md `certificate:`),
-- set by its trainer (certificates/cohort-settings.ts). A null column keeps the course's value.
-- Applies to certificates issued after the change; issued ones keep what they printed.
CREATE TABLE cohort_certificate (
	cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
	course_id TEXT NOT NULL REFERENCES course (id),
	issuer TEXT,
	signer_title TEXT,
	signer_name TEXT,
	hours REAL CHECK (hours IS NULL OR hours > 0),
	serial_format TEXT,
	seal_sha256 TEXT REFERENCES certificate_image (sha256),
	-- the period of study printed on the certificate, YYYY-MM-DD, both or neither
	study_from TEXT,
	study_to TEXT,
	updated_by INTEGER REFERENCES user (id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	CHECK ((study_from IS NULL) = (study_to IS NULL) AND (study_from IS NULL OR study_from <= study_to)),
	PRIMARY KEY (cohort_id, course_id)
) WITHOUT ROWID;
