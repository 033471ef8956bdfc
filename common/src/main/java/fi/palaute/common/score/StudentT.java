package fi.palaute.common.score;

/**
 * Student's t distribution: quantiles for the interval of a mean estimated from a sample, and for Welch's
 * comparison of two means (whose degrees of freedom are not whole) the two-sided p-value and quantile
 * from the regularised incomplete beta function, P(|T| ≥ t) = I_{ν/(ν+t²)}(ν/2, ½).
 */
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

    /** P(|T| ≥ |t|) for ν = {@code degreesOfFreedom} > 0, which need not be whole (Welch). */
    public static double twoSidedP(double t, double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0) || Double.isNaN(t)) {
            throw new IllegalArgumentException("need t and degrees of freedom > 0, got t " + t + ", df " + degreesOfFreedom);
        }
        if (Double.isInfinite(t)) return 0;
        return Math.min(1, regularisedIncompleteBeta(degreesOfFreedom / 2, 0.5,
                degreesOfFreedom / (degreesOfFreedom + t * t)));
    }

    /** The t with P(|T| ≤ t) = 0.95 for real ν > 0, by bisection on {@link #twoSidedP}. */
    public static double twoSided95(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be > 0, got " + degreesOfFreedom);
        }
        double low = 0;
        double high = 1;
        while (twoSidedP(high, degreesOfFreedom) > 0.05) high *= 2;
        while (high - low > 1e-12 * Math.max(1, high)) {
            double middle = (low + high) / 2;
            if (twoSidedP(middle, degreesOfFreedom) > 0.05) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** I_x(a, b), by the continued fraction of Numerical Recipes (3rd ed., §6.4) on the side where it converges fast. */
    static double regularisedIncompleteBeta(double a, double b, double x) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) return front * betaContinuedFraction(a, b, x) / a;
        return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
    }

    private static double betaContinuedFraction(double a, double b, double x) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m < 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        return h;
    }

    /** ln Γ(x) for x > 0, by Lanczos' approximation (g = 7, nine coefficients), good to about 15 digits. */
    static double logGamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        double[] p = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        double y = x - 1;
        double sum = p[0];
        for (int i = 1; i < p.length; i++) sum += p[i] / (y + i);
        double t = y + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
