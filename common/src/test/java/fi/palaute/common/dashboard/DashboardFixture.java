package fi.palaute.common.dashboard;

import fi.palaute.common.http.AdminApi;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.SurveyRows;
import fi.palaute.common.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A service with the dashboard and the admin API on a fresh database of two months of answers: the last
 * 30 days (November 2026) much less satisfied than the 30 before, so the CSAT card shows a real drop.
 *
 * <ul>
 *   <li>Aino: CSAT 5 every day (4 every tenth day), in Tier 1, on Zendesk;</li>
 *   <li>Ben: CSAT 2,5,1,4,3 in turn in November, 5 in October, in Tier 2, on Freshdesk;</li>
 *   <li>Chen: CSAT on odd days (4,5,3 in turn) and CES every third day (6,7,5), in Tier 1;</li>
 *   <li>Dana: two CSAT 5s, too few to rank;</li>
 *   <li>two answers flagged as automated, and hostile comments (markup, very long, right-to-left, emoji).</li>
 * </ul>
 */
final class DashboardFixture implements AutoCloseable {
    static final String TOKEN = "dashboard-admin-token-0123456789";
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");
    static final String SCRIPT_COMMENT = "<script>document.title='pwned'</script><b>bold?</b>";
    static final String RTL_COMMENT = "שירות מצוין, תודה רבה! الخدمة ممتازة";
    static final String EMOJI_COMMENT = "Great 👍🏽 support 🎉 — kiitos!";
    static final String LONG_COMMENT = "very-long-" + "x".repeat(3000) + " end of the long comment";
    static final String BOT_COMMENT = "comment from a link scanner";

    final Database db;
    final HttpService http;
    final MutableClock clock;

    private DashboardFixture(Database db, HttpService http, MutableClock clock) {
        this.db = db;
        this.http = http;
        this.clock = clock;
    }

    static DashboardFixture start(TestDatabases.Kind kind) throws Exception {
        Database db = TestDatabases.open(kind);
        seed(db);
        MutableClock clock = new MutableClock(NOW);
        HttpService.Builder b = HttpService.builder().port(0).host("127.0.0.1");
        new AdminApi(db, Optional.of(TOKEN), clock, Duration.ofHours(4)).register(b);
        Dashboard.builder(db, TOKEN).clock(clock).build().register(b);
        return new DashboardFixture(db, b.build().start(), clock);
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.port() + path;
    }

    private static void seed(Database db) {
        SurveyRows rows = new SurveyRows(db);
        int[] ben = {2, 5, 1, 4, 3};
        int[] chen = {4, 5, 3};
        int[] ces = {6, 7, 5};
        int ticket = 1000;
        for (int d = -30; d < 30; d++) {
            Instant day = NOVEMBER.plus(Duration.ofDays(d)).plus(Duration.ofHours(9));
            boolean november = d >= 0;
            ticket++;
            add(rows, "zendesk", "" + ticket, "csat", november && d % 10 == 9 ? 4 : 5,
                    november && d == 3 ? "Aino was quick and kind" : null, day, false, "Aino", "Tier 1");
            ticket++;
            add(rows, "freshdesk", "" + ticket, "csat", november ? ben[d % ben.length] : 5,
                    november && d % 5 == 2 ? "Waited three days for an answer" : null, day.plusSeconds(600), false, "Ben", "Tier 2");
            if (Math.floorMod(d, 2) == 1) {
                ticket++;
                add(rows, "zendesk", "" + ticket, "csat", november ? chen[(d / 2) % chen.length] : 5, null,
                        day.plusSeconds(1200), false, "Chen", "Tier 1");
            }
            if (november && d % 3 == 0) {
                ticket++;
                add(rows, "zendesk", "" + ticket, "ces", ces[(d / 3) % ces.length], "Easy enough", day.plusSeconds(1800),
                        false, "Chen", "Tier 1");
            }
        }
        Instant late = NOVEMBER.plus(Duration.ofDays(27)).plus(Duration.ofHours(14));
        add(rows, "zendesk", "2001", "csat", 5, "Dana sorted it", late, false, "Dana", "Tier 1");
        add(rows, "zendesk", "2002", "csat", 5, null, late.plusSeconds(60), false, "Dana", "Tier 1");
        add(rows, "zendesk", "2003", "csat", 1, SCRIPT_COMMENT, late.plusSeconds(120), false, "Ben", "Tier 2");
        add(rows, "zendesk", "2004", "csat", 5, RTL_COMMENT, late.plusSeconds(180), false, "Aino", "Tier 1");
        add(rows, "zendesk", "2005", "csat", 5, EMOJI_COMMENT, late.plusSeconds(240), false, "Aino", "Tier 1");
        add(rows, "freshdesk", "2006", "csat", 3, LONG_COMMENT, late.plusSeconds(300), false, "Ben", "Tier 2");
        add(rows, "zendesk", "2007", "csat", 1, BOT_COMMENT, late.plusSeconds(360), true, "Aino", "Tier 1");
        add(rows, "zendesk", "2008", "csat", 1, null, late.plusSeconds(420), true, "Ben", "Tier 2");
    }

    private static void add(SurveyRows rows, String source, String ticket, String metric, int score, String comment,
                            Instant at, boolean bot, String agent, String group) {
        long id = rows.sentSurvey(source, ticket, metric, "en", at.minusSeconds(3600), agent, group);
        rows.answer(id, source, ticket, metric, score, comment, at, bot, agent, group);
        int n = Integer.parseInt(ticket);
        rows.outcome(source, ticket, at.minusSeconds(3600), n % 3 != 0, n % 4 == 0 ? null : 300L + n % 7 * 60, agent);
    }

    @Override
    public void close() {
        http.stop(0);
        db.close();
    }
}
