package fi.palaute.common.score;

import java.util.LinkedHashMap;

/**
 * Answers per survey sent in a period. Answers are counted by when they arrive and surveys by when
 * they were sent, so a rate above 1 is possible at the edge of a period and is not rejected.
 */
public record ResponseRate(long answers, long surveysSent) {

    public ResponseRate {
        if (answers < 0 || surveysSent < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + answers + " answers, "
                    + surveysSent + " sent");
        }
    }

    /** Answers / surveys sent as a fraction (0.342, not 34.2), or null when nothing was sent. */
    public Double rate() {
        return surveysSent == 0 ? null : (double) answers / surveysSent;
    }

    /** The admin API fields: {@code surveys_sent}, {@code answers}, {@code response_rate} (3 decimals). */
    public LinkedHashMap<String, Object> toJson() {
        LinkedHashMap<String, Object> json = new LinkedHashMap<>();
        json.put("surveys_sent", surveysSent);
        json.put("answers", answers);
        json.put("response_rate", Rounding.toDecimals(rate(), 3));
        return json;
    }
}
