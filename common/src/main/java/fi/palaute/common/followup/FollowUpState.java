package fi.palaute.common.followup;

import java.util.Locale;

/** Life of a follow-up: open until someone claims it, claimed while they call the customer back, then closed. */
public enum FollowUpState {
    OPEN, CLAIMED, CLOSED;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static FollowUpState fromId(String id) {
        for (FollowUpState s : values()) {
            if (s.id().equalsIgnoreCase(id)) return s;
        }
        throw new IllegalArgumentException("unknown follow-up state '" + id + "' (expected open, claimed or closed)");
    }
}
