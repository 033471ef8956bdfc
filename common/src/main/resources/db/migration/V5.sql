-- The assignee's e-mail address as the helpdesk gave it (lower case), so Slack's App Home can find an
-- agent's own scores from the e-mail address of the Slack user who opens it.
ALTER TABLE ticket_outcomes ADD COLUMN agent_email TEXT;
CREATE INDEX ticket_outcomes_agent_email ON ticket_outcomes (agent_email, solved_at);
