package fi.palaute.common.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge from Jetty to the routing kit: finds the route, reads the body without a thread (see
 * {@link BodyReader}), then runs the handler on a worker (Jetty's own threads never wait on the
 * database) and writes its {@link Response} with the
 * standard headers, one log line and one metric per request.
 */
final class Dispatcher extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(HttpService.class);
    private static final String INTERNAL = "the request could not be handled; see the service log";

    private final Routes routes;
    private final EdgeLimits limits;
    private final Metrics metrics;
    private final Scheduler scheduler;
    private final Executor workers;

    /**
     * @param workers runs handlers, which may block on the database; bounded, and it refuses work when
     *                its queue is full, which answers 503
     */
    Dispatcher(Routes routes, EdgeLimits limits, Metrics metrics, Scheduler scheduler, Executor workers) {
        this.routes = routes;
        this.limits = limits;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.workers = workers;
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                          Callback callback) {
        Exchange exchange = new Exchange(request, response, callback, System.nanoTime());
        String path = request.getHttpURI().getPath();
        Optional<Routes.Match> match = routes.match(request.getMethod(), path == null ? "/" : path);
        if (match.isEmpty()) {
            boolean otherMethod = routes.hasPath(path);
            // The body is not read for these. Jetty drops the connection when it is still on its way, so
            // say so: a client that kept the connection would lose its next request on it.
            boolean bodyUnread = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
            exchange.send("unmatched", otherMethod
                    ? Response.error(405, "method_not_allowed", request.getMethod() + " is not allowed on this path")
                    : Response.error(404, "not_found", "no such endpoint"), bodyUnread);
            return true;
        }
        Routes.Match m = match.get();
        new BodyReader(request, limits, new BodyReader.Outcome() {
            @Override
            public void body(byte[] body) {
                try {
                    workers.execute(() -> {
                        try {
                            exchange.send(m.route().name(), run(m, request, body), false);
                        } catch (Throwable t) {
                            // an Error (out of memory, a broken class): end the exchange rather than leave the
                            // client waiting until its timeout
                            log.error("request failed on {}: {}", m.route().name(), LogText.escape(t.toString()));
                            callback.failed(t);
                            if (t instanceof Error e) throw e;
                        }
                    });
                } catch (RejectedExecutionException e) {
                    metrics.increment("palaute_http_dropped_total", "Requests dropped at the edge", "phase", "queue");
                    exchange.send(m.route().name(), Response.error(503, "overloaded",
                            "too many requests are waiting; try again shortly").withHeader("Retry-After", "1"), true);
                }
            }

            @Override
            public void tooLarge() {
                exchange.send(m.route().name(), Response.error(413, "body_too_large",
                        "the body is over the limit of " + limits.maxBody() + " bytes"), true);
            }

            @Override
            public void tooSlow(String why) {
                metrics.increment("palaute_http_dropped_total", "Requests dropped at the edge",
                        "phase", "body");
                exchange.send(m.route().name(), Response.error(408, "too_slow", why), true);
            }

            @Override
            public void unreadable() {
                exchange.send(m.route().name(), Response.error(400, "unreadable_body",
                        "the request body could not be read"), true);
            }
        }).start(scheduler);
        return true;
    }

    private Response run(Routes.Match match, org.eclipse.jetty.server.Request jetty, byte[] body) {
        Request request = new Request(jetty.getMethod(), jetty.getHttpURI().getPath(), match.params(),
                query(jetty.getHttpURI().getQuery()), headers(jetty), body, remote(jetty));
        try {
            return match.route().handler().handle(request);
        } catch (HttpError e) {
            return e.toResponse();
        } catch (Exception e) {
            log.error("handler failed on {}: {}", match.route().name(), LogText.escape(e.toString()));
            return Response.error(500, "internal_error", INTERNAL);
        }
    }

    private static Map<String, String> query(String raw) {
        return raw == null ? Map.of() : Request.parseForm(raw);
    }

    private static Map<String, List<String>> headers(org.eclipse.jetty.server.Request request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            out.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue() == null ? "" : f.getValue());
        }
        return out;
    }

    private static InetSocketAddress remote(org.eclipse.jetty.server.Request request) {
        return request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress a ? a : null;
    }

    /** One request on its way out: written once, logged once. */
    private final class Exchange {
        private final org.eclipse.jetty.server.Request request;
        private final org.eclipse.jetty.server.Response response;
        private final Callback callback;
        private final long started;

        Exchange(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                 Callback callback, long started) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.started = started;
        }

        void send(String routeName, Response answer, boolean close) {
            account(routeName, answer);
            try {
                response.setStatus(answer.status());
                var headers = response.getHeaders();
                if (answer.contentType() != null) headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
                answer.headers().forEach(headers::put);
                for (Cookie c : answer.cookies()) headers.add(HttpHeader.SET_COOKIE, c.toHeader());
                SecurityHeaders.apply(answer, headers);
                if (close) headers.put(HttpHeader.CONNECTION, "close");
                if (answer.isStreamed()) {
                    try (OutputStream out = Content.Sink.asOutputStream(response)) {
                        answer.writeBody(out);
                    }
                    callback.succeeded();
                } else {
                    headers.put(HttpHeader.CONTENT_LENGTH, answer.bufferedLength());
                    response.write(true, ByteBuffer.wrap(answer.bufferedBytes()), callback);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("answer not sent in full: {}", LogText.escape(e.toString()));
                callback.failed(e);
            }
        }

        /** Counted and logged before the answer leaves, so a client that sees it also sees it in /metrics. */
        private void account(String routeName, Response answer) {
            long millis = Math.round((System.nanoTime() - started) / 1e6);
            metrics.increment("palaute_http_requests_total", "HTTP requests by route and status", "route", routeName,
                    "status", Integer.toString(answer.status()));
            log.info("{} {} {} {}ms", LogText.escape(request.getMethod()), LogText.escape(request.getHttpURI().getPath()),
                    answer.status(), millis);
        }
    }
}
