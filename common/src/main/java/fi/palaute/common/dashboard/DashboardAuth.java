package fi.palaute.common.dashboard;

import fi.palaute.common.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may see the dashboard: a browser with the signed session cookie the sign-in form sets, or a script
 * that sends the admin token as {@code Authorization: Bearer}.
 *
 * <p>The cookie is {@code <expiry>.<random id>.<HMAC>} under a key derived from the admin token, so any
 * instance of any service with the same token accepts it, nothing is stored, and changing the token signs
 * everybody out. Sign-out removes the cookie from the browser; a copy taken before stays valid until it
 * expires, which is why sessions are short. A form that changes something carries a CSRF token, an HMAC of
 * the session id, checked on the POST.
 */
public final class DashboardAuth {
    public static final String COOKIE = "palaute_session";
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final String PATH = "/dashboard";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** A signed-in browser or a bearer-token script; {@code csrf} is what its forms must send back. */
    public record Session(String id, Instant expiresAt, boolean bearer, String csrf) {}

    private final byte[] token;
    private final byte[] key;
    private final Clock clock;
    private final boolean secureCookie;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secureCookie true when the service is reached over https (PALAUTE_PUBLIC_URL): the cookie is then
     *                     never sent over plain http. A proxy's {@code X-Forwarded-Proto: https} also sets it.
     */
    public DashboardAuth(String adminToken, Clock clock, boolean secureCookie) {
        this.token = adminToken.getBytes(StandardCharsets.UTF_8);
        this.key = hmac(token, "palaute dashboard session v1");
        this.clock = clock;
        this.secureCookie = secureCookie;
    }

    /** The session of a request: the bearer token first, then the cookie; empty when neither is valid. */
    public Optional<Session> session(Request request) {
        Optional<String> auth = request.header("Authorization");
        if (auth.isPresent()) {
            String value = auth.get();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7) && tokenMatches(value.substring(7).trim())) {
                return Optional.of(new Session("bearer", clock.instant().plus(LIFETIME), true, csrfOf("bearer")));
            }
            return Optional.empty();
        }
        return request.cookie(COOKIE).flatMap(this::verify);
    }

    /** Constant-time comparison with the admin token. */
    public boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    /** A new session and the {@code Set-Cookie} value that hands it to the browser. */
    public String newSessionCookie(Request request) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = expires + "." + B64.encodeToString(id);
        String value = payload + "." + B64.encodeToString(hmac(key, payload));
        return COOKIE + "=" + value + "; Path=" + PATH + "; Max-Age=" + LIFETIME.toSeconds() + attributes(request);
    }

    /** The {@code Set-Cookie} value that removes the session from the browser. */
    public String clearingCookie(Request request) {
        return COOKIE + "=; Path=" + PATH + "; Max-Age=0" + attributes(request);
    }

    /** True when a form's CSRF field belongs to this session; bearer scripts need none (no browser sends it). */
    public boolean csrfValid(Session session, String given) {
        if (session.bearer()) return true;
        return given != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private String attributes(Request request) {
        boolean https = secureCookie || request.header("X-Forwarded-Proto").map("https"::equalsIgnoreCase).orElse(false);
        // Lax, not Strict: a link to the dashboard from Slack or a mail opens it signed in; a POST from
        // another site still carries no cookie.
        return "; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
    }

    private Optional<Session> verify(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3) return Optional.empty();
        String payload = parts[0] + "." + parts[1];
        byte[] expected = B64.encodeToString(hmac(key, payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.UTF_8))) return Optional.empty();
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(expires)) return Optional.empty();
        return Optional.of(new Session(parts[1], expires, false, csrfOf(parts[1])));
    }

    private String csrfOf(String sessionId) {
        return B64.encodeToString(hmac(key, "csrf." + sessionId));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
