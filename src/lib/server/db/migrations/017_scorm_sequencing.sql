-- A SCORM 2004 package's activity tree for the sequencing engine (scorm/sequencing/translate.ts):
-- translated from its manifest once, at import, as JSON with a `treeVersion`. NULL for SCORM 1.2
-- packages, and for 2004 packages imported before, until start-up reads them again (scorm/refresh.ts).
ALTER TABLE scorm_package ADD COLUMN sequencing TEXT;
