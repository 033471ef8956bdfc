package fi.palaute.common.score;

import java.util.LinkedHashMap;

/** The reported score of one metric, whichever it is; lets callers handle CSAT, CES and NPS alike. */
public sealed interface MetricScore permits CsatScore, CesScore, NpsScore {

    Metric metric();

    /** Number of answers the score is based on. */
    long n();

    /** The admin API shape, values rounded to one decimal, missing values as null. */
    LinkedHashMap<String, Object> toJson();

    /** The common JSON of a percentage score (CSAT, NPS): n, score and interval to one decimal. */
    static LinkedHashMap<String, Object> percentJson(long n, Double score, Interval ci95) {
        LinkedHashMap<String, Object> json = new LinkedHashMap<>();
        json.put("n", n);
        json.put("score", Rounding.toDecimals(score, 1));
        json.put("ci95", ci95 == null ? null : ci95.toRoundedList(1));
        return json;
    }

    /** The score the metric reports, computed from its answer counts. */
    static MetricScore from(ScoreCounts counts) {
        return switch (counts.metric()) {
            case CSAT -> CsatScore.from(counts);
            case CES -> CesScore.from(counts);
            case NPS -> NpsScore.from(counts);
        };
    }
}
