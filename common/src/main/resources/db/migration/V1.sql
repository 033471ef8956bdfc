-- Times are epoch milliseconds (BIGINT) in every table, so both databases compare them alike.
-- Flags are INTEGER 0/1 for the same reason.

-- One row per accepted webhook delivery; the unique key drops duplicate deliveries.
CREATE TABLE ticket_events (
    id ${id},
    source TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    event_key TEXT NOT NULL,
    status TEXT,
    event_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    UNIQUE (source, ticket_id, event_key)
);

-- What the ticket looked like when it was solved, one row per resolution cycle.
CREATE TABLE ticket_outcomes (
    id ${id},
    source TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    cycle_key TEXT NOT NULL,
    solved_at BIGINT NOT NULL,
    fcr INTEGER,
    fcr_definition TEXT,
    replies INTEGER,
    reopens INTEGER,
    handle_time_seconds BIGINT,
    handle_time_source TEXT,
    resolution_seconds BIGINT,
    agent TEXT,
    agent_group TEXT,
    channel TEXT,
    recorded_at BIGINT NOT NULL,
    UNIQUE (source, ticket_id, cycle_key)
);
CREATE INDEX ticket_outcomes_solved ON ticket_outcomes (solved_at);

-- One survey per ticket per resolution cycle: sent, or suppressed with the reason.
CREATE TABLE surveys (
    id ${id},
    source TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    cycle_key TEXT NOT NULL,
    ticket_url TEXT,
    requester_id TEXT,
    locale TEXT,
    template_id TEXT NOT NULL,
    metric TEXT NOT NULL,
    state TEXT NOT NULL,
    suppressed_reason TEXT,
    agent TEXT,
    agent_group TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    expires_at BIGINT,
    -- set when the hidden link in the mail is fetched: a link scanner, not a person
    honeypot_hit_at BIGINT,
    UNIQUE (source, ticket_id, cycle_key)
);
CREATE INDEX surveys_requester ON surveys (source, requester_id, sent_at);
CREATE INDEX surveys_sent ON surveys (sent_at);

-- Answers; a later answer replaces the earlier one, which is kept with replaced_at set.
-- source, ticket, agent and group are copied from the survey so digests read one table.
CREATE TABLE answers (
    id ${id},
    survey_id BIGINT NOT NULL REFERENCES surveys (id),
    source TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    metric TEXT NOT NULL,
    score INTEGER NOT NULL,
    comment TEXT,
    answered_at BIGINT NOT NULL,
    suspected_bot INTEGER NOT NULL DEFAULT 0,
    bot_reason TEXT,
    user_agent TEXT,
    agent TEXT,
    agent_group TEXT,
    replaced_at BIGINT
);
CREATE UNIQUE INDEX answers_current ON answers (survey_id) WHERE replaced_at IS NULL;
CREATE INDEX answers_time ON answers (answered_at, metric, score);

-- The durable job queue shared by every service; each claims only the kinds it handles.
CREATE TABLE jobs (
    id ${id},
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    dedupe_key TEXT UNIQUE,
    due_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX jobs_ready ON jobs (state, kind, due_at);

-- Digests posted, one per channel and period.
CREATE TABLE digests (
    id ${id},
    channel TEXT NOT NULL,
    period TEXT NOT NULL,
    period_start BIGINT NOT NULL,
    period_end BIGINT NOT NULL,
    posted_at BIGINT NOT NULL,
    message_ts TEXT,
    UNIQUE (channel, period, period_start)
);
