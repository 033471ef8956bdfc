package fi.palaute.common.followup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fi.palaute.common.job.JobKind;

/**
 * The job contract {@code slack.followup_update}: redraw a follow-up's Slack alert from its current state.
 * Enqueued by whoever changes the state (the rating page when a changed answer closes it, the Slack
 * interaction jobs); run by the Slack connector. Drawing from the stored state makes repeats harmless,
 * so it has no dedupe key.
 *
 * @param note a line for the alert's thread saying what happened (say, the customer changed the answer), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertUpdateJob(@JsonProperty("followup_id") long followUpId, String note) {
    public static final JobKind<AlertUpdateJob> KIND = JobKind.of("slack.followup_update", AlertUpdateJob.class);

    public AlertUpdateJob {
        if (followUpId <= 0) throw new IllegalArgumentException("followup_id must be a positive id, not " + followUpId);
        if (note != null && note.isBlank()) note = null;
    }
}
