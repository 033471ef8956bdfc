package fi.palaute.common.survey;

import fi.palaute.common.store.Tx;
import java.time.Instant;

/**
 * The {@code ticket_outcomes} table: how a ticket went in one resolution cycle (FCR, handle time, who
 * handled it), recorded once per cycle before the survey goes out.
 */
public final class OutcomeStore {

    /** Records the cycle's outcome; a second record of the same cycle changes nothing. */
    public void record(Tx tx, String source, TicketSnapshot t, String cycleKey, TicketOutcome o, Instant now) {
        Instant solvedAt = t.solvedAt() != null ? t.solvedAt() : now;
        tx.update("""
                INSERT INTO ticket_outcomes (source, ticket_id, cycle_key, solved_at, fcr, fcr_definition, replies, reopens,
                    handle_time_seconds, handle_time_source, resolution_seconds, agent, agent_group, channel, recorded_at,
                    agent_email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                source, t.ticketId(), cycleKey, solvedAt, o.firstContactResolution(), o.fcrDefinition(),
                o.publicAgentReplies(), o.reopens(), o.handleTimeSeconds(), o.handleTimeSource(), o.resolutionSeconds(),
                t.agent(), t.group(), t.channel(), now,
                // Matched case-insensitively against Slack's users.info address for the agent's App Home.
                t.agentEmail() == null ? null : t.agentEmail().toLowerCase(java.util.Locale.ROOT));
    }
}
