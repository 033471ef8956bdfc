package fi.palaute.slack;

import fi.palaute.common.followup.AlertUpdateJob;
import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AlertUpdateJob}: redraws the alert after a change made outside Slack (the customer changed
 * the answer) and, when the job carries a note, says it in the alert's thread so whoever follows it hears.
 */
public final class AlertUpdateHandler implements JobKind.PayloadHandler<AlertUpdateJob> {
    private static final Logger log = LoggerFactory.getLogger(AlertUpdateHandler.class);

    private final FollowUpStore store;
    private final AlertRedraw redraw;
    private final OncePerJobPoster poster;

    public AlertUpdateHandler(FollowUpStore store, AlertRedraw redraw, OncePerJobPoster poster) {
        this.store = store;
        this.redraw = redraw;
        this.poster = poster;
    }

    @Override
    public void handle(Job job, AlertUpdateJob update) {
        FollowUp f = store.find(update.followUpId()).orElse(null);
        if (f == null || !redraw.redraw(f)) {
            log.info("follow-up {} has no alert to update", update.followUpId());
            return;
        }
        if (update.note() != null) {
            String text = ":information_source: " + Mrkdwn.escape(update.note());
            // The kind has no dedupe key (each change is news); the job's own id keys its one note.
            poster.post(AlertUpdateJob.KIND.name() + ":job:" + job.id(), PostEvent.ALERT_NOTE, new PostMessage(
                    f.alertChannel(), new SlackMessage(text, List.of(new Block.Section(text))), f.alertTs()));
        }
        log.info("alert of follow-up {} updated ({})", f.id(), f.state().id());
    }
}
