package fi.palaute.common.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions, CSRF and the feed's paging over plain HTTP, as a browser or a script sees them. */
class DashboardHttpTest {
    private DashboardFixture app;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        app = DashboardFixture.start(TestDatabases.Kind.SQLITE);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(app.url(path)));
        if (headers.length > 0) r.headers(headers);
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) r.headers(headers);
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signIn() throws Exception {
        var r = post("/dashboard/login", "token=" + DashboardFixture.TOKEN);
        assertEquals(303, r.statusCode());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void withoutASessionTheDashboardSendsTheBrowserToSignIn() throws Exception {
        var r = get("/dashboard");
        assertEquals(303, r.statusCode());
        assertEquals("/dashboard/login", r.headers().firstValue("Location").orElseThrow());
        var deep = get("/dashboard/comments?agent=Ben");
        assertEquals(303, deep.statusCode());
        assertEquals("/dashboard/login?next=%2Fdashboard%2Fcomments%3Fagent%3DBen", deep.headers().firstValue("Location").orElseThrow());
        assertEquals(303, get("/dashboard/followups").statusCode());
        assertEquals(303, get("/dashboard/comments.csv").statusCode());
    }

    @Test
    void theAdminTokenSetsAnHttpOnlySameSiteCookieThatExpiresIn12Hours() throws Exception {
        var r = post("/dashboard/login", "token=" + DashboardFixture.TOKEN + "&next=%2Fdashboard%2Fcomments");
        assertEquals(303, r.statusCode());
        assertEquals("/dashboard/comments", r.headers().firstValue("Location").orElseThrow());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("palaute_session="), cookie);
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Lax") && cookie.contains("; Max-Age=43200")
                && cookie.contains("; Path=/dashboard"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http here: " + cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        var page = get("/dashboard", "Cookie", session);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"card-csat\""));

        app.clock.advance(Duration.ofHours(12));
        assertEquals(303, get("/dashboard", "Cookie", session).statusCode(), "the session has expired");
    }

    @Test
    void aWrongTokenAnswers401WithTheFormAgain() throws Exception {
        var r = post("/dashboard/login", "token=not-the-token-0123456789");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("name=\"token\"") && r.body().contains("role=\"alert\""), r.body());
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void anAlteredOrForeignCookieIsNoSession() throws Exception {
        String session = signIn();
        String value = session.substring(session.indexOf('=') + 1);
        String[] parts = value.split("\\.");
        String later = (Long.parseLong(parts[0]) + 86_400) + "." + parts[1] + "." + parts[2];
        assertEquals(303, get("/dashboard", "Cookie", "palaute_session=" + later).statusCode());
        DashboardAuth other = new DashboardAuth("another-installations-token-000", app.clock, false);
        var forged = other.newSessionCookie(new fi.palaute.common.http.Request("POST", "/dashboard/login",
                java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), new byte[0], null));
        assertEquals(303, get("/dashboard", "Cookie", forged.substring(0, forged.indexOf(';'))).statusCode());
    }

    @Test
    void scriptsUseTheBearerToken() throws Exception {
        var r = get("/dashboard?agent=Ben", "Authorization", "Bearer " + DashboardFixture.TOKEN);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Ben"));
        var wrong = get("/dashboard", "Authorization", "Bearer wrong-token-0000000000");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("\"error\""), wrong.body());
    }

    @Test
    void signOutNeedsTheSessionsCsrfTokenAndClearsTheCookie() throws Exception {
        String session = signIn();
        String page = get("/dashboard", "Cookie", session).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the sign-out form carries a CSRF token");
        assertEquals(403, post("/dashboard/logout", "csrf=forged", "Cookie", session).statusCode());
        assertEquals(403, post("/dashboard/logout", "csrf=" + m.group(1), "Cookie", session,
                "Origin", "https://evil.example").statusCode(), "a form posted from another site");
        var out = post("/dashboard/logout", "csrf=" + m.group(1), "Cookie", session);
        assertEquals(303, out.statusCode());
        assertEquals("/dashboard/login", out.headers().firstValue("Location").orElseThrow());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    }

    @Test
    void pagesLoadNothingFromAnotherHostAndRunNoScript() throws Exception {
        var r = get("/dashboard", "Authorization", "Bearer " + DashboardFixture.TOKEN);
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("style-src 'self'") && !csp.contains("script-src"), csp);
        assertFalse(r.body().contains("<script"), "no script on the page");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(r.body()).find(), "nothing from another host");
        var css = get("/dashboard/assets/dashboard.css");
        assertEquals(200, css.statusCode());
        assertFalse(css.body().contains("@import") || css.body().contains("url("), "the stylesheet loads nothing more");
    }

    @Test
    void theFeedPagesOlderAnswersAndItsCsvHasTheFilteredAnswers() throws Exception {
        String auth = "Bearer " + DashboardFixture.TOKEN;
        var first = get("/dashboard/comments?all=1", "Authorization", auth);
        Matcher older = Pattern.compile("href=\"(/dashboard/comments\\?[^\"]*before=[^\"]+)\" rel=\"next\"").matcher(first.body());
        assertTrue(older.find(), "a full page links to older answers");
        int onFirst = count(first.body(), "class=\"comment ");
        assertEquals(CommentFeed.PAGE_SIZE, onFirst);
        var second = get(older.group(1).replace("&amp;", "&"), "Authorization", auth);
        assertEquals(200, second.statusCode());
        assertEquals(CommentFeed.PAGE_SIZE, count(second.body(), "class=\"comment "));

        var csv = get("/dashboard/comments.csv?agent=Ben&band=low", "Authorization", auth);
        assertEquals(200, csv.statusCode());
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("source,ticket_id,metric,score,comment,answered_at,agent,group,channel"));
        assertTrue(lines.length > 1);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains(",Ben,") && lines[i].matches("^[a-z]+,\\d+,csat,[12],.*"), lines[i]);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
