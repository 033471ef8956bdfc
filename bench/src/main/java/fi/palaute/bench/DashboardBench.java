package fi.palaute.bench;

import fi.palaute.common.dashboard.Dashboard;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.store.Database;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dashboard pages over the digest benchmark's generated answers (the same data set, reused when there):
 * each page asked of a running dashboard over loopback, the time from request to the last byte of the
 * HTML, which is the server's rendering (queries and template) plus a loopback round trip. The clock
 * stands at the end of the data, so "the last 30 days" are its last 30 days.
 */
final class DashboardBench {
    private static final String TOKEN = "bench-dashboard-token-0123456789";
    private static final Pattern OLDER = Pattern.compile("href=\"(/dashboard/comments\\?[^\"]*before=[^\"]+)\" rel=\"next\"");

    private final BenchMain.Options o;
    private final Report report;
    private final HttpClient client = HttpClient.newHttpClient();

    DashboardBench(BenchMain.Options o, Report report) {
        this.o = o;
        this.report = report;
    }

    void run() throws Exception {
        DigestBench data = new DigestBench(o, report);
        Instant end = DigestBench.dataEnd();
        List<List<String>> rows = new ArrayList<>(measure("SQLite", data.sqliteData(end), end));
        Optional<DigestBench.Data> pg = data.postgresData(end);
        if (pg.isPresent()) rows.addAll(measure("PostgreSQL", pg.get(), end));
        report.heading(Report.f("Dashboard pages: %,d answers over two years", o.answers));
        report.note(Report.f("The digest benchmark's data (about %,d answers in 30 days). Each page asked over loopback "
                + "with the admin token; time to the last byte of the HTML, first request and the median of five more. "
                + "Target: under 200 ms.", o.answers * 30 / 730));
        report.table(List.of("database", "page", "first", "median of 5", "HTML", "data"), rows);
    }

    private List<List<String>> measure(String name, DigestBench.Data data, Instant end) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Database db = Database.open(data.url(), null, null)) {
            HttpService.Builder routes = HttpService.builder().host("127.0.0.1").port(0);
            Dashboard.builder(db, TOKEN).clock(Clock.fixed(end.minusSeconds(1), ZoneOffset.UTC)).build().register(routes);
            HttpService http = routes.build().start();
            try {
                String base = "http://127.0.0.1:" + http.port();
                String ninety = LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(90).toString();
                List<String[]> pages = new ArrayList<>(List.of(
                        new String[] {"overview, last 30 days", "/dashboard"},
                        new String[] {"overview, one agent", "/dashboard?agent=" + URLEncoder.encode("Agent 7", StandardCharsets.UTF_8)},
                        new String[] {"overview, 90 days by week, by group", "/dashboard?from=" + ninety + "&by=group"},
                        new String[] {"overview, Helsinki time, CES only", "/dashboard?tz=Europe/Helsinki&metric=ces"},
                        new String[] {"comments, newest", "/dashboard/comments"},
                        new String[] {"comments, low scores of one group", "/dashboard/comments?band=low&group=Group%203"},
                        new String[] {"comments, text search", "/dashboard/comments?q=ticket%20123"}));
                Matcher older = OLDER.matcher(get(base + "/dashboard/comments").body());
                if (older.find()) pages.add(new String[] {"comments, second page", older.group(1).replace("&amp;", "&")});
                for (String[] page : pages) {
                    double[] ms = new double[6];
                    int bytes = 0;
                    for (int i = 0; i < ms.length; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = get(base + page[1]);
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                        if (r.statusCode() != 200) throw new IllegalStateException(page[1] + " answered " + r.statusCode());
                        bytes = r.body().length();
                    }
                    double[] more = Arrays.copyOfRange(ms, 1, ms.length);
                    Arrays.sort(more);
                    rows.add(Report.row(name, page[0], Report.f("%.0f ms", ms[0]), Report.f("%.0f ms", more[2]),
                            Report.f("%,d kB", bytes / 1024), data.note()));
                    System.out.println(Report.f("  %s %s: first %.0f ms, median %.0f ms", name, page[0], ms[0], more[2]));
                }
            } finally {
                http.stop(0);
            }
        }
        return rows;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
