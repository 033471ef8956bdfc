package fi.palaute.common.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders agents or groups by the Wilson lower bound of their good share rather than by the share itself:
 * the bound is what we are fairly sure of, so 48 satisfied of 50 ranks above 5 of 5, whose 100% rests
 * on too few answers to trust.
 */
public final class Ranking {

    /** Below this many answers a group is listed but not ranked (minimum n 5, as docs/slack.md says of digests). */
    public static final int DEFAULT_MIN_N = 5;

    // Best bound first; on a tie the group with more answers (firmer evidence), then by key so the
    // order never depends on map iteration order. No bound (n = 0) goes last.
    private static final Comparator<GroupScore> BEST_FIRST = Comparator
            .comparing(GroupScore::goodShareLowerBound, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(group -> group.score().n(), Comparator.reverseOrder())
            .thenComparing(GroupScore::key);

    private Ranking() {
    }

    /** As {@link #byWilsonLowerBound(Map, int)} with {@link #DEFAULT_MIN_N}. */
    public static List<GroupScore> byWilsonLowerBound(Map<String, ScoreCounts> countsByGroup) {
        return byWilsonLowerBound(countsByGroup, DEFAULT_MIN_N);
    }

    /**
     * Ranks groups of one metric. Groups with at least {@code minN} answers come first, best first, with
     * ranks; the rest follow in the same order with a null rank.
     *
     * @throws IllegalArgumentException if {@code minN} &lt; 1 or the counts mix metrics
     */
    public static List<GroupScore> byWilsonLowerBound(Map<String, ScoreCounts> countsByGroup, int minN) {
        if (minN < 1) {
            throw new IllegalArgumentException("minimum n must be at least 1, got " + minN);
        }
        Metric metric = null;
        List<GroupScore> ranked = new ArrayList<>();
        List<GroupScore> unranked = new ArrayList<>();
        for (Map.Entry<String, ScoreCounts> group : countsByGroup.entrySet()) {
            ScoreCounts counts = group.getValue();
            if (metric == null) {
                metric = counts.metric();
            }
            counts.requireMetric(metric);
            long n = counts.n();
            Double lowerBound = n == 0 ? null : 100 * Wilson.lowerBound(counts.good(), n);
            GroupScore candidate = new GroupScore(group.getKey(), MetricScore.from(counts), lowerBound, null);
            (n >= minN ? ranked : unranked).add(candidate);
        }
        ranked.sort(BEST_FIRST);
        unranked.sort(BEST_FIRST);

        List<GroupScore> result = new ArrayList<>(ranked.size() + unranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            GroupScore group = ranked.get(i);
            boolean tiesPrevious = i > 0
                    && group.goodShareLowerBound().equals(ranked.get(i - 1).goodShareLowerBound());
            int rank = tiesPrevious ? result.get(i - 1).rank() : i + 1;
            result.add(new GroupScore(group.key(), group.score(), group.goodShareLowerBound(), rank));
        }
        result.addAll(unranked);
        return List.copyOf(result);
    }
}
