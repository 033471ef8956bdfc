package fi.palaute.common.survey;

import fi.palaute.common.store.Tx;
import java.time.Instant;

/**
 * The {@code ticket_events} table: each solve a webhook told us of, unique on (source, ticket, event
 * key), so a delivery seen before inserts nothing.
 */
public final class TicketEventStore {

    /** Records the event; false when this (source, ticket, event key) was recorded before. */
    public boolean recordNew(Tx tx, String source, String ticketId, String eventKey, String status, Instant eventAt,
                             Instant receivedAt) {
        return tx.insertReturningId("""
                INSERT INTO ticket_events (source, ticket_id, event_key, status, event_at, received_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                source, ticketId, eventKey, status, eventAt, receivedAt).isPresent();
    }

    /** Deletes up to {@code limit} events received before {@code before}, oldest first; returns how many. */
    public int deleteReceivedBefore(Tx tx, Instant before, int limit) {
        return tx.update("""
                DELETE FROM ticket_events WHERE id IN (
                    SELECT id FROM ticket_events WHERE received_at < ? ORDER BY received_at LIMIT ?)""",
                before.toEpochMilli(), limit);
    }
}
