package fi.palaute.common.score;

import java.util.LinkedHashMap;

/**
 * Customer effort: the mean answer on the 1–7 scale with a 95% t-interval, and the share of easy
 * answers (5–7) in percent.
 *
 * <p>{@code mean}, {@code ci95} and {@code easyShare} are null when n = 0. With n = 1 there is no sample
 * standard deviation, so {@code ci95} is null while the mean and share are reported. The interval is
 * clipped to 1–7: with a handful of answers the t-interval can reach past the scale, where the true mean
 * cannot be.
 */
public record CesScore(long n, Double mean, Interval ci95, Double easyShare) implements MetricScore {

    public static CesScore from(ScoreCounts counts) {
        counts.requireMetric(Metric.CES);
        long n = counts.n();
        if (n == 0) return new CesScore(0, null, null, null);
        double mean = counts.mean();
        double easyShare = 100.0 * counts.good() / n;
        if (n == 1) return new CesScore(n, mean, null, easyShare);
        double halfWidth = StudentT.twoSided95(n - 1) * counts.sampleStandardDeviation() / Math.sqrt(n);
        Interval ci95 = new Interval(mean - halfWidth, mean + halfWidth)
                .clippedTo(Metric.CES.min(), Metric.CES.max());
        return new CesScore(n, mean, ci95, easyShare);
    }

    @Override
    public Metric metric() {
        return Metric.CES;
    }

    @Override
    public LinkedHashMap<String, Object> toJson() {
        LinkedHashMap<String, Object> json = new LinkedHashMap<>();
        json.put("n", n);
        json.put("mean", Rounding.toDecimals(mean, 1));
        json.put("ci95", ci95 == null ? null : ci95.toRoundedList(1));
        json.put("easy_share", Rounding.toDecimals(easyShare, 1));
        return json;
    }
}
