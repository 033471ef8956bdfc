package fi.palaute.common.http;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads counters out of a /metrics scrape as an operator's query would: summed over the labels not named. */
public final class ScrapedMetrics {
    /** Name, labels (quoted values may hold braces: {@code kind="GET tickets/{id}"}), value. */
    private static final Pattern LINE = Pattern.compile("^([a-z_]+)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*})? ([0-9.eE+-]+)$");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    public ScrapedMetrics(String text) {
        this.text = text;
    }

    /** The sum of every series of {@code name} whose labels include all of {@code labels}. */
    public long sum(String name, Map<String, String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches() || !m.group(1).equals(name)) continue;
            Map<String, String> have = new java.util.HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) have.put(l.group(1), l.group(2));
            }
            if (labels.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())))) {
                total += Double.parseDouble(m.group(3));
            }
        }
        return Math.round(total);
    }

    /** Vendor calls made for a purpose ({@code survey}, {@code write_back}, …), every kind and status. */
    public long calls(String vendor, String purpose) {
        return sum("palaute_api_calls_total", Map.of("vendor", vendor, "purpose", purpose));
    }

    /** Vendor credits spent for a purpose (Freshdesk). */
    public long credits(String vendor, String purpose) {
        return sum("palaute_api_credits_total", Map.of("vendor", vendor, "purpose", purpose));
    }
}
