package fi.palaute.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's first command, run non-interactively: the whole loop happens and is shown. */
class DemoTest {
    @Test
    void demoRunsTheWholeLoopAndShowsWhatSlackReceived() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        String shown;
        List<String> tryIt = new ArrayList<>();
        try (Demo demo = new Demo(out)) {
            demo.run();
            shown = buffer.toString(StandardCharsets.UTF_8);
            // Every "Try it yourself" link opens the form: the survey is still open.
            Matcher links = Pattern.compile("(?m)^    (in English|suomeksi), \\w+ ticket \\d+: (http://127\\.0\\.0\\.1:\\d+/r/"
                    + "[A-Za-z0-9_-]{32})$").matcher(shown);
            HttpClient http = HttpClient.newHttpClient();
            while (links.find()) {
                tryIt.add(links.group(1));
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(links.group(2))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), links.group());
                assertTrue(page.body().contains("name=\"nonce\"") && !page.body().contains("class=\"notice\""),
                        "an open, unanswered survey's form: " + links.group());
            }
        }
        System.out.println(shown);
        assertTrue(shown.contains("zendesk ticket 1001 solved -> POST /webhooks/zendesk (signed) -> 202"), shown);
        assertTrue(shown.contains("freshdesk ticket 2001 resolved -> POST /webhooks/freshdesk -> 202"), shown);
        assertTrue(shown.contains("How satisfied were you with the support you received?"), "English survey");
        assertTrue(shown.contains("Kuinka tyytyväinen"), "the Finnish requester got the Finnish survey");
        assertTrue(shown.matches("(?s).*zendesk ticket 1001: GET /r/[A-Za-z0-9_-]{32}\\?score=5 -> 200 .* -> 303.*"), shown);
        assertTrue(shown.contains("Took three e-mails"), "the low score's comment reaches the Slack alert");
        assertTrue(shown.contains("<@U0AINO> is following up."), "the alert shows who claimed it: " + shown);
        assertTrue(shown.contains("only ben sees: This follow-up is already taken by <@U0AINO>."), shown);
        assertTrue(shown.contains("Closed by <@U0AINO> (customer reached): Called the customer"), "closed with the outcome");
        assertTrue(shown.contains("freshdesk ticket 2001, private note: Palaute follow-up"), "the outcome reached the ticket");
        assertTrue(shown.contains("channel C0DIGEST:"), "the digest was posted");
        assertTrue(shown.contains("*Follow-ups* 1 low score, 1 followed up"), "the digest counts the follow-up: " + shown);
        assertTrue(shown.contains("\"csat\""), "the admin API answered");
        assertTrue(shown.contains("palaute_webhooks_total{source=\"zendesk\",result=\"accepted\"} 3"), shown);
        assertTrue(shown.contains("palaute_surveys_total{source=\"zendesk\",outcome=\"sent\",reason=\"\"} 3"), shown);
        assertTrue(shown.contains("palaute_job_runs_total{kind=\"zendesk.survey\",outcome=\"done\"} 3"), shown);
        assertTrue(shown.matches("(?s).*palaute_api_calls_total\\{vendor=\"zendesk\",purpose=\"survey\",kind=\"[^\"]+\",status=\"200\"} \\d+.*"), shown);
        assertEquals(List.of("in English", "suomeksi"), tryIt, "one open survey per language: " + shown);
        assertTrue(shown.strip().matches("(?s).*\\n\\s+http://127\\.0\\.0\\.1:\\d+/dashboard\\n\\s+admin token: \\S{16,}$"),
                "the demo ends with the dashboard's address and the admin token: " + shown);
    }
}
