package fi.palaute.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.palaute.common.client.ApiClient;
import fi.palaute.common.client.ApiResponse;
import fi.palaute.common.client.CallPurpose;
import fi.palaute.common.client.RateLimiter;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.RetryLaterException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Web API, one method per endpoint used. Slack reports most failures as HTTP 200 with
 * {@code {"ok": false, "error": …}}; this client turns those into {@link RetryLaterException} (rate limits,
 * Slack-side faults) or {@link SlackApiException} (everything a retry cannot fix). HTTP 429 and 5xx are
 * already retryable through {@link ApiClient}, which honours Retry-After.
 */
public final class SlackClient {
    private static final Logger log = LoggerFactory.getLogger(SlackClient.class);
    /** Errors Slack documents as transient. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "rate_limited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org");
    private static final Duration DEFAULT_RATELIMIT_WAIT = Duration.ofSeconds(30);

    private final ApiClient api;
    private final Metrics metrics;
    private final Clock clock;
    /** chat.postMessage allows about one message per second per channel. */
    private final Map<String, RateLimiter> perChannel;

    public SlackClient(String apiUrl, String botToken, Metrics metrics, Clock clock) {
        this(new ApiClient("slack", apiUrl, "Bearer " + botToken, RateLimiter.unlimited(clock), metrics, clock),
                metrics, clock);
    }

    public SlackClient(ApiClient api, Metrics metrics, Clock clock) {
        this(api, metrics, clock, new ConcurrentHashMap<>());
    }

    private SlackClient(ApiClient api, Metrics metrics, Clock clock, Map<String, RateLimiter> perChannel) {
        this.api = api;
        this.metrics = metrics;
        this.clock = clock;
        this.perChannel = perChannel;
    }

    /** The same client (and per-channel pacing) counting its calls under {@code purpose}. */
    public SlackClient withPurpose(CallPurpose purpose) {
        return new SlackClient(api.withPurpose(purpose), metrics, clock, perChannel);
    }

    /** {@code chat.postMessage}. */
    public PostedMessage postMessage(PostMessage request) {
        return postMessage(request, () -> {});
    }

    /**
     * {@code chat.postMessage}, running {@code beforeSend} once the channel's pace lets the message go, just
     * before it is sent: a record written there says "sent, outcome unknown" only of messages that left.
     */
    public PostedMessage postMessage(PostMessage request, Runnable beforeSend) {
        pace(request.channel());
        beforeSend.run();
        ApiResponse response = api.post(api.url("chat.postMessage").build(), request.toJson());
        JsonNode body = checkOk("chat.postMessage", response);
        return new PostedMessage(body.path("channel").asText(request.channel()), body.path("ts").asText(null));
    }

    /** {@code chat.update}: replaces the text and blocks of a message the bot posted. */
    public void updateMessage(String channel, String ts, SlackMessage message) {
        ObjectNode body = api.json().createObjectNode().put("channel", channel).put("ts", ts);
        body.setAll(message.toJson());
        checkOk("chat.update", api.post(api.url("chat.update").build(), body));
    }

    /** {@code chat.postEphemeral}: a message only {@code user} sees, in a channel they are in. */
    public void postEphemeral(String channel, String user, SlackMessage message) {
        ObjectNode body = api.json().createObjectNode().put("channel", channel).put("user", user);
        body.setAll(message.toJson());
        checkOk("chat.postEphemeral", api.post(api.url("chat.postEphemeral").build(), body));
    }

    /** {@code views.open}: opens a modal in answer to a click, within the three seconds its trigger id lives. */
    public void openView(String triggerId, ObjectNode view) {
        ObjectNode body = api.json().createObjectNode().put("trigger_id", triggerId);
        body.set("view", view);
        checkOk("views.open", api.post(api.url("views.open").build(), body));
    }

    /** {@code views.publish}: sets the App Home tab {@code user} sees. */
    public void publishView(String user, ObjectNode view) {
        ObjectNode body = api.json().createObjectNode().put("user_id", user);
        body.set("view", view);
        checkOk("views.publish", api.post(api.url("views.publish").build(), body));
    }

    /**
     * {@code users.info}: the user's e-mail address (scope {@code users:read.email}); empty for bots and for
     * users whose profile has none.
     */
    public Optional<String> userEmail(String user) {
        JsonNode body = checkOk("users.info", api.get(api.url("users.info").addQueryParameter("user", user).build()));
        JsonNode u = body.path("user");
        if (u.path("is_bot").asBoolean(false)) return Optional.empty();
        String email = u.path("profile").path("email").asText("");
        return email.isBlank() ? Optional.empty() : Optional.of(email);
    }

    /** {@code auth.test}: who the token signs in as; {@code invalid_auth} and the like throw. */
    public SlackIdentity authTest() {
        JsonNode body = checkOk("auth.test", api.post(api.url("auth.test").build(), Map.of()));
        return new SlackIdentity(body.path("team").asText(null), body.path("team_id").asText(null),
                body.path("user").asText(null), body.path("user_id").asText(null), body.path("bot_id").asText(null));
    }

    /** {@code conversations.info}: the channel's name and whether the bot is in it. */
    public SlackChannel conversationInfo(String channelId) {
        ApiResponse response = api.get(api.url("conversations.info").addQueryParameter("channel", channelId).build());
        JsonNode channel = checkOk("conversations.info", response).path("channel");
        return new SlackChannel(channel.path("id").asText(channelId), channel.path("name").asText(null),
                channel.path("is_private").asBoolean(false), channel.path("is_archived").asBoolean(false),
                channel.path("is_member").asBoolean(false));
    }

    /**
     * {@code conversations.history}: a page of the channel's top-level messages since {@code oldest}, newest
     * first, with their metadata (scope {@code channels:history}, {@code groups:history} for private channels).
     */
    public HistoryPage conversationsHistory(HistoryRequest request) {
        if (request.threadTs() != null) throw new IllegalArgumentException("a thread is read with conversations.replies");
        return historyPage("conversations.history", request, Map.of());
    }

    /** {@code conversations.replies}: a page of the thread {@code threadTs} since {@code oldest}, with metadata. */
    public HistoryPage conversationsReplies(HistoryRequest request) {
        if (request.threadTs() == null) throw new IllegalArgumentException("conversations.replies needs the thread's ts");
        return historyPage("conversations.replies", request, Map.of("ts", request.threadTs()));
    }

    private HistoryPage historyPage(String method, HistoryRequest request, Map<String, String> extra) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("channel", request.channel());
        params.putAll(extra);
        params.put("oldest", request.oldestTs());
        params.put("limit", Integer.toString(request.limit()));
        params.put("include_all_metadata", "true");
        if (request.cursor() != null) params.put("cursor", request.cursor());
        // Its caller decides what a refusal means (missing_scope: post at least once), so no error is logged here.
        okhttp3.HttpUrl.Builder url = api.url(method);
        params.forEach(url::addQueryParameter);
        JsonNode body = checkOk(method, api.get(url.build()), false);
        java.util.List<HistoryPage.Message> messages = new java.util.ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            messages.add(new HistoryPage.Message(m.path("ts").asText(""), MessageMetadata.from(m.path("metadata"))));
        }
        String next = body.path("response_metadata").path("next_cursor").asText("");
        return new HistoryPage(messages, next.isEmpty() ? Optional.empty() : Optional.of(next));
    }

    private void pace(String channel) {
        try {
            perChannel.computeIfAbsent(channel, c -> new RateLimiter(1, Duration.ofSeconds(1), clock)).acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLaterException("interrupted while pacing messages to Slack", null);
        }
    }

    private JsonNode checkOk(String method, ApiResponse response) {
        return checkOk(method, response, true);
    }

    private JsonNode checkOk(String method, ApiResponse response, boolean logRefusal) {
        JsonNode body = response.body();
        if (body.path("ok").asBoolean(false)) {
            if (body.has("warning")) log.debug("slack {} warning: {}", method, body.path("warning").asText());
            return body;
        }
        String error = body.path("error").asText("no_error_given");
        metrics.increment("palaute_slack_errors_total", "Slack Web API errors by method and error", "method", method,
                "error", error);
        if (TRANSIENT.contains(error)) {
            Optional<Duration> retryAfter = response.header("Retry-After").flatMap(SlackClient::seconds);
            Duration wait = retryAfter.orElse(error.contains("rate") ? DEFAULT_RATELIMIT_WAIT : null);
            log.warn("slack {} answered {}, will retry{}", method, error,
                    wait == null ? "" : " after " + wait.toSeconds() + " s");
            throw new SlackRetryableException(method, error, wait);
        }
        if (logRefusal) {
            log.error("slack {} failed: {} (fix the Slack app or the channel setting; the job is parked as dead)",
                    method, error);
        }
        throw new SlackApiException(method, error);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
