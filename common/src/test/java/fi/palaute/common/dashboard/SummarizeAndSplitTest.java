package fi.palaute.common.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.common.score.SummaryFilter;
import fi.palaute.common.score.SummaryQuery;
import fi.palaute.common.store.TestDatabases;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The overview reads its total and its breakdown in one pass; both must be what two passes give. */
class SummarizeAndSplitTest {
    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theTotalOfOnePassIsTheSummaryAndItsGroupsTheSplit(TestDatabases.Kind kind) throws Exception {
        try (DashboardFixture app = DashboardFixture.start(kind)) {
            SummaryQuery q = new SummaryQuery(app.db);
            Instant from = DashboardFixture.NOVEMBER.minusSeconds(86_400 * 10);
            Instant to = DashboardFixture.NOW;
            for (SummaryFilter filter : new SummaryFilter[] {SummaryFilter.all(), SummaryFilter.all().withGroup("Tier 1")}) {
                for (SummaryQuery.By by : new SummaryQuery.By[] {SummaryQuery.By.AGENT, SummaryQuery.By.SOURCE, SummaryQuery.By.CHANNEL}) {
                    Map<String, Object> onePass = q.summarizeAndSplit(from, to, by, filter).toJson();
                    Map<String, Object> total = q.summarize(from, to, SummaryQuery.By.NONE, filter).toJson();
                    Map<String, Object> split = q.summarize(from, to, by, filter).toJson();
                    Object groups = onePass.remove("groups");
                    assertEquals(total, onePass, by + " " + filter);
                    assertEquals(split.get("groups"), groups, by + " " + filter);
                }
            }
        }
    }
}
