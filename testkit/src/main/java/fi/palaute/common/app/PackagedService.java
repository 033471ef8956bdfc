package fi.palaute.common.app;

import fi.palaute.common.store.Eventually;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service ({@code java -jar target/connector-….jar}) as a process of its own, as an operator
 * runs it: only the given settings in the environment (none inherited from the build), one fixed port
 * across restarts, output appended to a log file. {@link #kill()} is SIGKILL on Linux
 * ({@code destroyForcibly}): no shutdown hook runs and no in-flight work is finished.
 */
public final class PackagedService implements AutoCloseable {
    private final Path jar;
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    public PackagedService(Path jar, Map<String, String> env, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar.toAbsolutePath() + " is missing: this test runs after `package`");
        }
        this.jar = jar;
        this.port = freePort();
        this.env = Map.copyOf(env);
        this.log = log;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** Starts the service and waits until /healthz answers 200. */
    public void start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("PALAUTE_") || k.startsWith("ZENDESK_")
                || k.startsWith("FRESHDESK_") || k.startsWith("SLACK_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        pb.environment().put("PALAUTE_PORT", String.valueOf(port));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + jar + ": " + e.getMessage(), e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Eventually.await("the service to answer /healthz", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) throw new AssertionError("the service exited with " + process.exitValue() + "; log:\n" + tail());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200;
            } catch (IOException notYet) {
                return false; // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        });
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the service did not die on SIGKILL");
    }

    /** Lines of the log that contain the text. */
    public long logLines(String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    /** The last 40 lines of the log, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
        }
    }
}
