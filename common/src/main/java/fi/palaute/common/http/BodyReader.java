package fi.palaute.common.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without holding a thread while it arrives: each time bytes are there Jetty
 * calls back, the bytes are copied, and the reader asks to be called again. The body must stay within
 * the size limit, arrive within the body timeout, and keep up the minimum rate; otherwise the request
 * ends with exactly one of the outcome's calls, and no handler ever sees it.
 */
final class BodyReader implements Runnable {
    /** How much of an oversized body is read and dropped before answering 413, so the client sees the 413. */
    static final long MAX_DRAIN = 32L * 1024 * 1024;
    /** The minimum rate is not judged in the first second: a body's first bytes may come with a delay. */
    private static final long RATE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Where a read ends; exactly one of these is called, once. */
    interface Outcome {
        void body(byte[] body);

        void tooLarge();

        void tooSlow(String why);

        void unreadable();
    }

    private final org.eclipse.jetty.server.Request request;
    private final EdgeLimits limits;
    private final Outcome outcome;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final long started = System.nanoTime();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
    private long received;
    private boolean draining;
    private Scheduler.Task deadline;

    BodyReader(org.eclipse.jetty.server.Request request, EdgeLimits limits, Outcome outcome) {
        this.request = request;
        this.limits = limits;
        this.outcome = outcome;
    }

    void start(Scheduler scheduler) {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > MAX_DRAIN) {
            finish(outcome::tooLarge);
            return;
        }
        if (declared > limits.maxBody()) draining = true;
        deadline = scheduler.schedule(() -> finish(() -> outcome.tooSlow("the body did not arrive within "
                + limits.bodyTimeout().toSeconds() + " s")), limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        run();
    }

    /** Reads what is there; called again by Jetty when more arrives. */
    @Override
    public void run() {
        while (!finished.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                if (tooSlowSoFar()) {
                    finish(() -> outcome.tooSlow("the body arrived slower than " + limits.minBodyRate() + " bytes/s"));
                    return;
                }
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                chunk.release();
                finish(outcome::unreadable);
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int n = bytes.remaining();
            received += n;
            if (received > limits.maxBody()) {
                draining = true;
                buffer.reset();
            }
            if (!draining) {
                byte[] copy = new byte[n];
                bytes.get(copy);
                buffer.write(copy, 0, n);
            }
            boolean last = chunk.isLast();
            chunk.release();
            if (draining && (last || received > MAX_DRAIN)) {
                finish(outcome::tooLarge);
                return;
            }
            if (last) {
                byte[] body = buffer.toByteArray();
                finish(() -> outcome.body(body));
                return;
            }
        }
    }

    private boolean tooSlowSoFar() {
        long elapsed = System.nanoTime() - started;
        return elapsed > RATE_GRACE_NANOS && limits.minBodyRate() > 0
                && received * 1_000_000_000L / elapsed < limits.minBodyRate();
    }

    private void finish(Runnable end) {
        if (!finished.compareAndSet(false, true)) return;
        if (deadline != null) deadline.cancel();
        end.run();
    }
}
