package fi.palaute.common.score;

/**
 * The difference of two means (the second minus the first) by Welch's unequal-variances t-test
 * (B. L. Welch, "The generalization of 'Student's' problem when several different population variances
 * are involved", Biometrika 34 (1947) 28–35), with the Welch–Satterthwaite degrees of freedom; and the
 * sample size for 80% power, n = (z_{α/2} + z_β)²·(s₁² + s₂²) / d².
 */
public final class MeanComparison {
    private MeanComparison() {
    }

    /** Of two samples of answers; null when either has fewer than two (no standard deviation). */
    public static Difference of(ScoreCounts first, ScoreCounts second) {
        if (first.n() < 2 || second.n() < 2) return null;
        return of(first.mean(), first.sampleStandardDeviation(), first.n(),
                second.mean(), second.sampleStandardDeviation(), second.n());
    }

    /** From summary statistics: means, sample standard deviations (divisor n − 1) and sizes, n ≥ 2 each. */
    public static Difference of(double mean1, double sd1, long n1, double mean2, double sd2, long n2) {
        if (n1 < 2 || n2 < 2) throw new IllegalArgumentException("Welch's test needs at least two observations per group");
        double v1 = sd1 * sd1 / n1;
        double v2 = sd2 * sd2 / n2;
        double d = mean2 - mean1;
        double se = Math.sqrt(v1 + v2);
        Long needed = Difference.neededPerArm(d, sd1 * sd1 + sd2 * sd2);
        if (se == 0) {
            // Every answer in both groups the same: nothing varies, so no interval or test can be formed.
            return new Difference(d, null, null, needed);
        }
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
        double halfWidth = StudentT.twoSided95(df) * se;
        return new Difference(d, new Interval(d - halfWidth, d + halfWidth), StudentT.twoSidedP(d / se, df), needed);
    }
}
