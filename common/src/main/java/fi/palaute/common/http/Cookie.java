package fi.palaute.common.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cookie to set. HttpOnly and SameSite=Lax by default: the service's cookies are for its own pages,
 * never for scripts or other sites.
 */
public record Cookie(String name, String value, String path, Optional<Duration> maxAge, boolean httpOnly,
                     boolean secure, SameSite sameSite) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VALUE = Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*");

    public enum SameSite { STRICT, LAX, NONE }

    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(sameSite, "sameSite");
        if (!TOKEN.matcher(name).matches()) throw new IllegalArgumentException("cookie name " + name + " is not a token");
        if (!VALUE.matcher(value).matches()) throw new IllegalArgumentException("cookie " + name + " has a value with characters a cookie cannot carry");
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c < 0x21 || c == ';' || c == 0x7f)) {
            throw new IllegalArgumentException("cookie path must start with / and have no spaces, ; or control characters");
        }
        if (sameSite == SameSite.NONE && !secure) throw new IllegalArgumentException("SameSite=None needs Secure");
    }

    /** A session cookie (no Max-Age) on {@code path}: HttpOnly, SameSite=Lax, not Secure. */
    public static Cookie of(String name, String value, String path) {
        return new Cookie(name, value, path, Optional.empty(), true, false, SameSite.LAX);
    }

    /** Tells the browser to drop the cookie. */
    public static Cookie expired(String name, String path) {
        return new Cookie(name, "", path, Optional.of(Duration.ZERO), true, false, SameSite.LAX);
    }

    public Cookie withMaxAge(Duration age) {
        return new Cookie(name, value, path, Optional.of(age), httpOnly, secure, sameSite);
    }

    public Cookie withSecure(boolean s) {
        return new Cookie(name, value, path, maxAge, httpOnly, s, sameSite);
    }

    public Cookie withSameSite(SameSite s) {
        return new Cookie(name, value, path, maxAge, httpOnly, secure, s);
    }

    /** The Set-Cookie header value. */
    public String toHeader() {
        StringBuilder sb = new StringBuilder(name).append('=').append(value).append("; Path=").append(path);
        maxAge.ifPresent(a -> sb.append("; Max-Age=").append(Math.max(0, a.toSeconds())));
        if (httpOnly) sb.append("; HttpOnly");
        if (secure) sb.append("; Secure");
        String s = sameSite.name().toLowerCase(Locale.ROOT);
        sb.append("; SameSite=").append(Character.toUpperCase(s.charAt(0))).append(s.substring(1));
        return sb.toString();
    }
}
