package fi.palaute.common.http;

import java.time.Duration;

/**
 * How much the HTTP edge gives a client before it drops the request: it bounds memory (body size,
 * header size), threads (a worker only runs a handler once the whole body is in), the queue of
 * requests waiting for a worker, the number of connections, and time.
 *
 * @param maxBody        bytes of request body; more answers 413
 * @param maxHeaderBytes bytes of request line plus headers; more answers 431
 * @param workerThreads  threads that run handlers (database work); requests beyond wait in the queue
 * @param maxQueued      requests waiting for a worker; beyond that the answer is 503 with Retry-After
 * @param maxConnections open connections; beyond that the server stops accepting until some close
 * @param idleTimeout    a connection that sends nothing this long is closed (also between kept-alive requests)
 * @param headerTimeout  a request's line and headers must arrive within this, however slowly they trickle
 * @param bodyTimeout    a request's body must arrive within this after its headers
 * @param minBodyRate    bytes per second a body must keep up, checked after the first second
 */
public record EdgeLimits(int maxBody, int maxHeaderBytes, int workerThreads, int maxQueued, int maxConnections,
                         Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, long minBodyRate) {
    public static final int DEFAULT_MAX_BODY = 256 * 1024;

    public EdgeLimits {
        if (maxBody < 0 || maxHeaderBytes < 1024 || workerThreads < 1 || maxQueued < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("limits must be positive (header limit at least 1 KiB)");
        }
        for (Duration d : new Duration[] {idleTimeout, headerTimeout, bodyTimeout}) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * Zendesk gives up on a webhook after about 10 s, so a legitimate sender finishes far sooner than
     * the timeouts; webhooks and rating forms are a few KiB, so 1 KiB/s is a rate only an attacker or a
     * broken link falls under.
     */
    public static EdgeLimits defaults() {
        return new EdgeLimits(DEFAULT_MAX_BODY, 16 * 1024, 32, 1024, 2048, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(10), 1024);
    }

    public EdgeLimits withMaxBody(int bytes) {
        return new EdgeLimits(bytes, maxHeaderBytes, workerThreads, maxQueued, maxConnections, idleTimeout,
                headerTimeout, bodyTimeout, minBodyRate);
    }

    public EdgeLimits withWorkerThreads(int n) {
        return new EdgeLimits(maxBody, maxHeaderBytes, n, maxQueued, maxConnections, idleTimeout, headerTimeout,
                bodyTimeout, minBodyRate);
    }

    public EdgeLimits withMaxConnections(int n) {
        return new EdgeLimits(maxBody, maxHeaderBytes, workerThreads, maxQueued, n, idleTimeout, headerTimeout,
                bodyTimeout, minBodyRate);
    }

    public EdgeLimits withTimeouts(Duration idle, Duration header, Duration body) {
        return new EdgeLimits(maxBody, maxHeaderBytes, workerThreads, maxQueued, maxConnections, idle, header, body,
                minBodyRate);
    }

    public EdgeLimits withMinBodyRate(long bytesPerSecond) {
        return new EdgeLimits(maxBody, maxHeaderBytes, workerThreads, maxQueued, maxConnections, idleTimeout,
                headerTimeout, bodyTimeout, bytesPerSecond);
    }
}
