package fi.palaute.common.survey;

import java.util.Locale;

/**
 * Life of a survey row: {@code sending} while its job posts the reply, then {@code sent}, or
 * {@code suppressed} with a reason instead of sending. The column holds {@link #id()}.
 */
public enum SurveyState {
    SENDING, SENT, SUPPRESSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SurveyState fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
