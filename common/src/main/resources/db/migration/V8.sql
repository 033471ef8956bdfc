-- Slack posts exactly once (issue #17): chat.postMessage has no idempotency key, so each post a job makes
-- is recorded here before it is sent. A row left 'sending' (the answer was lost, or the process died
-- mid-call) means the message may be in the channel: the retry looks for it in the channel's history
-- (its metadata carries job_key) instead of posting again. first_attempt_at bounds that search.
CREATE TABLE slack_posts (
    job_key TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    channel TEXT NOT NULL,
    thread_ts TEXT,
    state TEXT NOT NULL,
    first_attempt_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL,
    message_ts TEXT,
    updated_at BIGINT NOT NULL
);
