package fi.palaute.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdminApiTest {
    static final String TOKEN = "admin-token-for-tests-0123456789";
    static final Instant DAY = Instant.parse("2026-03-02T08:00:00Z");

    private Database db;
    private HttpService http;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @AfterEach
    void stop() {
        if (http != null) http.stop(0);
        if (db != null) db.close();
    }

    /**
     * Ann: CSAT 5,5,4,4,3,1 (4 of 6 satisfied). Bob: CSAT 5,5,5,5,5. Plus one bot answer and one replaced
     * answer, neither scored. 13 surveys sent, 11 with a human answer. Four solved tickets: FCR 3 of 4;
     * handle time tracked on three (300, 600, 1200 s).
     */
    private void seed() {
        SurveyRows rows = new SurveyRows(db);
        int[] ann = {5, 5, 4, 4, 3, 1};
        int[] bob = {5, 5, 5, 5, 5};
        int t = 0;
        for (int s : ann) {
            long id = rows.sentSurvey("zendesk", "a" + t, "csat", "en", DAY, "Ann", "Tier 1");
            rows.answer(id, "zendesk", "a" + t, "csat", s, s == 1 ? "=cmd|' /C calc'!A0" : null, DAY.plusSeconds(3600 + t), false, "Ann", "Tier 1");
            t++;
        }
        for (int s : bob) {
            long id = rows.sentSurvey("freshdesk", "b" + t, "csat", "en", DAY, "Bob", "Tier 2");
            rows.answer(id, "freshdesk", "b" + t, "csat", s, null, DAY.plusSeconds(3600 + t), false, "Bob", "Tier 2");
            t++;
        }
        long bot = rows.sentSurvey("zendesk", "bot", "csat", "en", DAY, "Ann", "Tier 1");
        rows.answer(bot, "zendesk", "bot", "csat", 1, null, DAY.plusSeconds(5), true, "Ann", "Tier 1");
        long replaced = rows.sentSurvey("zendesk", "r", "csat", "en", DAY, "Ann", "Tier 1");
        db.run(tx -> tx.update("INSERT INTO answers (survey_id, source, ticket_id, metric, score, answered_at, replaced_at, agent) "
                + "VALUES (?, 'zendesk', 'r', 'csat', 1, ?, ?, 'Ann')", replaced, DAY.plusSeconds(60).toEpochMilli(),
                DAY.plusSeconds(120).toEpochMilli()));
        rows.outcome("zendesk", "a0", DAY, true, 600L, "Ann");
        rows.outcome("zendesk", "a1", DAY, true, 1200L, "Ann");
        rows.outcome("zendesk", "a2", DAY, false, null, "Ann");
        rows.outcome("freshdesk", "b6", DAY, true, 300L, "Bob");
    }

    private void start(TestDatabases.Kind kind, Optional<String> token) throws Exception {
        db = TestDatabases.open(kind);
        seed();
        HttpService.Builder b = HttpService.builder().port(0).host("127.0.0.1");
        new AdminApi(db, token, new MutableClock(DAY.plus(Duration.ofDays(1))), Duration.ofHours(4)).register(b);
        http = b.build().start();
    }

    private HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path));
        if (auth != null) r.header("Authorization", auth);
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void summaryShowsScoresWithIntervalsResponseRateFcrAndHandleTime(TestDatabases.Kind kind) throws Exception {
        start(kind, Optional.of(TOKEN));
        var r = get("/api/summary?from=2026-03-02&to=2026-03-03", "Bearer " + TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = json.readTree(r.body());
        assertEquals("2026-03-02T00:00:00Z", s.get("from").asText());
        assertEquals(13, s.get("surveys_sent").asLong());
        assertEquals(11, s.get("answers").asLong());
        assertEquals(0.846, s.get("response_rate").asDouble(), 1e-9); // 11 of 13
        // 9 of 11 satisfied = 81.8 %; Wilson 95 %: [52.3, 94.9]
        assertEquals(11, s.at("/csat/n").asLong());
        assertEquals(81.8, s.at("/csat/score").asDouble(), 1e-9);
        assertEquals(52.3, s.at("/csat/ci95/0").asDouble(), 1e-9);
        assertEquals(94.9, s.at("/csat/ci95/1").asDouble(), 1e-9);
        assertEquals(0, s.at("/nps/n").asLong());
        assertTrue(s.at("/nps/score").isNull());
        assertEquals(4, s.at("/fcr/n").asLong());
        assertEquals(0.75, s.at("/fcr/rate").asDouble(), 1e-9);
        assertEquals(3, s.at("/handle_time_seconds/n").asLong());
        assertEquals(700.0, s.at("/handle_time_seconds/mean").asDouble(), 1e-9);
        assertEquals(600.0, s.at("/handle_time_seconds/median").asDouble(), 1e-9);
        assertEquals(1, s.get("suspected_bot_answers").asLong());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void summaryByAgentRanksByWilsonLowerBound(TestDatabases.Kind kind) throws Exception {
        start(kind, Optional.of(TOKEN));
        JsonNode s = json.readTree(get("/api/summary?from=2026-03-02&to=2026-03-03&by=agent", "Bearer " + TOKEN).body());
        JsonNode groups = s.get("groups");
        assertTrue(groups != null, s.toString());
        assertEquals(2, groups.size());
        assertEquals("Bob", groups.get(0).get("key").asText(), "5 of 5 ranks above 4 of 6");
        assertEquals(1, groups.get(0).get("rank").asInt());
        assertEquals(5, groups.get(0).at("/csat/n").asLong());
        assertEquals("Ann", groups.get(1).get("key").asText());
        assertEquals(66.7, groups.get(1).at("/csat/score").asDouble(), 1e-9);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void summaryByDayHasEveryLocalDayOfTheRangeInOrderEmptyOnesWithNoAnswers(TestDatabases.Kind kind) throws Exception {
        start(kind, Optional.of(TOKEN));
        // The answers are at 09:00 UTC on 2 March: 14:30 that day in Kolkata, 23:00 the day before in Honolulu.
        JsonNode kolkata = json.readTree(get("/api/summary?from=2026-03-01&to=2026-03-04&by=day&tz=Asia/Kolkata",
                "Bearer " + TOKEN).body());
        assertEquals("2026-02-28T18:30:00Z", kolkata.get("from").asText(), "dates are midnights in the zone");
        assertEquals(List.of("2026-03-01", "2026-03-02", "2026-03-03"), keys(kolkata));
        assertEquals(List.of(0L, 11L, 0L), csatCounts(kolkata));
        assertEquals("2026-03-01T18:30:00Z", kolkata.at("/groups/1/from").asText());
        assertEquals(13, kolkata.at("/groups/1/surveys_sent").asLong());
        assertTrue(kolkata.at("/groups/0/csat/score").isNull());

        JsonNode honolulu = json.readTree(get("/api/summary?from=2026-03-01&to=2026-03-04&by=day&tz=Pacific/Honolulu",
                "Bearer " + TOKEN).body());
        assertEquals(List.of(11L, 0L, 0L), csatCounts(honolulu));
        assertEquals(11, honolulu.at("/csat/n").asLong(), "the total beside the periods");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void summaryByWeekKeysEachWeekByItsMondayAndAllowsAnyRange(TestDatabases.Kind kind) throws Exception {
        start(kind, Optional.of(TOKEN));
        JsonNode weeks = json.readTree(get("/api/summary?from=2026-02-25&to=2026-03-16&by=week", "Bearer " + TOKEN).body());
        assertEquals(List.of("2026-02-23", "2026-03-02", "2026-03-09"), keys(weeks));
        assertEquals(List.of(0L, 11L, 0L), csatCounts(weeks));
        assertEquals("2026-02-25T00:00:00Z", weeks.at("/groups/0/from").asText(), "the first week is clipped to the range");

        var decade = get("/api/summary?from=2018-01-01&to=2028-01-01", "Bearer " + TOKEN);
        assertEquals(200, decade.statusCode(), decade.body());
        assertEquals(11, json.readTree(decade.body()).at("/csat/n").asLong());
        var years = get("/api/summary?from=2018-01-01&to=2028-01-01&by=day", "Bearer " + TOKEN);
        assertEquals(200, years.statusCode());
        assertEquals(3652, json.readTree(years.body()).get("groups").size());

        var badZone = get("/api/summary?by=day&tz=Mars/Olympus", "Bearer " + TOKEN);
        assertEquals(400, badZone.statusCode());
        assertTrue(badZone.body().contains("tz must be an IANA time zone"), badZone.body());
        var badBy = get("/api/summary?by=month", "Bearer " + TOKEN);
        assertEquals(400, badBy.statusCode());
        assertTrue(badBy.body().contains("day or week"), badBy.body());
    }

    private static List<String> keys(JsonNode summary) {
        List<String> out = new ArrayList<>();
        summary.get("groups").forEach(g -> out.add(g.get("key").asText()));
        return out;
    }

    private static List<Long> csatCounts(JsonNode summary) {
        List<Long> out = new ArrayList<>();
        summary.get("groups").forEach(g -> out.add(g.at("/csat/n").asLong()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void csvHasOneRowPerAnswerWithFormulasDefused(TestDatabases.Kind kind) throws Exception {
        start(kind, Optional.of(TOKEN));
        var r = get("/api/responses.csv?from=2026-03-02&to=2026-03-03", "Bearer " + TOKEN);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = r.body().split("\r\n");
        assertTrue(lines[0].startsWith("source,ticket_id,metric,score,comment,answered_at,agent,group,channel,suspected_bot"));
        assertEquals(1 + 13, lines.length, "11 human answers, 1 bot answer, 1 replaced answer");
        assertTrue(r.body().contains("\"'=cmd|' /C calc'!A0\""), r.body());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void adminApiWantsTheTokenAndIsOffWithoutOne(TestDatabases.Kind kind) throws Exception {
        start(kind, Optional.of(TOKEN));
        assertEquals(401, get("/api/summary", null).statusCode());
        assertEquals(401, get("/api/summary", "Bearer wrong").statusCode());
        assertEquals(401, get("/api/responses.csv", "Bearer " + TOKEN + "x").statusCode());
        var bad = get("/api/summary?from=yesterday", "Bearer " + TOKEN);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("from must be an ISO date"), bad.body());
        stop();
        start(kind, Optional.empty());
        assertEquals(404, get("/api/summary", "Bearer " + TOKEN).statusCode());
    }
}
