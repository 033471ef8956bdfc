package fi.palaute.common.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table: method plus a path pattern with {@code {name}} segments. GET routes answer HEAD too.
 * The first route that matches wins.
 */
final class Routes {
    record Route(String method, String pattern, String[] segments, Handler handler) {
        /** The label for metrics and logs: the pattern, never the client's actual path. */
        String name() {
            return method + " " + pattern;
        }
    }

    record Match(Route route, Map<String, String> params) {}

    private final List<Route> routes;

    Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    static Route route(String method, String pattern, Handler handler) {
        if (!pattern.startsWith("/")) throw new IllegalArgumentException("a route pattern starts with /: " + pattern);
        return new Route(method, pattern, pattern.split("/", -1), handler);
    }

    Optional<Match> match(String method, String rawPath) {
        for (Route r : routes) {
            if (!r.method.equals(method) && !(r.method.equals("GET") && method.equals("HEAD"))) continue;
            Map<String, String> p = params(r.segments, rawPath);
            if (p != null) return Optional.of(new Match(r, p));
        }
        return Optional.empty();
    }

    /** True when some route has this path under another method (405 rather than 404). */
    boolean hasPath(String rawPath) {
        return routes.stream().anyMatch(r -> params(r.segments, rawPath) != null);
    }

    private static Map<String, String> params(String[] segments, String path) {
        String[] parts = path.split("/", -1);
        if (parts.length != segments.length) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String s = segments[i];
            if (s.startsWith("{") && s.endsWith("}")) {
                if (parts[i].isEmpty()) return null;
                try {
                    out.put(s.substring(1, s.length() - 1), URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            } else if (!s.equals(parts[i])) {
                return null;
            }
        }
        return out;
    }
}
