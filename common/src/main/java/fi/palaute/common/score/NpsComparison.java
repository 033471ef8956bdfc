package fi.palaute.common.score;

/**
 * The difference of two net promoter scores (the second minus the first), as proportions −1…1. Each
 * NPS = p_promoters − p_detractors has the multinomial variance (p_pro + p_det − NPS²)/n; the two groups
 * are independent, so the variance of the difference is the sum of theirs and the 95% interval is the
 * normal one, d ± 1.96·√(var₁ + var₂), with the matching z-test. The sample size for 80% power is
 * (z_{α/2} + z_β)²·(σ₁² + σ₂²) / d² with σ² = p_pro + p_det − NPS² per answer.
 */
public final class NpsComparison {
    /** Detractors answer 0–6, as in {@link NpsScore}. */
    private static final int DETRACTOR_UP_TO = 6;

    private NpsComparison() {
    }

    /** Null when either group has no answers. */
    public static Difference of(ScoreCounts first, ScoreCounts second) {
        first.requireMetric(Metric.NPS);
        second.requireMetric(Metric.NPS);
        if (first.n() == 0 || second.n() == 0) return null;
        double nps1 = nps(first);
        double nps2 = nps(second);
        double var1 = perAnswerVariance(first);
        double var2 = perAnswerVariance(second);
        double d = nps2 - nps1;
        double se = Math.sqrt(var1 / first.n() + var2 / second.n());
        Long needed = Difference.neededPerArm(d, var1 + var2);
        if (se == 0) return new Difference(d, null, null, needed);
        Interval ci95 = new Interval(d - Normal.Z_975 * se, d + Normal.Z_975 * se).clippedTo(-2, 2);
        return new Difference(d, ci95, Normal.twoSidedP(d / se), needed);
    }

    private static double nps(ScoreCounts c) {
        return (double) (c.good() - c.countAtMost(DETRACTOR_UP_TO)) / c.n();
    }

    private static double perAnswerVariance(ScoreCounts c) {
        double promoters = (double) c.good() / c.n();
        double detractors = (double) c.countAtMost(DETRACTOR_UP_TO) / c.n();
        double nps = promoters - detractors;
        return Math.max(0, promoters + detractors - nps * nps);
    }
}
