package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreCountsTest {

    @Test
    void individualScoresAreTalliedByScoreValue() {
        ScoreCounts counts = ScoreCounts.of(Metric.CSAT, 5, 4, 5, 1);
        assertArrayEquals(new long[] {1, 0, 0, 1, 2}, counts.counts());
        assertEquals(4, counts.n());
        assertEquals(3, counts.good());
    }

    @Test
    void npsCountsStartAtZero() {
        ScoreCounts counts = ScoreCounts.of(Metric.NPS, 0, 10, 10);
        assertEquals(1, counts.countOf(0));
        assertEquals(2, counts.countOf(10));
        assertEquals(11, counts.counts().length);
    }

    @Test
    void emptyHasNoAnswersAndNoMean() {
        ScoreCounts empty = ScoreCounts.empty(Metric.CES);
        assertEquals(0, empty.n());
        assertEquals(7, empty.counts().length);
        assertNull(empty.mean());
        assertNull(empty.sampleStandardDeviation());
    }

    @Test
    void wrongNumberOfCountsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ScoreCounts(Metric.CSAT, new long[7]));
        assertThrows(IllegalArgumentException.class, () -> new ScoreCounts(Metric.NPS, new long[10]));
    }

    @Test
    void negativeCountsAndOutOfScaleScoresAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ScoreCounts(Metric.CSAT, new long[] {0, -1, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> ScoreCounts.of(Metric.CSAT, 0));
        assertThrows(IllegalArgumentException.class, () -> ScoreCounts.of(Metric.CES, 8));
    }

    @Test
    void plusAddsCountsOfTheSameMetric() {
        ScoreCounts monday = ScoreCounts.of(Metric.CSAT, 5, 1);
        ScoreCounts tuesday = ScoreCounts.of(Metric.CSAT, 5, 4);
        assertEquals(ScoreCounts.of(Metric.CSAT, 5, 5, 4, 1), monday.plus(tuesday));
        assertThrows(IllegalArgumentException.class, () -> monday.plus(ScoreCounts.empty(Metric.CES)));
    }

    @Test
    void tallyRowsFromSqlBecomeCounts() {
        ScoreCounts counts = ScoreCounts.fromTally(Metric.CSAT, Map.of(5, 7_000_000L, 1, 3_000_000L));
        assertEquals(10_000_000L, counts.n());
        assertEquals(ScoreCounts.empty(Metric.CSAT).withAnswers(5, 7_000_000L).withAnswers(1, 3_000_000L), counts);
    }

    @Test
    void countsCannotBeChangedFromOutside() {
        long[] source = {1, 2, 3, 4, 5};
        ScoreCounts counts = new ScoreCounts(Metric.CSAT, source);
        source[0] = 100;
        counts.counts()[1] = 100;
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, counts.counts());
    }

    @Test
    void equalCountsAreEqualWithTheSameHashCode() {
        ScoreCounts a = ScoreCounts.of(Metric.CES, 7, 1);
        ScoreCounts b = new ScoreCounts(Metric.CES, new long[] {1, 0, 0, 0, 0, 0, 1});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, ScoreCounts.of(Metric.CES, 7, 2));
        assertNotEquals(ScoreCounts.empty(Metric.CSAT), ScoreCounts.empty(Metric.CES));
    }

    @Test
    void requireMetricRejectsAnotherMetric() {
        assertThrows(IllegalArgumentException.class, () -> ScoreCounts.empty(Metric.CSAT).requireMetric(Metric.NPS));
    }

    @Test
    void toStringShowsEveryScore() {
        assertEquals("ScoreCounts[CSAT n=3 {1=1, 2=0, 3=0, 4=0, 5=2}]", ScoreCounts.of(Metric.CSAT, 5, 5, 1).toString());
    }

    @Test
    void meanAndSampleStandardDeviationComeFromCounts() {
        // 4, 5, 6, 7: mean 22/4 = 5.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 3 = 1.6667
        ScoreCounts counts = ScoreCounts.of(Metric.CES, 4, 5, 6, 7);
        assertEquals(5.5, counts.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), counts.sampleStandardDeviation(), 1e-12);
    }

    @Test
    void millionsOfAnswersWithLittleSpreadKeepTheirStandardDeviation() {
        // 5 million 6s and 5 million 7s: mean 6.5, every deviation 0.5, so sd = 0.5·√(n/(n−1)) ≈ 0.5.
        ScoreCounts counts = new ScoreCounts(Metric.CES, new long[] {0, 0, 0, 0, 0, 5_000_000L, 5_000_000L});
        assertEquals(6.5, counts.mean(), 1e-12);
        assertEquals(0.5, counts.sampleStandardDeviation(), 1e-7);
    }
}
