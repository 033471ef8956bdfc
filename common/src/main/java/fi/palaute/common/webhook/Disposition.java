package fi.palaute.common.webhook;

import java.util.Locale;

/** What became of one webhook delivery; {@link #id()} is the word in the answer, the metric and the log. */
public enum Disposition {
    /** Recorded, with its survey job, in one transaction. */
    ACCEPTED,
    /** This solve was recorded before: nothing changed. */
    DUPLICATE,
    /** Not a solve (or not one we survey): nothing stored, the reason answered. */
    IGNORED,
    /** Not from the helpdesk, or a body we cannot read: nothing stored. */
    REFUSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
