package fi.palaute.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Settings;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.Database;
import fi.palaute.freshdesk.FreshdeskConnector;
import fi.palaute.freshdesk.FreshdeskFake;
import fi.palaute.slack.DigestCommand;
import fi.palaute.slack.PeriodKind;
import fi.palaute.slack.SlackService;
import fi.palaute.slack.SlackSettings;
import fi.palaute.zendesk.FakeZendesk;
import fi.palaute.zendesk.WebhookSignature;
import fi.palaute.zendesk.ZendeskConnector;
import fi.palaute.zendesk.ZendeskSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the demo: start the stand-ins and the three connectors on one SQLite file, solve tickets,
 * show the surveys, answer some through the real rating pages, and show what Slack receives.
 */
final class Demo implements AutoCloseable {
    private static final String ZENDESK_SECRET = "demo-zendesk-webhook-secret";
    private static final String FRESHDESK_SECRET = "demo-freshdesk-webhook-secret";
    private static final String ADMIN_TOKEN = "demo-admin-token-0123456789";
    private static final String ALERTS = "C0ALERTS";
    private static final String DIGESTS = "C0DIGEST";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0 Safari/537.36 (Palaute demo)";
    private static final Pattern LINK = Pattern.compile("https?://[^\"'<>\\s]+/r/[A-Za-z0-9_-]{32}\\?score=(\\d+)");
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    /** The one address everything listens on and every printed link uses. */
    static final String LOOPBACK = "127.0.0.1";

    /** A port the demo was told to use (--port-base) is taken by another program. */
    static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    private final PrintStream out;
    private final DemoOptions options;
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<AutoCloseable> running = new ArrayList<>();
    private Path folder;
    private FakeZendesk zendesk;
    private FreshdeskFake freshdesk;
    private SlackStandIn slack;
    private ServiceRuntime zendeskService;
    private ServiceRuntime freshdeskService;
    private String dbUrl;
    private Map<String, String> slackEnv;
    private int slackPort;

    Demo(PrintStream out) {
        this(out, DemoOptions.defaults());
    }

    Demo(PrintStream out, DemoOptions options) {
        this.out = out;
        this.options = options;
    }

    /** A survey nobody has answered yet, in the language it was sent in. */
    private record OpenSurvey(String language, Survey survey) {}

    /**
     * One still-open survey per language, English first: sent, not answered and not expired, as the
     * database says now (a link to an answered or closed survey would not show the form).
     */
    private List<OpenSurvey> openSurveys(List<Survey> surveys) {
        Map<String, OpenSurvey> byLanguage = new java.util.TreeMap<>();
        try (Database db = Database.open(dbUrl, null, null)) {
            for (Survey s : surveys) {
                boolean open = db.inTransaction(tx -> tx.queryLong("""
                        SELECT COUNT(*) FROM surveys s WHERE s.source = ? AND s.ticket_id = ? AND s.state = 'sent'
                          AND s.expires_at > ? AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.survey_id = s.id)""",
                        s.source(), Long.toString(s.ticket()), clock.millis())) == 1;
                String locale = db.inTransaction(tx -> tx.queryOne("SELECT locale FROM surveys WHERE source = ? AND "
                        + "ticket_id = ?", rs -> rs.getString(1), s.source(), Long.toString(s.ticket()))).orElse("en");
                String language = "fi".equals(locale) ? "suomeksi" : "in English";
                if (open) byLanguage.putIfAbsent(language, new OpenSurvey(language, s));
            }
        }
        return List.copyOf(byLanguage.values());
    }

    /** The rating page with no score chosen yet: a score link without its {@code ?score=}. */
    private static String formLink(Survey survey) {
        String link = survey.links().values().iterator().next();
        return link.substring(0, link.indexOf('?'));
    }

    /** A survey as the customer received it. */
    private record Survey(String source, long ticket, String html, Map<Integer, String> links) {}

    /**
     * Starts the stand-ins and the three connectors on 127.0.0.1 and prints where they are, the dashboard
     * and the admin token. {@link #run} does it first when it has not been done.
     *
     * @throws PortTakenException when --port-base names a port another program holds
     */
    void start() throws Exception {
        if (zendeskService != null) return;
        folder = Files.createTempDirectory("palaute-demo");
        dbUrl = "jdbc:sqlite:" + folder.resolve("palaute.db");
        int[] ports = ports();
        zendesk = keep(new FakeZendesk(ports[3]));
        freshdesk = keep(new FreshdeskFake(ports[4]));
        slack = keep(new SlackStandIn(ports[5]));
        startServices(ports[0], ports[1], ports[2]);

        out.println("Palaute demo: the whole loop on " + dbUrl);
        out.println("Everything listens on " + LOOPBACK + " only; nothing leaves this machine.");
        out.println();
        out.printf("zendesk connector    %s%n", base(zendeskService));
        out.printf("freshdesk connector  %s%n", base(freshdeskService));
        out.printf("slack connector      %s%n", local(slackPort));
        out.printf("Zendesk stand-in     %s%n", local(port(zendesk.url())));
        out.printf("Freshdesk stand-in   %s%n", local(port(freshdesk.url())));
        out.printf("Slack stand-in       %s%n", slack.apiUrl());
        out.printf("dashboard            %s/dashboard%n", base(zendeskService));
        out.printf("admin token          %s   (dashboard sign-in; Authorization: Bearer for /api/*)%n", ADMIN_TOKEN);
    }

    /** The six ports: --port-base and the next five exactly, else 8081-8083 when free and any free ones. */
    private int[] ports() {
        int[] ports = new int[DemoOptions.PORTS];
        if (options.portBase().isPresent()) {
            int base = options.portBase().getAsInt();
            for (int i = 0; i < ports.length; i++) {
                ports[i] = base + i;
                if (!isFree(ports[i])) {
                    throw new PortTakenException("port " + ports[i] + " on " + LOOPBACK + " is in use (--port-base " + base
                            + " takes " + base + "-" + (base + DemoOptions.PORTS - 1) + "); choose another base");
                }
            }
            return ports;
        }
        ports[0] = preferredOrFree(8081);
        ports[1] = preferredOrFree(8082);
        ports[2] = preferredOrFree(8083);
        return ports;
    }

    void run() throws Exception {
        start();
        long started = System.nanoTime();

        heading("1. Tickets are solved");
        Instant solved = clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        zendesk.ticket(FakeZendesk.Ticket.solved(1001).requester(501).handleTime("540"), 1, 0, solved, 42);
        zendesk.ticket(FakeZendesk.Ticket.solved(1002).requester(502).locale("fi-FI"), 3, 1, solved, 310);
        zendesk.ticket(FakeZendesk.Ticket.solved(1003).requester(503).locale("fi-FI"), 1, 0, solved, 25);
        freshdesk.stubTicket(freshdesk.ticket(2001, 4, solved.toString(), null, "billing"));
        freshdesk.stubTicket(freshdesk.ticket(2002, 4, solved.toString(), null));
        solveOnZendesk(1001, solved);
        solveOnZendesk(1002, solved);
        solveOnZendesk(1003, solved);
        solveOnFreshdesk(2001);
        solveOnFreshdesk(2002);

        heading("2. The connectors post the surveys as public replies");
        List<Survey> surveys = new ArrayList<>();
        surveys.add(zendeskSurvey(1001));
        surveys.add(zendeskSurvey(1002));
        surveys.add(zendeskSurvey(1003));
        surveys.add(freshdeskSurvey(2001));
        surveys.add(freshdeskSurvey(2002));
        for (Survey s : surveys) {
            out.printf("%s ticket %d: %s%n", s.source(), s.ticket(), text(s.html()));
            s.links().forEach((score, url) -> out.printf("    %2d -> %s%n", score, url));
        }

        heading("3. Customers answer through the rating pages");
        out.println("(Answers within 10 s of the survey are treated as mail link scanners, so the customers take a moment.)");
        // Counted from when each connector recorded its survey as sent, which on a busy machine can be a
        // moment after the helpdesk received the reply.
        Instant lastSent;
        try (Database db = Database.open(dbUrl, null, null)) {
            await("all five surveys recorded as sent", Duration.ofSeconds(30), () -> db.inTransaction(
                    tx -> tx.queryLong("SELECT COUNT(*) FROM surveys WHERE state = 'sent'")) == surveys.size());
            lastSent = Instant.ofEpochMilli(db.inTransaction(tx -> tx.queryLong("SELECT MAX(sent_at) FROM surveys")));
        }
        Instant earliest = lastSent.plusSeconds(11);
        await("ten seconds since the surveys were sent", Duration.ofSeconds(30), () -> clock.instant().isAfter(earliest));
        answer(surveys.get(0), 5, "Fixed in one reply, thanks!");
        answer(surveys.get(1), 4, "Kiitos nopeasta avusta 🙂");
        answer(surveys.get(3), 2, "Took three e-mails before anyone read my question.");

        heading("4. Answers are written back onto the tickets");
        await("Zendesk notes", Duration.ofSeconds(30), () -> zendesk.notes(1001).size() == 1 && zendesk.notes(1002).size() == 1);
        await("Freshdesk note", Duration.ofSeconds(30), () -> !freshdesk.requests(
                postRequestedFor(urlPathEqualTo("/api/v2/tickets/2001/notes"))).isEmpty());
        out.println("zendesk ticket 1001, private note: " + zendesk.body(zendesk.notes(1001).get(0)).at("/ticket/comment/body").asText()
                .replace("\n", " / "));
        out.println("zendesk ticket 1002, private note: " + zendesk.body(zendesk.notes(1002).get(0)).at("/ticket/comment/body").asText()
                .replace("\n", " / "));
        var fdNote = freshdesk.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/2001/notes"))).get(0);
        out.println("freshdesk ticket 2001, private note: " + json.readTree(fdNote.getBodyAsString()).path("body").asText()
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());

        heading("5. Slack: the low-score alert, as Slack received it");
        await("the Slack alert", Duration.ofSeconds(30), () -> !slack.messagesTo(ALERTS).isEmpty());
        JsonNode alert = slack.messagesTo(ALERTS).get(0);
        out.println("channel " + alert.path("channel").asText() + ":");
        out.println(indent(slackText(alert)));

        heading("6. Slack: closing the loop");
        closeTheLoop(alert);

        heading("7. Slack: today's digest");
        int before = slack.messagesTo(DIGESTS).size();
        try (Database db = Database.open(dbUrl, null, null)) {
            new DigestCommand(SlackSettings.from(new Settings(slackEnv)), db, clock, new PrintStream(OutputSink.INSTANCE),
                    out).run(PeriodKind.DAY, false);
        }
        List<JsonNode> digests = slack.messagesTo(DIGESTS);
        out.println("channel " + DIGESTS + ":");
        out.println(indent(slackText(digests.get(digests.size() - 1))));
        if (digests.size() - before != 1) out.println("(unexpected: " + (digests.size() - before) + " digests posted)");

        heading("8. The admin API");
        HttpResponse<String> summary = http.send(HttpRequest.newBuilder(URI.create(base(zendeskService)
                        + "/api/summary")).header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        out.println("GET /api/summary (Zendesk and Freshdesk answers together: the services share one database):");
        out.println(indent(json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(summary.body()))));

        heading("9. What the operator sees on /metrics (Zendesk connector)");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base(zendeskService) + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        metrics.body().lines().filter(l -> l.startsWith("palaute_webhooks_total") || l.startsWith("palaute_surveys_total")
                        || l.startsWith("palaute_jobs{") || l.startsWith("palaute_job_runs_total") || l.startsWith("palaute_answers_total")
                        || l.startsWith("palaute_api_calls_total"))
                .forEach(l -> out.println("    " + l));

        heading("Try it yourself");
        out.println("These surveys are still open (not answered, not expired). Open one in a browser:");
        for (OpenSurvey open : openSurveys(surveys)) {
            out.printf("    %s, %s ticket %d: %s%n", open.language(), open.survey().source(), open.survey().ticket(),
                    formLink(open.survey()));
        }
        out.println("Metrics: " + base(zendeskService) + "/metrics, " + base(freshdeskService) + "/metrics");
        out.printf("Demo loop done in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        out.println();
        out.println("The support lead's dashboard (every service serves it; sign in with the demo's admin token):");
        out.println("    " + base(zendeskService) + "/dashboard");
        out.println("    admin token: " + ADMIN_TOKEN);
    }

    private void startServices(int zendeskPort, int freshdeskPort, int slackPort) throws Exception {
        this.slackPort = slackPort;
        Map<String, String> common = new HashMap<>();
        common.put("PALAUTE_BIND", LOOPBACK);
        common.put("PALAUTE_DB_URL", dbUrl);
        common.put("PALAUTE_LINK_SECRET", "demo-link-secret-0123456789abcdefghij");
        common.put("PALAUTE_ADMIN_TOKEN", ADMIN_TOKEN);
        common.put("PALAUTE_COMPANY", "Acme");
        // A real deployment waits two minutes for a change of mind before writing an answer back; the demo
        // does not keep you that long.
        common.put("PALAUTE_ANSWER_QUIET_PERIOD", "PT1S");

        Map<String, String> z = new HashMap<>(common);
        z.put("PALAUTE_PORT", Integer.toString(zendeskPort));
        z.put("PALAUTE_PUBLIC_URL", local(zendeskPort));
        z.put("ZENDESK_URL", local(port(zendesk.url())));
        z.put("ZENDESK_EMAIL", "palaute@acme.example");
        z.put("ZENDESK_API_TOKEN", "demo-zendesk-api-token");
        z.put("ZENDESK_WEBHOOK_SECRET", ZENDESK_SECRET);
        z.put("ZENDESK_HANDLE_TIME_FIELD", Long.toString(FakeZendesk.HANDLE_TIME_FIELD));
        Settings zs = new Settings(z);
        zendeskService = keep(new ZendeskConnector(SurveyConnector.builder("zendesk", zs, 8081), ZendeskSettings.from(zs, true))
                .start());

        Map<String, String> f = new HashMap<>(common);
        f.put("PALAUTE_PORT", Integer.toString(freshdeskPort));
        f.put("PALAUTE_PUBLIC_URL", local(freshdeskPort));
        // The stand-in's tickets all belong to one customer; the cooldown would rightly hold back the second survey.
        f.put("PALAUTE_COOLDOWN", "PT0S");
        f.put("FRESHDESK_URL", local(port(freshdesk.url())));
        f.put("FRESHDESK_API_KEY", FreshdeskFake.API_KEY);
        f.put("FRESHDESK_WEBHOOK_SECRET", FRESHDESK_SECRET);
        freshdeskService = keep(FreshdeskConnector.start(new Settings(f), clock, JobWorker.Options.defaults()));

        slackEnv = new HashMap<>(common);
        slackEnv.put("PALAUTE_PORT", Integer.toString(slackPort));
        slackEnv.put("SLACK_BOT_TOKEN", "xoxb-demo-token");
        slackEnv.put("SLACK_API_URL", slack.apiUrl());
        slackEnv.put("SLACK_SIGNING_SECRET", "demo-signing-secret-0123456789");
        slackEnv.put("SLACK_DIGEST_CHANNEL", DIGESTS);
        slackEnv.put("SLACK_ALERT_CHANNEL", ALERTS);
        Settings ss = new Settings(slackEnv);
        Database slackDb = Database.open(ss);
        keep(SlackService.start(SlackSettings.from(ss), ServiceSettings.from(ss, 8083), slackDb, clock,
                JobWorker.Options.defaults(), SlackService.SCHEDULER_INTERVAL));

    }

    private void solveOnZendesk(long ticket, Instant solved) throws Exception {
        String body = "{\"ticket_id\": \"" + ticket + "\", \"status\": \"Solved\", \"updated_at\": \"" + solved + "\"}";
        String ts = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        String signature = new WebhookSignature(ZENDESK_SECRET, clock).sign(ts, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base(zendeskService) + "/webhooks/zendesk"))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, ts).header(WebhookSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        out.printf("zendesk ticket %d solved -> POST /webhooks/zendesk (signed) -> %d %s%n", ticket, r.statusCode(), r.body());
    }

    private void solveOnFreshdesk(long ticket) throws Exception {
        String body = "{\"freshdesk_webhook\": {\"ticket_id\": \"" + ticket + "\", \"ticket_status\": \"Resolved\"}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base(freshdeskService) + "/webhooks/freshdesk"))
                .header("Content-Type", "application/json").header("X-Palaute-Secret", FRESHDESK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        out.printf("freshdesk ticket %d resolved -> POST /webhooks/freshdesk -> %d %s%n", ticket, r.statusCode(), r.body());
    }

    private Survey zendeskSurvey(long ticket) throws Exception {
        await("the survey on zendesk ticket " + ticket, Duration.ofSeconds(30), () -> !zendesk.surveyPosts(ticket).isEmpty());
        String html = zendesk.body(zendesk.surveyPosts(ticket).get(0)).at("/ticket/comment/html_body").asText();
        return new Survey("zendesk", ticket, html, links(html));
    }

    private Survey freshdeskSurvey(long ticket) throws Exception {
        var pattern = postRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticket + "/reply"));
        await("the survey on freshdesk ticket " + ticket, Duration.ofSeconds(30), () -> !freshdesk.requests(pattern).isEmpty());
        String html = json.readTree(freshdesk.requests(pattern).get(0).getBodyAsString()).path("body").asText();
        return new Survey("freshdesk", ticket, html, links(html));
    }

    private void answer(Survey survey, int score, String comment) throws Exception {
        String link = survey.links().get(score);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link)).header("User-Agent", BROWSER).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher nonce = NONCE.matcher(page.body());
        if (page.statusCode() != 200 || !nonce.find()) throw new IllegalStateException("rating page did not open: " + page.statusCode());
        String path = URI.create(link).getPath();
        String form = "score=" + score + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8)
                + "&nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8) + "&website=";
        String base = link.substring(0, link.indexOf("/r/"));
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", BROWSER)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        out.printf("%s ticket %d: GET %s -> %d (page, nothing recorded); POST score %d, \"%s\" -> %d%n", survey.source(),
                survey.ticket(), path + "?score=" + score, page.statusCode(), score, comment, done.statusCode());
    }

    private static Map<Integer, String> links(String html) {
        Map<Integer, String> links = new java.util.TreeMap<>(Comparator.naturalOrder());
        Matcher m = LINK.matcher(html.replace("&amp;", "&"));
        while (m.find()) links.putIfAbsent(Integer.parseInt(m.group(1)), m.group());
        return links;
    }

    /** The words of the survey mail, without the score links and the hidden scanner trap. */
    private static String text(String html) {
        String text = html.replaceAll("(?s)<a[^>]*display:\\s*none.*?</a>", "").replaceAll("<[^>]+>", "\n")
                .replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
        return String.join(" / ", text.lines().map(String::strip).filter(l -> l.length() > 2).toList());
    }

    /**
     * What Slack does when people use the alert's buttons, sent as Slack sends it (signed form posts to
     * /slack/interactions): Aino claims it, Ben's later claim is turned away, Aino clicks Done and submits
     * the outcome, which goes onto the Freshdesk ticket as a private note.
     */
    private void closeTheLoop(JsonNode alert) throws Exception {
        String followUp = null;
        for (JsonNode block : alert.path("blocks")) {
            for (JsonNode e : block.path("elements")) {
                if (e.path("action_id").asText().equals("followup_claim")) followUp = e.path("value").asText();
            }
        }
        if (followUp == null) throw new IllegalStateException("the alert has no \"I'll follow up\" button");
        out.println("buttons on the alert: I'll follow up · Done · No action needed");
        click("followup_claim", followUp, "U0AINO", "aino");
        await("the alert updated with the owner", Duration.ofSeconds(30), () -> !slack.calls("chat.update").isEmpty());
        out.println("aino clicks \"I'll follow up\" -> the alert now reads:");
        out.println(indent(slackText(last(slack.calls("chat.update")))));
        click("followup_claim", followUp, "U0BEN", "ben");
        await("ben told", Duration.ofSeconds(30), () -> !slack.calls("chat.postEphemeral").isEmpty());
        out.println("ben clicks it too -> only ben sees: " + slack.calls("chat.postEphemeral").get(0).path("text").asText());
        click("followup_done", followUp, "U0AINO", "aino");
        await("the outcome modal", Duration.ofSeconds(30), () -> !slack.calls("views.open").isEmpty());
        JsonNode modal = slack.calls("views.open").get(0).path("view");
        out.println("aino clicks Done -> Slack opens the modal \"" + modal.path("title").path("text").asText() + "\" ("
                + modal.path("callback_id").asText() + ")");
        String outcome = "Called the customer: apologised, explained the new invoice, she is fine now.";
        submit(followUp, "U0AINO", "aino", outcome);
        await("the alert closed", Duration.ofSeconds(30), () -> slackText(last(slack.calls("chat.update"))).contains("Closed by"));
        out.println("aino submits the outcome -> the alert now reads:");
        out.println(indent(slackText(last(slack.calls("chat.update")))));
        await("the follow-up note on the ticket", Duration.ofSeconds(30), () -> freshdesk.requests(
                postRequestedFor(urlPathEqualTo("/api/v2/tickets/2001/notes"))).size() == 2);
        var note = freshdesk.requests(postRequestedFor(urlPathEqualTo("/api/v2/tickets/2001/notes"))).get(1);
        out.println("freshdesk ticket 2001, private note: " + json.readTree(note.getBodyAsString()).path("body").asText()
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
    }

    private void click(String actionId, String followUp, String userId, String userName) throws Exception {
        var p = json.createObjectNode().put("type", "block_actions");
        p.putObject("user").put("id", userId).put("username", userName).put("name", userName).put("team_id", "T0DEMO");
        p.putObject("container").put("type", "message").put("message_ts", "1767225600.000100").put("channel_id", ALERTS);
        p.put("trigger_id", "1767225602.0001.demo").putObject("channel").put("id", ALERTS);
        p.putArray("actions").addObject().put("action_id", actionId).put("block_id", "followup:" + followUp)
                .put("value", followUp).put("type", "button").put("action_ts", "1767225602.000300");
        interaction(p.toString());
    }

    private void submit(String followUp, String userId, String userName, String outcome) throws Exception {
        var p = json.createObjectNode().put("type", "view_submission");
        p.putObject("user").put("id", userId).put("username", userName).put("name", userName).put("team_id", "T0DEMO");
        var view = p.putObject("view").put("type", "modal").put("callback_id", "followup_outcome")
                .put("private_metadata", followUp);
        var values = view.putObject("state").putObject("values");
        values.putObject("outcome").putObject("outcome_text").put("type", "plain_text_input").put("value", outcome);
        values.putObject("reached").putObject("reached_choice").put("type", "radio_buttons")
                .putObject("selected_option").put("value", "yes");
        interaction(p.toString());
    }

    /** Signed as Slack signs it: v0=hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body)). */
    private void interaction(String payload) throws Exception {
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String ts = Long.toString(clock.instant().getEpochSecond());
        String signature = new fi.palaute.slack.SlackSignatureVerifier(slackEnv.get("SLACK_SIGNING_SECRET"), clock)
                .expectedSignature(ts, body);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(local(slackPort)
                        + "/slack/interactions")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("/slack/interactions answered " + r.statusCode() + " " + r.body());
    }

    private static JsonNode last(List<JsonNode> list) {
        return list.get(list.size() - 1);
    }

    /** A Slack message as a person sees it: the blocks' text, or the plain fallback. */
    private static String slackText(JsonNode message) {
        List<String> lines = new ArrayList<>();
        for (JsonNode block : message.path("blocks")) {
            if (block.path("text").path("text").isTextual()) lines.add(block.path("text").path("text").asText());
            for (JsonNode field : block.path("fields")) lines.add(field.path("text").asText());
            for (JsonNode element : block.path("elements")) {
                if (element.path("text").isTextual()) lines.add(element.path("text").asText());
            }
            if (block.path("type").asText().equals("divider")) lines.add("────────");
        }
        return lines.isEmpty() ? message.path("text").asText() : String.join("\n", lines);
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String base(ServiceRuntime service) {
        return local(service.port());
    }

    private static String local(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the demo timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    /** The preferred port when free, else any free one (another copy of Palaute may be running). */
    private static int preferredOrFree(int preferred) {
        if (isFree(preferred)) return preferred;
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getByName(LOOPBACK))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 50, java.net.InetAddress.getByName(LOOPBACK))) {
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        running.add(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                out.println("(while stopping: " + e.getMessage() + ")");
            }
        }
        running.clear();
        if (folder != null) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                out.println("(could not remove " + folder + ")");
            }
        }
    }
}
