package fi.palaute.common.score;

/** Builds histograms in tests as "so many answers of this score", which reads like the hand maths. */
final class Answers {

    private Answers() {
    }

    /** {@code counts(Metric.CSAT, 5, 60, 2, 40)}: 60 fives and 40 twos. */
    static ScoreCounts counts(Metric metric, long... scoreThenCount) {
        ScoreCounts counts = ScoreCounts.empty(metric);
        for (int i = 0; i < scoreThenCount.length; i += 2) {
            counts = counts.withAnswers((int) scoreThenCount[i], scoreThenCount[i + 1]);
        }
        return counts;
    }
}
