package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.palaute.common.app.MainProcess;
import fi.palaute.common.store.TestDatabases;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an operator sees when {@code java -jar connector-zendesk.jar} cannot start: the Main in a
 * process of its own, with only the environment given here (and LANG=C, as a systemd unit has).
 */
class StartupTest {
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_DB_URL", TestDatabases.newSqliteUrl());
        env.put("PALAUTE_PUBLIC_URL", "https://cx.example.test");
        env.put("PALAUTE_LINK_SECRET", "test-link-secret-0123456789abcdefghijkl");
        env.put("ZENDESK_SUBDOMAIN", "acme");
        env.put("ZENDESK_EMAIL", "palaute@acme.test");
        env.put("ZENDESK_API_TOKEN", "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv");
        env.put("ZENDESK_WEBHOOK_SECRET", "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==");
        env.put("PALAUTE_PORT", "0");
        return env;
    }

    /**
     * How long this machine takes to start the JVM and print --help: the budget of five seconds is for
     * the failing start-up itself, not for a JVM on a busy shared build machine.
     */
    private static Duration jvmStart;

    private static void assertWithinFiveSeconds(MainProcess p) throws Exception {
        if (jvmStart == null) {
            try (MainProcess help = MainProcess.start(Main.class, Map.of(), null, "--help")) {
                assertEquals(0, help.exitCode(Duration.ofSeconds(30)));
                jvmStart = help.elapsed();
            }
        }
        Duration beyondJvmStart = p.elapsed().minus(jvmStart);
        assertTrue(beyondJvmStart.compareTo(FIVE_SECONDS) < 0, "took " + p.elapsed() + ", --help " + jvmStart);
    }

    private static void assertNoStackTrace(String stderr) {
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "a stack trace:\n" + stderr);
    }

    @Test
    void anEmptySetupListsEveryMissingSettingAtOnce() throws Exception {
        try (MainProcess p = MainProcess.start(Main.class, Map.of("PALAUTE_DB_URL", TestDatabases.newSqliteUrl()), null)) {
            assertEquals(2, p.exitCode(Duration.ofSeconds(30)), p.stderr());
            List<String> lines = p.stderr().strip().lines().toList();
            for (String missing : List.of("PALAUTE_PUBLIC_URL", "PALAUTE_LINK_SECRET", "ZENDESK_SUBDOMAIN",
                    "ZENDESK_EMAIL", "ZENDESK_API_TOKEN", "ZENDESK_WEBHOOK_SECRET")) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("palaute: " + missing + ": is required")),
                        missing + " not listed:\n" + p.stderr());
            }
            assertEquals(6, lines.size(), "one line per missing setting:\n" + p.stderr());
            assertNoStackTrace(p.stderr());
        }
    }

    @Test
    void aDatabaseInAFolderThatDoesNotExistIsOneLineWithinFiveSeconds() throws Exception {
        Map<String, String> env = valid();
        env.put("PALAUTE_DB_URL", "jdbc:sqlite:/palaute-no-such-folder/palaute.db");
        try (MainProcess p = MainProcess.start(Main.class, env, null)) {
            assertEquals(2, p.exitCode(Duration.ofSeconds(30)), p.stderr());
            assertEquals("palaute: PALAUTE_DB_URL: cannot open jdbc:sqlite:/palaute-no-such-folder/palaute.db: the folder "
                    + "/palaute-no-such-folder does not exist", p.stderr().strip());
            assertWithinFiveSeconds(p);
        }
    }

    /** PostgreSQL's own reasons: a closed port, a wrong password, a database that does not exist. */
    @ParameterizedTest
    @ValueSource(strings = {"closed port", "wrong password", "missing database"})
    void anUnreachablePostgresqlIsOneLineWithItsReasonWithinFiveSeconds(String problem) throws Exception {
        String admin = TestDatabases.pgAdminUrl();
        assumeTrue(admin != null || TestDatabases.isCi(), "PALAUTE_TEST_PG_URL is not set");
        if (admin == null) throw new AssertionError(TestDatabases.PG_URL_VARIABLE + " must be set under CI");
        String url;
        String reason;
        switch (problem) {
            case "closed port" -> {
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
                reason = "Connection to 127.0.0.1:" + port + " refused";
            }
            case "wrong password" -> {
                url = admin.replaceAll("password=[^&]*", "password=not-the-password");
                if (!url.contains("password=")) url = url + (url.contains("?") ? "&" : "?") + "password=not-the-password";
                reason = "password authentication failed";
            }
            default -> {
                url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1palaute_no_such_database");
                reason = "database \"palaute_no_such_database\" does not exist";
            }
        }
        Map<String, String> env = valid();
        env.put("PALAUTE_DB_URL", url);
        try (MainProcess p = MainProcess.start(Main.class, env, null)) {
            assertEquals(2, p.exitCode(Duration.ofSeconds(30)), p.stderr());
            String line = p.stderr().strip();
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.startsWith("palaute: PALAUTE_DB_URL: cannot open jdbc:postgresql://") && line.contains(reason), line);
            assertFalse(line.contains("not-the-password"), "the password is printed: " + line);
            assertWithinFiveSeconds(p);
        }
    }

    @Test
    void aPortInUseIsOneLineNamingPalautePortAndThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> env = valid();
            env.put("PALAUTE_PORT", String.valueOf(taken.getLocalPort()));
            try (MainProcess p = MainProcess.start(Main.class, env, null)) {
                assertEquals(2, p.exitCode(Duration.ofSeconds(30)), p.stderr());
                List<String> problems = p.stderr().lines().filter(l -> l.startsWith("palaute: ")).toList();
                assertEquals(List.of("palaute: PALAUTE_PORT: port " + taken.getLocalPort() + " is already in use"),
                        problems.stream().map(l -> l.replaceFirst(" \\(.*", "")).toList(), p.stderr());
                assertNoStackTrace(p.stderr());
            }
        }
    }

    @Test
    void riskyValuesStartWithAWarningLineAndTheLogNamesTheDatabaseFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Map<String, String> env = valid();
        env.put("PALAUTE_DB_URL", "jdbc:sqlite:palaute.db"); // relative: the log must say where it is
        env.put("PALAUTE_SEND_DELAY", "P5D");
        env.put("PALAUTE_ANSWER_WINDOW", "PT12H");
        env.put("PALAUTE_LOCALE", "sv");
        env.put("PALAUTE_PUBLIC_URL", "http://cx.example.test");
        try (MainProcess p = MainProcess.start(Main.class, env, dir)) {
            assertTrue(p.awaitStderr("the listening line", l -> l.contains(" listening on "), Duration.ofSeconds(60)),
                    p.stderr());
            String log = p.stderr();
            for (String warning : List.of("PALAUTE_SEND_DELAY P5D is longer than Zendesk's default auto-close",
                    "PALAUTE_ANSWER_WINDOW PT12H is under one day", "PALAUTE_LOCALE sv: survey template csat has no sv version",
                    "PALAUTE_PUBLIC_URL is http://, not https://")) {
                assertTrue(log.lines().anyMatch(l -> l.contains("WARN") && l.contains(warning)), warning + ":\n" + log);
            }
            String file = dir.resolve("palaute.db").toAbsolutePath().normalize().toString();
            assertTrue(log.lines().anyMatch(l -> l.contains(" listening on ") && l.contains("jdbc:sqlite:" + file)), log);
            assertTrue(Files.exists(Path.of(file)));
        }
    }

    @Test
    void outputIsUtf8WhateverLangSays() throws Exception {
        try (FakeZendesk zendesk = new FakeZendesk()) {
            zendesk.server.stubFor(get(urlEqualTo("/api/v2/users/me")).willReturn(okJson(
                    "{\"user\": {\"id\": 7001, \"name\": \"Päivi Järvinen\", \"email\": \"palaute@acme.test\", "
                            + "\"role\": \"agent\"}}")));
            Map<String, String> env = valid();
            env.remove("ZENDESK_SUBDOMAIN");
            env.put("ZENDESK_URL", zendesk.url());
            env.put("LANG", "C");
            env.put("LC_ALL", "C");
            try (MainProcess p = MainProcess.start(Main.class, env, null, "check")) {
                assertEquals(0, p.exitCode(Duration.ofSeconds(30)), p.stdout() + p.stderr());
                byte[] name = "Päivi Järvinen".getBytes(StandardCharsets.UTF_8);
                String raw = new String(p.stdoutBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(raw.contains(new String(name, StandardCharsets.ISO_8859_1)),
                        "not UTF-8 under LANG=C:\n" + p.stdout());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "PALAUTE_BRAND_COLOR | green        | must be a colour written #rrggbb, such as #0a7d3e",
            "PALAUTE_BRAND_COLOR | #0a7d3       | must be a colour written #rrggbb, such as #0a7d3e",
            "PALAUTE_LOGO_URL    | http://cdn.acme.test/logo.png | must be an absolute https URL, such as https://example.com/logo.png",
            "PALAUTE_LOGO_URL    | logo.png     | must be an absolute https URL, such as https://example.com/logo.png"})
    void badBrandingStopsStartUpWithOneLineNamingTheSetting(String setting, String value, String problem)
            throws Exception {
        Map<String, String> env = valid();
        env.put(setting, value);
        try (MainProcess p = MainProcess.start(Main.class, env, null)) {
            assertEquals(2, p.exitCode(Duration.ofSeconds(30)), p.stderr());
            assertEquals("palaute: " + setting + ": " + problem, p.stderr().strip());
        }
    }
}
