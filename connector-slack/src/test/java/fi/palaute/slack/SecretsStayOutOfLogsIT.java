package fi.palaute.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import fi.palaute.common.secrets.SecretScan;
import fi.palaute.common.secrets.SecretsStayOutOfLogsContract;
import fi.palaute.common.secrets.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Secrets never reach the logs: the Slack suite's logs are scanned for the fixtures' tokens and signing
 * secrets, and the packaged jar is run with fresh ones, exercised, and its output scanned.
 */
class SecretsStayOutOfLogsIT extends SecretsStayOutOfLogsContract {
    private static final String JAR_BOT_TOKEN = "xoxb-000111222333-444555666777-JarBotTokenValue9x";
    private static final String JAR_SIGNING_SECRET = "9a8b7c6d5e4f30211f2e3d4c5b6a7980";
    private static final String JAR_ADMIN_TOKEN = "jar-admin-token-slack-1a2b3c";

    @Override
    protected SecretScan fixtureSecrets() {
        return new SecretScan()
                .secret("SLACK_SIGNING_SECRET", SlackConnectorTest.SIGNING_SECRET)
                .secret("SLACK_SIGNING_SECRET (fuzz)", SlackCommandFuzzTest.SIGNING_SECRET)
                .secret("SLACK_BOT_TOKEN", "xoxb-test-token")
                .secret("SLACK_BOT_TOKEN (fuzz)", SlackCommandFuzzTest.BOT_TOKEN)
                .secret("SLACK_BOT_TOKEN (main)", "xoxb-secret-value");
    }

    @Override
    protected String lineWithAFixtureSecret() {
        return "[main] WARN x - Bearer xoxb-test-token";
    }

    @Override
    protected int suiteLogFiles() {
        return 3;
    }

    @Override
    protected String artifact() {
        return "connector-slack";
    }

    @Override
    protected JarRun runJar(Path jar, Path dir) throws Exception {
        WireMockServer slack = new WireMockServer(options().dynamicPort());
        slack.start();
        // Slack answers 200 with ok=false for a token it does not know.
        slack.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\": false, \"error\": \"invalid_auth\"}")));
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_DB_URL", "jdbc:sqlite:" + dir.resolve("palaute.db"));
        env.put("PALAUTE_PORT", Integer.toString(port));
        env.put("PALAUTE_ADMIN_TOKEN", JAR_ADMIN_TOKEN);
        env.put("SLACK_BOT_TOKEN", JAR_BOT_TOKEN);
        env.put("SLACK_API_URL", slack.baseUrl() + "/api");
        env.put("SLACK_SIGNING_SECRET", JAR_SIGNING_SECRET);
        env.put("SLACK_DIGEST_CHANNEL", "C0DIGEST");
        env.put("SLACK_ALERT_CHANNEL", "C0ALERT");
        String served;
        try (ServiceProcess service = ServiceProcess.start(jar, env, dir.resolve("serve.log"))) {
            service.awaitHealthy(port);
            HttpClient http = HttpClient.newHttpClient();
            String url = "http://localhost:" + port + "/slack/commands";
            String body = "token=x&team_id=T0001&command=%2Fcx&text=week";
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            String good = new SlackSignatureVerifier(JAR_SIGNING_SECRET, Clock.systemUTC()).expectedSignature(ts, body);
            assertEquals(401, command(http, url, body, ts, "v0=" + "0".repeat(64)).statusCode());
            assertEquals(401, command(http, url, body, Long.toString(Long.parseLong(ts) - 600),
                    new SlackSignatureVerifier(JAR_SIGNING_SECRET, Clock.systemUTC()).expectedSignature(Long.toString(Long.parseLong(ts) - 600), body)).statusCode());
            assertEquals(200, command(http, url, body, ts, good).statusCode());
            service.stop();
            served = service.output();
        }
        String posted;
        try (ServiceProcess digest = ServiceProcess.start(jar, env, dir.resolve("digest.log"), "digest", "--period", "week")) {
            digest.awaitExit(Duration.ofSeconds(60));
            posted = digest.output();
        }
        assertFalse(slack.findAll(anyRequestedFor(anyUrl())).isEmpty(), "the digest was posted with the bot token");
        slack.stop();
        return new JarRun(new SecretScan()
                .secret("SLACK_BOT_TOKEN", JAR_BOT_TOKEN)
                .secret("SLACK_SIGNING_SECRET", JAR_SIGNING_SECRET)
                .secret("PALAUTE_ADMIN_TOKEN", JAR_ADMIN_TOKEN), Map.of("serve", served, "digest", posted));
    }

    private static HttpResponse<String> command(HttpClient http, String url, String body, String ts, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
