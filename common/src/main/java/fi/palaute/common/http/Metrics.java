package fi.palaute.common.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counters, summaries and read-at-scrape gauges, written out in Prometheus text format. Small on
 * purpose: a few dozen series, no client library.
 */
public final class Metrics {
    private final Map<String, Family> families = new ConcurrentHashMap<>();
    private final List<Consumer<GaugeWriter>> gauges = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds one to a counter, e.g. {@code increment("palaute_webhooks_total", "help", "result", "accepted")}. */
    public void increment(String name, String help, String... labels) {
        add(name, help, 1, labels);
    }

    public void add(String name, String help, long amount, String... labels) {
        Family f = families.computeIfAbsent(name, n -> new Family(n, help, "counter"));
        f.counters.computeIfAbsent(labelText(labels), k -> new LongAdder()).add(amount);
    }

    /** Records one observation of a duration or size: exported as _sum and _count. */
    public void observe(String name, String help, double value, String... labels) {
        Family f = families.computeIfAbsent(name, n -> new Family(n, help, "summary"));
        String key = labelText(labels);
        f.sums.computeIfAbsent(key, k -> new DoubleAdder()).add(value);
        f.counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Registers gauges read at every scrape (queue depth from the database, say). */
    public void gauges(Consumer<GaugeWriter> writer) {
        gauges.add(writer);
    }

    public long counter(String name, String... labels) {
        Family f = families.get(name);
        if (f == null) return 0;
        LongAdder a = f.counters.get(labelText(labels));
        return a == null ? 0 : a.sum();
    }

    public String scrape() {
        StringBuilder out = new StringBuilder();
        for (Family f : new TreeMap<>(families).values()) {
            out.append("# HELP ").append(f.name).append(' ').append(f.help).append('\n');
            out.append("# TYPE ").append(f.name).append(' ').append(f.type).append('\n');
            for (var e : new TreeMap<>(f.counters).entrySet()) {
                if (f.type.equals("summary")) {
                    out.append(f.name).append("_sum").append(e.getKey()).append(' ')
                            .append(f.sums.get(e.getKey()).sum()).append('\n');
                    out.append(f.name).append("_count").append(e.getKey()).append(' ').append(e.getValue().sum()).append('\n');
                } else {
                    out.append(f.name).append(e.getKey()).append(' ').append(e.getValue().sum()).append('\n');
                }
            }
        }
        GaugeWriter writer = new GaugeWriter(out);
        for (Consumer<GaugeWriter> g : gauges) {
            try {
                g.accept(writer);
            } catch (RuntimeException e) {
                out.append("# gauge unavailable: ").append(e.getClass().getSimpleName()).append('\n');
            }
        }
        return out.toString();
    }

    static String labelText(String... labels) {
        if (labels.length == 0) return "";
        if (labels.length % 2 != 0) throw new IllegalArgumentException("labels come in name, value pairs");
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < labels.length; i += 2) {
            if (i > 0) sb.append(',');
            sb.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
        }
        return sb.append('}').toString();
    }

    private static String escape(String value) {
        if (value == null) return "";
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Writes gauge lines during a scrape. */
    public static final class GaugeWriter {
        private final StringBuilder out;
        private final List<String> described = new ArrayList<>();

        GaugeWriter(StringBuilder out) {
            this.out = out;
        }

        public void gauge(String name, String help, double value, String... labels) {
            if (!described.contains(name)) {
                described.add(name);
                out.append("# HELP ").append(name).append(' ').append(help).append('\n');
                out.append("# TYPE ").append(name).append(" gauge\n");
            }
            out.append(name).append(labelText(labels)).append(' ').append(value).append('\n');
        }
    }

    private static final class Family {
        final String name;
        final String help;
        final String type;
        final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
        final Map<String, DoubleAdder> sums = new ConcurrentHashMap<>();

        Family(String name, String help, String type) {
            this.name = name;
            this.help = help;
            this.type = type;
        }
    }
}
