package fi.palaute.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseCopyTest {
    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sqliteDeploymentMovesWithEveryRowAndKeepsWorking(TestDatabases.Kind targetKind) {
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        try (Database sqlite = TestDatabases.open(TestDatabases.Kind.SQLITE); Database target = TestDatabases.open(targetKind)) {
            SurveyRows rows = new SurveyRows(sqlite);
            long survey = rows.sentSurvey("zendesk", "1", "csat", "fi", t, "Ann", "Tier 1");
            rows.answer(survey, "zendesk", "1", "csat", 4, "Hyvä 👍", t.plusSeconds(600), false, "Ann", "Tier 1");
            rows.outcome("zendesk", "1", t, true, 300L, "Ann");

            Map<String, Long> copied = DatabaseCopy.copy(sqlite, target);
            assertEquals(1L, copied.get("surveys"));
            assertEquals(1L, copied.get("answers"));
            SurveyRows moved = new SurveyRows(target);
            assertEquals(1, moved.count("SELECT COUNT(*) FROM answers WHERE survey_id = ? AND comment = 'Hyvä 👍'", survey));
            // New rows get fresh ids after the copied ones.
            long next = moved.sentSurvey("zendesk", "2", "csat", "en", t, null, null);
            assertEquals(survey + 1, next);
            assertThrows(IllegalStateException.class, () -> DatabaseCopy.copy(sqlite, target), "refuses a non-empty target");
        }
    }
}
