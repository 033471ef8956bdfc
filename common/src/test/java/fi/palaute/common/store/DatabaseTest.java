package fi.palaute.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {

    static java.util.stream.Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void reopeningAppliesNoMigrationTwice(TestDatabases.Kind kind) {
        String url = TestDatabases.newUrl(kind);
        try (Database first = Database.open(url, null, null)) {
            assertTrue(first.isHealthy());
        }
        try (Database second = Database.open(url, null, null)) {
            long versions = second.inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM schema_version"));
            long distinct = second.inTransaction(tx -> tx.queryLong("SELECT COUNT(DISTINCT version) FROM schema_version"));
            assertEquals(distinct, versions);
            assertTrue(versions >= 1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void failedTransactionLeavesNothingBehind(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            assertThrows(IllegalStateException.class, () -> db.run(tx -> {
                tx.update("INSERT INTO ticket_events (source, ticket_id, event_key, event_at, received_at) VALUES ('zendesk', '1', 'k', 1, 1)");
                throw new IllegalStateException("boom");
            }));
            assertEquals(0L, (long) db.inTransaction(tx -> tx.queryLong("SELECT COUNT(*) FROM ticket_events")));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void oneSurveyPerTicketAndCycleIsEnforcedByTheSchema(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            String insert = "INSERT INTO surveys (source, ticket_id, cycle_key, template_id, metric, state, created_at) "
                    + "VALUES ('zendesk', '7', 'c1', 'csat', 'csat', 'sent', 1) ON CONFLICT DO NOTHING";
            assertEquals(1, (int) db.inTransaction(tx -> tx.update(insert)));
            assertEquals(0, (int) db.inTransaction(tx -> tx.update(insert)));
        }
    }

    @Test
    void unsupportedUrlNamesTheSetting() {
        var e = assertThrows(fi.palaute.common.config.SettingException.class,
                () -> Database.open("jdbc:mysql://localhost/x", null, null));
        assertTrue(e.getMessage().startsWith("PALAUTE_DB_URL: "), e.getMessage());
    }

    @Test
    void credentialsInTheUrlNeverReachTheDisplayedUrl() {
        assertEquals("jdbc:postgresql://db:5432/palaute", Database.redact("jdbc:postgresql://db:5432/palaute?user=u&password=secret"));
        assertFalse(Database.redact("jdbc:postgresql://h/p?password=x").contains("x"));
    }

    @Test
    void migrationScriptSplitsIntoStatements() {
        List<String> s = Migrations.statements("-- c\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n");
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"), s);
    }
}
