package fi.palaute.common.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for configured secrets in what the services logged. Each secret is searched for as written and
 * in the forms it travels in: base64 of {@code user:secret} pairs (HTTP Basic) given by the caller, and
 * the secret's own base64. A hit is reported by file, line and the secret's name, never by its value.
 * Lines logged by the test's own fakes (WireMock, Jetty) are skipped: they echo what the service sent
 * to the fake vendor, which is the fake's business, not the service's log.
 */
public final class SecretScan {
    private static final Pattern LOG_HEADER = Pattern.compile("^\\[[^\\]]+\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - ");
    private static final List<String> FAKES = List.of("WireMock", "com.github.tomakehurst", "org.eclipse.jetty", "wiremock");

    private final Map<String, String> needles = new LinkedHashMap<>();

    /** Adds a secret under a name; its base64 form is searched for too. */
    public SecretScan secret(String name, String value) {
        needles.put(name, value);
        needles.put(name + " (base64)", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Adds the HTTP Basic credential {@code user:password} in the base64 form an Authorization header carries. */
    public SecretScan basic(String name, String user, String password) {
        needles.put(name + " (Basic)", Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public int size() {
        return needles.size();
    }

    /** Where a secret appears in this text: "source:line name". */
    public List<String> scan(String source, String text) {
        List<String> hits = new ArrayList<>();
        String logger = "";
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            var m = LOG_HEADER.matcher(lines[i]);
            if (m.find()) logger = m.group(2);
            String line = lines[i];
            String from = logger;
            boolean fromFake = line.contains("[qtp") || FAKES.stream().anyMatch(from::contains);
            if (fromFake) continue;
            for (var e : needles.entrySet()) {
                if (line.contains(e.getValue())) hits.add(source + ":" + (i + 1) + " " + e.getKey() + " (logger " + logger + ")");
            }
        }
        return hits;
    }

    /** Scans every file in the folder whose name ends with the suffix; returns hits and counts files and bytes. */
    public Result scanFolder(Path folder, String suffix) throws IOException {
        List<String> hits = new ArrayList<>();
        int files = 0;
        long bytes = 0;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                    // Bytes as Latin-1: any byte sequence reads, and ASCII secrets match wherever they sit.
                    String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    hits.addAll(scan(p.getFileName().toString(), text));
                    files++;
                    bytes += Files.size(p);
                }
            }
        }
        return new Result(files, bytes, hits);
    }

    public record Result(int files, long bytes, List<String> hits) {}
}
