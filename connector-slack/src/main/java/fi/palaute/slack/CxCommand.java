package fi.palaute.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.palaute.common.http.Handler;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/commands}: the {@code /cx [today|week|month|experiment]} slash command. The request must carry
 * a valid Slack signature; the answer is an ephemeral digest (only the asker sees it). Slack gives up after
 * three seconds, so a report that takes longer than {@link #DEADLINE} is answered with a short note instead.
 */
public final class CxCommand implements Handler {
    private static final Logger log = LoggerFactory.getLogger(CxCommand.class);
    static final Duration DEADLINE = Duration.ofMillis(2500);
    static final String USAGE = "Usage: `/cx` or `/cx today` (since midnight), `/cx week` (last 7 days), "
            + "`/cx month` (last month), `/cx experiment` (survey A/B tests). Only you see the answer.";

    private final DigestReportQuery reports;
    private final DigestComposer composer;
    private final ZoneId zone;
    private final Clock clock;
    private final ExecutorService executor;

    /** Behind {@link SlackSignatureVerifier#signed}: only signed requests reach it. */
    public CxCommand(DigestReportQuery reports, DigestComposer composer, ZoneId zone, Clock clock,
                     ExecutorService executor) {
        this.reports = reports;
        this.composer = composer;
        this.zone = zone;
        this.clock = clock;
        this.executor = executor;
    }

    @Override
    public Response handle(Request request) {
        String text = request.form().getOrDefault("text", "").trim().toLowerCase(Locale.ROOT);
        DigestPeriod period = switch (text) {
            case "", "today" -> DigestPeriod.today(clock.instant(), zone);
            case "week" -> DigestPeriod.trailing(PeriodKind.WEEK, clock.instant(), zone);
            case "month" -> DigestPeriod.trailing(PeriodKind.MONTH, clock.instant(), zone);
            default -> null;
        };
        boolean experiments = text.equals("experiment") || text.equals("experiments");
        if (period == null && !experiments) {
            return ephemeral(new SlackMessage(USAGE, java.util.List.of(new Block.Section(USAGE))));
        }
        CompletableFuture<SlackMessage> work = CompletableFuture.supplyAsync(() -> experiments
                ? composer.experiments(reports.experiments()) : composer.compose(reports.load(period)), executor);
        try {
            return ephemeral(work.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            work.cancel(true);
            log.warn("/cx {} took over {} ms", text, DEADLINE.toMillis());
            String note = "The report is taking too long; try a shorter period.";
            return ephemeral(new SlackMessage(note, java.util.List.of(new Block.Section(note))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(503, "interrupted", "the service is stopping");
        } catch (ExecutionException e) {
            log.error("/cx {} failed: {}", text, e.getCause().toString());
            String note = "Palaute could not read the scores just now; see the service log.";
            return ephemeral(new SlackMessage(note, java.util.List.of(new Block.Section(note))));
        }
    }

    private static Response ephemeral(SlackMessage message) {
        ObjectNode body = message.toJson();
        ObjectNode out = body.objectNode().put("response_type", "ephemeral");
        out.setAll(body);
        return Response.json(200, out);
    }
}
