package fi.palaute.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fi.palaute.common.config.Settings;
import fi.palaute.common.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code check} on the Slack connector, against WireMock answering as Slack documents auth.test and
 * conversations.info (https://api.slack.com/methods/auth.test, /methods/conversations.info).
 */
class CheckCommandTest {
    private static final String TOKEN = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_DB_URL", TestDatabases.newSqliteUrl());
        env.put("SLACK_API_URL", slack.baseUrl());
        env.put("SLACK_BOT_TOKEN", TOKEN);
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_DIGEST_CHANNEL", "C012AB3CD");
        env.put("SLACK_ALERT_CHANNEL", "C0ALERTS1");
        return env;
    }

    private int check(Map<String, String> env) {
        return new CheckCommand(new Settings(env), Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8)).run();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void authOk() {
        slack.stubFor(post(urlEqualTo("/auth.test")).willReturn(okJson("{\"ok\": true, "
                + "\"url\": \"https://subarachnoid.slack.com/\", \"team\": \"Subarachnoid Workspace\", "
                + "\"user\": \"palaute\", \"team_id\": \"T12345678\", \"user_id\": \"W12345678\", \"bot_id\": \"B12345678\", "
                + "\"is_enterprise_install\": false}")));
    }

    private static void channel(String id, String name, boolean member, boolean archived) {
        slack.stubFor(get(urlPathEqualTo("/conversations.info")).withQueryParam("channel", equalTo(id))
                .willReturn(okJson("{\"ok\": true, \"channel\": {\"id\": \"" + id + "\", \"name\": \"" + name + "\", "
                        + "\"is_channel\": true, \"is_group\": false, \"is_im\": false, \"created\": 1449252889, "
                        + "\"creator\": \"W012A3BCD\", \"is_archived\": " + archived + ", \"is_general\": false, "
                        + "\"is_private\": false, \"is_member\": " + member + ", \"topic\": {\"value\": \"\"}, "
                        + "\"purpose\": {\"value\": \"\"}}}")));
    }

    /** conversations.history as Slack answers it (https://api.slack.com/methods/conversations.history). */
    private static void historyReadable() {
        slack.stubFor(get(urlPathEqualTo("/conversations.history")).willReturn(okJson("{\"ok\": true, \"messages\": [], "
                + "\"has_more\": false, \"pin_count\": 0, \"response_metadata\": {\"next_cursor\": \"\"}}")));
    }

    @Test
    void passesWithAGoodTokenAndChannelsTheAppIsIn() {
        authOk();
        channel("C012AB3CD", "cx-digest", true, false);
        channel("C0ALERTS1", "cx-alerts", true, false);
        historyReadable();
        assertEquals(0, check(env()), output());
        assertTrue(output().contains("ok    slack API          token signs in as palaute (W12345678) in Subarachnoid "
                + "Workspace (T12345678)"), output());
        assertTrue(output().contains("ok    SLACK_DIGEST_CHANNEL #cx-digest (C012AB3CD), the app is a member"), output());
        assertTrue(output().contains("ok    SLACK_ALERT_CHANNEL #cx-alerts (C0ALERTS1), the app is a member"), output());
        assertTrue(output().contains("ok    signing secret"), output());
        slack.verify(postRequestedFor(urlEqualTo("/auth.test")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        slack.verify(getRequestedFor(urlPathEqualTo("/conversations.info")).withHeader("Authorization",
                containing("Bearer ")));
        assertTrue(output().contains("ok    post history       C012AB3CD, C0ALERTS1 readable: posts are exactly once"),
                output());
        slack.verify(getRequestedFor(urlPathEqualTo("/conversations.history")).withQueryParam("channel", equalTo("C0ALERTS1"))
                .withQueryParam("include_all_metadata", equalTo("true")).withQueryParam("limit", equalTo("1")));
        assertFalse(output().contains(TOKEN) || output().contains(SIGNING_SECRET), "no secrets in the report");
    }

    @Test
    void withoutTheHistoryScopeItWarnsThatPostsAreAtLeastOnce() {
        authOk();
        channel("C012AB3CD", "cx-digest", true, false);
        channel("C0ALERTS1", "cx-alerts", true, false);
        slack.stubFor(get(urlPathEqualTo("/conversations.history")).willReturn(okJson("{\"ok\": false, "
                + "\"error\": \"missing_scope\", \"needed\": \"channels:history\", "
                + "\"provided\": \"chat:write,commands,users:read,users:read.email\"}")));
        assertEquals(0, check(env()), "a warning, not a failure: posts still go out: " + output());
        assertTrue(output().contains("warn  post history       cannot read the history of C012AB3CD, C0ALERTS1: posts "
                + "are at least once there"), output());
        assertTrue(output().contains("channels:history and groups:history"), output());
    }

    @Test
    void aRevokedTokenFailsWithSlacksError() {
        slack.stubFor(post(urlEqualTo("/auth.test")).willReturn(okJson("{\"ok\": false, \"error\": \"invalid_auth\"}")));
        assertEquals(1, check(env()), output());
        assertTrue(output().contains("FAIL  slack API") && output().contains("invalid_auth"), output());
    }

    @Test
    void aChannelTheAppIsNotInOrThatDoesNotExistFails() {
        authOk();
        channel("C012AB3CD", "cx-digest", false, false);
        slack.stubFor(get(urlPathEqualTo("/conversations.info")).withQueryParam("channel", equalTo("C0ALERTS1"))
                .willReturn(okJson("{\"ok\": false, \"error\": \"channel_not_found\"}")));
        assertEquals(1, check(env()), output());
        assertTrue(output().contains("FAIL  SLACK_DIGEST_CHANNEL #cx-digest (C012AB3CD): the app is not in it"), output());
        assertTrue(output().contains("FAIL  SLACK_ALERT_CHANNEL C0ALERTS1: no such channel"), output());
    }

    @Test
    void anArchivedChannelFails() {
        authOk();
        channel("C012AB3CD", "old-digest", true, true);
        channel("C0ALERTS1", "cx-alerts", true, false);
        assertEquals(1, check(env()), output());
        assertTrue(output().contains("FAIL  SLACK_DIGEST_CHANNEL #old-digest (C012AB3CD) is archived"), output());
    }

    @Test
    void missingTokenAndSigningSecretAreNamed() {
        Map<String, String> env = env();
        env.remove("SLACK_BOT_TOKEN");
        env.remove("SLACK_SIGNING_SECRET");
        assertEquals(1, check(env), output());
        assertTrue(output().contains("FAIL  settings           SLACK_BOT_TOKEN: is required"), output());
        assertTrue(output().contains("warn  signing secret     SLACK_SIGNING_SECRET is not set"), output());
        assertTrue(output().contains("ok    database"), output());
    }
}
