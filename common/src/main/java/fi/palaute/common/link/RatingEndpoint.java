package fi.palaute.common.link;

import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.followup.FollowUpTracker;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import fi.palaute.common.job.JobQueue;
import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.survey.AnswerStore;
import fi.palaute.common.survey.BrowserLanguage;
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
 * replacing an earlier one, and enqueues the write-back and, for a low human answer, the Slack alert.
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
    private final RatingPage page = new RatingPage();

    public RatingEndpoint(Database db, JobQueue queue, LinkSigner signer, TemplateCatalog templates,
                          String defaultTemplate, String company, Clock clock, Metrics metrics, Runnable onEnqueued) {
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

    public Response show(Request request) {
        Optional<SentSurvey> survey = lookup(request.pathParam("token"));
        if (survey.isEmpty()) return invalid(request);
        SentSurvey s = survey.get();
        SurveyTemplate template = templateOf(s);
        if (isExpired(s)) return Response.html(410, page.expiredLink(template, company));
        OptionalInt score = parseScore(request.queryParam("score").orElse(null), s.metric());
        String nonce = signer.nonce(s.id(), clock.instant());
        return Response.html(200, page.form(template, company, RatingForm.opened(request.path(), nonce, score)));
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
        if (isExpired(s)) return Response.html(410, page.expiredLink(template, company));
        Map<String, String> form = request.form();
        Instant now = clock.instant();
        Optional<Instant> issued = signer.verifyNonce(s.id(), form.get("nonce"));
        if (issued.isEmpty() || issued.get().isBefore(now.minus(NONCE_LIFETIME)) || issued.get().isAfter(now.plusSeconds(60))) {
            // No nonce, another survey's, or a stale one: show a fresh form rather than record.
            metrics.increment("palaute_answers_rejected_total", "Rating POSTs refused", "reason", "nonce");
            String nonce = signer.nonce(s.id(), now);
            OptionalInt score = parseScore(form.get("score"), s.metric());
            return Response.html(400, page.form(template, company, RatingForm.opened(request.path(), nonce, score)));
        }
        OptionalInt score = parseScore(form.get("score"), s.metric());
        String comment = normaliseComment(form.get("comment"));
        if (score.isEmpty()) {
            metrics.increment("palaute_answers_rejected_total", "Rating POSTs refused", "reason", "score");
            return Response.html(400, page.form(template, company,
                    RatingForm.scoreMissing(request.path(), signer.nonce(s.id(), now), comment)));
        }
        String userAgent = request.header("User-Agent").orElse(null);
        boolean honeypotFilled = !form.getOrDefault(RatingPage.HONEYPOT_FIELD, "").isBlank();
        Optional<String> bot = BotSignals.reason(userAgent, honeypotFilled, s.sentAt(), s.honeypotHitAt(), now);
        long answerId = record(new AnswerStore.NewAnswer(s, score.getAsInt(), comment, bot.orElse(null),
                truncate(userAgent, 300), now));
        metrics.increment("palaute_answers_total", "Answers recorded", "source", s.source(), "metric", s.metric().id(),
                "suspected_bot", Boolean.toString(bot.isPresent()));
        log.info("answer recorded ticket={} survey={} answer={} metric={} score={} bot={}", s.ticketId(), s.id(),
                answerId, s.metric().id(), score.getAsInt(), bot.orElse("no"));
        return Response.html(200, page.thankYou(template, company));
    }

    private long record(AnswerStore.NewAnswer answer) {
        SentSurvey s = answer.survey();
        return db.inTransaction(tx -> {
            surveys.lockForAnswer(tx, s.id());
            long id = answers.recordReplacing(tx, answer);
            AnswerRef ref = new AnswerRef(id);
            queue.enqueue(tx, SurveyJobs.writeBack(s.source()).request(ref, answer.answeredAt()));
            if (!answer.suspectedBot() && s.metric().isLow(answer.score())) {
                queue.enqueue(tx, SurveyJobs.SLACK_ALERT.request(ref, answer.answeredAt()));
            }
            followUps.onAnswer(tx, s.id(), id, s.source(), s.ticketId(), s.metric(), answer.score(),
                    answer.suspectedBot(), answer.answeredAt());
            tx.afterCommit(onEnqueued);
            return id;
        });
    }

    private Optional<SentSurvey> lookup(String token) {
        OptionalLong id = signer.verify(token);
        if (id.isEmpty()) {
            metrics.increment("palaute_answers_rejected_total", "Rating POSTs refused", "reason", "bad_token");
            return Optional.empty();
        }
        return surveys.findSent(id.getAsLong());
    }

    private boolean isExpired(SentSurvey s) {
        return s.isExpiredAt(clock.instant());
    }

    private SurveyTemplate templateOf(SentSurvey s) {
        return templates.contains(s.templateId()) ? templates.find(s.templateId(), s.locale())
                : templates.find(defaultTemplate, s.locale());
    }

    private Response invalid(Request request) {
        return Response.html(404, page.invalidLink(browserTemplate(request), company));
    }

    /**
     * GET / and GET /r/ (a link cut short before its token): a small page saying what this site is for a
     * browser, the API's JSON 404 for anything else.
     */
    public Response landing(Request request) {
        boolean browser = request.header("Accept").map(a -> a.contains("text/html")).orElse(false);
        if (!browser) return Response.error(404, "not_found", "no such endpoint");
        return Response.html(request.path().equals("/") ? 200 : 404, page.landing(browserTemplate(request), company));
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
