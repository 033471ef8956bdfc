-- Closing the loop: one follow-up per survey whose answer was low (the alert threshold). Someone claims it
-- in Slack, calls the customer back and records the outcome; a changed answer to a good score closes it.
-- The row follows the survey's latest answer (answer_id), so a customer changing 1 to 2 keeps one follow-up.
CREATE TABLE followups (
    id ${id},
    survey_id BIGINT NOT NULL UNIQUE REFERENCES surveys (id),
    answer_id BIGINT NOT NULL REFERENCES answers (id),
    source TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    -- open, claimed, closed
    state TEXT NOT NULL,
    owner_id TEXT,
    owner_name TEXT,
    created_at BIGINT NOT NULL,
    claimed_at BIGINT,
    closed_at BIGINT,
    -- done, no_action, answer_changed
    close_reason TEXT,
    closed_by_id TEXT,
    closed_by_name TEXT,
    outcome TEXT,
    customer_reached INTEGER,
    -- the Slack alert that carries the buttons, once posted
    alert_channel TEXT,
    alert_ts TEXT,
    reminded_at BIGINT
);
CREATE INDEX followups_state ON followups (state, created_at);
CREATE INDEX followups_created ON followups (created_at);
