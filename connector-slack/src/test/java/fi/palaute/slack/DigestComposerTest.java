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
