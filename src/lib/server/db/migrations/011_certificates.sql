-- Certificates issued when a learner completes a course (certificates/service.ts), the register
-- ("sổ cấp") trainers keep. A row is never deleted: a revoked certificate stays in the register
-- with its reason, and the public verification page says it was revoked.
CREATE TABLE certificate (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES user (id),
	course_id TEXT NOT NULL REFERENCES course (id),
	-- the cohort the learner followed the course in, when there is one
	cohort_id INTEGER REFERENCES cohort (id) ON DELETE SET NULL,
	-- the issuing authority as printed; serial numbers run per issuer and year
	issuer TEXT NOT NULL,
	serial_year INTEGER NOT NULL,
	serial_number INTEGER NOT NULL,
	-- e.g. 0042/2026/HY-PCMD, from the course's serialFormat
	serial TEXT NOT NULL,
	-- the line in the issuer's register, running across years
	register_number INTEGER NOT NULL,
	-- 128 random bits, base64url: the address on the QR code (never the serial, which can be guessed)
	code TEXT NOT NULL UNIQUE,
	completed_at INTEGER NOT NULL,
	issued_at INTEGER NOT NULL,
	-- JSON: every field printed on the certificate, as printed (a profile edit does not change it)
	fields TEXT NOT NULL,
	revoked_at INTEGER,
	revoked_by INTEGER REFERENCES user (id),
	revoked_reason TEXT,
	UNIQUE (user_id, course_id),
	UNIQUE (issuer, serial_year, serial_number),
	UNIQUE (issuer, register_number),
	UNIQUE (issuer, serial)
);
CREATE INDEX certificate_cohort ON certificate (cohort_id, course_id);

-- What happened to each certificate: issued, revoked, re-issued (the fields printed before).
CREATE TABLE certificate_event (
	id INTEGER PRIMARY KEY,
	certificate_id INTEGER NOT NULL REFERENCES certificate (id),
	kind TEXT NOT NULL CHECK (kind IN ('issued', 'revoked', 'reissued')),
	at INTEGER NOT NULL,
	-- null: issued automatically on completion
	by_user INTEGER REFERENCES user (id),
	reason TEXT,
	-- JSON: the fields printed at that moment
	fields TEXT
);
CREATE INDEX certificate_event_certificate ON certificate_event (certificate_id);
