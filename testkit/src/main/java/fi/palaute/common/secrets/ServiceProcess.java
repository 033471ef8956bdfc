package fi.palaute.common.secrets;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A connector jar run as ops run it ({@code java -jar}), its stdout and stderr captured to one file. */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private ServiceProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ServiceProcess start(Path jar, Map<String, String> env, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PALAUTE_") || k.startsWith("ZENDESK_")
                || k.startsWith("FRESHDESK_") || k.startsWith("SLACK_"));
        pb.environment().putAll(env);
        return new ServiceProcess(pb.start(), output);
    }

    /** A port free now, for PALAUTE_PORT. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits for GET /healthz to answer 200. */
    public void awaitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        fi.palaute.common.store.Eventually.await("a healthy /healthz", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) throw new AssertionError("the service exited: " + output());
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        });
    }

    /** Waits for the process to exit by itself (a command), returning its exit code. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not exit within " + limit + ": " + output());
        }
        return process.exitValue();
    }

    /** Stops the service as a supervisor would (SIGTERM) and waits for it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) stop();
    }
}
