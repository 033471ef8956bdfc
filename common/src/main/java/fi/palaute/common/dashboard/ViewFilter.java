package fi.palaute.common.dashboard;

import fi.palaute.common.score.Metric;
import fi.palaute.common.score.SummaryFilter;
import fi.palaute.common.score.SummaryQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a dashboard page shows, from its query parameters: the range ({@code from}, {@code to} exclusive, as
 * ISO dates in {@code tz} or instants; default the last 30 days including today), the helpdesk, agent and
 * group, the metric, the chart's period or the breakdown ({@code by}), and the comments feed's own
 * filters. Every link on a page is this filter with one parameter changed, so filters add up.
 */
public final class ViewFilter {
    /** The chart's points: one a day or one a week (Monday to Monday in the time zone). */
    public enum Period { DAY, WEEK }

    /** What a breakdown table splits by, and the filter a click on one of its rows sets. */
    public enum Dimension {
        AGENT("agent", SummaryQuery.By.AGENT), GROUP("group", SummaryQuery.By.GROUP),
        CHANNEL("channel", SummaryQuery.By.CHANNEL), SOURCE("source", SummaryQuery.By.SOURCE);

        private final String param;
        private final SummaryQuery.By by;

        Dimension(String param, SummaryQuery.By by) {
            this.param = param;
            this.by = by;
        }

        /** The query parameter a row of this breakdown sets, and the value of {@code by} that shows it. */
        public String param() { return param; }

        public SummaryQuery.By by() { return by; }
    }

    /** A comment's score band: low (alert level and below), high (good), neutral in between. */
    public enum Band {
        LOW, NEUTRAL, HIGH;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }

        public boolean contains(Metric m, int score) {
            return switch (this) {
                case LOW -> m.isLow(score);
                case HIGH -> score >= m.goodFrom();
                case NEUTRAL -> !m.isLow(score) && score < m.goodFrom();
            };
        }
    }

    /** Where an older page of the comments feed starts: before this answer, newest first. */
    public record Cursor(long answeredAt, long id) {
        String param() { return answeredAt + "." + id; }
    }

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(3 * 366);
    private static final List<String> KEYS = List.of("from", "to", "tz", "source", "metric", "by", "channel", "agent",
            "group", "band", "q", "bots", "all", "before");

    private final Map<String, String> params;
    private final ZoneId zone;
    private final Instant from;
    private final Instant to;
    private final Optional<Metric> metric;
    private final SummaryFilter summary;
    private final Optional<Period> period;
    private final Dimension dimension;
    private final Optional<Band> band;
    private final Optional<String> text;
    private final boolean withBots;
    private final boolean withoutComments;
    private final Optional<Cursor> before;

    private ViewFilter(Map<String, String> params, ZoneId zone, Instant from, Instant to, Optional<Metric> metric,
                       SummaryFilter summary, Optional<Period> period, Dimension dimension, Optional<Band> band,
                       Optional<String> text, boolean withBots, boolean withoutComments, Optional<Cursor> before) {
        this.params = params;
        this.zone = zone;
        this.from = from;
        this.to = to;
        this.metric = metric;
        this.summary = summary;
        this.period = period;
        this.dimension = dimension;
        this.band = band;
        this.text = text;
        this.withBots = withBots;
        this.withoutComments = withoutComments;
        this.before = before;
    }

    /** Thrown for a parameter the page cannot use; the page says which and why. */
    public static final class BadFilter extends RuntimeException {
        private final String param;

        BadFilter(String param, String detail) {
            super(detail);
            this.param = param;
        }

        public String param() { return param; }
    }

    /** Parses the query parameters a page was asked with; unknown ones are ignored, blank ones are absent. */
    public static ViewFilter parse(Map<String, String> query, Clock clock) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String k : KEYS) {
            String v = query.get(k);
            if (v != null && !v.isBlank()) p.put(k, v.trim());
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(p.getOrDefault("tz", "UTC"));
        } catch (DateTimeException e) {
            throw new BadFilter("tz", "an IANA time zone such as Europe/Helsinki or UTC");
        }
        Instant to = p.containsKey("to") ? time("to", p.get("to"), zone)
                : LocalDate.now(clock.withZone(zone)).plusDays(1).atStartOfDay(zone).toInstant();
        Instant from = p.containsKey("from") ? time("from", p.get("from"), zone)
                : ZonedDateTime.ofInstant(to, zone).minusDays(DEFAULT_RANGE.toDays()).toInstant();
        if (!from.isBefore(to)) throw new BadFilter("from", "the start must be before the end");
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new BadFilter("from", "the range may span at most three years");
        }
        Optional<Metric> metric;
        try {
            metric = Optional.ofNullable(p.get("metric")).map(Metric::fromId);
        } catch (IllegalArgumentException e) {
            throw new BadFilter("metric", "csat, ces or nps");
        }
        Optional<Period> period = Optional.empty();
        Dimension dimension = Dimension.AGENT;
        String by = p.get("by");
        if (by != null) {
            switch (by) {
                case "day" -> period = Optional.of(Period.DAY);
                case "week" -> period = Optional.of(Period.WEEK);
                case "agent" -> dimension = Dimension.AGENT;
                case "group" -> dimension = Dimension.GROUP;
                case "channel" -> dimension = Dimension.CHANNEL;
                case "source" -> dimension = Dimension.SOURCE;
                default -> throw new BadFilter("by", "day, week, agent, group, channel or source");
            }
        }
        Optional<Band> band;
        try {
            band = Optional.ofNullable(p.get("band")).map(v -> Band.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadFilter("band", "low, neutral or high");
        }
        Optional<Cursor> before = Optional.empty();
        if (p.containsKey("before")) {
            String[] parts = p.get("before").split("\\.");
            try {
                if (parts.length != 2) throw new NumberFormatException();
                before = Optional.of(new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            } catch (NumberFormatException e) {
                throw new BadFilter("before", "a position from the feed's own “older” link");
            }
        }
        SummaryFilter summary = new SummaryFilter(Optional.ofNullable(p.get("source")), Optional.ofNullable(p.get("agent")),
                Optional.ofNullable(p.get("group")), Optional.ofNullable(p.get("channel")), metric);
        return new ViewFilter(Map.copyOf(p), zone, from, to, metric, summary, period, dimension, band,
                Optional.ofNullable(p.get("q")), "include".equals(p.get("bots")), "1".equals(p.get("all")), before);
    }

    /** An ISO date (the start of that day in the zone) or an ISO instant. */
    private static Instant time(String name, String value, ZoneId zone) {
        try {
            if (value.length() == 10) return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadFilter(name, "an ISO date (2026-01-31) or instant (2026-01-31T12:00:00Z)");
        }
    }

    public ZoneId zone() { return zone; }

    public Instant from() { return from; }

    public Instant to() { return to; }

    /** The period just before, of the same length: what a change is measured against. */
    public Instant previousFrom() { return from.minus(Duration.between(from, to)); }

    public Optional<Metric> metric() { return metric; }

    /** The answers, surveys and outcomes this filter selects, as the summary query takes them. */
    public SummaryFilter summary() { return summary; }

    /** The chart's period: as asked, else a point a day up to two months and a point a week beyond. */
    public Period period() {
        return period.orElse(Duration.between(from, to).compareTo(Duration.ofDays(62)) <= 0 ? Period.DAY : Period.WEEK);
    }

    public Dimension dimension() { return dimension; }

    public Optional<Band> band() { return band; }

    public Optional<String> text() { return text; }

    public boolean withBots() { return withBots; }

    public boolean withoutComments() { return withoutComments; }

    public Optional<Cursor> before() { return before; }

    /** A parameter as given, or null: what a form field shows. */
    public String param(String key) { return params.get(key); }

    /** The first day shown, and the last (inclusive) when the range ends at a midnight in the zone. */
    public LocalDate firstDay() { return LocalDate.ofInstant(from, zone); }

    public LocalDate lastDay() {
        ZonedDateTime end = to.atZone(zone);
        return end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1) : end.toLocalDate();
    }

    /** The form's value of a date field: the date as given, or the date of the instant in the zone. */
    public String dateField(String key) {
        Instant at = key.equals("from") ? from : to;
        return LocalDate.ofInstant(at, zone).toString();
    }

    /** Filters that narrow the answers (helpdesk, agent, group, channel, metric), to show and remove one by one. */
    public List<Map.Entry<String, String>> narrowing() {
        return params.entrySet().stream()
                .filter(e -> List.of("source", "agent", "group", "channel", "metric").contains(e.getKey())).toList();
    }

    /** This page's link. */
    public String href(String path) {
        return link(path, params);
    }

    /** The link to a page with this filter and one parameter set (or removed, when the value is null). */
    public String with(String path, String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove("before");
        if (value == null) p.remove(key);
        else p.put(key, value);
        return link(path, p);
    }

    /** The link to a page with this filter less the feed's own parameters: from the feed to the overview. */
    public String overviewHref() {
        Map<String, String> p = new LinkedHashMap<>(params);
        List.of("band", "q", "bots", "all", "before").forEach(p::remove);
        return link("/dashboard", p);
    }

    /** The comments of one period (a chart point), with this filter's helpdesk, agent, group and metric. */
    public String commentsOf(Instant start, Instant end, Metric shown) {
        Map<String, String> p = new LinkedHashMap<>(params);
        List.of("by", "before").forEach(p::remove);
        p.put("from", dateOrInstant(start));
        p.put("to", dateOrInstant(end));
        p.put("metric", shown.id());
        return link("/dashboard/comments", p);
    }

    /** The next (older) page of the feed. */
    public String olderThan(Cursor cursor) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("before", cursor.param());
        return link("/dashboard/comments", p);
    }

    private String dateOrInstant(Instant at) {
        ZonedDateTime z = at.atZone(zone);
        return z.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? z.toLocalDate().toString() : at.toString();
    }

    private static String link(String path, Map<String, String> p) {
        StringBuilder out = new StringBuilder(path);
        char sep = '?';
        for (String k : KEYS) {
            String v = p.get(k);
            if (v == null) continue;
            out.append(sep).append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            sep = '&';
        }
        return out.toString();
    }
}
