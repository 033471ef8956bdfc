package fi.palaute.common.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP service on the JDK's built-in server: routing with path parameters, a body size limit,
 * JSON errors without stack traces, one log line per request, /healthz and /metrics, and a graceful
 * stop that lets in-flight requests finish.
 */
public final class HttpService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpService.class);
    public static final int DEFAULT_MAX_BODY = 256 * 1024;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private record Route(String method, String[] segments, Handler handler) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes;
    private final int maxBody;
    private final Metrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();

    private HttpService(Builder b) throws IOException {
        this.routes = List.copyOf(b.routes);
        this.maxBody = b.maxBody;
        this.metrics = b.metrics;
        // Without TCP_NODELAY a response's headers and body leave as two segments and Nagle holds the second
        // until the client's delayed ACK: 40 ms on every answer to a Linux client (measured by bench).
        if (System.getProperty(NODELAY) == null) System.setProperty(NODELAY, "true");
        this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 512);
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "palaute-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    public static Builder builder() {
        return new Builder();
    }

    public HttpService start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) {
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        Response response;
        String routeName = "unmatched";
        try {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            String method = exchange.getRequestMethod();
            Optional<Match> match = match(method, path);
            if (match.isEmpty()) {
                boolean otherMethod = routes.stream().anyMatch(r -> params(r.segments, path) != null);
                response = otherMethod ? Response.error(405, "method_not_allowed", method + " is not allowed on " + path)
                        : Response.error(404, "not_found", "no such endpoint");
            } else {
                routeName = match.get().route.method + " " + String.join("/", match.get().route.segments);
                response = handle(exchange, match.get(), method, uri);
            }
        } catch (RuntimeException e) {
            log.error("request failed: {}", e.toString());
            response = Response.error(500, "internal_error", "the request could not be handled; see the service log");
        }
        send(exchange, response);
        inFlight.decrementAndGet();
        double seconds = (System.nanoTime() - started) / 1e9;
        metrics.increment("palaute_http_requests_total", "HTTP requests by route and status", "route", routeName,
                "status", Integer.toString(response.status()));
        log.info("{} {} {} {}ms", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), response.status(),
                Math.round(seconds * 1000));
    }

    private Response handle(HttpExchange exchange, Match match, String method, URI uri) {
        byte[] body;
        try {
            body = readBody(exchange);
        } catch (BodyTooLarge e) {
            return Response.error(413, "body_too_large", "the body is over the limit of " + maxBody + " bytes");
        } catch (IOException e) {
            return Response.error(400, "unreadable_body", "the request body could not be read");
        }
        Request request = new Request(method, uri.getRawPath(), match.params, query(uri.getRawQuery()),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress());
        try {
            return match.route.handler.handle(request);
        } catch (HttpError e) {
            return e.toResponse();
        } catch (Exception e) {
            log.error("handler failed on {} {}: {}", method, uri.getRawPath(), e.toString());
            return Response.error(500, "internal_error", "the request could not be handled; see the service log");
        }
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBody) {
                    throw new BodyTooLarge();
                }
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBody + 1);
            if (body.length > maxBody) throw new BodyTooLarge();
            return body;
        }
    }

    private void send(HttpExchange exchange, Response response) {
        try {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            // Drain what the client sent beyond the limit, so it reads our answer instead of a reset.
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            log.debug("client went away before the response was sent: {}", e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private record Match(Route route, Map<String, String> params) {}

    private Optional<Match> match(String method, String path) {
        for (Route r : routes) {
            if (!r.method.equals(method) && !(r.method.equals("GET") && method.equals("HEAD"))) continue;
            Map<String, String> p = params(r.segments, path);
            if (p != null) return Optional.of(new Match(r, p));
        }
        return Optional.empty();
    }

    private static Map<String, String> params(String[] segments, String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != segments.length) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String s = segments[i];
            if (s.startsWith("{") && s.endsWith("}")) {
                if (parts[i].isEmpty()) return null;
                try {
                    out.put(s.substring(1, s.length() - 1), URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            } else if (!s.equals(parts[i])) {
                return null;
            }
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        return raw == null ? Map.of() : Request.parseForm(raw);
    }

    /** Stops accepting, waits up to the grace period for in-flight requests, then stops. */
    public void stop(int graceSeconds) {
        server.stop(0 == graceSeconds ? 0 : 1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(graceSeconds, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(10);
    }

    private static final class BodyTooLarge extends IOException {}

    /** Builds a service: routes, limits, and the standard /healthz and /metrics. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private String host = "0.0.0.0";
        private int port;
        private int threads = 16;
        private int maxBody = DEFAULT_MAX_BODY;
        private Metrics metrics = new Metrics();

        public Builder port(int port) { this.port = port; return this; }

        public Builder host(String host) { this.host = host; return this; }

        public Builder threads(int threads) { this.threads = threads; return this; }

        public Builder maxBody(int bytes) { this.maxBody = bytes; return this; }

        public Builder metrics(Metrics metrics) { this.metrics = metrics; return this; }

        public Builder route(String method, String pattern, Handler handler) {
            routes.add(new Route(method, pattern.split("/", -1), handler));
            return this;
        }

        public Builder get(String pattern, Handler handler) { return route("GET", pattern, handler); }

        public Builder post(String pattern, Handler handler) { return route("POST", pattern, handler); }

        /** GET /healthz: 200 when the check passes, 503 otherwise. */
        public Builder health(BooleanSupplier check) {
            return get("/healthz", r -> check.getAsBoolean()
                    ? Response.json(200, Map.of("status", "ok"))
                    : Response.error(503, "unhealthy", "the database does not answer"));
        }

        public Builder metricsEndpoint() {
            Metrics m = metrics;
            return get("/metrics", r -> Response.text(200, "text/plain; version=0.0.4; charset=utf-8", m.scrape()));
        }

        public HttpService build() throws IOException {
            return new HttpService(this);
        }
    }
}
