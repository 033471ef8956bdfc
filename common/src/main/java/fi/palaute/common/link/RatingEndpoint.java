package fi.palaute.common.link;

import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.followup.FollowUpTracker;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import fi.palaute.common.http.SecurityHeaders;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.survey.AnswerStore;
import fi.palaute.common.survey.Branding;
import fi.palaute.common.survey.BrowserLanguage;
import fi.palaute.common.store.Tx;
import fi.palaute.common.survey.Answer;
import fi.palaute.common.survey.AnswerNotice;
import fi.palaute.common.survey.RatingForm;
import fi.palaute.common.survey.RatingPage;
import fi.palaute.common.survey.SentSurvey;
import fi.palaute.common.survey.SurveyJobs;
import fi.palaute.common.survey.SurveyJobs.AnswerRef;
import fi.palaute.common.survey.SurveyStore;
import fi.palaute.common.survey.SurveyTemplate;
import fi.palaute.common.survey.TemplateCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET and POST /r/{token}. GET shows the rating page with the clicked score pre-selected and records
 * nothing (mail scanners fetch every link). POST, from that page with its nonce, records the answer,
 * replacing an earlier one, and redirects to GET /r/{token}/thanks (POST, redirect, GET), so reload and
 * back never send the form again; a form sent twice anyway (its nonce already spent) records nothing.
 *
 * <p>Write-back and alerts follow the latest answer ({@link AnswerLimits}): the survey's one write-back
 * job waits out a quiet period and each change in that time moves it on, a survey raises at most one
 * low-score alert, and it takes a bounded number of answers, after which the page says the answer stands.
 */
public final class RatingEndpoint {
    private static final Logger log = LoggerFactory.getLogger(RatingEndpoint.class);
    /** A rendered form stays usable this long; after that the customer opens the link again. */
    static final Duration NONCE_LIFETIME = Duration.ofDays(2);
    private static final java.util.List<String> PAGE_LANGUAGES = java.util.List.of("en", "fi");

    private final Database db;
    private final SurveyStore surveys;
    private final AnswerStore answers;
    private final JobQueue queue;
    private final LinkSigner signer;
    private final TemplateCatalog templates;
    private final String defaultTemplate;
    private final String company;
    private final Clock clock;
    private final Metrics metrics;
    private final Runnable onEnqueued;
    private final FollowUpTracker followUps;
    private final AnswerLimits limits;
    private final RatingPage page;
    private final Optional<String> pagePolicy;

    public RatingEndpoint(Database db, JobQueue queue, LinkSigner signer, TemplateCatalog templates,
                          String defaultTemplate, String company, Clock clock, Metrics metrics, Runnable onEnqueued) {
        this(db, queue, signer, templates, defaultTemplate, company, clock, metrics, onEnqueued, AnswerLimits.defaults());
    }

    public RatingEndpoint(Database db, JobQueue queue, LinkSigner signer, TemplateCatalog templates,
                          String defaultTemplate, String company, Clock clock, Metrics metrics, Runnable onEnqueued,
                          AnswerLimits limits) {
        this(db, queue, signer, templates, defaultTemplate, company, clock, metrics, onEnqueued, limits, Branding.NONE);
    }

    /** @param branding brand colour and logo of the pages; a logo's origin is allowed in the pages' img-src */
    public RatingEndpoint(Database db, JobQueue queue, LinkSigner signer, TemplateCatalog templates,
                          String defaultTemplate, String company, Clock clock, Metrics metrics, Runnable onEnqueued,
                          AnswerLimits limits, Branding branding) {
        this.limits = limits;
        this.page = new RatingPage(branding);
        this.pagePolicy = branding.logoOrigin().map(o -> SecurityHeaders.pagePolicy(Optional.of(o)));
        this.db = db;
        this.surveys = new SurveyStore(db);
        this.answers = new AnswerStore(db);
        this.queue = queue;
        this.signer = signer;
        this.templates = templates;
        this.defaultTemplate = defaultTemplate;
        this.company = company;
        this.clock = clock;
        this.metrics = metrics;
        this.onEnqueued = onEnqueued;
        this.followUps = new FollowUpTracker(new FollowUpStore(db), queue);
    }

    /** What a POST did. */
    enum Outcome { RECORDED, ALREADY_RECORDED, NO_MORE_CHANGES }

    public Response show(Request request) {
        Optional<SentSurvey> survey = lookup(request.pathParam("token"));
        if (survey.isEmpty()) return invalid(request);
        SentSurvey s = survey.get();
        SurveyTemplate template = templateOf(s);
        if (isExpired(s)) return html(410, page.expiredLink(template, company));
        Optional<Answer> current = currentAnswer(s.id());
        if (current.isPresent() && s.answerCount() >= limits.maxAnswers()) {
            return html(200, page.noMoreChanges(template, company, notice(s, current.get())));
        }
        OptionalInt clicked = parseScore(request.queryParam("score").orElse(null), s.metric());
        OptionalInt score = clicked.isPresent() || current.isEmpty() ? clicked : OptionalInt.of(current.get().score());
        String nonce = signer.nonce(s.id(), clock.instant());
        RatingForm form = new RatingForm(request.path(), nonce, score,
                current.map(Answer::comment).orElse(""), false);
        return html(200, page.form(template, company, form, current.map(c -> notice(s, c))));
    }

    /**
     * GET /r/{token}/thanks, where an answer redirects: thanks, and the way back to the form while the
     * survey takes changes. Records nothing; shown again on reload.
     */
    public Response thanks(Request request) {
        Optional<SentSurvey> survey = lookup(request.pathParam("token"));
        if (survey.isEmpty()) return invalid(request);
        SentSurvey s = survey.get();
        SurveyTemplate template = templateOf(s);
        String formPath = formPath(request.path());
        Optional<Answer> current = currentAnswer(s.id());
        if (current.isEmpty()) return Response.seeOther(formPath);
        if (s.answerCount() >= limits.maxAnswers()) {
            return html(200, page.noMoreChanges(template, company, notice(s, current.get())));
        }
        return html(200, page.thankYou(template, company, isExpired(s) ? Optional.empty() : Optional.of(formPath)));
    }

    private static String formPath(String thanksPath) {
        return thanksPath.endsWith("/thanks") ? thanksPath.substring(0, thanksPath.length() - "/thanks".length())
                : thanksPath;
    }

    private AnswerNotice notice(SentSurvey s, Answer a) {
        return new AnswerNotice(a.score(), a.answeredAt(), s.expiresAt() == null ? a.answeredAt() : s.expiresAt());
    }

    private Optional<Answer> currentAnswer(long surveyId) {
        return answers.current(surveyId);
    }

    /** The hidden link in the mail: only a machine follows it. Noted on the survey, never an answer. */
    public Response honeypot(Request request) {
        Optional<SentSurvey> survey = lookup(request.pathParam("token"));
        if (survey.isEmpty()) return invalid(request);
        surveys.markHoneypotHit(survey.get().id(), clock.instant());
        metrics.increment("palaute_honeypot_hits_total", "Fetches of the hidden link in survey mails");
        return Response.html(200, "<!doctype html><title>OK</title>");
    }

    public Response answer(Request request) {
        Optional<SentSurvey> survey = lookup(request.pathParam("token"));
        if (survey.isEmpty()) return invalid(request);
        SentSurvey s = survey.get();
        SurveyTemplate template = templateOf(s);
        if (isExpired(s)) return html(410, page.expiredLink(template, company));
        Map<String, String> form = request.form();
        Instant now = clock.instant();
        Optional<Instant> issued = signer.verifyNonce(s.id(), form.get("nonce"));
        if (issued.isEmpty() || issued.get().isBefore(now.minus(NONCE_LIFETIME)) || issued.get().isAfter(now.plusSeconds(60))) {
            // No nonce, another survey's, or a stale one: show a fresh form rather than record.
            metrics.increment("palaute_answers_rejected_total", "Rating POSTs refused", "reason", "nonce");
            String nonce = signer.nonce(s.id(), now);
            OptionalInt score = parseScore(form.get("score"), s.metric());
            return html(400, page.form(template, company, RatingForm.opened(request.path(), nonce, score)));
        }
        OptionalInt score = parseScore(form.get("score"), s.metric());
        String comment = normaliseComment(form.get("comment"));
        if (score.isEmpty()) {
            metrics.increment("palaute_answers_rejected_total", "Rating POSTs refused", "reason", "score");
            return html(400, page.form(template, company,
                    RatingForm.scoreMissing(request.path(), signer.nonce(s.id(), now), comment)));
        }
        String userAgent = request.header("User-Agent").orElse(null);
        boolean honeypotFilled = !form.getOrDefault(RatingPage.HONEYPOT_FIELD, "").isBlank();
        Optional<String> bot = BotSignals.reason(userAgent, honeypotFilled, s.sentAt(), s.honeypotHitAt(), now);
        Outcome outcome = record(new AnswerStore.NewAnswer(s, score.getAsInt(), comment, bot.orElse(null),
                truncate(userAgent, 300), now, form.get("nonce")));
        switch (outcome) {
            case RECORDED -> {
                metrics.increment("palaute_answers_total", "Answers recorded", "source", s.source(), "metric",
                        s.metric().id(), "suspected_bot", Boolean.toString(bot.isPresent()));
                log.info("answer recorded ticket={} survey={} metric={} score={} bot={}", s.ticketId(), s.id(),
                        s.metric().id(), score.getAsInt(), bot.orElse("no"));
            }
            case ALREADY_RECORDED -> metrics.increment("palaute_answers_rejected_total", "Rating POSTs refused",
                    "reason", "form_sent_again");
            case NO_MORE_CHANGES -> {
                metrics.increment("palaute_answers_rejected_total", "Rating POSTs refused", "reason", "no_more_changes");
                log.info("answer refused ticket={} survey={}: it has taken its {} answers", s.ticketId(), s.id(),
                        limits.maxAnswers());
            }
        }
        // Every outcome ends on the thank-you page: a form sent again, or past the last change, says what stands.
        return Response.seeOther(request.path() + "/thanks");
    }

    private Outcome record(AnswerStore.NewAnswer answer) {
        SentSurvey s = answer.survey();
        Instant now = answer.answeredAt();
        return db.inTransaction(tx -> {
            // Locked first, so the checks below see every earlier answer to this survey.
            SurveyStore.AnswerProgress progress = surveys.lockAnswerProgress(tx, s.id());
            if (answer.nonce() != null && answers.nonceSpent(tx, s.id(), answer.nonce())) return Outcome.ALREADY_RECORDED;
            if (progress.answers() >= limits.maxAnswers()) return Outcome.NO_MORE_CHANGES;
            long id = answers.recordReplacing(tx, answer);
            int count = progress.answers() + 1;
            Long writeBackJob = scheduleWriteBack(tx, s, progress.writeBackJob(), count, now);
            boolean alerted = progress.alerted();
            if (!answer.suspectedBot() && s.metric().isLow(answer.score())) alerted = raiseAlert(tx, s, id, alerted, now);
            surveys.saveAnswerProgress(tx, s.id(), new SurveyStore.AnswerProgress(count, writeBackJob, alerted), now);
            followUps.onAnswer(tx, s.id(), id, s.source(), s.ticketId(), s.metric(), answer.score(),
                    answer.suspectedBot(), now);
            tx.afterCommit(onEnqueued);
            return Outcome.RECORDED;
        });
    }

    /**
     * The survey's write-back runs a quiet period after its latest answer. While the job still waits, a
     * change moves it on (the job writes whatever answer is current when it runs); once it has started,
     * a change gets a job of its own.
     */
    private Long scheduleWriteBack(Tx tx, SentSurvey s, Long waitingJob, int answerNumber, Instant now) {
        Instant due = now.plus(limits.quietPeriod());
        if (waitingJob != null && queue.postponePending(tx, waitingJob, due, now)) {
            metrics.increment("palaute_answer_writebacks_coalesced_total",
                    "Answer changes folded into a write-back still waiting for its quiet period", "source", s.source());
            return waitingJob;
        }
        return queue.enqueue(tx, SurveyJobs.writeBack(s.source())
                .request(SurveyJobs.WriteBackDue.of(s.id(), answerNumber), due)).orElse(null);
    }

    /**
     * A survey raises one low-score alert. It goes out at once (support leads want it within a minute);
     * while it has not gone yet, a newer low answer takes its place, so the alert shows the latest one.
     */
    private boolean raiseAlert(Tx tx, SentSurvey s, long answerId, boolean alreadyRaised, Instant now) {
        AnswerRef ref = new AnswerRef(answerId);
        String key = SurveyJobs.alertKey(s.id());
        if (alreadyRaised) {
            queue.replacePendingPayload(tx, key, SurveyJobs.SLACK_ALERT.encode(ref), now);
            return true;
        }
        queue.enqueue(tx, SurveyJobs.SLACK_ALERT.request(ref, now).withDedupeKey(key));
        return true;
    }

    private Optional<SentSurvey> lookup(String token) {
        OptionalLong id = signer.verify(token);
        if (id.isEmpty()) {
            metrics.increment("palaute_answers_rejected_total", "Rating POSTs refused", "reason", "bad_token");
            return Optional.empty();
        }
        return surveys.findSent(id.getAsLong());
    }

    /** A page of ours; with a logo its policy also lets the logo's origin serve images. */
    private Response html(int status, String body) {
        Response response = Response.html(status, body);
        return pagePolicy.map(p -> response.withHeader("Content-Security-Policy", p)).orElse(response);
    }

    private boolean isExpired(SentSurvey s) {
        return s.isExpiredAt(clock.instant());
    }

    private SurveyTemplate templateOf(SentSurvey s) {
        return templates.contains(s.templateId()) ? templates.find(s.templateId(), s.locale())
                : templates.find(defaultTemplate, s.locale());
    }

    private Response invalid(Request request) {
        return html(404, page.invalidLink(browserTemplate(request), company));
    }

    /**
     * GET / and GET /r/ (a link cut short before its token): a small page saying what this site is for a
     * browser, the API's JSON 404 for anything else.
     */
    public Response landing(Request request) {
        boolean browser = request.header("Accept").map(a -> a.contains("text/html")).orElse(false);
        if (!browser) return Response.error(404, "not_found", "no such endpoint");
        return html(request.path().equals("/") ? 200 : 404, page.landing(browserTemplate(request), company));
    }

    /** Before a survey is known, the page speaks the browser's language if the templates do. */
    private SurveyTemplate browserTemplate(Request request) {
        String language = BrowserLanguage.pick(request.header("Accept-Language").orElse(null), PAGE_LANGUAGES, "en");
        return templates.find(defaultTemplate, language);
    }

    static OptionalInt parseScore(String raw, Metric metric) {
        if (raw == null) return OptionalInt.empty();
        try {
            int v = Integer.parseInt(raw.trim());
            return metric.accepts(v) ? OptionalInt.of(v) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static String normaliseComment(String comment) {
        if (comment == null) return null;
        String c = comment.strip();
        if (c.isEmpty()) return null;
        return truncate(c, RatingPage.COMMENT_MAX_LENGTH);
    }

    private static String truncate(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
