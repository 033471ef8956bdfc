package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The NPS difference with the normal interval from the summed multinomial variances. Expected values
 * computed independently in Python 3 with NumPy/SciPy from the raw answers: NPS = mean(s ≥ 9) −
 * mean(s ≤ 6), var = (p_pro + p_det − NPS²)/n per group, d ± norm.ppf(0.975)·√(var1 + var2),
 * p = 2·norm.sf(|d|/se), n = ⌈(z_.975 + z_.8)²·(σ1² + σ2²)/d²⌉.
 */
class NpsComparisonTest {
    private static ScoreCounts counts(long... perScore) {
        return new ScoreCounts(Metric.NPS, perScore);
    }

    @Test
    void differenceIntervalAndTestMatchTheIndependentComputation() {
        ScoreCounts first = counts(5, 0, 0, 10, 0, 0, 10, 10, 15, 20, 30);   // NPS 25
        ScoreCounts second = counts(0, 5, 0, 0, 0, 10, 0, 5, 10, 25, 45);   // NPS 55
        Difference d = NpsComparison.of(first, second);
        assertEquals(0.3, d.value(), 1e-12);
        assertEquals(0.08218811686326094, d.ci95().low(), 1e-12);
        assertEquals(0.5178118831367389, d.ci95().high(), 1e-12);
        assertEquals(0.006943799085853465, d.pValue(), 1e-10);
        assertEquals(108L, d.neededPerArm());
    }

    @Test
    void emptyGroupHasNoComparison() {
        assertNull(NpsComparison.of(counts(new long[11]), counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0)));
    }
}
