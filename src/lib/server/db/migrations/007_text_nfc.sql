-- Text typed in decomposed Unicode (NFD: some Vietnamese keyboards, macOS) was stored as typed:
-- "Hội LHPN" in NFD looks like, but is not equal to, "Hội LHPN" in NFC, so one organisation
-- showed twice in the report filter and each entry found only part of its learners. Every input
-- is now normalised to NFC (src/lib/server/text/nfc.ts); this rewrites the text stored before.
-- nfc() is provided by migrate.ts (SQLite has no Unicode normalisation of its own). Only rows
-- that change are written.
--
-- Left as they are, on purpose: learning_event and scorm_interaction (append-only records),
-- tracking location / suspend_data and SCORM runtime data (opaque to us, returned to the package
-- byte for byte), quiz_attempt.questions (the snapshot of what was shown; grading compares
-- answers in NFC anyway) and scorm_package.manifest (its hrefs name files in the package).

UPDATE user SET display_name = nfc(display_name) WHERE display_name <> nfc(display_name);
UPDATE user SET organisation = nfc(organisation) WHERE organisation <> nfc(organisation);
UPDATE user SET commune = nfc(commune) WHERE commune <> nfc(commune);
UPDATE user SET province = nfc(province) WHERE province <> nfc(province);

-- Usernames and cohort codes are unique whatever their case. The app only ever accepted ASCII
-- letters, digits and . _ - in them, which have one Unicode form, so nothing changes here on a
-- database the app made. In one edited by hand, a name that would become equal to another is
-- left as it is, both accounts kept (who keeps a sign-in name is a person's decision);
-- docs/operations.md says how to find them.
UPDATE user SET username = nfc(username)
WHERE username <> nfc(username)
	AND NOT EXISTS (
		SELECT 1 FROM user AS other
		WHERE other.id <> user.id AND nfc(other.username) = nfc(user.username) COLLATE NOCASE
	);
UPDATE cohort SET enrol_code = nfc(enrol_code)
WHERE enrol_code <> nfc(enrol_code)
	AND NOT EXISTS (
		SELECT 1 FROM cohort AS other
		WHERE other.id <> cohort.id AND nfc(other.enrol_code) = nfc(cohort.enrol_code) COLLATE NOCASE
	);
UPDATE cohort SET name = nfc(name) WHERE name <> nfc(name);

UPDATE thread SET title = nfc(title) WHERE title <> nfc(title);
UPDATE post SET body_md = nfc(body_md), body_html = nfc(body_html)
WHERE body_md <> nfc(body_md) OR body_html <> nfc(body_html);
UPDATE post_report SET reason = nfc(reason) WHERE reason <> nfc(reason);

-- learners' typed answers (short answers), so the item analysis counts one answer once
UPDATE quiz_response SET response = nfc(response) WHERE response <> nfc(response);

-- titles from course files and SCORM manifests, and those trainers typed for a package
UPDATE course SET title = nfc(title) WHERE title <> nfc(title);
UPDATE activity SET title = nfc(title) WHERE title <> nfc(title);
UPDATE scorm_package SET title = nfc(title) WHERE title <> nfc(title);
UPDATE scorm_attachment SET title = nfc(title) WHERE title <> nfc(title);
