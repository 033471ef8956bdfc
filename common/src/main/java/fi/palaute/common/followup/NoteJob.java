package fi.palaute.common.followup;

import com.fasterxml.jackson.annotation.JsonProperty;
import fi.palaute.common.job.JobKind;

/**
 * The job contract {@code <source>.followup_note}: write a closed follow-up's outcome onto its ticket as a
 * private note. The Slack connector has no helpdesk client, so it enqueues this for the survey connector
 * that owns the ticket's source ({@code zendesk.followup_note}, {@code freshdesk.followup_note}); the
 * database is the integration point. One note per follow-up: the dedupe key makes a repeat a no-op.
 */
public record NoteJob(@JsonProperty("followup_id") long followUpId) {
    public NoteJob {
        if (followUpId <= 0) throw new IllegalArgumentException("followup_id must be a positive id, not " + followUpId);
    }

    public static JobKind<NoteJob> kind(String source) {
        return JobKind.of(source + ".followup_note", NoteJob.class, p -> "followup-note:" + p.followUpId());
    }
}
