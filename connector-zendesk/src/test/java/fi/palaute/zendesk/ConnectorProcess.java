package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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

/**
 * The packaged connector ({@code java -jar target/connector-zendesk.jar}) as a separate process, as an
 * operator runs it: settings in the environment, output appended to a log file. {@link #kill()} is
 * SIGKILL on Linux ({@code destroyForcibly}): no shutdown hook, no finishing of in-flight work.
 */
final class ConnectorProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "connector-zendesk.jar");

    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    ConnectorProcess(Map<String, String> env, Path log) throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is missing: this test runs after `package`");
        this.port = freePort();
        this.env = Map.copyOf(env);
        this.log = log;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Starts the service and waits until /healthz answers 200. */
    void start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("PALAUTE_") || k.startsWith("ZENDESK_"));
        pb.environment().putAll(env);
        pb.environment().put("PALAUTE_PORT", String.valueOf(port));
        process = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        fi.palaute.common.store.Eventually.await("the connector to answer /healthz", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) fail("connector exited with " + process.exitValue() + "; log:\n" + tail());
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
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) fail("connector did not die on SIGKILL");
    }

    /** Lines of the log that contain the text. */
    long logLines(String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    String tail() {
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
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) kill();
        }
    }
}
