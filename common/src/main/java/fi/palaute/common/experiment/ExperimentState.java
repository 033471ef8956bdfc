package fi.palaute.common.experiment;

import java.util.Locale;

/** Where an experiment is in its time window. */
public enum ExperimentState {
    SCHEDULED, RUNNING, ENDED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
