package fi.palaute.common.score;

import java.util.LinkedHashMap;

/**
 * Customer satisfaction: the share of answers that are 4 or 5, in percent, with its 95% Wilson interval
 * in percent. {@code score} and {@code ci95} are null when n = 0.
 */
public record CsatScore(long n, Double score, Interval ci95) implements MetricScore {

    public static CsatScore from(ScoreCounts counts) {
        counts.requireMetric(Metric.CSAT);
        long n = counts.n();
        if (n == 0) return new CsatScore(0, null, null);
        long satisfied = counts.good();
        return new CsatScore(n, 100.0 * satisfied / n, Wilson.interval(satisfied, n).scaledBy(100));
    }

    @Override
    public Metric metric() {
        return Metric.CSAT;
    }

    @Override
    public LinkedHashMap<String, Object> toJson() {
        return MetricScore.percentJson(n, score, ci95);
    }
}
