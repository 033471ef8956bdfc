package fi.palaute.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service started as its own process (as users run it), with its start-up time and resident memory. */
final class Proc implements AutoCloseable {
    final Process process;
    final int port;
    final long startedNanos;
    long healthyNanos = -1;

    private Proc(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** Starts {@code java [jvmFlags] args…}; output goes to the log file. */
    static Proc start(List<String> jvmFlags, List<String> args, Map<String, String> env, int port, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmFlags);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("PALAUTE_") || k.startsWith("ZENDESK_") || k.startsWith("SLACK_"));
        pb.environment().putAll(env);
        Files.createDirectories(log.getParent());
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        return new Proc(p, port, t0);
    }

    /** Polls /healthz until 200; returns the time since start in nanoseconds. */
    long awaitHealthy(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] req = LoadGen.request("GET", "/healthz", "localhost", Map.of(), null);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("process exited with " + process.exitValue() + " before /healthz answered");
            try (LoadGen.Connection c = new LoadGen.Connection("127.0.0.1", port)) {
                if (c.exchange(req) == 200) {
                    healthyNanos = System.nanoTime() - startedNanos;
                    return healthyNanos;
                }
            } catch (IOException | RuntimeException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        throw new IOException("no 200 from /healthz within " + timeoutMillis + " ms");
    }

    /** VmRSS in kB from /proc, or -1 where there is no /proc. */
    long rssKb() {
        return rssKb(process.pid());
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(new File("/proc/" + pid + "/status").toPath())) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Samples the RSS while work runs and keeps the peak. */
    static final class RssSampler implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak = -1;

        RssSampler(long pid) {
            thread = new Thread(() -> {
                while (running) {
                    long r = rssKb(pid);
                    if (r > peak) peak = r;
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peakKb() {
            return peak;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
