package fi.palaute.common.dashboard;

import fi.palaute.common.score.Metric;
import fi.palaute.common.score.ScoreCounts;
import java.util.ArrayList;
import java.util.List;

/** How many answers had each score, lowest score first, with each bar's length relative to the longest. */
public record Distribution(Metric metric, long n, List<Bar> bars) {

    /** One score: its count, its share of n in percent, its bar length (0–1) and its band. */
    public record Bar(int score, long count, Double share, double length, ViewFilter.Band band) {}

    static Distribution of(ScoreCounts counts) {
        Metric m = counts.metric();
        long n = counts.n();
        long most = 0;
        for (int s = m.min(); s <= m.max(); s++) most = Math.max(most, counts.countOf(s));
        List<Bar> bars = new ArrayList<>();
        for (int s = m.min(); s <= m.max(); s++) {
            long c = counts.countOf(s);
            ViewFilter.Band band = ViewFilter.Band.LOW.contains(m, s) ? ViewFilter.Band.LOW
                    : ViewFilter.Band.HIGH.contains(m, s) ? ViewFilter.Band.HIGH : ViewFilter.Band.NEUTRAL;
            bars.add(new Bar(s, c, n == 0 ? null : 100.0 * c / n, most == 0 ? 0 : (double) c / most, band));
        }
        return new Distribution(m, n, List.copyOf(bars));
    }
}
