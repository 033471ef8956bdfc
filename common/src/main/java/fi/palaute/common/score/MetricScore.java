package fi.palaute.common.score;

import java.util.LinkedHashMap;

/** The reported score of one metric, whichever it is; lets callers handle CSAT, CES and NPS alike. */
public sealed interface MetricScore permits CsatScore, CesScore, NpsScore {

    Metric metric();

    /** Number of answers the score is based on. */
    long n();

    /** The admin API shape, values rounded to one decimal, missing values as null. */
    LinkedHashMap<String, Object> toJson();

    /** The score the metric reports, computed from its answer counts. */
    static MetricScore from(ScoreCounts counts) {
        return switch (counts.metric()) {
            case CSAT -> CsatScore.from(counts);
            case CES -> CesScore.from(counts);
            case NPS -> NpsScore.from(counts);
        };
    }
}
