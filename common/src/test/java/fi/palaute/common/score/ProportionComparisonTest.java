package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Newcombe's hybrid score interval, the pooled z-test and the sample size for two proportions.
 * Comparisons are of the second group against the first, so Newcombe's x1/n1 − x2/n2 is passed as
 * (x2, n2, x1, n1).
 */
class ProportionComparisonTest {

    /**
     * R. G. Newcombe, Statistics in Medicine 17 (1998) 873–890, Table II, method 10 (score interval
     * without continuity correction), all eight worked examples (a)–(h), to the table's four decimals.
     * (For (a), 56/70 − 48/80 is exactly 0.2000 and Table II gives 0.0524 to 0.3339.)
     */
    @ParameterizedTest(name = "{0}/{1} − {2}/{3}")
    @CsvSource({
            "56, 70, 48, 80, 0.2000, 0.0524, 0.3339",
            "9, 10, 3, 10, 0.6000, 0.1705, 0.8090",
            "6, 7, 2, 7, 0.5714, 0.0582, 0.8062",
            "5, 56, 0, 29, 0.0893, -0.0381, 0.1926",
            "0, 10, 0, 20, 0.0000, -0.1611, 0.2775",
            "0, 10, 0, 10, 0.0000, -0.2775, 0.2775",
            "10, 10, 0, 20, 1.0000, 0.6791, 1.0000",
            "10, 10, 0, 10, 1.0000, 0.6075, 1.0000"})
    void newcombeMethodTenMatchesTableTwo(long x1, long n1, long x2, long n2, double d, double low, double high) {
        Difference diff = ProportionComparison.of(x2, n2, x1, n1);
        assertEquals(d, diff.value(), 0.00005);
        assertEquals(low, diff.ci95().low(), 0.00005);
        assertEquals(high, diff.ci95().high(), 0.00005);
    }

    /**
     * Pooled two-proportion z-test p-values computed independently with Python 3 / SciPy 1.17:
     * p = (x1+x2)/(n1+n2), z = (x2/n2 − x1/n1)/√(p(1−p)(1/n1+1/n2)), 2·scipy.stats.norm.sf(|z|); the first
     * also equals scipy.stats.chi2_contingency([[56,14],[48,32]], correction=False)'s p-value.
     */
    @ParameterizedTest(name = "{0}/{1} vs {2}/{3}")
    @CsvSource({
            "48, 80, 56, 70, 0.0080450813682",
            "300, 1000, 361, 1000, 0.00373514032236",
            "3, 10, 9, 10, 0.00616989932054",
            "410, 1200, 450, 1180, 0.0438817568222"})
    void pooledZTestMatchesSciPy(long x1, long n1, long x2, long n2, double p) {
        assertEquals(p, ProportionComparison.of(x1, n1, x2, n2).pValue(), p * 1e-9);
    }

    /**
     * Per-group sizes for 80% power at two-sided α 0.05, (z_.975·√(2p̄q̄) + z_.8·√(p1q1+p2q2))²/d² rounded
     * up, computed independently in Python 3 with scipy.stats.norm.ppf for the quantiles.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0.30, 0.361, 933", "0.6, 0.8, 82", "0.80, 0.85, 906"})
    void neededPerArmMatchesTheFormula(double p1, double p2, long n) {
        assertEquals(n, ProportionComparison.neededPerArm(p1, p2));
    }

    @Test
    void noDifferenceNeedsNoSampleSizeAndShowsNothing() {
        Difference d = ProportionComparison.of(30, 100, 30, 100);
        assertEquals(0, d.value());
        assertNull(d.neededPerArm());
        assertEquals(1.0, d.pValue(), 1e-12);
        assertFalse(d.shown());
        assertEquals(1.0, ProportionComparison.of(0, 10, 0, 20).pValue(), "all zero: nothing to test");
        assertNull(ProportionComparison.of(0, 0, 3, 10), "an empty group has no proportion");
    }

    @Test
    void aClearDifferenceIsShownAndScalesToPoints() {
        Difference d = ProportionComparison.of(300, 1000, 361, 1000);
        assertTrue(d.shown());
        Difference points = d.scaledBy(100);
        assertEquals(6.1, points.value(), 1e-9);
        assertEquals(d.ci95().low() * 100, points.ci95().low(), 1e-9);
        assertEquals(d.pValue(), points.pValue());
    }
}
