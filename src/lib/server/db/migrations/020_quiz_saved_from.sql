-- The same attempt answered on two devices (issue 19): for each question the answer that reaches
-- the server last is kept, and the page says so. Each attempt remembers which sign-in sent its
-- last save (a number derived from the session id, src/lib/server/quiz/sign-in.ts); a save or a
-- page from another sign-in (another phone, another browser) is told. NULL: nothing saved yet.
ALTER TABLE quiz_attempt ADD COLUMN saved_from INTEGER;
