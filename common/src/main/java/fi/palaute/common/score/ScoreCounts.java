package fi.palaute.common.score;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * How many answers of one metric had each score: {@code counts[i]} is the number of answers with score
 * {@code metric.min() + i}. The database returns these counts per score value, so every statistic in
 * this package is computed from them rather than from individual answers.
 *
 * <p>The array is copied in and out, so an instance is immutable.
 */
public record ScoreCounts(Metric metric, long[] counts) {

    public ScoreCounts {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(counts, "counts");
        int expected = metric.max() - metric.min() + 1;
        if (counts.length != expected) {
            throw new IllegalArgumentException(metric + " needs " + expected + " counts (scores "
                    + metric.min() + "–" + metric.max() + "), got " + counts.length);
        }
        counts = counts.clone();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("negative count " + counts[i] + " for score " + (metric.min() + i));
            }
        }
    }

    public static ScoreCounts empty(Metric metric) {
        return new ScoreCounts(metric, new long[metric.max() - metric.min() + 1]);
    }

    /** Tallies individual scores, e.g. {@code of(Metric.CSAT, 5, 4, 1)}. */
    public static ScoreCounts of(Metric metric, int... scores) {
        long[] counts = new long[metric.max() - metric.min() + 1];
        for (int score : scores) {
            counts[indexOf(metric, score)]++;
        }
        return new ScoreCounts(metric, counts);
    }

    /** From rows of {@code score → number of answers}, as a {@code GROUP BY score} query returns them. */
    public static ScoreCounts fromTally(Metric metric, Map<Integer, Long> answersPerScore) {
        long[] counts = new long[metric.max() - metric.min() + 1];
        answersPerScore.forEach((score, count) -> counts[indexOf(metric, score)] += count);
        return new ScoreCounts(metric, counts);
    }

    /** A copy with {@code count} more answers of {@code score}; handy when reading query rows one by one. */
    public ScoreCounts withAnswers(int score, long count) {
        long[] sum = counts.clone();
        sum[indexOf(metric, score)] += count;
        return new ScoreCounts(metric, sum);
    }

    /** Answers of both, e.g. to combine days into a week. */
    public ScoreCounts plus(ScoreCounts other) {
        if (other.metric != metric) {
            throw new IllegalArgumentException("cannot add " + other.metric + " counts to " + metric + " counts");
        }
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(sum[i], other.counts[i]);
        }
        return new ScoreCounts(metric, sum);
    }

    /** Guards a computation that only makes sense for one metric, e.g. a mean of CES answers. */
    public ScoreCounts requireMetric(Metric expected) {
        if (metric != expected) {
            throw new IllegalArgumentException("expected " + expected + " counts, got " + metric);
        }
        return this;
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Number of answers. */
    public long n() {
        long n = 0;
        for (long c : counts) {
            n = Math.addExact(n, c);
        }
        return n;
    }

    public long countOf(int score) {
        return counts[indexOf(metric, score)];
    }

    /** Answers with a score of at least {@code score}. */
    public long countAtLeast(int score) {
        long total = 0;
        for (int s = Math.max(score, metric.min()); s <= metric.max(); s++) {
            total += countOf(s);
        }
        return total;
    }

    /** Answers with a score of at most {@code score}. */
    public long countAtMost(int score) {
        long total = 0;
        for (int s = metric.min(); s <= Math.min(score, metric.max()); s++) {
            total += countOf(s);
        }
        return total;
    }

    /** Satisfied (CSAT 4–5), easy (CES 5–7) or promoter (NPS 9–10) answers: what rankings count as good. */
    public long good() {
        return countAtLeast(metric.goodFrom());
    }

    /** Mean score, or null without answers. */
    public Double mean() {
        long n = n();
        if (n == 0) return null;
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += (double) counts[i] * (metric.min() + i);
        }
        return sum / n;
    }

    /**
     * Sample standard deviation (divisor n − 1), or null with fewer than two answers. Computed in two
     * passes around the mean because the one-pass sum-of-squares formula loses precision at millions of
     * answers with a small spread.
     */
    public Double sampleStandardDeviation() {
        long n = n();
        if (n < 2) return null;
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < counts.length; i++) {
            double deviation = metric.min() + i - mean;
            squares += counts[i] * deviation * deviation;
        }
        return Math.sqrt(squares / (n - 1));
    }

    private static int indexOf(Metric metric, int score) {
        if (!metric.accepts(score)) {
            throw new IllegalArgumentException(metric + " score " + score + " is outside "
                    + metric.min() + "–" + metric.max());
        }
        return score - metric.min();
    }

    // Records compare arrays by identity; two histograms with the same counts are the same histogram.
    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreCounts other && other.metric == metric && Arrays.equals(other.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * metric.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ScoreCounts[").append(metric).append(" n=").append(n());
        for (int i = 0; i < counts.length; i++) {
            text.append(i == 0 ? " {" : ", ").append(metric.min() + i).append('=').append(counts[i]);
        }
        return text.append("}]").toString();
    }
}
