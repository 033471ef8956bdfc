package fi.palaute.slack;

import fi.palaute.common.experiment.ExperimentResult;
import fi.palaute.common.followup.FollowUpSummary;
import fi.palaute.common.score.Metric;
import fi.palaute.common.score.ScoreCounts;
import fi.palaute.common.score.PeriodSummary;
import java.util.List;
import java.util.Map;

/**
 * Everything one digest shows, read from the database in one go so composing the message is a pure
 * function (and testable against a golden file).
 *
 * @param daily     per metric, the headline score of each sparkline day (null for a day without answers)
 * @param bySource  the period split by helpdesk
 * @param ranked    the period split by agent, ranked by the Wilson lower bound
 * @param rankedGroups the period split by agent group, ranked the same way
 * @param followUps the follow-ups of the period's low scores
 * @param byChannel the period split by channel (touchpoint)
 * @param experiments the experiments running at the period's end, with their figures so far
 */
public record DigestReport(DigestPeriod period, PeriodSummary current, Map<Metric, ScoreCounts> previous,
                           Map<Metric, List<Double>> daily, List<AnswerView> lowest, PeriodSummary bySource,
                           PeriodSummary ranked, int minRankN, FollowUpSummary followUps, PeriodSummary byChannel,
                           List<ExperimentResult> experiments, PeriodSummary rankedGroups) {
    public DigestReport {
        daily = Map.copyOf(daily);
        previous = Map.copyOf(previous);
        lowest = List.copyOf(lowest);
        experiments = List.copyOf(experiments);
    }
}
