package fi.palaute.common.dashboard;

import fi.palaute.common.score.CesScore;
import fi.palaute.common.score.CsatScore;
import fi.palaute.common.score.Interval;
import fi.palaute.common.score.Metric;
import fi.palaute.common.score.MetricScore;
import fi.palaute.common.score.NpsScore;

/**
 * One metric's reported score in one shape for the pages: the value (CSAT % satisfied, CES mean, NPS
 * −100…100), its 95% interval and n; for CES also the share of easy answers.
 *
 * @param value     null when n = 0
 * @param ci95      null when n = 0 (and for CES at n = 1)
 * @param easyShare CES only, else null
 */
public record ScoreValue(Metric metric, long n, Double value, Interval ci95, Double easyShare) {

    public static ScoreValue of(MetricScore score) {
        if (score instanceof CsatScore c) return new ScoreValue(Metric.CSAT, c.n(), c.score(), c.ci95(), null);
        if (score instanceof CesScore c) return new ScoreValue(Metric.CES, c.n(), c.mean(), c.ci95(), c.easyShare());
        NpsScore s = (NpsScore) score;
        return new ScoreValue(Metric.NPS, s.n(), s.score(), s.ci95(), null);
    }

    /** The lowest and highest value the score can take: the chart's scale. */
    public static double scaleMin(Metric m) {
        return switch (m) {
            case CSAT -> 0;
            case CES -> 1;
            case NPS -> -100;
        };
    }

    public static double scaleMax(Metric m) {
        return switch (m) {
            case CSAT -> 100;
            case CES -> 7;
            case NPS -> 100;
        };
    }

    /**
     * Up or down only when the two 95% intervals do not overlap: a change the data cannot tell from noise
     * is reported as no clear change. (Non-overlap is the cautious test; it misses some real changes rather
     * than announce false ones.)
     */
    public Change changeFrom(ScoreValue previous) {
        if (ci95 == null || previous == null || previous.ci95 == null) return Change.UNKNOWN;
        if (ci95.low() > previous.ci95.high()) return Change.UP;
        if (ci95.high() < previous.ci95.low()) return Change.DOWN;
        return Change.STEADY;
    }

    /** How a score moved against the previous period. */
    public enum Change { UP, DOWN, STEADY, UNKNOWN }
}
