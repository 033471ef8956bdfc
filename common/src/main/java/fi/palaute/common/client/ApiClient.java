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
 * a shared {@link RateLimiter}, and failures sorted into retryable (429, 5xx, I/O) and rejected (other
 * 4xx) with the vendor's own message. It does not retry by itself: the job queue does, durably.
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
    private final ObjectMapper json = new ObjectMapper();

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

    public ApiResponse get(String pathAndQuery) {
        return call("GET", pathAndQuery, null);
    }

    public ApiResponse post(String path, Object body) {
        return call("POST", path, body);
    }

    public ApiResponse put(String path, Object body) {
        return call("PUT", path, body);
    }

    /**
     * Resolves a path or an absolute URL (a "next page" link) against the base URL. An absolute URL must
     * have the base URL's scheme, host and port: the Authorization header goes with every call, so a
     * link to anywhere else (a tampered or misconfigured vendor answer) is refused, never followed.
     */
    public HttpUrl resolve(String pathOrUrl) {
        HttpUrl absolute = HttpUrl.parse(pathOrUrl);
        if (absolute != null) {
            if (!sameOrigin(absolute)) {
                throw new ForeignUrlException(vendor, absolute.scheme() + "://" + absolute.host() + ":" + absolute.port(),
                        baseUrl.scheme() + "://" + baseUrl.host() + ":" + baseUrl.port());
            }
            return absolute;
        }
        HttpUrl url = baseUrl.resolve(pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl);
        if (url == null) throw new IllegalArgumentException("bad path " + pathOrUrl);
        return url;
    }

    private boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(baseUrl.scheme()) && url.host().equalsIgnoreCase(baseUrl.host())
                && url.port() == baseUrl.port();
    }

    public ApiResponse call(String method, String pathOrUrl, Object body) {
        HttpUrl url = resolve(pathOrUrl);
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
            throw new ApiRetryableException(0, vendor + " call interrupted", null, e);
        }
        String kind = kind(method, url);
        try (Response response = http.newCall(rb.build()).execute()) {
            int status = response.code();
            count(kind, Integer.toString(status), url, response.headers());
            String text = readBody(response);
            if (response.isSuccessful()) {
                return new ApiResponse(status, parse(text), response.headers());
            }
            String message = VendorErrorText.from(parse(text), text, status);
            if (status == 429) {
                Duration wait = retryAfter(response.header("Retry-After")).orElse(DEFAULT_RETRY_AFTER);
                limiter.pauseUntil(clock.instant().plus(wait));
                throw new ApiRetryableException(status, vendor + " rate limit (429) on " + method + " " + path
                        + ", retry after " + wait.toSeconds() + " s", wait, null);
            }
            if (status >= 500 || status == 408) {
                Duration wait = retryAfter(response.header("Retry-After")).orElse(null);
                throw new ApiRetryableException(status, vendor + " " + method + " " + path + " answered " + status
                        + ": " + message, wait, null);
            }
            throw new ApiRejectedException(vendor, method, path, status, message);
        } catch (IOException e) {
            count(kind, "io_error", url, null);
            throw new ApiRetryableException(0, vendor + " " + method + " " + path + " failed: " + e.getMessage(), null, e);
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
