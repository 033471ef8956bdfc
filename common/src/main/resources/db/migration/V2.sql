-- Covering indexes for summaries and digests (issue #8, measured by the bench module): a period's
-- current answers, sent surveys and ticket outcomes are read from the index alone, without a lookup in
-- the table per row. With 10 million answers a week is about 100,000 rows of each.

-- The answers of a period, grouped by metric, score and bot flag, optionally by source, agent or group.
CREATE INDEX answers_period ON answers (answered_at, metric, score, suspected_bot, source, agent, agent_group, id)
    WHERE replaced_at IS NULL;

-- Response rate: whether a sent survey has a current human answer.
CREATE INDEX answers_survey_human ON answers (survey_id, suspected_bot, id) WHERE replaced_at IS NULL;

-- The surveys sent in a period, with their group keys.
CREATE INDEX surveys_sent_period ON surveys (sent_at, state, source, agent, agent_group, id);

-- FCR and handle time of the tickets solved in a period.
CREATE INDEX ticket_outcomes_period ON ticket_outcomes (solved_at, source, agent, agent_group, fcr_definition, fcr,
    handle_time_seconds, handle_time_source);
