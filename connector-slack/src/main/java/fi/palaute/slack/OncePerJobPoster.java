package fi.palaute.slack;

import fi.palaute.common.client.ApiRejectedException;
import fi.palaute.common.client.ApiRetryableException;
import fi.palaute.common.http.Metrics;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a job's message once, although {@code chat.postMessage} has no idempotency key. Each post carries
 * metadata naming its job ({@link MessageMetadata}), and {@code slack_posts} records each attempt before it
 * is sent. When the previous attempt's outcome is unknown (a timeout, a reset connection, a 5xx, or the
 * process died mid-call) the message may already be in the channel, so the channel's recent history is
 * searched for it first; found, its ts is the post and nothing is sent again. A definite refusal
 * ({@code channel_not_found}, a 4xx, a 429) is recorded as "not posted" so the retry posts without looking.
 *
 * <p>Without the history scope ({@code channels:history}, {@code groups:history} for private channels) the
 * search is impossible: the message is posted again, at least once, and the log says so (as {@code check}
 * and docs/slack.md do).
 */
public final class OncePerJobPoster {
    private static final Logger log = LoggerFactory.getLogger(OncePerJobPoster.class);
    /**
     * History messages a page. Slack allows at most 15 a call to apps distributed outside the Marketplace,
     * and a retry comes soon after its first attempt, so the message, if it landed, is among the newest.
     */
    static final int HISTORY_PAGE = 15;
    /** Pages searched before giving up on finding the earlier post (then it is posted: at least once). */
    static final int HISTORY_PAGES = 5;
    /** Slack's clock (which stamps ts) and ours may differ; the search starts this much before the first attempt. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);

    private final SlackClient slack;
    private final SlackPostStore store;
    private final Metrics metrics;
    private final Clock clock;

    public OncePerJobPoster(SlackClient slack, SlackPostStore store, Metrics metrics, Clock clock) {
        this.slack = slack;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * What {@link #post} did: the job's message, and whether an earlier attempt had posted it (then its content
     * is what that attempt sent, which a caller whose content may have changed since can redraw).
     */
    public record Posted(PostedMessage message, boolean byEarlierAttempt) {
        public String channel() { return message.channel(); }

        public String ts() { return message.ts(); }
    }

    /** Posts {@code request} for the job {@code jobKey}, unless an earlier attempt of the same job already did. */
    public Posted post(String jobKey, PostEvent event, PostMessage request) {
        PostMessage tagged = request.withMetadata(new MessageMetadata(event.eventType(), jobKey));
        Optional<SlackPost> previous = store.find(jobKey);
        if (previous.isPresent()) {
            SlackPost p = previous.get();
            if (p.state() == SlackPostState.POSTED) {
                log.info("{} of job {} was already posted to {} ts={}", event.eventType(), jobKey, p.channel(), p.messageTs());
                return new Posted(new PostedMessage(p.channel(), p.messageTs()), true);
            }
            if (p.state() == SlackPostState.SENDING) {
                Optional<String> found = findEarlierPost(p);
                if (found.isPresent()) {
                    store.markPosted(jobKey, found.get(), clock.instant());
                    log.info("{} of job {} found in {} ts={} after an attempt with no answer: not posted again",
                            event.eventType(), jobKey, p.channel(), found.get());
                    return new Posted(new PostedMessage(p.channel(), found.get()), true);
                }
            }
        }
        boolean[] sent = {false};
        try {
            PostedMessage posted = slack.postMessage(tagged, () -> {
                store.beginAttempt(jobKey, event.eventType(), tagged.channel(), tagged.threadTs(), clock.instant());
                sent[0] = true;
            });
            store.markPosted(jobKey, posted.ts(), clock.instant());
            return new Posted(posted, false);
        } catch (RuntimeException e) {
            // A failure before the attempt was recorded (pacing interrupted) sent nothing and left the record as it was.
            if (sent[0] && definitelyNotPosted(e)) store.markNotPosted(jobKey, clock.instant());
            throw e;
        }
    }

    /** The ts of the job's message if an earlier attempt posted it; empty when it did not or we cannot tell. */
    private Optional<String> findEarlierPost(SlackPost p) {
        HistoryRequest request = new HistoryRequest(p.channel(), p.threadTs(), p.firstAttemptAt().minus(CLOCK_MARGIN),
                HISTORY_PAGE, null);
        try {
            for (int page = 0; page < HISTORY_PAGES; page++) {
                HistoryPage messages = p.threadTs() == null ? slack.conversationsHistory(request)
                        : slack.conversationsReplies(request);
                for (HistoryPage.Message m : messages.messages()) {
                    if (m.metadata().filter(md -> md.jobKey().equals(p.jobKey())).isPresent()) {
                        count("found");
                        return Optional.of(m.ts());
                    }
                }
                if (messages.nextCursor().isEmpty()) {
                    count("not_found");
                    return Optional.empty();
                }
                request = request.nextPage(messages.nextCursor().get());
            }
            log.warn("{} of job {}: not among the {} newest messages of {} since the first attempt; posting it",
                    p.eventType(), p.jobKey(), HISTORY_PAGE * HISTORY_PAGES, p.channel());
            count("not_found");
            return Optional.empty();
        } catch (SlackApiException e) {
            count("unchecked");
            if (e.error().equals("missing_scope")) {
                log.warn("{} of job {} may already be in {}, but the token cannot read its history (add the "
                        + "channels:history and groups:history scopes): posting again, so posts are at least once",
                        p.eventType(), p.jobKey(), p.channel());
            } else {
                log.warn("{} of job {} may already be in {}, but {} failed ({}): posting again, at least once",
                        p.eventType(), p.jobKey(), p.channel(), e.method(), e.error());
            }
            return Optional.empty();
        } catch (ApiRejectedException e) {
            count("unchecked");
            log.warn("{} of job {} may already be in {}, but its history could not be read ({}): posting again, "
                    + "at least once", p.eventType(), p.jobKey(), p.channel(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Whether a failed {@code chat.postMessage} certainly left nothing in the channel: Slack answered with a
     * refusal, rate-limited the call before taking it, or the connection was never made. A timeout, a reset,
     * a 5xx or Slack's own {@code internal_error} / {@code fatal_error} leave the outcome unknown.
     */
    static boolean definitelyNotPosted(RuntimeException e) {
        if (e instanceof SlackApiException || e instanceof ApiRejectedException) return true;
        if (e instanceof SlackRetryableException s) return s.isRateLimit();
        if (e instanceof ApiRetryableException a) {
            if (a.status() == 429) return true;
            Throwable cause = a.getCause();
            return a.status() == 0 && (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException);
        }
        return false;
    }

    private void count(String outcome) {
        metrics.increment("palaute_slack_post_checks_total",
                "History searches for a post whose first attempt got no answer, by outcome", "outcome", outcome);
    }
}
