package fi.palaute.common.followup;

import java.util.Locale;

/** Why a follow-up was closed. */
public enum CloseReason {
    /** Someone followed up and recorded the outcome. */
    DONE,
    /** Someone decided the answer needs no follow-up. */
    NO_ACTION,
    /** The customer changed the answer to a good score: nobody needs to call. */
    ANSWER_CHANGED;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static CloseReason fromId(String id) {
        for (CloseReason r : values()) {
            if (r.id().equalsIgnoreCase(id)) return r;
        }
        throw new IllegalArgumentException("unknown close reason '" + id + "'");
    }

    /** A person took it up (as opposed to the customer's changed answer closing it). */
    public boolean byPerson() {
        return this != ANSWER_CHANGED;
    }
}
