package fi.palaute.common.experiment;

import fi.palaute.common.score.Metric;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the survey in an experiment.
 *
 * @param id        the arm's name, e.g. {@code control} or {@code short}
 * @param survey    template id sent to requesters in this arm; replaces PALAUTE_SURVEY
 * @param metric    the scale the template asks on (arms on different scales compare response rates only)
 * @param sendDelay replaces PALAUTE_SEND_DELAY for this arm; empty keeps it
 * @param weight    relative share of requesters assigned to this arm, &gt; 0
 */
public record Arm(String id, String survey, Metric metric, Optional<Duration> sendDelay, double weight) {
    public Arm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(sendDelay, "sendDelay");
        if (!(weight > 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("weight must be above 0");
    }
}
