package fi.palaute.common.score;

/**
 * The standard normal distribution: its CDF (for two-sided p-values of z-tests) and the two quantiles
 * the comparisons use. The CDF is computed from the regularised incomplete gamma function,
 * Φ(−z) = Q(½, z²/2) / 2, whose series and continued fraction (Numerical Recipes, 3rd ed., §6.2)
 * converge to double precision, so p-values stay accurate far into the tail.
 */
public final class Normal {
    /** z with P(|Z| ≤ z) = 0.95: two-sided α 0.05. */
    public static final double Z_975 = 1.959963984540054;
    /** z with P(Z ≤ z) = 0.80: the power term of a sample-size calculation for 80% power. */
    public static final double Z_80 = 0.8416212335729143;

    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;
    private static final double LOG_GAMMA_HALF = 0.5 * Math.log(Math.PI);

    private Normal() {
    }

    /** P(Z ≤ z). */
    public static double cdf(double z) {
        if (Double.isNaN(z)) throw new IllegalArgumentException("z is NaN");
        if (z == 0) return 0.5;
        double upperTail = 0.5 * upperRegularisedGammaHalf(z * z / 2);
        return z < 0 ? upperTail : 1 - upperTail;
    }

    /** P(|Z| ≥ |z|): the two-sided p-value of a z statistic. */
    public static double twoSidedP(double z) {
        if (Double.isNaN(z)) throw new IllegalArgumentException("z is NaN");
        return Math.min(1, upperRegularisedGammaHalf(z * z / 2));
    }

    /** Q(½, x) = Γ(½, x) / Γ(½), by the series below a + 1 and the continued fraction above it. */
    private static double upperRegularisedGammaHalf(double x) {
        double a = 0.5;
        if (x <= 0) return 1;
        double prefix = Math.exp(-x + a * Math.log(x) - LOG_GAMMA_HALF);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < MAX_ITERATIONS; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
            }
            return 1 - sum * prefix;
        }
        // Modified Lentz's method for the continued fraction of Γ(a, x).
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) d = TINY;
            c = b + an / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) break;
        }
        return prefix * h;
    }
}
