package fi.palaute.common.survey;

import fi.palaute.common.client.CallResult;
import fi.palaute.common.client.VendorRefusal;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.Job;
import fi.palaute.common.job.JobKind;
import fi.palaute.common.job.PostponedException;
import fi.palaute.common.store.Database;
import fi.palaute.common.survey.SurveyJobs.SurveyDue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The survey job: re-reads the ticket, records its outcome, applies the policy, and posts the survey as
 * a public reply. The outcome is recorded before the survey is posted, because the survey is itself a
 * public reply and must never count toward FCR. One survey per ticket per resolution cycle: the
 * surveys table's unique key on (source, ticket, cycle) makes a second job for the same solve a no-op.
 */
public final class SurveyJob implements JobKind.PayloadHandler<SurveyDue> {
    private static final Logger log = LoggerFactory.getLogger(SurveyJob.class);

    private final Database db;
    private final SurveyStore surveys;
    private final OutcomeStore outcomes = new OutcomeStore();
    private final Helpdesk helpdesk;
    private final TemplateCatalog templates;
    private final SurveyPlan plan;
    private final SurveyComposer composer;
    private final SurveyPolicy policy;
    private final Duration answerWindow;
    private final Clock clock;
    private final Metrics metrics;

    public SurveyJob(Database db, Helpdesk helpdesk, TemplateCatalog templates, String templateId,
                     SurveyComposer composer, SurveyPolicy policy, Duration answerWindow, Clock clock, Metrics metrics) {
        this(db, helpdesk, templates, SurveyPlan.defaults(templateId), composer, policy, answerWindow, clock, metrics);
    }

    /** @param plan which survey each ticket gets, in which form and when (channels and experiments) */
    public SurveyJob(Database db, Helpdesk helpdesk, TemplateCatalog templates, SurveyPlan plan,
                     SurveyComposer composer, SurveyPolicy policy, Duration answerWindow, Clock clock, Metrics metrics) {
        this.db = db;
        this.surveys = new SurveyStore(db);
        this.helpdesk = helpdesk;
        this.templates = templates;
        this.plan = plan;
        this.composer = composer;
        this.policy = policy;
        this.answerWindow = answerWindow;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void handle(Job job, SurveyDue due) {
        String ticketId = due.ticketId();
        String source = helpdesk.source();

        TicketSnapshot ticket = helpdesk.ticket(ticketId);
        String cycle = ticket.solvedAt() != null ? ticket.solvedAt().toString() : "event:" + due.eventKey();
        Optional<SurveyStore.CycleSurvey> existing = surveys.findCycle(source, ticketId, cycle);
        if (existing.isPresent() && existing.get().state() != SurveyState.SENDING) {
            log.info("survey already {} for ticket={} cycle={} job={}", existing.get().state().id(), ticketId, cycle,
                    job.id());
            metrics.increment("palaute_surveys_duplicate_total", "Survey jobs for a cycle already handled", "source", source);
            return;
        }

        // The time the send delay counts from: when the solve arrived (older jobs lack it: the solve itself).
        Instant solvedAt = due.eventAt() != null ? due.eventAt()
                : ticket.solvedAt() != null ? ticket.solvedAt() : clock.instant();
        SurveyPlan.Choice choice = plan.choose(source, ticket, solvedAt);
        // A channel with survey "none" is still recorded (outcome and a suppressed survey), in the default survey's terms.
        SurveyTemplate template = templates.find(choice.survey().orElseGet(plan::defaultSurvey),
                ticket.requester() == null ? null : ticket.requester().locale());
        SurveyFormat format = choice.format();
        String experimentId = choice.experiment().map(e -> e.id()).orElse(null);
        String armId = choice.arm().map(a -> a.id()).orElse(null);
        long surveyId;
        if (existing.isEmpty()) {
            if (!ticket.solved()) {
                suppress(source, ticket, cycle, template, "not_solved: status is " + ticket.status(), job);
                return;
            }
            if (clock.instant().isBefore(choice.dueAt())) {
                // The requester's experiment arm waits longer than the job was scheduled for.
                throw new PostponedException("arm " + armId + " of experiment " + experimentId + " sends later",
                        choice.dueAt());
            }
            TicketOutcome outcome = helpdesk.outcome(ticket);
            Instant now = clock.instant();
            Optional<Long> inserted = db.inTransaction(tx -> {
                outcomes.record(tx, source, ticket, cycle, outcome, now);
                Optional<String> reason = Optional.ofNullable(helpdesk.cannotReply(ticket))
                        .or(() -> choice.survey().isEmpty() ? Optional.of("channel") : Optional.empty())
                        .or(() -> policy.suppression(tx, source, ticket, cycle, now));
                Optional<Long> id = surveys.insert(tx, source, ticket, cycle, template,
                        reason.isPresent() ? SurveyState.SUPPRESSED : SurveyState.SENDING, reason.orElse(null), now,
                        experimentId, armId);
                if (reason.isPresent() && id.isPresent()) {
                    logSuppressed(source, ticketId, reason.get(), job);
                    return Optional.<Long>empty();
                }
                return id;
            });
            if (inserted.isEmpty()) return;
            surveyId = inserted.get();
        } else {
            // A previous attempt got as far as posting: do not post twice if that reply landed.
            surveyId = existing.get().id();
            SurveyMessage message = composer.compose(surveyId, template, format);
            if (helpdesk.hasReplyWith(ticketId, message.marker())) {
                markSent(surveyId, template, ticket);
                log.info("survey reply found on ticket={} after an interrupted attempt, job={}", ticketId, job.id());
                return;
            }
        }

        SurveyTemplate sending = inRequestersLanguage(ticket, template);
        SurveyMessage message = composer.compose(surveyId, sending, format, Optional.of(RequestContext.of(ticket)));
        CallResult<Void> posted = helpdesk.postSurvey(ticket, message);
        if (posted instanceof CallResult.TicketClosed<Void> closed) {
            // Closed between the read and the reply: as a survey for a ticket already closed.
            surveys.markSuppressed(surveyId, "ticket_closed: " + closed.refusal().describe());
            logSuppressed(source, ticketId, "ticket_closed", job);
            return;
        }
        Optional<VendorRefusal> refused = posted.refused();
        if (refused.isPresent()) {
            // The helpdesk will not take the reply (deleted requester, a validation error…): record why, no retry.
            surveys.markSuppressed(surveyId, "rejected: " + refused.get().describe());
            logSuppressed(source, ticketId, "rejected", job);
            log.warn("survey for ticket={} refused by {}: {}", ticketId, source, refused.get().vendorMessage());
            return;
        }
        posted.orThrow();
        markSent(surveyId, sending, ticket);
        metrics.increment("palaute_surveys_total", "Surveys by source and outcome", "source", source, "outcome", "sent",
                "reason", "");
        log.info("survey sent ticket={} survey={} job={} template={} locale={} channel={} format={} experiment={} arm={}",
                ticketId, surveyId, job.id(), sending.id(), sending.locale(), ticket.channel(), format, experimentId,
                armId);
    }

    /**
     * The template in the requester's language, when the ticket read did not say it and the template has
     * a choice of languages: the helpdesk looks it up (a call) only now, for a survey that is going out.
     */
    private SurveyTemplate inRequestersLanguage(TicketSnapshot ticket, SurveyTemplate template) {
        if (ticket.requester() == null || ticket.requester().locale() != null
                || templates.locales(template.id()).size() < 2) {
            return template;
        }
        String language = helpdesk.requesterLanguage(ticket);
        return language == null ? template : templates.find(template.id(), language);
    }

    private void suppress(String source, TicketSnapshot ticket, String cycle, SurveyTemplate template, String reason,
                          Job job) {
        Instant now = clock.instant();
        surveys.insert(source, ticket, cycle, template, SurveyState.SUPPRESSED, reason, now, null, null);
        logSuppressed(source, ticket.ticketId(), reason, job);
    }

    private void logSuppressed(String source, String ticketId, String reason, Job job) {
        metrics.increment("palaute_surveys_total", "Surveys by source and outcome", "source", source,
                "outcome", "suppressed", "reason", reasonLabel(reason));
        log.info("survey suppressed ticket={} job={} reason={}", ticketId, job.id(), reason);
    }

    /**
     * The metric label of a suppression reason: the word before the colon ("excluded_tag: vip" →
     * "excluded_tag"), so label values stay few whatever the details.
     */
    public static String reasonLabel(String reason) {
        if (reason == null) return "";
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    private void markSent(long surveyId, SurveyTemplate template, TicketSnapshot ticket) {
        Instant now = clock.instant();
        surveys.markSent(surveyId, template, now, now.plus(answerWindow));
    }
}
