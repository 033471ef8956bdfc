package fi.palaute.common.http;

import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpState;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.experiment.ExperimentReport;
import fi.palaute.common.experiment.ExperimentResult;
import fi.palaute.common.score.PeriodSummary;
import fi.palaute.common.score.Periods;
import fi.palaute.common.score.SummaryQuery;
import fi.palaute.common.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/summary and GET /api/responses.csv behind a bearer token. Without PALAUTE_ADMIN_TOKEN the
 * admin API is off (404), so a forgotten setting never exposes customer comments.
 */
public final class AdminApi {
    private final Database db;
    private final Optional<String> token;
    private final Clock clock;
    private final SummaryQuery summaries;
    private final ResponsesCsv csv;
    private final FollowUpStore followUps;
    private final Duration followUpSla;
    private final ExperimentReport experiments;

    public AdminApi(Database db, Optional<String> token, Clock clock, Duration followUpSla) {
        this.db = db;
        this.token = token;
        this.clock = clock;
        this.summaries = new SummaryQuery(db);
        this.csv = new ResponsesCsv(db);
        this.followUps = new FollowUpStore(db);
        this.followUpSla = followUpSla;
        this.experiments = new ExperimentReport(db, clock);
    }

    public void register(HttpService.Builder routes) {
        routes.get("/api/summary", this::summary);
        routes.get("/api/responses.csv", this::responses);
        routes.get("/api/followups", this::followups);
        routes.get("/api/experiments", this::experiments);
    }

    /** Services without the summary and CSV (the Slack connector) still list follow-ups. */
    public void registerFollowUps(HttpService.Builder routes) {
        routes.get("/api/followups", this::followups);
        routes.get("/api/experiments", this::experiments);
    }

    /** GET /api/experiments: every recorded experiment with its arms' figures and the comparison. */
    Response experiments(Request request) {
        authorize(request);
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("experiments", experiments.all().stream().map(ExperimentResult::toJson).toList());
        return Response.json(200, body);
    }

    Response followups(Request request) {
        authorize(request);
        Optional<FollowUpState> state;
        try {
            state = request.queryParam("state").filter(s -> !s.isBlank()).map(FollowUpState::fromId);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "bad_parameter", "state must be open, claimed or closed");
        }
        List<Map<String, Object>> list = followUps.list(state).stream().map(FollowUp::toJson).toList();
        return Response.json(200, Map.of("followups", list));
    }

    Response summary(Request request) {
        authorize(request);
        ZoneId zone = zone(request);
        Range range = range(request, zone);
        String by = request.queryParam("by").orElse("");
        Optional<String> source = request.queryParam("source").filter(s -> !s.isBlank());
        PeriodSummary summary = switch (by) {
            case "day" -> summaries.series(range.from, range.to, new Periods(Periods.Unit.DAY, zone), source);
            case "week" -> summaries.series(range.from, range.to, new Periods(Periods.Unit.WEEK, zone), source);
            default -> summaries.summarize(range.from, range.to, splitBy(by), source);
        };
        Map<String, Object> json = summary.toJson();
        json.put("followups", followUps.summary(range.from, range.to, followUpSla, clock.instant()).toJson());
        return Response.json(200, json);
    }

    private static SummaryQuery.By splitBy(String by) {
        try {
            return SummaryQuery.By.parse(by);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "bad_parameter", e.getMessage().replace(" or ", ", ") + ", day or week");
        }
    }

    /** The time zone of {@code tz} (an IANA name such as Europe/Helsinki), UTC when absent. */
    private static ZoneId zone(Request request) {
        String tz = request.queryParam("tz").filter(s -> !s.isBlank()).orElse("UTC");
        try {
            return ZoneId.of(tz);
        } catch (java.time.DateTimeException e) {
            throw new HttpError(400, "bad_parameter", "tz must be an IANA time zone such as Europe/Helsinki, not " + tz);
        }
    }

    /** Streams: rows go out as they are read, so memory does not grow with the range (any range). */
    Response responses(Request request) {
        authorize(request);
        Range range = range(request);
        return Response.stream(200, "text/csv; charset=utf-8", out -> csv.write(range.from, range.to, out))
                .withHeader("Content-Disposition", "attachment; filename=\"palaute-responses.csv\"");
    }

    private void authorize(Request request) {
        if (token.isEmpty()) throw new HttpError(404, "not_found", "the admin API is off: set PALAUTE_ADMIN_TOKEN");
        String expected = "Bearer " + token.get();
        String given = request.header("Authorization").orElse("");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpError(401, "unauthorized", "send Authorization: Bearer <PALAUTE_ADMIN_TOKEN>");
        }
    }

    private record Range(Instant from, Instant to) {}

    /** Any range: the summaries read rollups and the export streams, so its length costs little. */
    private Range range(Request request) {
        return range(request, ZoneOffset.UTC);
    }

    private Range range(Request request, ZoneId zone) {
        Instant now = clock.instant();
        Instant to = request.queryParam("to").map(v -> parseTime("to", v, zone)).orElse(now);
        Instant from = request.queryParam("from").map(v -> parseTime("from", v, zone)).orElse(to.minus(Duration.ofDays(7)));
        if (!from.isBefore(to)) throw new HttpError(400, "bad_parameter", "from must be before to");
        return new Range(from, to);
    }

    /** An ISO date (midnight in the zone) or an ISO instant. */
    static Instant parseTime(String name, String value, ZoneId zone) {
        try {
            if (value.length() == 10) return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new HttpError(400, "bad_parameter", name + " must be an ISO date (2026-01-31) or instant (2026-01-31T12:00:00Z)");
        }
    }
}
