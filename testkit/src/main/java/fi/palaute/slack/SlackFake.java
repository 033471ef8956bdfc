package fi.palaute.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fi.palaute.common.fake.StatefulTransformer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack's Web API on WireMock that remembers what was posted: {@code chat.postMessage} keeps each message
 * (with its metadata) the moment the request arrives, as Slack would, and {@code conversations.history} and
 * {@code conversations.replies} list the remembered messages in the shapes Slack documents (newest first
 * for history, the thread in order for replies; metadata only with {@code include_all_metadata=true};
 * {@code oldest}, {@code limit} and cursors honoured). A test can drop the answers to posts that landed
 * ({@link #dropAnswersToNextPosts}), delay every answer ({@link #answerDelay}), refuse posts to a channel
 * ({@link #refusePostsTo}) and take the history scope away ({@link #withoutHistoryScope}).
 */
public final class SlackFake implements AutoCloseable {
    private static final String TRANSFORMER = "slack-fake";
    public static final String BOT_ID = "B0PALAUTE";
    public static final String BOT_USER = "U0PALAUTE";
    /** The scopes the fake's token has without the history ones, as missing_scope's {@code provided} lists them. */
    private static final String SCOPES = "chat:write,commands,users:read,users:read.email";

    /** A message as Slack keeps it. {@code threadTs} is null for a top-level message. */
    public record Message(String channel, String ts, String threadTs, String text, JsonNode metadata) {
        public Optional<String> jobKey() {
            String key = metadata == null ? "" : metadata.path("event_payload").path("job_key").asText("");
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        }

        public String eventType() {
            return metadata == null ? "" : metadata.path("event_type").asText("");
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final WireMockServer server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger postsReceived = new AtomicInteger();
    private final AtomicInteger historyCalls = new AtomicInteger();
    private final AtomicInteger answersToDrop = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final java.util.Set<String> jobsSeen = ConcurrentHashMap.newKeySet();
    private volatile boolean dropFirstAnswerOfEachJob;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private volatile Duration answerDelay = Duration.ZERO;
    private final Map<String, Duration> channelAnswerDelays = new ConcurrentHashMap<>();
    private volatile boolean historyScope = true;
    private long lastMicros;

    public SlackFake() {
        StatefulTransformer memory = new StatefulTransformer(TRANSFORMER, this::respond,
                () -> answer(json.createObjectNode().put("ok", false).put("error", "invalid_json")));
        server = new WireMockServer(options().dynamicPort().containerThreads(32).extensions(memory));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/plain").withBody("not stubbed in SlackFake")));
        ResponseDefinitionBuilder stateful = aResponse().withTransformers(TRANSFORMER);
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(stateful));
        server.stubFor(get(urlPathEqualTo("/api/conversations.history")).willReturn(stateful));
        server.stubFor(get(urlPathEqualTo("/api/conversations.replies")).willReturn(stateful));
        server.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(stateful));
    }

    /** SLACK_API_URL for the service. */
    public String apiUrl() {
        return server.baseUrl() + "/api";
    }

    public WireMockServer server() { return server; }

    /** The next {@code n} posts land in the channel, but Slack's answer is lost (the connection is reset). */
    public void dropAnswersToNextPosts(int n) {
        answersToDrop.set(n);
    }

    /**
     * The first post of each job (by the job key in its metadata) lands, but its answer is lost; later
     * posts of the same job are answered.
     */
    public void dropFirstAnswerOfEachJob() {
        dropFirstAnswerOfEachJob = true;
    }

    /** The next {@code n} posts are refused with HTTP 429, Retry-After 1 and {@code ratelimited}; nothing lands. */
    public void rateLimitNextPosts(int n) {
        rateLimited.set(n);
    }

    /** Every answer comes this much later than the message lands (a kill in between loses the answer). */
    public void answerDelay(Duration delay) {
        answerDelay = delay;
    }

    /** Answers to posts in {@code channel} come this much later than the message lands. */
    public void answerDelay(String channel, Duration delay) {
        channelAnswerDelays.put(channel, delay);
    }

    /** Posts to {@code channel} are refused with {@code {"ok": false, "error": error}} and nothing lands. */
    public void refusePostsTo(String channel, String error) {
        refusals.put(channel, error);
    }

    /** The token lacks channels:history and groups:history: history calls answer {@code missing_scope}. */
    public void withoutHistoryScope() {
        historyScope = false;
    }

    /** Messages in the channel (top level and replies), in the order they landed. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Message> messagesTo(String channel) {
        return messages.stream().filter(m -> m.channel().equals(channel)).toList();
    }

    /** chat.postMessage calls received, whether they landed or not. */
    public int postsReceived() { return postsReceived.get(); }

    /** conversations.history and conversations.replies calls received. */
    public int historyCalls() { return historyCalls.get(); }

    private synchronized String nextTs() {
        long micros = Math.max(System.currentTimeMillis() * 1000, lastMicros + 1);
        lastMicros = micros;
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    private ResponseDefinition chatPostMessage(JsonNode body) {
        postsReceived.incrementAndGet();
        String channel = body.path("channel").asText();
        String refusal = refusals.get(channel);
        if (refusal != null) return answer(json.createObjectNode().put("ok", false).put("error", refusal));
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return aResponse().withStatus(429).withHeader("Retry-After", "1")
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody("{\"ok\": false, \"error\": \"ratelimited\"}").build();
        }
        String threadTs = body.hasNonNull("thread_ts") ? body.get("thread_ts").asText() : null;
        Message m = new Message(channel, nextTs(), threadTs, body.path("text").asText(""),
                body.hasNonNull("metadata") ? body.get("metadata") : null);
        messages.add(m);
        boolean firstOfJob = m.jobKey().map(jobsSeen::add).orElse(false);
        if (answersToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || (dropFirstAnswerOfEachJob && firstOfJob)) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        ObjectNode answer = json.createObjectNode().put("ok", true).put("channel", channel).put("ts", m.ts());
        answer.set("message", messageJson(m, true));
        return answer(answer, channelAnswerDelays.getOrDefault(channel, answerDelay));
    }

    private ObjectNode messageJson(Message m, boolean withMetadata) {
        ObjectNode n = json.createObjectNode().put("type", "message").put("subtype", "bot_message")
                .put("text", m.text()).put("user", BOT_USER).put("bot_id", BOT_ID).put("ts", m.ts());
        if (m.threadTs() != null) n.put("thread_ts", m.threadTs());
        if (withMetadata && m.metadata() != null) n.set("metadata", m.metadata());
        return n;
    }

    private ResponseDefinition history(ServeEvent event, boolean replies) {
        historyCalls.incrementAndGet();
        if (!historyScope) {
            return answer(json.createObjectNode().put("ok", false).put("error", "missing_scope")
                    .put("needed", "channels:history,groups:history").put("provided", SCOPES));
        }
        String channel = param(event, "channel").orElse("");
        BigDecimal oldest = new BigDecimal(param(event, "oldest").orElse("0"));
        int limit = Integer.parseInt(param(event, "limit").orElse(replies ? "1000" : "100"));
        int offset = Integer.parseInt(param(event, "cursor").map(c -> c.substring("offset:".length())).orElse("0"));
        boolean metadata = param(event, "include_all_metadata").map(Boolean::parseBoolean).orElse(false);
        Optional<String> thread = param(event, "ts");
        if (replies && thread.isEmpty()) return answer(json.createObjectNode().put("ok", false).put("error", "invalid_arguments"));
        List<Message> matching = new ArrayList<>(messages.stream().filter(m -> m.channel().equals(channel))
                .filter(m -> new BigDecimal(m.ts()).compareTo(oldest) > 0)
                .filter(m -> replies ? m.ts().equals(thread.get()) || thread.get().equals(m.threadTs())
                        : m.threadTs() == null)
                .toList());
        Comparator<Message> byTs = Comparator.comparing(m -> new BigDecimal(m.ts()));
        matching.sort(replies ? byTs : byTs.reversed());
        List<Message> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        boolean more = offset + limit < matching.size();
        ObjectNode answer = json.createObjectNode().put("ok", true);
        ArrayNode list = answer.putArray("messages");
        page.forEach(m -> list.add(messageJson(m, metadata)));
        answer.put("has_more", more);
        if (!replies) answer.put("pin_count", 0);
        answer.putObject("response_metadata").put("next_cursor", more ? "offset:" + (offset + limit) : "");
        return answer(answer);
    }

    private static Optional<String> param(ServeEvent event, String name) {
        QueryParameter p = event.getRequest().queryParameter(name);
        return p.isPresent() ? Optional.of(p.firstValue()) : Optional.empty();
    }

    private static ResponseDefinition answer(ObjectNode body) {
        return answer(body, Duration.ZERO);
    }

    private static ResponseDefinition answer(ObjectNode body, Duration delay) {
        ResponseDefinitionBuilder b = aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString());
        if (!delay.isZero()) b = b.withFixedDelay((int) delay.toMillis());
        return b.build();
    }

    private ResponseDefinition respond(ServeEvent event) throws IOException {
        return switch (StatefulTransformer.path(event)) {
            case "/api/chat.postMessage" -> chatPostMessage(json.readTree(event.getRequest().getBodyAsString()));
            case "/api/conversations.history" -> history(event, false);
            case "/api/conversations.replies" -> history(event, true);
            case "/api/chat.update" -> {
                JsonNode body = json.readTree(event.getRequest().getBodyAsString());
                yield answer(json.createObjectNode().put("ok", true).put("channel", body.path("channel").asText())
                        .put("ts", body.path("ts").asText()).put("text", body.path("text").asText("")));
            }
            default -> aResponse().withStatus(404).build();
        };
    }

    @Override
    public void close() {
        server.stop();
    }
}
