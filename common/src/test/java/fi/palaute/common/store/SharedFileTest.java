package fi.palaute.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Several services share one SQLite file (docs/operations.md, "Rolling out"): each opens its own pool on it. */
class SharedFileTest {
    @Test
    void twoServicesWriteToOneSqliteFile() {
        String url = TestDatabases.newSqliteUrl();
        try (Database zendesk = Database.open(url, null, null); Database slack = Database.open(url, null, null)) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                zendesk.run(tx -> tx.update("INSERT INTO ticket_events (source, ticket_id, event_key, event_at, received_at) VALUES ('zendesk', ?, 'k', 1, 1)", "z" + n));
                slack.run(tx -> tx.update("INSERT INTO ticket_events (source, ticket_id, event_key, event_at, received_at) VALUES ('freshdesk', ?, 'k', 1, 1)", "f" + n));
            }
            assertEquals(40L, (long) slack.inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM ticket_events")));
            assertEquals(40L, (long) zendesk.inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM ticket_events")));
        }
    }
}
