package fi.palaute.common.score;

import java.util.LinkedHashMap;

/**
 * Net promoter score: % promoters (9–10) − % detractors (0–6), from −100 to 100, with a 95% interval
 * from the multinomial variance of that difference. {@code score} and {@code ci95} are null when n = 0.
 *
 * <p>The interval is the normal approximation score ± 1.96·√var·100 with
 * var = (p_pro + p_det − (p_pro − p_det)²) / n, clipped to [−100, 100]. When every answer falls in the
 * same group (always so at n = 1) var is 0 and the interval has zero width; it is still reported as it
 * is, because n stands beside it and a made-up width would be harder to explain than an honest formula.
 */
public record NpsScore(long n, Double score, Interval ci95) implements MetricScore {

    private static final int DETRACTOR_UP_TO = 6;

    public static NpsScore from(ScoreCounts counts) {
        counts.requireMetric(Metric.NPS);
        long n = counts.n();
        if (n == 0) return new NpsScore(0, null, null);
        double promoters = (double) counts.good() / n;
        double detractors = (double) counts.countAtMost(DETRACTOR_UP_TO) / n;
        double difference = promoters - detractors;
        // max(0, …) guards against a variance a rounding error below zero when all answers agree.
        double variance = Math.max(0, (promoters + detractors - difference * difference) / n);
        double halfWidth = Wilson.Z95 * Math.sqrt(variance);
        Interval ci95 = new Interval(difference - halfWidth, difference + halfWidth)
                .scaledBy(100)
                .clippedTo(-100, 100);
        return new NpsScore(n, 100 * difference, ci95);
    }

    @Override
    public Metric metric() {
        return Metric.NPS;
    }

    @Override
    public LinkedHashMap<String, Object> toJson() {
        return MetricScore.percentJson(n, score, ci95);
    }
}
