package fi.palaute.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command, run non-interactively: the whole loop happens and is shown. */
class DemoTest {
    @Test
    void demoRunsTheWholeLoopAndShowsWhatSlackReceived() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (Demo demo = new Demo(out)) {
            demo.run();
        }
        String shown = buffer.toString(StandardCharsets.UTF_8);
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
        assertTrue(shown.contains("palaute_webhooks_total{source=\"zendesk\",result=\"accepted\"} 2"), shown);
        assertTrue(shown.contains("palaute_surveys_total{source=\"zendesk\",outcome=\"sent\",reason=\"\"} 2"), shown);
        assertTrue(shown.contains("palaute_job_runs_total{kind=\"zendesk.survey\",outcome=\"done\"} 2"), shown);
        assertTrue(shown.matches("(?s).*palaute_api_calls_total\\{vendor=\"zendesk\",purpose=\"survey\",kind=\"[^\"]+\",status=\"200\"} \\d+.*"), shown);
        assertTrue(shown.matches("(?s).*Open this in a browser:\\s+http://localhost:\\d+/r/[A-Za-z0-9_-]{32}\\?score=5.*"), shown);
        assertTrue(shown.strip().matches("(?s).*\\n\\s+http://localhost:\\d+/dashboard\\n\\s+admin token: \\S{16,}$"),
                "the demo ends with the dashboard's address and the admin token: " + shown);
    }
}
