package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import fi.palaute.common.secrets.SecretScan;
import fi.palaute.common.secrets.SecretsStayOutOfLogsContract;
import fi.palaute.common.secrets.ServiceProcess;
import fi.palaute.common.store.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Secrets never reach the logs. Runs after the unit and service tests (failsafe, after packaging): scans
 * everything the services logged during this module's test suite for every secret the fixtures
 * configure, then runs the packaged jar with fresh secrets, exercises it, and scans its output.
 */
class SecretsStayOutOfLogsIT extends SecretsStayOutOfLogsContract {
    private static final String JAR_LINK_SECRET = "jar-link-secret-7f3a9c1e5b2d4f608a1c3e5f7b9d2e4a";
    private static final String JAR_ADMIN_TOKEN = "jar-admin-token-5d1c9e7a3b";
    private static final String JAR_WEBHOOK_SECRET = "amFyLXdlYmhvb2stc2VjcmV0LTRhOGM2ZTJmMGI=";
    private static final String JAR_API_TOKEN = "JarApiToken9qW3eR5tY7uI1oP3aS5dF7gH9jK";
    private static final String JAR_WRONG_TOKEN = "WrongApiToken2zX4cV6bN8mQ0wE2rT4yU6iO8";
    private static final String EMAIL = "ops@acme.test";

    @Override
    protected SecretScan fixtureSecrets() {
        return new SecretScan()
                .secret("ZENDESK_WEBHOOK_SECRET", RunningConnector.WEBHOOK_SECRET)
                .secret("ZENDESK_API_TOKEN", RunningConnector.API_TOKEN)
                .basic("ZENDESK_API_TOKEN", RunningConnector.EMAIL + "/token", RunningConnector.API_TOKEN)
                .secret("PALAUTE_ADMIN_TOKEN", RunningConnector.ADMIN_TOKEN)
                .secret("PALAUTE_LINK_SECRET", RunningConnector.LINK_SECRET);
    }

    @Override
    protected String lineWithAFixtureSecret() {
        return "[main] INFO x - token " + RunningConnector.API_TOKEN;
    }

    @Override
    protected int suiteLogFiles() {
        return 6;
    }

    @Override
    protected String artifact() {
        return "connector-zendesk";
    }

    @Override
    protected JarRun runJar(Path jar, Path dir) throws Exception {
        WireMockServer zendesk = new WireMockServer(options().dynamicPort());
        zendesk.start();
        zendesk.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"Couldn't authenticate you\"}")));
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_DB_URL", "jdbc:sqlite:" + dir.resolve("palaute.db"));
        env.put("PALAUTE_PORT", Integer.toString(port));
        env.put("PALAUTE_PUBLIC_URL", "https://cx.example.test");
        env.put("PALAUTE_LINK_SECRET", JAR_LINK_SECRET);
        env.put("PALAUTE_ADMIN_TOKEN", JAR_ADMIN_TOKEN);
        env.put("ZENDESK_URL", zendesk.baseUrl());
        env.put("ZENDESK_EMAIL", EMAIL);
        env.put("ZENDESK_API_TOKEN", JAR_API_TOKEN);
        env.put("ZENDESK_WEBHOOK_SECRET", JAR_WEBHOOK_SECRET);
        String served;
        try (ServiceProcess service = ServiceProcess.start(jar, env, dir.resolve("serve.log"))) {
            service.awaitHealthy(port);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + port;
            String body = "{\"ticket_id\": \"4242\", \"status\": \"solved\"}";
            String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String signature = new WebhookSignature(JAR_WEBHOOK_SECRET, java.time.Clock.systemUTC()).sign(ts, body.getBytes(StandardCharsets.UTF_8));
            assertEquals(401, post(http, base + "/webhooks/zendesk", body, ts, "Zm9yZ2Vk").statusCode());
            assertEquals(400, post(http, base + "/webhooks/zendesk", "{\"ticket_id\": \"x\"}", ts,
                    new WebhookSignature(JAR_WEBHOOK_SECRET, java.time.Clock.systemUTC()).sign(ts, "{\"ticket_id\": \"x\"}".getBytes(StandardCharsets.UTF_8))).statusCode());
            // An accepted webhook: the survey job calls the (refusing) API with the token in its Authorization header.
            assertEquals(202, post(http, base + "/webhooks/zendesk", body, ts, signature).statusCode());
            Eventually.await("the survey job called the API", Duration.ofSeconds(30),
                    () -> !zendesk.findAll(anyRequestedFor(anyUrl())).isEmpty() && service.output().contains("4242"));
            assertEquals(401, get(http, base + "/api/summary", "Bearer wrong-" + JAR_ADMIN_TOKEN).statusCode());
            assertEquals(200, get(http, base + "/api/summary", "Bearer " + JAR_ADMIN_TOKEN).statusCode());
            assertEquals(404, get(http, base + "/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?score=5", null).statusCode());
            assertEquals(200, get(http, base + "/metrics", null).statusCode());
            service.stop();
            served = service.output();
        }
        Map<String, String> wrong = new HashMap<>(env);
        wrong.put("ZENDESK_API_TOKEN", JAR_WRONG_TOKEN);
        wrong.put("PALAUTE_PORT", Integer.toString(ServiceProcess.freePort()));
        String checked;
        try (ServiceProcess check = ServiceProcess.start(jar, wrong, dir.resolve("check.log"), "check")) {
            assertNotEquals(0, check.awaitExit(Duration.ofSeconds(60)), "check fails with a wrong token");
            checked = check.output();
        }
        zendesk.stop();
        return new JarRun(new SecretScan()
                .secret("PALAUTE_LINK_SECRET", JAR_LINK_SECRET)
                .secret("PALAUTE_ADMIN_TOKEN", JAR_ADMIN_TOKEN)
                .secret("ZENDESK_WEBHOOK_SECRET", JAR_WEBHOOK_SECRET)
                .secret("ZENDESK_API_TOKEN", JAR_API_TOKEN)
                .basic("ZENDESK_API_TOKEN", EMAIL + "/token", JAR_API_TOKEN)
                .secret("wrong ZENDESK_API_TOKEN", JAR_WRONG_TOKEN)
                .basic("wrong ZENDESK_API_TOKEN", EMAIL + "/token", JAR_WRONG_TOKEN), Map.of("serve", served, "check", checked));
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body, String ts, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, ts).header(WebhookSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
