package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

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

/** {@code check}: a readable report and an exit code a script can trust. */
class CheckCommandTest {
    FreshdeskFake fake = new FreshdeskFake();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        fake.close();
    }

    private int check(Map<String, String> env) {
        return new CheckCommand(new Settings(env), new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC()).run();
    }

    private String report() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void allGoodReportsTheAgentAndExitsZero() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/agents/me")).willReturn(okJson(
                "{\"id\": 2001, \"available\": true, \"occasional\": false, \"ticket_scope\": 1, "
                        + "\"contact\": {\"name\": \"Palaute Bot\", \"email\": \"bot@example.com\", \"language\": \"en\"}}")));
        int code = check(Harness.settings(fake, TestDatabases.Kind.SQLITE, Map.of()));
        assertEquals(0, code, report());
        assertTrue(report().contains("Palaute Bot <bot@example.com>"), report());
        assertTrue(report().contains(Harness.PUBLIC_URL + "/webhooks/freshdesk"), report());
        assertFalse(report().contains(FreshdeskFake.API_KEY) || report().contains(Harness.SECRET), "no secrets in the report");
    }

    @Test
    void rejectedApiKeyFailsWithFreshdesksMessage() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/agents/me")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"invalid_credentials\",\"message\":\"You have to be logged in to perform this action.\"}")));
        int code = check(Harness.settings(fake, TestDatabases.Kind.SQLITE, Map.of()));
        assertEquals(1, code, report());
        assertTrue(report().contains("FAIL  freshdesk API") && report().contains("You have to be logged in")
                && report().contains("FRESHDESK_API_KEY"), report());
    }

    @Test
    void missingSettingIsNamedAndFails() {
        Map<String, String> env = new HashMap<>(Harness.settings(fake, TestDatabases.Kind.SQLITE, Map.of()));
        env.remove("FRESHDESK_WEBHOOK_SECRET");
        assertEquals(1, check(env));
        assertTrue(report().contains("FRESHDESK_WEBHOOK_SECRET: is required"), report());
    }
}
