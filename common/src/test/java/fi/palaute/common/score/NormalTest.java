package fi.palaute.common.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Values from Python 3 / SciPy 1.17 (scipy.stats.norm.cdf, norm.sf, norm.ppf), computed independently. */
class NormalTest {
    @Test
    void cdfMatchesSciPyIntoTheTail() {
        double[] z = {-6, -3, -1.96, -0.5, 0.3, 2.5};
        double[] expected = {9.86587645e-10, 1.34989803e-03, 2.49978951e-02, 3.08537539e-01, 6.17911422e-01,
                9.93790335e-01};
        for (int i = 0; i < z.length; i++) assertEquals(expected[i], Normal.cdf(z[i]), expected[i] * 1e-8, "z " + z[i]);
        assertEquals(1.244192114854348e-15, Normal.twoSidedP(8), 1e-22);
        assertEquals(0.05, Normal.twoSidedP(Normal.Z_975), 1e-15);
        assertEquals(0.8, Normal.cdf(Normal.Z_80), 1e-15);
    }
}
