-- Experiments (A/B tests of surveys, PALAUTE_EXPERIMENTS), as the survey connectors last read them from
-- the file, so that every service (Slack, the dashboard, /api/experiments) reads them from the database.
-- arms is the JSON list of the arms: id, survey, metric, send_delay, weight.
CREATE TABLE experiments (
    id TEXT PRIMARY KEY,
    start_at BIGINT NOT NULL,
    end_at BIGINT,
    arms TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
