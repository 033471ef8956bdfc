package fi.palaute.common.survey;

import fi.palaute.common.client.CallResult;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.survey.SurveyJobs.WriteBackDue;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a survey's current answer back onto its ticket (private note, tag, score field). The rating
 * endpoint keeps one such job per survey waiting out a quiet period after the latest change, so the job
 * writes whatever answer is current when it runs: a burst of changes is one write-back. A change that
 * comes while the job runs (or while a killed process still holds its lease) gets a job of its own; from
 * then on the older job is superseded and writes nothing, so the current answer is written by one job
 * only, even when the older one is taken up again after a crash.
 */
public final class WriteBackJob implements JobKind.PayloadHandler<WriteBackDue> {
    private static final Logger log = LoggerFactory.getLogger(WriteBackJob.class);

    private final AnswerStore answers;
    private final SurveyStore surveys;
    private final Helpdesk helpdesk;

    public WriteBackJob(AnswerStore answers, SurveyStore surveys, Helpdesk helpdesk) {
        this.answers = answers;
        this.surveys = surveys;
        this.helpdesk = helpdesk;
    }

    @Override
    public void handle(Job job, WriteBackDue due) {
        // a job enqueued before write-backs followed the survey names an answer: write its survey's current one
        Optional<Answer> answer = due.surveyId() != null ? answers.current(due.surveyId())
                : answers.currentOfSurveyOf(due.answerId());
        if (answer.isEmpty()) {
            log.info("write-back skipped: the survey has no current answer, job={}", job.id());
            return;
        }
        // Read after the answer: a change commits its answer and its new job together, so an answer read
        // here that a newer job was made for shows that job here too.
        Optional<Long> latest = due.surveyId() != null ? surveys.latestWriteBackJob(due.surveyId()) : Optional.empty();
        if (latest.isPresent() && latest.get() != job.id()) {
            log.info("write-back skipped: job={} is superseded by job={}, which writes answer={} ticket={}", job.id(),
                    latest.get(), answer.get().id(), answer.get().ticketId());
            return;
        }
        // attempts counts this run: above one, an earlier run (maybe killed mid-write) may have landed.
        CallResult<Void> written = helpdesk.writeBack(answer.get().writeBack(), job.attempts() > 1);
        if (written instanceof CallResult.TicketClosed<Void> closed) {
            // A closed ticket takes no changes and never will: the answer stays in Palaute, the job is done.
            log.info("write-back not possible: ticket={} is closed, answer={} stays in Palaute, job={} ({})",
                    answer.get().ticketId(), answer.get().id(), job.id(), closed.refusal().vendorMessage());
            return;
        }
        written.orThrow();
        log.info("answer written back ticket={} answer={} job={}", answer.get().ticketId(), answer.get().id(), job.id());
    }
}
