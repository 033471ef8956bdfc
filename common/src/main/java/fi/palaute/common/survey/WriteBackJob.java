package fi.palaute.common.survey;

import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.survey.SurveyJobs.AnswerRef;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an answer back onto its ticket (private note, tag, score field). An answer replaced before
 * its job ran is skipped: the newer answer has a job of its own.
 */
public final class WriteBackJob implements JobKind.PayloadHandler<AnswerRef> {
    private static final Logger log = LoggerFactory.getLogger(WriteBackJob.class);

    private final AnswerStore answers;
    private final Helpdesk helpdesk;

    public WriteBackJob(AnswerStore answers, Helpdesk helpdesk) {
        this.answers = answers;
        this.helpdesk = helpdesk;
    }

    @Override
    public void handle(Job job, AnswerRef ref) {
        Optional<Answer> answer = answers.find(ref.answerId());
        if (answer.isEmpty() || answer.get().replaced()) {
            log.info("write-back skipped: answer={} was replaced or removed, job={}", ref.answerId(), job.id());
            return;
        }
        // attempts counts this run: above one, an earlier run (maybe killed mid-write) may have landed.
        helpdesk.writeBack(answer.get().writeBack(), job.attempts() > 1);
        log.info("answer written back ticket={} answer={} job={}", answer.get().ticketId(), ref.answerId(), job.id());
    }
}
