-- Answers are idempotent and bounded (issue #12).
-- The nonce of the rendered form an answer came from: each form records once, so a reload, the back
-- button or a double click sends the same nonce and records nothing new.
ALTER TABLE answers ADD COLUMN nonce TEXT;
CREATE UNIQUE INDEX answers_nonce ON answers (survey_id, nonce);
-- Per survey: how many answers it took (it takes a bounded number), its write-back job while that is
-- still waiting out the quiet period (a change in the meantime moves it instead of adding another), and
-- when its one low-score alert was raised.
ALTER TABLE surveys ADD COLUMN answer_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE surveys ADD COLUMN writeback_job_id BIGINT;
ALTER TABLE surveys ADD COLUMN alerted_at BIGINT;

-- Retention (PALAUTE_RETENTION) deletes finished jobs and old webhook events oldest first, a batch at a
-- time; these find each batch without reading the rest of the table.
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX ticket_events_received ON ticket_events (received_at);
