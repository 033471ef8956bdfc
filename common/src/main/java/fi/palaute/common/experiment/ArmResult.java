package fi.palaute.common.experiment;

import fi.palaute.common.score.CesScore;
import fi.palaute.common.score.CsatScore;
import fi.palaute.common.score.NpsScore;
import fi.palaute.common.score.Interval;
import fi.palaute.common.score.MetricScore;
import fi.palaute.common.score.Rounding;
import fi.palaute.common.score.ScoreCounts;
import fi.palaute.common.score.Wilson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One arm's figures: surveys sent, how many have a current human answer, and those answers' scores on
 * the arm's metric. Suspected bots are left out, as everywhere.
 */
public record ArmResult(Arm arm, long sent, long answered, ScoreCounts scores) {

    /** Answered / sent as a proportion, null before any survey was sent. */
    public Double responseRate() {
        return sent == 0 ? null : (double) answered / sent;
    }

    public Interval responseRateCi95() {
        return sent == 0 ? null : Wilson.interval(answered, sent);
    }

    public MetricScore score() {
        return MetricScore.from(scores);
    }

    /** The arm's score as one number: the CSAT or NPS score in percent points, the CES mean. */
    public Double scoreValue() {
        MetricScore s = score();
        if (s instanceof CesScore ces) return ces.mean();
        if (s instanceof CsatScore csat) return csat.score();
        return ((NpsScore) s).score();
    }

    public Interval scoreCi95() {
        MetricScore s = score();
        if (s instanceof CesScore ces) return ces.ci95();
        if (s instanceof CsatScore csat) return csat.ci95();
        return ((NpsScore) s).ci95();
    }

    /** The {@code /api/experiments} arm: shares in percent, one decimal (CES mean two). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", arm.id());
        json.put("survey", arm.survey());
        json.put("surveys_sent", sent);
        json.put("answers", answered);
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("value", responseRate() == null ? null : Rounding.toDecimals(100 * responseRate(), 1));
        rate.put("ci95", responseRateCi95() == null ? null : responseRateCi95().scaledBy(100).toRoundedList(1));
        json.put("response_rate", rate);
        int decimals = ExperimentResult.decimals(arm.metric());
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("metric", arm.metric().id());
        score.put("n", scores.n());
        score.put("value", Rounding.toDecimals(scoreValue(), decimals));
        score.put("ci95", scoreCi95() == null ? null : scoreCi95().toRoundedList(decimals));
        json.put("score", score);
        return json;
    }
}
