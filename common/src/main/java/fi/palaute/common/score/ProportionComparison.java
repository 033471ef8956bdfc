package fi.palaute.common.score;

/**
 * The difference of two independent proportions (the second minus the first): Newcombe's hybrid score
 * interval, the pooled two-proportion z-test, and the sample size for 80% power.
 *
 * <p>The interval is method 10 of R. G. Newcombe, "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890: it
 * combines the two Wilson score intervals, so like them it stays inside [−1, 1] and keeps a sensible
 * width at 0% or 100%, where the textbook Wald interval collapses. The z-test uses the pooled proportion
 * under the null hypothesis of no difference. The sample size is the usual normal-approximation formula
 * n = (z_{α/2}·√(2·p̄·q̄) + z_β·√(p₁q₁ + p₂q₂))² / (p₂ − p₁)² (Fleiss, Statistical Methods for Rates and
 * Proportions, 3rd ed., eq. 4.14, without continuity correction).
 */
public final class ProportionComparison {
    private ProportionComparison() {
    }

    /** {@code successes2/n2 − successes1/n1}; null when either group is empty. */
    public static Difference of(long successes1, long n1, long successes2, long n2) {
        if (n1 == 0 || n2 == 0) return null;
        Interval w1 = Wilson.interval(successes1, n1);
        Interval w2 = Wilson.interval(successes2, n2);
        double p1 = (double) successes1 / n1;
        double p2 = (double) successes2 / n2;
        double d = p2 - p1;
        // Newcombe's method 10 for p2 − p1: the distance of each estimate to the relevant Wilson limit.
        double low = d - Math.sqrt(square(p2 - w2.low()) + square(w1.high() - p1));
        double high = d + Math.sqrt(square(w2.high() - p2) + square(p1 - w1.low()));
        Interval ci95 = new Interval(Math.max(-1, low), Math.min(1, high));
        return new Difference(d, ci95, pooledZTest(successes1, n1, successes2, n2), neededPerArm(p1, p2));
    }

    /** Two-sided p-value of the pooled z-test; 1 when both groups are all successes or all failures. */
    static double pooledZTest(long successes1, long n1, long successes2, long n2) {
        double pooled = (double) (successes1 + successes2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) return 1;
        double z = ((double) successes2 / n2 - (double) successes1 / n1) / se;
        return Normal.twoSidedP(z);
    }

    static Long neededPerArm(double p1, double p2) {
        if (p1 == p2) return null;
        double mean = (p1 + p2) / 2;
        double numerator = Normal.Z_975 * Math.sqrt(2 * mean * (1 - mean))
                + Normal.Z_80 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (long) Math.ceil(numerator * numerator / square(p2 - p1));
    }

    private static double square(double x) {
        return x * x;
    }
}
