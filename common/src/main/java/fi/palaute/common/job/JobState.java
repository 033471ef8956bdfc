package fi.palaute.common.job;

import java.util.Locale;

/** Life of a job: pending until claimed, running under a lease, then done or dead. */
public enum JobState {
    PENDING, RUNNING, DONE, DEAD;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static JobState fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
