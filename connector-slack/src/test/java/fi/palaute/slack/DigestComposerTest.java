package fi.palaute.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DigestComposerTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/digest-week.json");
    static final DigestPeriod WEEK = new DigestPeriod(PeriodKind.WEEK, Instant.parse("2026-03-02T00:00:00Z"),
            Instant.parse("2026-03-09T00:00:00Z"), ZoneId.of("UTC"));

    private Database db;
    private Fixture fixture;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        fixture = new Fixture(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private SlackMessage compose(DigestPeriod period) {
        return new DigestComposer().compose(new DigestReportQuery(db, java.time.Duration.ofHours(4), java.time.Clock.systemUTC()).load(period));
    }

    @Test
    void weeklyDigestOfTheFixedDataSetMatchesTheGoldenFile() throws Exception {
        fixture.goldenWeek();
        String actual = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(compose(WEEK).toJson()) + "\n";
        if (Boolean.getBoolean("golden.update")) Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual,
                "digest differs from " + GOLDEN + " (rerun with -Dgolden.update=true after checking the change)");
    }

    @Test
    void emptyPeriodSaysSoPlainlyInsteadOfPrintingZeros() {
        fixture.survey("zendesk", "1", "csat", Instant.parse("2026-03-03T10:00:00Z"), "Aino", "Support");
        SlackMessage m = compose(WEEK);
        String json = m.toJson().toString();
        assertTrue(m.text().contains("no survey answers in this period"), m.text());
        assertTrue(json.contains("No survey answers in this period.* 1 survey was sent."), json);
        assertFalse(json.contains("0.0%"), json);
        assertFalse(json.contains("n 0"), json);
        assertEquals(3, m.blocks().size());
    }

    private String lowestAnswers() {
        return ((Block.Section) compose(WEEK).blocks().stream()
                .filter(b -> b instanceof Block.Section s && s.mrkdwn().startsWith("*Lowest answers*"))
                .findFirst().orElseThrow()).mrkdwn();
    }

    @Test
    void lowestAnswersListOnlyAnswersBelowTheGoodBand() {
        fixture.answered("zendesk", "70", "csat", 5, "Fixed in one reply, thanks!", Instant.parse("2026-03-03T10:00:00Z"), "Aino", "Support");
        fixture.answered("zendesk", "71", "csat", 4, "Fine", Instant.parse("2026-03-03T11:00:00Z"), "Aino", "Support");
        String none = lowestAnswers();
        assertTrue(none.contains("No low answers"), none);
        assertFalse(none.contains("Fixed in one reply"), "a 5/5 is not a lowest answer: " + none);

        fixture.answered("zendesk", "72", "csat", 3, "Slow", Instant.parse("2026-03-04T10:00:00Z"), "Aino", "Support");
        String some = lowestAnswers();
        assertTrue(some.contains("CSAT 3/5") && some.contains("Slow"), some);
        assertFalse(some.contains("No low answers") || some.contains("CSAT 4/5") || some.contains("CSAT 5/5"), some);
    }

    @Test
    void anFcrDefinitionInWordsKeepsTheFieldNameItCites() {
        fixture.answered("freshdesk", "73", "csat", 4, "", Instant.parse("2026-03-03T10:00:00Z"), "Aino", "Support");
        fixture.outcome("freshdesk", "73", Instant.parse("2026-03-03T09:00:00Z"), true,
                "Freshdesk: at most one public agent reply, and not reopened (stats.reopened_at empty)", null, null,
                "Aino", "Support");
        String json = compose(WEEK).toJson().toString();
        assertTrue(json.contains("(`stats.reopened_at` empty)"), "the field name as code, underscore kept: " + json);
        assertFalse(json.contains("stats.reopened at") || json.contains("stats.reopenedat"), json);
    }

    @Test
    void fcrDefinitionIsSaidOnceInTheFooterNotInTheFcrLine() {
        fixture.goldenWeek();
        SlackMessage digest = compose(WEEK);
        String json = digest.toJson().toString();
        String footer = digest.toJson().path("blocks").get(digest.toJson().path("blocks").size() - 1).toString();
        assertTrue(footer.contains("How FCR (first contact resolution) was counted: freshdesk no customer reply; "
                + "zendesk one touch."), footer);
        assertEquals(1, json.split("zendesk one touch", -1).length - 1, "said once: " + json);
        assertTrue(json.contains("*FCR* 60.0% of 10 solved tickets resolved on first contact\\n"), json);
        assertEquals(1, json.split("95% interval", -1).length - 1, "the interval explained once: " + json);
    }

    @Test
    void groupsAreRankedAsWellAsAgents() {
        fixture.goldenWeek();
        String json = compose(WEEK).toJson().toString();
        assertTrue(json.contains("*Groups by CSAT* (5 answers or more)\\n1. Support — 87.5% (n 8, at least 52.9% satisfied)\\n"
                + "2. Billing — 60.0% (n 5, at least 23.1% satisfied)"), json);
        assertTrue(json.indexOf("*Agents by CSAT*") < json.indexOf("*Groups by CSAT*"), json);
    }

    @Test
    void answersWithoutGroupsGetNoGroupsSection() {
        fixture.answered("zendesk", "81", "csat", 5, "", Instant.parse("2026-03-03T10:00:00Z"), "Aino", null);
        String json = compose(WEEK).toJson().toString();
        assertTrue(json.contains("*Agents by CSAT*"), json);
        assertFalse(json.contains("*Groups by"), json);
    }

    @Test
    void commentFullOfMarkupIsEscapedAndCutToFit() {
        String comment = "<>&".repeat(84).substring(0, 250);
        long id = fixture.answered("zendesk", "77", "csat", 1, comment, Instant.parse("2026-03-03T10:00:00Z"), "Aino", "Support");
        AnswerView answer = new AnswerLookup(db).find(id).orElseThrow();

        for (String text : new String[] {
                new AlertComposer(ZoneId.of("UTC")).section(answer),
                ((Block.Section) compose(WEEK).blocks().stream()
                        .filter(b -> b instanceof Block.Section s && s.mrkdwn().startsWith("*Lowest answers*"))
                        .findFirst().orElseThrow()).mrkdwn()}) {
            String quoted = text.substring(text.lastIndexOf("\n> ") + 3);
            assertFalse(quoted.contains("<") || quoted.contains(">"), quoted);
            assertTrue(quoted.replaceAll("&(amp|lt|gt);", "").replace("…", "").isEmpty(), "only whole escapes: " + quoted);
            assertTrue(quoted.endsWith("…"), quoted);
            assertTrue(quoted.length() <= DigestComposer.COMMENT_MAX, "length " + quoted.length());
            assertTrue(text.length() <= Block.SECTION_MAX);
        }
    }

    @Test
    void blockKitLimitsAreEnforced() {
        Block.Header h = new Block.Header("x".repeat(400));
        assertEquals(Block.HEADER_MAX, h.text().length());
        Block.Section s = new Block.Section(("line of text &amp; more\n").repeat(300));
        assertTrue(s.mrkdwn().length() <= Block.SECTION_MAX);
        java.util.List<Block> many = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) many.add(new Block.Divider());
        SlackMessage m = new SlackMessage("t", many);
        assertEquals(SlackMessage.MAX_BLOCKS, m.blocks().size());
        assertTrue(m.blocks().get(49) instanceof Block.Context);
    }

    @Test
    void lowestAnswersSortAcrossMetricsOnACommonScale() {
        Instant t = Instant.parse("2026-03-03T10:00:00Z");
        fixture.answered("zendesk", "1", "csat", 2, null, t, "A", "G");   // 0.25
        fixture.answered("zendesk", "2", "nps", 0, null, t, "A", "G");    // 0.0
        fixture.answered("zendesk", "3", "ces", 3, null, t, "A", "G");    // 0.33
        fixture.answered("zendesk", "4", "csat", 5, null, t, "A", "G");   // 1.0
        var lowest = new AnswerLookup(db).lowest(WEEK.start(), WEEK.end(), 3);
        assertEquals(java.util.List.of(Metric.NPS, Metric.CSAT, Metric.CES), lowest.stream().map(AnswerView::metric).toList());
    }
}
