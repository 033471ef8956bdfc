package fi.palaute.common.dashboard;

import fi.palaute.common.http.Csv;
import fi.palaute.common.http.HttpService;
import fi.palaute.common.http.Request;
import fi.palaute.common.http.Response;
import fi.palaute.common.score.Ranking;
import fi.palaute.common.store.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The support lead's pages under {@code /dashboard}: sign-in, the overview (scores with n, interval,
 * response rate and change; the chart; the distribution; FCR, handle time and automated answers; the
 * breakdown), the comments feed with its CSV, and the follow-ups and experiments pages that other parts of
 * Palaute fill through {@link DashboardSection}. Every service with PALAUTE_ADMIN_TOKEN serves them.
 *
 * <p>Pages are HTML rendered here, readable without JavaScript (there is none) and load nothing from another
 * host: the Content-Security-Policy allows only this service's own stylesheet.
 */
public final class Dashboard {
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final DashboardAuth auth;
    private final Clock clock;
    private final OverviewQuery overviews;
    private final CommentFeed comments;
    private final Map<PageFrame.Tab, DashboardSection> sections;
    private final Templates templates = new Templates();
    private final byte[] stylesheet = resource("dashboard/dashboard.css");

    private Dashboard(Builder b) {
        this.auth = new DashboardAuth(b.adminToken, b.clock, b.secureCookie);
        this.clock = b.clock;
        this.overviews = new OverviewQuery(b.db, b.minRankN);
        this.comments = new CommentFeed(b.db);
        this.sections = Map.copyOf(b.sections);
    }

    public static Builder builder(Database db, String adminToken) {
        return new Builder(db, adminToken);
    }

    public void register(HttpService.Builder routes) {
        routes.get("/dashboard", r -> page(r, PageFrame.Tab.OVERVIEW, this::overview));
        routes.get("/dashboard/login", this::loginForm);
        routes.post("/dashboard/login", this::login);
        routes.post("/dashboard/logout", this::logout);
        routes.get("/dashboard/comments", r -> page(r, PageFrame.Tab.COMMENTS, this::comments));
        routes.get("/dashboard/comments.csv", this::commentsCsv);
        routes.get("/dashboard/followups", r -> page(r, PageFrame.Tab.FOLLOWUPS, this::section));
        routes.get("/dashboard/experiments", r -> page(r, PageFrame.Tab.EXPERIMENTS, this::section));
        routes.get("/dashboard/assets/dashboard.css", r -> new Response(200, "text/css; charset=utf-8", stylesheet,
                Map.of("Cache-Control", "public, max-age=3600", "X-Content-Type-Options", "nosniff")));
    }

    /** Renders one page for a signed-in request: what it shows comes from {@code body}. */
    private interface PageBody {
        Response render(Request request, PageFrame frame) throws Exception;
    }

    private Response page(Request request, PageFrame.Tab tab, PageBody body) throws Exception {
        Messages text = text(request);
        Optional<DashboardAuth.Session> session = auth.session(request);
        if (session.isEmpty()) return unauthenticated(request);
        ViewFilter filter;
        try {
            filter = ViewFilter.parse(request.query(), clock);
        } catch (ViewFilter.BadFilter e) {
            PageFrame frame = new PageFrame(text, text.t("error.title"), tab, session.get(), null);
            return html(400, "error.jte", new Views.ErrorView(frame, e.param(), e.getMessage()));
        }
        return body.render(request, new PageFrame(text, text.t(tab.key()), tab, session.get(), filter));
    }

    private Response unauthenticated(Request request) {
        if (request.header("Authorization").isPresent()) {
            return Response.error(401, "unauthorized", "send Authorization: Bearer <PALAUTE_ADMIN_TOKEN>, or sign in");
        }
        // The bare /dashboard goes to the bare sign-in page; a deeper link comes back to itself after it.
        String target = request.pathAndQuery();
        return Response.seeOther(target.equals("/dashboard") ? "/dashboard/login"
                : "/dashboard/login?next=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private Response overview(Request request, PageFrame frame) {
        return html(200, "overview.jte", new Views.OverviewView(frame, overviews.load(frame.filter())));
    }

    private Response comments(Request request, PageFrame frame) {
        return html(200, "comments.jte", new Views.CommentsView(frame, comments.page(frame.filter())));
    }

    private Response section(Request request, PageFrame frame) throws Exception {
        DashboardSection section = sections.get(frame.current());
        String emptyKey = frame.current().key() + ".empty";
        if (section == null) return html(200, "section.jte", new Views.SectionView(frame, null, emptyKey));
        SectionContext context = new SectionContext(request, frame.filter(), frame.text(), frame.session(), auth, templates);
        return html(200, "section.jte", new Views.SectionView(frame, section.render(context), emptyKey));
    }

    private Response commentsCsv(Request request) {
        Optional<DashboardAuth.Session> session = auth.session(request);
        if (session.isEmpty()) return unauthenticated(request);
        ViewFilter f;
        try {
            f = ViewFilter.parse(request.query(), clock);
        } catch (ViewFilter.BadFilter e) {
            return Response.error(400, "bad_parameter", e.param() + ": " + e.getMessage());
        }
        return Response.stream(200, "text/csv; charset=utf-8", out -> writeCsv(f, out))
                .withHeader("Content-Disposition", "attachment; filename=\"palaute-comments.csv\"")
                .withHeader("Cache-Control", "no-store");
    }

    /** The feed's answers of a filter as CSV, written as they are read: any range, in constant memory. */
    private void writeCsv(ViewFilter f, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        csv.write("source,ticket_id,metric,score,comment,answered_at,agent,group,channel,suspected_bot,bot_reason,ticket_url\r\n");
        try {
            comments.each(f, c -> {
                try {
                    csv.write(Csv.field(c.source()) + ',' + Csv.field(c.ticketId()) + ',' + c.metric().id() + ','
                            + c.score() + ',' + Csv.field(c.comment()) + ',' + c.answeredAt() + ',' + Csv.field(c.agent())
                            + ',' + Csv.field(c.group()) + ',' + Csv.field(c.channel()) + ',' + c.suspectedBot() + ','
                            + Csv.field(c.botReason()) + ',' + Csv.field(c.ticketUrl()) + "\r\n");
                } catch (IOException e) {
                    // the browser went away: stop reading and end the snapshot
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private Response loginForm(Request request) {
        if (auth.session(request).isPresent()) return Response.seeOther(next(request.queryParam("next")));
        return loginPage(request, 200, false);
    }

    private Response login(Request request) {
        if (!sameOrigin(request)) return Response.error(403, "cross_origin", "the sign-in form must be sent from this site");
        Map<String, String> form = request.form();
        if (!auth.tokenMatches(form.get("token"))) return loginPage(request, 401, true);
        return Response.seeOther(next(Optional.ofNullable(form.get("next"))))
                .withHeader("Set-Cookie", auth.newSessionCookie(request));
    }

    private Response loginPage(Request request, int status, boolean failed) {
        Messages text = text(request);
        String next = request.method().equals("POST") ? request.form().get("next") : request.queryParam("next").orElse(null);
        PageFrame frame = new PageFrame(text, text.t("login.title"), null, null, null);
        return html(status, "login.jte", new Views.LoginView(frame, safeNext(next).orElse(null), failed));
    }

    private Response logout(Request request) {
        Optional<DashboardAuth.Session> session = auth.session(request);
        if (session.isPresent() && (!sameOrigin(request) || !auth.csrfValid(session.get(), request.form().get("csrf")))) {
            return Response.error(403, "bad_csrf_token", "the sign-out form has expired; reload the page and try again");
        }
        return Response.seeOther("/dashboard/login").withHeader("Set-Cookie", auth.clearingCookie(request));
    }

    /**
     * A browser's POST names its page's origin; one from another site is refused before anything else (the
     * CSRF token is the main guard, this one also covers the sign-in form, which has no session yet). An
     * absent or opaque ("null") origin says nothing either way.
     */
    private static boolean sameOrigin(Request request) {
        Optional<String> origin = request.header("Origin");
        if (origin.isEmpty() || origin.get().equals("null")) return true;
        Optional<String> host = request.header("Host");
        try {
            URI o = URI.create(origin.get());
            return host.isPresent() && o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(host.get());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String next(Optional<String> next) {
        return next.flatMap(Dashboard::safeNext).orElse("/dashboard");
    }

    /** Only a path of this dashboard: never another host ("//evil.example") or a scheme. */
    private static Optional<String> safeNext(String next) {
        if (next == null || !next.startsWith("/dashboard") || next.startsWith("/dashboard/login")) return Optional.empty();
        if (next.contains("\\") || next.chars().anyMatch(c -> c < 0x20)) return Optional.empty();
        return Optional.of(next);
    }

    private static Messages text(Request request) {
        return Messages.forAcceptLanguage(request.header("Accept-Language").orElse(null));
    }

    private Response html(int status, String template, Object view) {
        return Response.html(status, templates.render(template, view))
                .withHeader("Content-Security-Policy", CSP)
                // the forms name their origin to this service; links out (to the tickets) carry no referrer
                .withHeader("Referrer-Policy", "same-origin")
                .withHeader("Vary", "Accept-Language, Cookie, Authorization");
    }

    private static byte[] resource(String name) {
        try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** The dashboard's parts; the follow-ups and experiments sections are optional. */
    public static final class Builder {
        private final Database db;
        private final String adminToken;
        private Clock clock = Clock.systemUTC();
        private boolean secureCookie;
        private int minRankN = Ranking.DEFAULT_MIN_N;
        private final Map<PageFrame.Tab, DashboardSection> sections = new EnumMap<>(PageFrame.Tab.class);

        private Builder(Database db, String adminToken) {
            this.db = db;
            this.adminToken = adminToken;
        }

        public Builder clock(Clock c) { this.clock = c; return this; }

        /** Marks the session cookie Secure: set when PALAUTE_PUBLIC_URL is https. */
        public Builder secureCookie(boolean secure) { this.secureCookie = secure; return this; }

        public Builder minRankN(int n) { this.minRankN = n; return this; }

        /** Fills /dashboard/followups. */
        public Builder followups(DashboardSection section) { sections.put(PageFrame.Tab.FOLLOWUPS, section); return this; }

        /** Fills /dashboard/experiments. */
        public Builder experiments(DashboardSection section) { sections.put(PageFrame.Tab.EXPERIMENTS, section); return this; }

        public Dashboard build() {
            return new Dashboard(this);
        }
    }
}
