-- Touchpoints and experiments (issue #16).
-- The channel the ticket came in by, on the survey and (copied, as agent and group are) on its answers,
-- so a summary splits by channel from the same tables it already reads.
ALTER TABLE surveys ADD COLUMN channel TEXT;
ALTER TABLE answers ADD COLUMN channel TEXT;
-- The experiment and arm a survey was assigned to (PALAUTE_EXPERIMENTS); null outside experiments.
ALTER TABLE surveys ADD COLUMN experiment_id TEXT;
ALTER TABLE surveys ADD COLUMN experiment_arm TEXT;
CREATE INDEX surveys_experiment ON surveys (experiment_id, experiment_arm, state);
