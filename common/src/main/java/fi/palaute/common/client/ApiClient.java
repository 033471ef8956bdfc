package fi.palaute.common.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import fi.palaute.common.http.Metrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A JSON API client for one vendor account, on OkHttp: base URL, auth header, timeouts, pacing through
 * a shared {@link RateLimiter}, and every answer sorted into a {@link CallResult} by {@link #exchange}
 * (done, not found, retry later, dead with the vendor's own message). It does not retry by itself: the
 * job queue does, durably. URLs are built from path segments ({@link #url}), never by pasting ids into a
 * path; only a vendor's own links are taken as strings ({@link #link}), and only on the configured host.
 *
 * <p>Every call is counted in {@code palaute_api_calls_total} by vendor, purpose (see {@link #withPurpose}),
 * kind (method and path with ids folded, e.g. {@code GET tickets/{id}/conversations}) and status, and, for
 * vendors that bill in credits ({@link #withCreditCost}), in {@code palaute_api_credits_total}.
 */
public final class ApiClient {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    /** Zendesk documents 60 s as the wait when a 429 arrives without Retry-After. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Pattern VERSION = Pattern.compile("v[0-9]+");

    private final String vendor;
    private final HttpUrl baseUrl;
    private final String authorization;
    private final OkHttpClient http;
    private final RateLimiter limiter;
    private final Metrics metrics;
    private final Clock clock;
    private final CallPurpose purpose;
    private final CreditCost creditCost;
    private final ObjectMapper json = VendorJson.mapper();

    public ApiClient(String vendor, String baseUrl, String authorization, RateLimiter limiter, Metrics metrics,
                     Clock clock) {
        this(vendor, baseUrl, authorization, limiter, metrics, clock, defaultHttp());
    }

    public ApiClient(String vendor, String baseUrl, String authorization, RateLimiter limiter, Metrics metrics,
                     Clock clock, OkHttpClient http) {
        this(vendor, HttpUrl.get(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"), authorization, limiter, metrics,
                clock, http, CallPurpose.UNSPECIFIED, null);
    }

    private ApiClient(String vendor, HttpUrl baseUrl, String authorization, RateLimiter limiter, Metrics metrics,
                      Clock clock, OkHttpClient http, CallPurpose purpose, CreditCost creditCost) {
        this.vendor = vendor;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.limiter = limiter;
        this.metrics = metrics;
        this.clock = clock;
        this.http = http;
        this.purpose = purpose;
        this.creditCost = creditCost;
    }

    /** The same client (connections, limiter, metrics shared) counting its calls under {@code purpose}. */
    public ApiClient withPurpose(CallPurpose purpose) {
        return new ApiClient(vendor, baseUrl, authorization, limiter, metrics, clock, http, purpose, creditCost);
    }

    /** The same client, also counting the credits each call costs. */
    public ApiClient withCreditCost(CreditCost cost) {
        return new ApiClient(vendor, baseUrl, authorization, limiter, metrics, clock, http, purpose, cost);
    }

    public CallPurpose purpose() { return purpose; }

    public static OkHttpClient defaultHttp() {
        return new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(20, TimeUnit.SECONDS)
                .writeTimeout(20, TimeUnit.SECONDS)
                .callTimeout(30, TimeUnit.SECONDS)
                .retryOnConnectionFailure(false)
                .build();
    }

    public String vendor() { return vendor; }

    public HttpUrl baseUrl() { return baseUrl; }

    public RateLimiter limiter() { return limiter; }

    public ObjectMapper json() { return json; }

    /**
     * The base URL with these path segments added, each encoded as one segment (an id holding {@code /}
     * or {@code ?} stays inside its segment); add query parameters to the builder.
     */
    public HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        for (String segment : segments) url.addPathSegment(segment);
        return url;
    }

    public ApiResponse get(HttpUrl url) {
        return exchange("GET", url, null).orThrow();
    }

    public ApiResponse post(HttpUrl url, Object body) {
        return exchange("POST", url, body).orThrow();
    }

    public ApiResponse put(HttpUrl url, Object body) {
        return exchange("PUT", url, body).orThrow();
    }

    /**
     * A link the vendor gave (a "next page"), absolute or relative to the base URL. An absolute link must
     * have the base URL's scheme, host and port: the Authorization header goes with every call, so a
     * link to anywhere else (a tampered or misconfigured vendor answer) is refused, never followed.
     */
    public HttpUrl link(String link) {
        HttpUrl absolute = HttpUrl.parse(link);
        if (absolute != null) {
            requireSameOrigin(absolute);
            return absolute;
        }
        HttpUrl url = baseUrl.resolve(link.startsWith("/") ? link.substring(1) : link);
        if (url == null) throw new ApiRejectedException(vendor, "GET", link, 0, "not a link");
        return url;
    }

    private void requireSameOrigin(HttpUrl url) {
        if (!url.scheme().equals(baseUrl.scheme()) || !url.host().equalsIgnoreCase(baseUrl.host())
                || url.port() != baseUrl.port()) {
            throw new ForeignUrlException(vendor, origin(url), origin(baseUrl));
        }
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    /**
     * Makes the call and sorts the answer into a {@link CallResult}, the one place vendor answers are
     * classified: 2xx done; 429 retry later after Retry-After (60 s when absent, and every call of this
     * account pauses with it); 408 and 5xx retry later (after Retry-After when given); no answer (I/O)
     * retry later; 404 not found; any other status dead, with the vendor's message and error body.
     */
    public CallResult<ApiResponse> exchange(String method, HttpUrl url, Object body) {
        requireSameOrigin(url);
        String path = url.encodedPath();
        RequestBody requestBody = null;
        if (body != null) {
            try {
                requestBody = RequestBody.create(body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : json.writeValueAsBytes(body), JSON_TYPE);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot encode request body", e);
            }
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            requestBody = RequestBody.create(new byte[0], JSON_TYPE);
        }
        Request.Builder rb = new Request.Builder().url(url).method(method, requestBody)
                .header("Accept", "application/json")
                .header("User-Agent", "Palaute/0.1 (+https://github.com/palaute)");
        if (authorization != null) rb.header("Authorization", authorization);
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallResult.RetryLater<>(0, vendor + " call interrupted", null);
        }
        String kind = kind(method, url);
        try (Response response = http.newCall(rb.build()).execute()) {
            int status = response.code();
            count(kind, Integer.toString(status), url, response.headers());
            String text = readBody(response);
            JsonNode parsed = parse(text);
            if (response.isSuccessful()) {
                return CallResult.done(new ApiResponse(status, parsed, response.headers()));
            }
            String message = VendorErrorText.from(parsed, text, status);
            if (status == 429) {
                Duration wait = retryAfter(response.header("Retry-After")).orElse(DEFAULT_RETRY_AFTER);
                limiter.pauseUntil(clock.instant().plus(wait));
                return new CallResult.RetryLater<>(status, vendor + " rate limit (429) on " + method + " " + path
                        + ", retry after " + wait.toSeconds() + " s", wait);
            }
            if (status >= 500 || status == 408) {
                return new CallResult.RetryLater<>(status, vendor + " " + method + " " + path + " answered " + status
                        + ": " + message, retryAfter(response.header("Retry-After")).orElse(null));
            }
            VendorRefusal refusal = new VendorRefusal(vendor, method, path, status, message, parsed);
            return status == 404 ? new CallResult.NotFound<>(refusal) : new CallResult.Dead<>(refusal);
        } catch (IOException e) {
            count(kind, "io_error", url, null);
            return new CallResult.RetryLater<>(0, vendor + " " + method + " " + path + " failed: " + e.getMessage(), null);
        }
    }

    private void count(String kind, String status, HttpUrl url, Headers headers) {
        metrics.increment("palaute_api_calls_total", "Vendor API calls by vendor, purpose, kind and status",
                "vendor", vendor, "purpose", purpose.label(), "kind", kind, "status", status);
        // A call that got no answer may still have been billed; the estimate is all there is then.
        if (creditCost != null) {
            metrics.add("palaute_api_credits_total", "Vendor API credits spent, where the vendor bills in credits",
                    creditCost.of(url, headers), "vendor", vendor, "purpose", purpose.label(), "kind", kind);
        }
    }

    /**
     * The {@code kind} label: method and path below the API root, with ids folded so label values stay
     * few ({@code PUT /api/v2/tickets/42.json} → {@code PUT tickets/{id}}). A segment holding a digit is an
     * id (numbers, Zendesk's webhook ids), except a version segment such as {@code v2}.
     */
    static String kind(String method, HttpUrl url) {
        StringBuilder path = new StringBuilder();
        boolean leading = true;
        for (String segment : url.pathSegments()) {
            if (segment.isEmpty()) continue;
            if (leading && (segment.equals("api") || VERSION.matcher(segment).matches())) continue;
            leading = false;
            String name = segment.endsWith(".json") ? segment.substring(0, segment.length() - 5) : segment;
            if (path.length() > 0) path.append('/');
            path.append(name.chars().anyMatch(Character::isDigit) && !VERSION.matcher(name).matches() ? "{id}" : name);
        }
        return method + " " + path;
    }

    private static String readBody(Response response) throws IOException {
        ResponseBody body = response.body();
        return body == null ? "" : body.string();
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) return MissingNode.getInstance();
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** Retry-After as seconds or an HTTP date. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) return Optional.empty();
        String h = header.trim();
        try {
            long seconds = Long.parseLong(h);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException ignored) {
            // not seconds: try a date
        }
        try {
            Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
