package fi.palaute.common.score;

/** Quantiles of Student's t distribution, for the interval of a mean estimated from a sample. */
public final class StudentT {

    // Up to here the exact finite series is cheap (df/2 terms); beyond it the asymptotic expansion is
    // accurate to far below a display decimal (its next term is of order df^-5).
    private static final long EXACT_UP_TO_DF = 1000;

    private StudentT() {
    }

    /**
     * The t with P(|T| ≤ t) = 0.95 for {@code degreesOfFreedom} ≥ 1: the multiplier of the standard
     * error in a two-sided 95% interval. E.g. 12.706 at df 1, 2.228 at df 10, → 1.960 as df grows.
     */
    public static double twoSided95(long degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be ≥ 1, got " + degreesOfFreedom);
        }
        if (degreesOfFreedom > EXACT_UP_TO_DF) {
            return cornishFisher95(degreesOfFreedom);
        }
        // P(|T| ≤ t) rises monotonically with t, so bisection cannot miss; 12.706 (df 1) is the largest.
        double low = 0;
        double high = 16;
        while (high - low > 1e-13) {
            double middle = (low + high) / 2;
            if (probabilityWithin(middle, degreesOfFreedom) < 0.95) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /**
     * P(|T| ≤ t) for integer df, by the exact finite series of Abramowitz &amp; Stegun 26.7.3–26.7.4
     * with θ = atan(t/√df). All terms are positive, so nothing cancels and no gamma function is needed.
     */
    static double probabilityWithin(double t, long df) {
        double theta = Math.atan(t / Math.sqrt(df));
        double cos2 = Math.cos(theta) * Math.cos(theta);
        double sum;
        double term;
        if (df % 2 == 1) {
            // odd: 2/π · (θ + sinθ cosθ · (1 + 2/3 cos²θ + 2·4/(3·5) cos⁴θ + … up to cos^(df−3)θ))
            term = 1;
            sum = df == 1 ? 0 : 1;
            for (long k = 1; 2 * k + 1 <= df - 2; k++) {
                term *= cos2 * (2.0 * k) / (2.0 * k + 1);
                sum += term;
            }
            return 2 / Math.PI * (theta + Math.sin(theta) * Math.cos(theta) * sum);
        }
        // even: sinθ · (1 + 1/2 cos²θ + 1·3/(2·4) cos⁴θ + … up to cos^(df−2)θ)
        term = 1;
        sum = 1;
        for (long k = 1; 2 * k <= df - 2; k++) {
            term *= cos2 * (2.0 * k - 1) / (2.0 * k);
            sum += term;
        }
        return Math.sin(theta) * sum;
    }

    /** Abramowitz &amp; Stegun 26.7.5: the t quantile as a series in 1/df around the normal quantile. */
    static double cornishFisher95(long df) {
        double x = Wilson.Z95;
        double x2 = x * x;
        double g1 = (x2 + 1) * x / 4;
        double g2 = ((5 * x2 + 16) * x2 + 3) * x / 96;
        double g3 = (((3 * x2 + 19) * x2 + 17) * x2 - 15) * x / 384;
        double g4 = ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945) * x / 92160;
        double v = df;
        return x + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }
}
