package fi.palaute.common.dashboard;

import fi.palaute.common.score.Metric;
import fi.palaute.common.score.PeriodSummary;
import fi.palaute.common.score.ResponseRate;
import java.util.List;

/**
 * A table of agents, groups or helpdesks ranked by the Wilson lower bound of their good share for the
 * shown metric; those with fewer answers than {@code minN} follow, unranked. Each row links to the whole
 * page filtered to it.
 */
public record Breakdown(ViewFilter.Dimension dimension, Metric metric, int minN, List<Row> ranked, List<Row> unranked) {

    /**
     * @param lowerBound Wilson 95% lower bound of the good share, in percent; null without answers
     * @param href       this page filtered to the row
     */
    public record Row(Integer rank, String key, ScoreValue score, Double lowerBound, ResponseRate responseRate,
                      PeriodSummary.Fcr fcr, PeriodSummary.HandleTime handleTime, String href) {}

    public boolean isEmpty() {
        return ranked.isEmpty() && unranked.isEmpty();
    }
}
