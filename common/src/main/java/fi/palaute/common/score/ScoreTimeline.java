package fi.palaute.common.score;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Answer counts per metric over consecutive intervals, from one grouped query: what sparklines and
 * "change against the previous period" need, without a full summary per day.
 */
public final class ScoreTimeline {
    private final List<Instant> cuts;
    private final List<Map<Metric, ScoreCounts>> intervals;

    /** {@code intervals.get(i)} holds the counts of [cuts[i], cuts[i+1]). */
    ScoreTimeline(List<Instant> cuts, List<Map<Metric, ScoreCounts>> intervals) {
        if (intervals.size() != cuts.size() - 1) throw new IllegalArgumentException("one interval between each two cuts");
        this.cuts = List.copyOf(cuts);
        this.intervals = List.copyOf(intervals);
    }

    /** The counts of [from, to); both must be among the cuts the timeline was made with. */
    public Map<Metric, ScoreCounts> counts(Instant from, Instant to) {
        int first = cuts.indexOf(from);
        int last = cuts.indexOf(to);
        if (first < 0 || last < 0) throw new IllegalArgumentException("from and to must be cuts of the timeline");
        Map<Metric, ScoreCounts> sum = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) sum.put(m, ScoreCounts.empty(m));
        for (int i = first; i < last; i++) {
            intervals.get(i).forEach((m, c) -> sum.merge(m, c, ScoreCounts::plus));
        }
        return sum;
    }

    public MetricScore score(Metric metric, Instant from, Instant to) {
        return MetricScore.from(counts(from, to).get(metric));
    }
}
