-- Applied operations are kept for the 30-day replay window only (an older one can never be
-- delivered again): the sweep deletes by age, so the age is indexed.
CREATE INDEX applied_operation_applied_at ON applied_operation (applied_at);
