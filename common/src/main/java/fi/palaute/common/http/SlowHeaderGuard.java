package fi.palaute.common.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections whose request line and headers take longer than the header timeout. Jetty parses
 * headers as bytes arrive without holding a thread, but its idle timeout restarts with every byte, so
 * a client sending one byte a second would keep a connection (and a slot under the connection limit)
 * for hours. A sweep once a second looks at each open connection: a request whose headers began more
 * than the timeout ago and are still not complete is dropped, as is a new connection that sent nothing.
 */
final class SlowHeaderGuard extends AbstractLifeCycle implements Connection.Listener {
    private static final long SWEEP_MILLIS = 500;

    /** Per connection: the request count and the time its current header phase began. */
    private static final class Watch {
        long requests;
        long headerSince;

        Watch(long requests, long headerSince) {
            this.requests = requests;
            this.headerSince = headerSince;
        }
    }

    private final long timeoutNanos;
    private final Scheduler scheduler;
    private final Runnable onDrop;
    private final Map<HttpConnection, Watch> open = new ConcurrentHashMap<>();
    private volatile Scheduler.Task next;

    SlowHeaderGuard(java.time.Duration timeout, Scheduler scheduler, Runnable onDrop) {
        this.timeoutNanos = timeout.toNanos();
        this.scheduler = scheduler;
        this.onDrop = onDrop;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) open.put(http, new Watch(0, System.nanoTime()));
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) open.remove(http);
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task t = next;
        if (t != null) t.cancel();
        open.clear();
    }

    private void schedule() {
        if (isRunning() || isStarting()) next = scheduler.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            open.forEach((connection, watch) -> {
                if (waitingForHeaders(connection, watch, now) && now - watch.headerSince > timeoutNanos) {
                    open.remove(connection);
                    onDrop.run();
                    connection.getEndPoint().close();
                }
            });
        } finally {
            schedule();
        }
    }

    /**
     * Jetty counts a request when its headers are complete. Before the first one the connection is
     * in its header phase from the start; later, from when the parser is seen past the start of the
     * next request line. The parser is read from the sweeper's thread: a stale view delays a drop by
     * one sweep. A kept-alive connection waiting for its next request is left to the idle timeout.
     */
    private static boolean waitingForHeaders(HttpConnection connection, Watch watch, long now) {
        long requests = connection.getMessagesIn();
        if (requests == 0) return true;
        var parser = connection.getParser();
        if (!parser.inHeaderState() || parser.isStart()) {
            watch.headerSince = 0;
            return false;
        }
        if (watch.headerSince == 0 || watch.requests != requests) {
            watch.requests = requests;
            watch.headerSince = now;
        }
        return true;
    }
}
