package fi.palaute.common.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import fi.palaute.common.store.Eventually;

/**
 * A service's {@code main} in a process of its own, as an operator starts it: only the given
 * environment (no PALAUTE_ or vendor settings inherited from the build, and {@code LANG=C} unless given),
 * the test's class path, and stdout and stderr kept as bytes so a test can see exactly what was printed.
 */
public final class MainProcess implements AutoCloseable {
    private final Process process;
    private final long startedNanos;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread outPump;
    private final Thread errPump;
    private long exitedNanos;

    private MainProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.outPump = pump(process.getInputStream(), out);
        this.errPump = pump(process.getErrorStream(), err);
    }

    /** Starts {@code mainClass} with {@code args} in {@code workDir} (null: the current folder). */
    public static MainProcess start(Class<?> mainClass, Map<String, String> env, Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workDir != null) pb.directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PALAUTE_") || k.startsWith("ZENDESK_")
                || k.startsWith("FRESHDESK_") || k.startsWith("SLACK_") || k.startsWith("LC_") || k.equals("LANG")
                || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("LANG", "C");
        pb.environment().putAll(env);
        try {
            return new MainProcess(pb.start(), System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to exit; returns its exit code. */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + timeout + "; stderr:\n" + stderr());
        }
        exitedNanos = System.nanoTime();
        outPump.join(2000);
        errPump.join(2000);
        return process.exitValue();
    }

    /** From start to exit, JVM start-up included (call after {@link #exitCode}). */
    public Duration elapsed() {
        return Duration.ofNanos(exitedNanos - startedNanos);
    }

    /**
     * Waits until stderr (where the log goes) has a line matching {@code condition}, or the process has
     * exited; returns whether the line came.
     */
    public boolean awaitStderr(String what, Predicate<String> condition, Duration timeout) {
        try {
            Eventually.await(what, timeout, () -> stderr().lines().anyMatch(condition) || !process.isAlive());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; stderr so far:\n" + stderr(), e);
        }
        return stderr().lines().anyMatch(condition);
    }

    public byte[] stdoutBytes() {
        synchronized (out) {
            return out.toByteArray();
        }
    }

    public String stdout() {
        return new String(stdoutBytes(), StandardCharsets.UTF_8);
    }

    public String stderr() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (sink) {
                        sink.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "main-process-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
