package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreTimelineTest {
    static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void dailyCountsFromOneScanMatchFullSummaries(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SurveyRows rows = new SurveyRows(db);
            // Day 0: CSAT 5, 4; day 1: CSAT 1 and a bot's 5 (not counted); day 3: NPS 10; the day before: CSAT 2.
            int[][] answers = {{0, 5}, {0, 4}, {1, 1}, {-1, 2}};
            int t = 0;
            for (int[] a : answers) {
                Instant at = MONDAY.plus(Duration.ofDays(a[0])).plus(Duration.ofHours(9));
                long s = rows.sentSurvey("zendesk", "t" + t, "csat", "en", at.minusSeconds(3600), null, null);
                rows.answer(s, "zendesk", "t" + t++, "csat", a[1], null, at, false, null, null);
            }
            long bot = rows.sentSurvey("zendesk", "bot", "csat", "en", MONDAY, null, null);
            rows.answer(bot, "zendesk", "bot", "csat", 5, null, MONDAY.plus(Duration.ofHours(33)), true, null, null);
            long nps = rows.sentSurvey("zendesk", "n", "nps", "en", MONDAY, null, null);
            rows.answer(nps, "zendesk", "n", "nps", 10, null, MONDAY.plus(Duration.ofDays(3)), false, null, null);

            SummaryQuery query = new SummaryQuery(db);
            List<Instant> cuts = new java.util.ArrayList<>();
            for (int d = -1; d <= 7; d++) cuts.add(MONDAY.plus(Duration.ofDays(d)));
            ScoreTimeline timeline = query.timeline(cuts);

            Instant weekEnd = MONDAY.plus(Duration.ofDays(7));
            assertEquals(query.summarize(MONDAY, weekEnd).counts(Metric.CSAT), timeline.counts(MONDAY, weekEnd).get(Metric.CSAT));
            assertEquals(ScoreCounts.of(Metric.CSAT, 5, 4), timeline.counts(MONDAY, MONDAY.plus(Duration.ofDays(1))).get(Metric.CSAT));
            assertEquals(ScoreCounts.of(Metric.CSAT, 1),
                    timeline.counts(MONDAY.plus(Duration.ofDays(1)), MONDAY.plus(Duration.ofDays(2))).get(Metric.CSAT));
            assertEquals(ScoreCounts.of(Metric.CSAT, 2), timeline.counts(MONDAY.minus(Duration.ofDays(1)), MONDAY).get(Metric.CSAT));
            assertEquals(ScoreCounts.of(Metric.NPS, 10), timeline.counts(MONDAY, weekEnd).get(Metric.NPS));
            assertEquals(ScoreCounts.empty(Metric.CES), timeline.counts(MONDAY, weekEnd).get(Metric.CES));
        }
    }
}
