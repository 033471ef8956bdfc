package fi.palaute.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small HTTP/1.1 load generator on plain keep-alive sockets, so the client costs little of the two
 * cores it shares with the server. Two modes: closed loop (N connections, each sends the next request
 * as soon as the answer is in: the throughput at that concurrency) and paced (requests scheduled at a
 * fixed rate; latency counts from the scheduled time, so a stalled server is not hidden by the client
 * waiting for it — no coordinated omission).
 */
final class LoadGen {
    /** Builds the bytes of one complete request (request line, headers, body). Called from many threads. */
    interface Requests {
        byte[] next();
    }

    /** What one run measured. Latencies in nanoseconds. */
    record Result(String label, int concurrency, double targetRate, long requests, long errors, double seconds,
                  long p50, long p99, long p999, long max, Map<Integer, Long> statuses) {
        double rate() { return requests / seconds; }

        static String ms(long nanos) {
            return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s c=%d%s: %.0f req/s, p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms, errors %d, statuses %s",
                    label, concurrency, targetRate > 0 ? " rate=" + (int) targetRate : "", rate(), ms(p50), ms(p99),
                    ms(p999), ms(max), errors, statuses);
        }
    }

    private final String host;
    private final int port;

    LoadGen(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Closed loop: {@code concurrency} connections for warm-up plus measure time; only the measure window is recorded. */
    Result closed(String label, Requests requests, int concurrency, Duration warmup, Duration measure) throws InterruptedException {
        long start = System.nanoTime();
        long recordFrom = start + warmup.toNanos();
        long end = recordFrom + measure.toNanos();
        return run(label, concurrency, 0, requests, recordFrom, end, null);
    }

    /** Paced at {@code rate} requests per second, spread over up to {@code concurrency} connections. */
    Result paced(String label, Requests requests, double rate, int concurrency, Duration warmup, Duration measure)
            throws InterruptedException {
        long start = System.nanoTime() + 50_000_000L;
        long recordFrom = start + warmup.toNanos();
        long end = recordFrom + measure.toNanos();
        AtomicLong slots = new AtomicLong();
        long interval = Math.round(1e9 / rate);
        Schedule schedule = () -> {
            long slot = start + slots.getAndIncrement() * interval;
            return slot;
        };
        return run(label, concurrency, rate, requests, recordFrom, end, schedule);
    }

    private interface Schedule {
        long nextSlot();
    }

    private Result run(String label, int concurrency, double rate, Requests requests, long recordFrom, long end,
                       Schedule schedule) throws InterruptedException {
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[concurrency];
        long[] errors = new long[concurrency];
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Thread[] threads = new Thread[concurrency];
        long[][] buffers = new long[concurrency][];
        for (int t = 0; t < concurrency; t++) {
            final int id = t;
            buffers[id] = new long[1 << 14];
            threads[t] = new Thread(() -> {
                Connection conn = null;
                long[] lat = buffers[id];
                int n = 0;
                while (true) {
                    long scheduled;
                    if (schedule != null) {
                        scheduled = schedule.nextSlot();
                        if (scheduled >= end) break;
                        long wait = scheduled - System.nanoTime();
                        if (wait > 0) LockSupport.parkNanos(wait);
                    } else {
                        scheduled = System.nanoTime();
                        if (scheduled >= end) break;
                    }
                    byte[] request = requests.next();
                    int status;
                    try {
                        if (conn == null) conn = new Connection(host, port);
                        status = conn.exchange(request);
                        if (!conn.keepAlive) {
                            conn.close();
                            conn = null;
                        }
                    } catch (IOException e) {
                        status = -1;
                        if (conn != null) conn.close();
                        conn = null;
                    }
                    long done = System.nanoTime();
                    if (scheduled >= recordFrom && done <= end + 5_000_000_000L) {
                        if (status < 200 || status > 299) errors[id]++;
                        statuses.merge(status, 1L, Long::sum);
                        if (n == lat.length) lat = Arrays.copyOf(lat, lat.length * 2);
                        lat[n++] = done - scheduled;
                    }
                }
                if (conn != null) conn.close();
                buffers[id] = lat;
                counts[id] = n;
            }, "load-" + t);
            threads[t].setDaemon(true);
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        int total = 0;
        for (int c : counts) total += c;
        long[] all = new long[total];
        int pos = 0;
        long errs = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(buffers[t], 0, all, pos, counts[t]);
            pos += counts[t];
            errs += errors[t];
        }
        perThread.clear();
        Arrays.sort(all);
        double seconds = (end - recordFrom) / 1e9;
        return new Result(label, concurrency, rate, total, errs, seconds, pct(all, 0.50), pct(all, 0.99),
                pct(all, 0.999), all.length == 0 ? 0 : all[all.length - 1], new TreeMap<>(statuses));
    }

    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** One keep-alive connection; reads just enough of the answer to know its status and length. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        boolean keepAlive = true;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine == null) throw new IOException("connection closed");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            keepAlive = true;
            String h;
            while ((h = line()) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
                else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
                else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) keepAlive = false;
            }
            if (chunked) {
                while (true) {
                    String size = line();
                    if (size == null) throw new IOException("closed in chunk");
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    skip(n);
                    line();
                    if (n == 0) break;
                }
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) throw new IOException("closed in body");
                    s = 1;
                }
                n -= s;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
                    return sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A complete HTTP/1.1 request. */
    static byte[] request(String method, String path, String host, Map<String, String> headers, byte[] body) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) sb.append("Content-Length: ").append(body.length).append("\r\n");
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) return head;
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
