package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SummarySplitTest {
    static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void splittingTwoWaysInOnePassGivesWhatTwoSplitsGive(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SurveyRows rows = new SurveyRows(db);
            String[] sources = {"zendesk", "freshdesk"};
            String[] agents = {"Ann", "Bob", null};
            for (int i = 0; i < 30; i++) {
                String source = sources[i % 2];
                String agent = agents[i % 3];
                Instant at = DAY.plus(Duration.ofMinutes(17L * i));
                long s = rows.sentSurvey(source, "t" + i, "csat", "en", at, agent, null);
                if (i % 4 != 0) rows.answer(s, source, "t" + i, "csat", 1 + i % 5, null, at.plusSeconds(600), i % 7 == 0, agent, null);
                rows.outcome(source, "t" + i, at, i % 3 != 0, i % 2 == 0 ? 60L * i : null, agent);
            }
            SummaryQuery query = new SummaryQuery(db, 2);
            PeriodSummary total = query.summarize(DAY, DAY.plus(Duration.ofDays(1)));
            List<PeriodSummary> both = query.splitTwoWays(total, SummaryQuery.By.SOURCE, SummaryQuery.By.AGENT, Optional.empty());
            assertEquals(query.split(total, SummaryQuery.By.SOURCE, Optional.empty()).toJson(), both.get(0).toJson());
            assertEquals(query.split(total, SummaryQuery.By.AGENT, Optional.empty()).toJson(), both.get(1).toJson());
            assertEquals(3, both.get(1).groups().size(), "Ann, Bob and (none)");
        }
    }
}
