package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StudentTTest {

    // Reference values from the usual two-sided 95% t table (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
    @ParameterizedTest(name = "df {0} → {1}")
    @CsvSource({
        "1, 12.706",
        "2, 4.303",
        "3, 3.182",
        "4, 2.776",
        "5, 2.571",
        "10, 2.228",
        "20, 2.086",
        "30, 2.042",
        "100, 1.984",
        "1000, 1.962",
    })
    void twoSidedQuantileMatchesTheTable(long df, double expected) {
        assertEquals(expected, StudentT.twoSided95(df), 0.0005);
    }

    @Test
    void closedFormsForOneAndTwoDegreesOfFreedom() {
        // df 1 is the Cauchy distribution: t = tan(π/2 · 0.95) = 12.706205
        assertEquals(Math.tan(Math.PI / 2 * 0.95), StudentT.twoSided95(1), 1e-9);
        // df 2: P(|T| ≤ t) = t/√(2 + t²) = 0.95 → t² = 2·0.9025/0.0975 → t = 4.302653
        assertEquals(Math.sqrt(2 * 0.9025 / 0.0975), StudentT.twoSided95(2), 1e-9);
    }

    @Test
    void largeDegreesOfFreedomApproachTheNormalQuantile() {
        assertEquals(1.960, StudentT.twoSided95(10_000_000L), 0.0005);
        assertEquals(Wilson.Z95, StudentT.twoSided95(Long.MAX_VALUE), 1e-12);
    }

    @Test
    void exactSeriesAndExpansionAgreeWhereTheyMeet() {
        // The expansion takes over above df 1000; at and around the switch both must say the same.
        for (long df : new long[] {200, 500, 1000}) {
            double exact = StudentT.twoSided95(df);
            assertEquals(exact, StudentT.cornishFisher95(df), 1e-9, "df " + df);
        }
    }

    @Test
    void quantilesShrinkAsDegreesOfFreedomGrow() {
        double previous = Double.MAX_VALUE;
        for (long df = 1; df <= 2000; df++) {
            double t = StudentT.twoSided95(df);
            assertTrue(t < previous, "df " + df);
            previous = t;
        }
    }

    @Test
    void zeroDegreesOfFreedomAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSided95(0));
    }

    /** Welch's degrees of freedom are not whole; values from Python 3 / SciPy 1.17 scipy.stats.t.ppf and t.sf. */
    @Test
    void realDegreesOfFreedomMatchSciPy() {
        double[] df = {1, 2.5, 10, 17.3, 100.7, 1e6};
        double[] t = {12.70620474, 3.57465484, 2.22813885, 2.107032, 1.98380265, 1.95996636};
        for (int i = 0; i < df.length; i++) assertEquals(t[i], StudentT.twoSided95(df[i]), 1e-6, "df " + df[i]);
        assertEquals(0.07123707145807809, StudentT.twoSidedP(2.1, 7.5), 1e-10);
        assertEquals(0.6494501780131947, StudentT.twoSidedP(0.5, 3.2), 1e-10);
        assertEquals(0.0002628863664038725, StudentT.twoSidedP(4, 40.4), 1e-12);
    }
}
