package fi.palaute.common.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never reach the logs: the one test, which each connector's {@code SecretsStayOutOfLogsIT} runs
 * with its own secrets and its own way of exercising its jar. It runs after the unit and service tests
 * (failsafe, after packaging): it scans everything the services logged during the module's test suite
 * for every secret the fixtures configure, then runs the packaged jar with fresh secrets, exercises it,
 * and scans what it printed.
 */
public abstract class SecretsStayOutOfLogsContract {
    /** What a run of the packaged jar printed, step by step, and the fresh secrets it was given. */
    public record JarRun(SecretScan secrets, Map<String, String> outputByStep) {
        public JarRun {
            outputByStep = new LinkedHashMap<>(outputByStep);
        }
    }

    /** The secrets this module's test fixtures configure, as written and in the forms they travel in. */
    protected abstract SecretScan fixtureSecrets();

    /** A log line holding one fixture secret: the scan must find it, or finding nothing proves nothing. */
    protected abstract String lineWithAFixtureSecret();

    /** At least how many suite log files a full run leaves to scan. */
    protected abstract int suiteLogFiles();

    /** The artifact, e.g. {@code connector-zendesk} for {@code target/connector-zendesk.jar}. */
    protected abstract String artifact();

    /** Runs the packaged jar with fresh secrets against a refusing vendor fake and exercises it. */
    protected abstract JarRun runJar(Path jar, Path dir) throws Exception;

    @Test
    public void theTestSuitesLogsNameNoConfiguredSecret() throws Exception {
        SecretScan scan = fixtureSecrets();
        assertEquals(1, scan.scan("self-check", lineWithAFixtureSecret()).size(), "the scan finds a secret");
        Path reports = Path.of(System.getProperty("palaute.surefire.reports", "target/surefire-reports"));
        SecretScan.Result result = scan.scanFolder(reports, "-output.txt");
        System.out.printf("%s: scanned %d test-suite log files (%d KB) for %d secret forms: %d hits%n", artifact(),
                result.files(), result.bytes() / 1024, scan.size(), result.hits().size());
        // In CI the whole suite ran before this; a local run of single tests may leave nothing to scan.
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(result.files() >= suiteLogFiles(), "the suite's logs are there to scan: " + reports.toAbsolutePath());
        }
        assertEquals(List.of(), result.hits());
    }

    @Test
    public void theRunningJarLogsNoSecret(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("palaute.jar", "target/" + artifact() + ".jar"));
        assertTrue(Files.exists(jar), "package the jar first: " + jar.toAbsolutePath());
        JarRun run = runJar(jar, dir);
        List<String> hits = new ArrayList<>();
        run.outputByStep().forEach((step, output) -> hits.addAll(run.secrets().scan(step, output)));
        System.out.printf("%s jar: %s; %d secret forms, %d hits%n", artifact(), run.outputByStep().entrySet().stream()
                .map(e -> e.getKey() + " printed " + e.getValue().lines().count() + " lines")
                .collect(Collectors.joining(", ")), run.secrets().size(), hits.size());
        assertEquals(List.of(), hits, run.outputByStep().entrySet().stream()
                .map(e -> e.getKey() + " output:\n" + e.getValue()).collect(Collectors.joining("\n")));
    }
}
