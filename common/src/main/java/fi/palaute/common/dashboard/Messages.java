package fi.palaute.common.dashboard;

import fi.palaute.common.score.Rounding;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The dashboard's words and number formats in one language, English or Finnish, chosen by the browser's
 * {@code Accept-Language}. Texts live in {@code dashboard/messages_<lang>.properties} (UTF-8); a key
 * missing from a language is a bug the test of the bundles catches, so a lookup never falls back silently.
 */
public final class Messages {
    public static final List<String> LANGUAGES = List.of("en", "fi");
    private static final Map<String, Messages> BUNDLES = load();

    private final Locale locale;
    private final Map<String, String> texts;
    // Looking a format up for a locale costs a tenth of a millisecond, and a page formats hundreds of
    // numbers: the formats are made once and copied (NumberFormat is not thread-safe; the copy is cheap).
    private final NumberFormat integers;
    private final NumberFormat[] decimals = new NumberFormat[3];
    private final DateTimeFormatter dates;
    private final DateTimeFormatter shortDates;
    private final DateTimeFormatter dateTimes;

    private Messages(Locale locale, Map<String, String> texts) {
        this.locale = locale;
        this.texts = texts;
        this.integers = NumberFormat.getIntegerInstance(locale);
        for (int d = 0; d < decimals.length; d++) {
            decimals[d] = NumberFormat.getNumberInstance(locale);
            decimals[d].setMinimumFractionDigits(d);
            decimals[d].setMaximumFractionDigits(d);
        }
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.shortDates = DateTimeFormatter.ofPattern(locale.getLanguage().equals("fi") ? "d.M." : "d MMM", locale);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
    }

    /** The best of English and Finnish for an {@code Accept-Language} header; English when neither is asked for. */
    public static Messages forAcceptLanguage(String header) {
        if (header != null && !header.isBlank()) {
            try {
                String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), LANGUAGES);
                if (tag != null) return BUNDLES.get(tag);
            } catch (IllegalArgumentException e) {
                // a malformed header: answer in English rather than refuse the page
            }
        }
        return BUNDLES.get("en");
    }

    public static Messages of(String language) {
        Messages m = BUNDLES.get(language);
        if (m == null) throw new IllegalArgumentException("no dashboard texts for '" + language + "'");
        return m;
    }

    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    /** The text of a key. */
    public String t(String key) {
        String text = texts.get(key);
        if (text == null) throw new IllegalArgumentException("no dashboard text '" + key + "' in " + lang());
        return text;
    }

    /** The text of a key with {@code {0}}, {@code {1}}, … replaced by the arguments as given. */
    public String t(String key, Object... args) {
        String text = t(key);
        for (int i = 0; i < args.length; i++) text = text.replace("{" + i + "}", String.valueOf(args[i]));
        return text;
    }

    public java.util.Set<String> keys() {
        return texts.keySet();
    }

    /** A count with the language's digit grouping: 12,345 or 12 345. */
    public String count(long n) {
        return ((NumberFormat) integers.clone()).format(n);
    }

    /** A number with 0–2 decimals in the language's notation (5.6 or 5,6); a dash when absent. */
    public String decimal(Double value, int decimals) {
        if (value == null) return "–";
        NumberFormat f = (NumberFormat) this.decimals[decimals].clone();
        // rounded as the admin API rounds (half up on the digits a reader sees), so both show the same number
        return f.format(Rounding.toDecimals(value, decimals));
    }

    /** A value already in percent (83.3) as "83.3%" or "83,3 %"; a dash when absent. */
    public String percent(Double percent) {
        if (percent == null) return "–";
        return t("format.percent", decimal(percent, 1));
    }

    /** A fraction (0.342) as a percentage; a dash when absent. */
    public String fraction(Double fraction) {
        return fraction == null ? "–" : percent(fraction * 100);
    }

    /** A duration in seconds as "13 min 32 s" or "1 h 05 min"; a dash when absent. */
    public String duration(Double seconds) {
        if (seconds == null) return "–";
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + String.format(Locale.ROOT, "%02d", s % 60) + " s";
        return (s / 3600) + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
    }

    /** A score as its metric reports it: "83.3%" (CSAT), "5.6" (CES mean), "+23.4" (NPS); a dash without answers. */
    public String score(ScoreValue v) {
        if (v.value() == null) return "–";
        return switch (v.metric()) {
            case CSAT -> percent(v.value());
            case CES -> decimal(v.value(), 1);
            case NPS -> (Rounding.toDecimals(v.value(), 1) > 0 ? "+" : "") + decimal(v.value(), 1);
        };
    }

    /** The 95% interval as "66.4 … 92.7" (a dash would read as a minus beside a negative NPS); a dash when none. */
    public String interval(ScoreValue v) {
        if (v.ci95() == null) return "–";
        return decimal(v.ci95().low(), 1) + " … " + decimal(v.ci95().high(), 1);
    }

    /** A helpdesk's name as its vendor writes it. */
    public String source(String source) {
        if (source == null) return "–";
        return switch (source) {
            case "zendesk" -> "Zendesk";
            case "freshdesk" -> "Freshdesk";
            default -> source;
        };
    }

    /** A breakdown key: a helpdesk by its name, the rows without a value in words. */
    public String key(String key) {
        return "(none)".equals(key) ? t("breakdown.noneKey") : source(key);
    }

    public String date(LocalDate date) {
        return dates.format(date);
    }

    public String shortDate(LocalDate date) {
        return shortDates.format(date);
    }

    public String dateTime(Instant instant, ZoneId zone) {
        return dateTimes.withZone(zone).format(instant);
    }

    private static Map<String, Messages> load() {
        Map<String, Messages> out = new TreeMap<>();
        for (String lang : LANGUAGES) {
            String name = "dashboard/messages_" + lang + ".properties";
            try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException(name + " is missing from the jar");
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> texts = new TreeMap<>();
                p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
                out.put(lang, new Messages(Locale.forLanguageTag(lang), Map.copyOf(texts)));
            } catch (IOException e) {
                throw new UncheckedIOException(name, e);
            }
        }
        return Map.copyOf(out);
    }
}
