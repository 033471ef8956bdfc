package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.Settings;
import fi.palaute.common.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code check}: one readable line per check, non-zero exit on any failure. */
class CheckCommandTest {
    private static final String TOKEN = "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv";
    private final FakeZendesk zendesk = new FakeZendesk();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        zendesk.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_DB_URL", TestDatabases.newSqliteUrl());
        env.put("PALAUTE_PUBLIC_URL", "https://cx.example.test");
        env.put("PALAUTE_LINK_SECRET", "test-link-secret-0123456789abcdefghijkl");
        env.put("ZENDESK_URL", zendesk.url());
        env.put("ZENDESK_EMAIL", "palaute@acme.test");
        env.put("ZENDESK_API_TOKEN", TOKEN);
        env.put("ZENDESK_WEBHOOK_SECRET", "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==");
        return env;
    }

    private int check(Map<String, String> env) {
        return new CheckCommand(new Settings(env), Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8)).run();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passesWithGoodSettingsDatabaseAndAnAgentToken() {
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/users/me")).willReturn(okJson(
                "{\"user\": {\"id\": 7001, \"name\": \"Aino Agent\", \"email\": \"palaute@acme.test\", \"role\": \"admin\", "
                        + "\"locale\": \"en-US\", \"active\": true, \"verified\": true}}")));
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/ticket_fields/" + FakeZendesk.HANDLE_TIME_FIELD)).willReturn(okJson(
                "{\"ticket_field\": {\"id\": " + FakeZendesk.HANDLE_TIME_FIELD + ", \"type\": \"integer\", "
                        + "\"title\": \"Total time spent (sec)\", \"active\": true}}")));
        Map<String, String> env = env();
        env.put("ZENDESK_HANDLE_TIME_FIELD", String.valueOf(FakeZendesk.HANDLE_TIME_FIELD));
        assertEquals(0, check(env), output());
        assertTrue(output().contains("signed in as Aino Agent"), output());
        assertTrue(output().contains("Total time spent (sec)"), output());
        assertTrue(output().contains("All checks passed"), output());
    }

    @Test
    void reportsEveryProblemAndExitsNonZeroWithoutPrintingSecrets() {
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/users/me"))
                .willReturn(FakeZendesk.zendeskError(401, "{\"error\": \"Couldn't authenticate you\"}")));
        Map<String, String> env = env();
        env.remove("PALAUTE_LINK_SECRET");
        assertEquals(1, check(env), output());
        assertTrue(output().contains("FAIL  settings") && output().contains("PALAUTE_LINK_SECRET"), output());
        assertTrue(output().contains("ok    database"), output());
        assertTrue(output().contains("FAIL  zendesk API") && output().contains("Couldn't authenticate you"), output());
        assertFalse(output().contains(TOKEN), output());
    }

    @Test
    void anEndUserTokenFails() {
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/users/me")).willReturn(okJson(
                "{\"user\": {\"id\": 9001, \"name\": \"Maija\", \"email\": \"palaute@acme.test\", \"role\": \"end-user\"}}")));
        assertEquals(1, check(env()), output());
        assertTrue(output().contains("must belong to an agent or admin"), output());
    }

    @Test
    void testsTheApiTokenEvenBeforeSetupHasCreatedTheWebhookSecret() {
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/users/me")).willReturn(okJson(
                "{\"user\": {\"id\": 7001, \"name\": \"Aino Admin\", \"email\": \"palaute@acme.test\", \"role\": \"admin\"}}")));
        Map<String, String> env = env();
        env.remove("ZENDESK_WEBHOOK_SECRET");
        assertEquals(1, check(env), output());
        assertTrue(output().contains("FAIL  settings           ZENDESK_WEBHOOK_SECRET: is required"), output());
        assertTrue(output().contains("ok    zendesk API        signed in as Aino Admin"), output());
    }

    @Test
    void anUnreachableDatabaseShowsTheDatabasesOwnReason() {
        Map<String, String> env = env();
        env.put("PALAUTE_DB_URL", "jdbc:sqlite:/palaute-no-such-folder/palaute.db");
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/users/me")).willReturn(okJson(
                "{\"user\": {\"id\": 7001, \"name\": \"Aino Admin\", \"email\": \"palaute@acme.test\", \"role\": \"admin\"}}")));
        assertEquals(1, check(env), output());
        assertTrue(output().contains("FAIL  database           PALAUTE_DB_URL: cannot open "
                + "jdbc:sqlite:/palaute-no-such-folder/palaute.db: the folder /palaute-no-such-folder does not exist"), output());
        assertFalse(output().contains("HikariPool") || output().contains("Connection is not available"), output());
    }

    @Test
    void riskyValuesAreWarnedAboutButDoNotFail() {
        zendesk.server.stubFor(get(urlEqualTo("/api/v2/users/me")).willReturn(okJson(
                "{\"user\": {\"id\": 7001, \"name\": \"Aino Admin\", \"email\": \"palaute@acme.test\", \"role\": \"admin\"}}")));
        Map<String, String> env = env();
        env.put("PALAUTE_SEND_DELAY", "P5D");
        assertEquals(0, check(env), output());
        assertTrue(output().contains("warn  settings           PALAUTE_SEND_DELAY P5D is longer than Zendesk's default "
                + "auto-close"), output());
    }
}
