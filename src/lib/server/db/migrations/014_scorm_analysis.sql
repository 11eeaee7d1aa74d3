-- What the import found in a package that the trainer should know (scorm/analysis.ts): the
-- addresses on other sites its pages load (the player blocks them) and whether any page looks
-- for the SCORM API. JSON; NULL for packages imported before this was looked at.
ALTER TABLE scorm_package ADD COLUMN analysis TEXT;
