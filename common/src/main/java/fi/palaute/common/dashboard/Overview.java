package fi.palaute.common.dashboard;

import fi.palaute.common.score.Metric;
import fi.palaute.common.score.PeriodSummary;
import java.util.List;

/**
 * Everything the overview page shows for one filter.
 *
 * @param shown    the metric of the chart, distribution and breakdown: as filtered, else the one with most answers
 * @param botShare share of this period's answers flagged as automated, in percent; null without answers
 */
public record Overview(ViewFilter filter, PeriodSummary current, List<MetricCard> cards, Metric shown, ScoreChart chart,
                       Distribution distribution, Breakdown breakdown, Double botShare) {

    public boolean hasAnswers() {
        return current.answers() > 0 || current.suspectedBotAnswers() > 0;
    }
}
