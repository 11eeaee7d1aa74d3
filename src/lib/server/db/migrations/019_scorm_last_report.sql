-- SCORM 2004 sequencing (issue 17): what a SCO's latest session itself reported of its attempt
-- (completion, success, scaled score), as JSON. The tracking row keeps the best the learner ever
-- achieved; the sequencing engine must be told the last attempt's results when it replays an
-- attempt whose end it did not see with a request (a retake that did worse than an earlier one).
-- NULL for states saved before this column: the tracking row stands in, as it did.
ALTER TABLE scorm_state ADD COLUMN last_report TEXT;
