package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Welch's interval and t-test for the difference of two means (second − first). Expected values were
 * computed independently with Python 3 / SciPy 1.17: scipy.stats.ttest_ind(second, first,
 * equal_var=False) and its confidence_interval(0.95), or ttest_ind_from_stats(…, equal_var=False) with
 * scipy.stats.t.ppf(0.975, df) for the interval.
 */
class MeanComparisonTest {

    @Test
    void welchOnCesAnswersMatchesSciPy() {
        ScoreCounts first = ScoreCounts.of(Metric.CES, 5, 6, 7, 4, 5, 6, 7, 7, 3, 5);
        ScoreCounts second = ScoreCounts.of(Metric.CES, 6, 7, 7, 7, 5, 6, 7, 6, 7, 7, 4, 7);
        Difference d = MeanComparison.of(first, second);
        assertEquals(0.833333333333333, d.value(), 1e-12);
        assertEquals(-0.25552648156902924, d.ci95().low(), 1e-9);
        assertEquals(1.9221931482356953, d.ci95().high(), 1e-9);
        assertEquals(0.12431692820872411, d.pValue(), 1e-9);
        // (1.959964 + 0.841621)² · (s1² + s2²) / d², rounded up (Python 3, numpy.var(ddof=1)).
        assertEquals(32L, d.neededPerArm());
    }

    @Test
    void welchFromSummaryStatisticsMatchesSciPy() {
        Difference d = MeanComparison.of(5.2, 1.4, 40, 5.8, 1.1, 35);
        assertEquals(0.6, d.value(), 1e-12);
        assertEquals(0.02374415859796708, d.ci95().low(), 1e-9);
        assertEquals(1.1762558414020323, d.ci95().high(), 1e-9);
        assertEquals(0.04150267513476921, d.pValue(), 1e-9);
        assertEquals(70L, d.neededPerArm());

        Difference unequal = MeanComparison.of(4.0, 2.0, 10, 5.5, 1.0, 12);
        assertEquals(-0.005673747585236866, unequal.ci95().low(), 1e-9);
        assertEquals(3.005673747585237, unequal.ci95().high(), 1e-9);
        assertEquals(0.05074669074636486, unequal.pValue(), 1e-9);
    }

    @Test
    void tooFewAnswersOrNoSpreadGiveNoInterval() {
        assertNull(MeanComparison.of(ScoreCounts.of(Metric.CES, 5), ScoreCounts.of(Metric.CES, 5, 6)));
        Difference flat = MeanComparison.of(ScoreCounts.of(Metric.CES, 5, 5), ScoreCounts.of(Metric.CES, 6, 6));
        assertEquals(1.0, flat.value(), 1e-12);
        assertNull(flat.ci95());
        assertNull(flat.pValue());
    }
}
