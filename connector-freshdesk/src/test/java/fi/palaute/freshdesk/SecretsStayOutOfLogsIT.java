package fi.palaute.freshdesk;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Secrets never reach the logs: the Freshdesk suite's logs are scanned for the fixtures' secrets, and the
 * packaged jar is run with fresh ones, exercised, and its output scanned.
 */
class SecretsStayOutOfLogsIT extends SecretsStayOutOfLogsContract {
    private static final String JAR_LINK_SECRET = "jar-link-secret-2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e1b";
    private static final String JAR_ADMIN_TOKEN = "jar-admin-token-8e6c4a2f0d";
    private static final String JAR_WEBHOOK_SECRET = "jar-webhook-secret-3c5e7a9b1d";
    private static final String JAR_API_KEY = "JarFreshdeskKey4hJ6kL8zX0cV2bN4m";
    private static final String JAR_WRONG_KEY = "WrongFreshdeskKey1qA3sD5fG7hJ9kL";

    @Override
    protected SecretScan fixtureSecrets() {
        return new SecretScan()
                .secret("FRESHDESK_WEBHOOK_SECRET", Harness.SECRET)
                .basic("FRESHDESK_WEBHOOK_SECRET", "palaute", Harness.SECRET)
                .secret("FRESHDESK_API_KEY", FreshdeskFake.API_KEY)
                .basic("FRESHDESK_API_KEY", FreshdeskFake.API_KEY, "X")
                .secret("PALAUTE_ADMIN_TOKEN", Harness.ADMIN_TOKEN)
                .secret("PALAUTE_LINK_SECRET", "link-secret-0123456789-0123456789-abc");
    }

    @Override
    protected String lineWithAFixtureSecret() {
        return "[main] INFO x - key " + FreshdeskFake.API_KEY;
    }

    @Override
    protected int suiteLogFiles() {
        return 4;
    }

    @Override
    protected String artifact() {
        return "connector-freshdesk";
    }

    @Override
    protected JarRun runJar(Path jar, Path dir) throws Exception {
        WireMockServer freshdesk = new WireMockServer(options().dynamicPort());
        freshdesk.start();
        freshdesk.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"invalid_credentials\", \"message\": \"You have to be logged in to perform this action.\"}")));
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("PALAUTE_DB_URL", "jdbc:sqlite:" + dir.resolve("palaute.db"));
        env.put("PALAUTE_PORT", Integer.toString(port));
        env.put("PALAUTE_PUBLIC_URL", "https://cx.example.test");
        env.put("PALAUTE_LINK_SECRET", JAR_LINK_SECRET);
        env.put("PALAUTE_ADMIN_TOKEN", JAR_ADMIN_TOKEN);
        env.put("FRESHDESK_URL", freshdesk.baseUrl());
        env.put("FRESHDESK_API_KEY", JAR_API_KEY);
        env.put("FRESHDESK_WEBHOOK_SECRET", JAR_WEBHOOK_SECRET);
        String served;
        try (ServiceProcess service = ServiceProcess.start(jar, env, dir.resolve("serve.log"))) {
            service.awaitHealthy(port);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + port;
            String body = "{\"freshdesk_webhook\": {\"ticket_id\": 4343, \"ticket_status\": \"Resolved\"}}";
            assertEquals(401, post(http, base, body, "X-Palaute-Secret", "wrong-" + JAR_WEBHOOK_SECRET).statusCode());
            assertEquals(401, post(http, base, body, "Authorization", basic("palaute", "wrong-" + JAR_WEBHOOK_SECRET)).statusCode());
            assertEquals(400, post(http, base, "{\"ticket_id\": \"x\"}", "X-Palaute-Secret", JAR_WEBHOOK_SECRET).statusCode());
            // Accepted: the survey job calls the (refusing) API with the key in its Authorization header.
            assertEquals(202, post(http, base, body, "Authorization", basic("palaute", JAR_WEBHOOK_SECRET)).statusCode());
            Eventually.await("the survey job called the API", Duration.ofSeconds(30),
                    () -> !freshdesk.findAll(anyRequestedFor(anyUrl())).isEmpty() && service.output().contains("4343"));
            assertEquals(401, get(http, base + "/api/summary", "Bearer wrong-" + JAR_ADMIN_TOKEN).statusCode());
            assertEquals(200, get(http, base + "/api/responses.csv", "Bearer " + JAR_ADMIN_TOKEN).statusCode());
            assertEquals(404, get(http, base + "/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?score=5", null).statusCode());
            service.stop();
            served = service.output();
        }
        Map<String, String> wrong = new HashMap<>(env);
        wrong.put("FRESHDESK_API_KEY", JAR_WRONG_KEY);
        String checked;
        try (ServiceProcess check = ServiceProcess.start(jar, wrong, dir.resolve("check.log"), "check")) {
            assertNotEquals(0, check.awaitExit(Duration.ofSeconds(60)), "check fails with a wrong key");
            checked = check.output();
        }
        freshdesk.stop();
        return new JarRun(new SecretScan()
                .secret("PALAUTE_LINK_SECRET", JAR_LINK_SECRET)
                .secret("PALAUTE_ADMIN_TOKEN", JAR_ADMIN_TOKEN)
                .secret("FRESHDESK_WEBHOOK_SECRET", JAR_WEBHOOK_SECRET)
                .basic("FRESHDESK_WEBHOOK_SECRET", "palaute", JAR_WEBHOOK_SECRET)
                .secret("FRESHDESK_API_KEY", JAR_API_KEY)
                .basic("FRESHDESK_API_KEY", JAR_API_KEY, "X")
                .secret("wrong FRESHDESK_API_KEY", JAR_WRONG_KEY)
                .basic("wrong FRESHDESK_API_KEY", JAR_WRONG_KEY, "X"), Map.of("serve", served, "check", checked));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(HttpClient http, String base, String body, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/freshdesk")).header("Content-Type", "application/json")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
