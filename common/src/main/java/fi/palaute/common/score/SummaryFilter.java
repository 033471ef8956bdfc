package fi.palaute.common.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which answers, sent surveys and ticket outcomes a summary counts: all of them, or only those of one
 * helpdesk (source), agent, group, channel or metric. A value matches the key a split by that column shows, so
 * {@value #NONE_KEY} selects the rows that have none: a click on any row of a breakdown filters to it.
 * Ticket outcomes have no metric, so FCR and handle time are of every ticket the other conditions select.
 */
public record SummaryFilter(Optional<String> source, Optional<String> agent, Optional<String> group,
                            Optional<String> channel, Optional<Metric> metric) {
    /** The key of the rows without an agent or group, as {@link SummaryQuery.By} names them. */
    public static final String NONE_KEY = "(none)";

    private static final SummaryFilter ALL = new SummaryFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public SummaryFilter {
        source = source.filter(v -> !v.isBlank());
        agent = agent.filter(v -> !v.isBlank());
        group = group.filter(v -> !v.isBlank());
        channel = channel.filter(v -> !v.isBlank());
    }

    public static SummaryFilter all() {
        return ALL;
    }

    public static SummaryFilter ofSource(Optional<String> source) {
        return ALL.withSource(source.orElse(null));
    }

    public SummaryFilter withSource(String value) {
        return new SummaryFilter(Optional.ofNullable(value), agent, group, channel, metric);
    }

    public SummaryFilter withAgent(String value) {
        return new SummaryFilter(source, Optional.ofNullable(value), group, channel, metric);
    }

    public SummaryFilter withGroup(String value) {
        return new SummaryFilter(source, agent, Optional.ofNullable(value), channel, metric);
    }

    public SummaryFilter withChannel(String value) {
        return new SummaryFilter(source, agent, group, Optional.ofNullable(value), metric);
    }

    public SummaryFilter withMetric(Metric value) {
        return new SummaryFilter(source, agent, group, channel, Optional.ofNullable(value));
    }

    public boolean isAll() {
        return equals(ALL);
    }

    /**
     * The conditions on answers or surveys as SQL, each starting with {@code " AND "}, on a table alias
     * prefix such as {@code "s."} or {@code ""}.
     */
    public String answerSql(String alias) {
        return outcomeSql(alias) + (metric.isPresent() ? " AND " + alias + "metric = ?" : "");
    }

    /** The parameters of {@link #answerSql}, after the leading ones. */
    public Object[] answerParams(Object... leading) {
        List<Object> out = outcomeParamList(leading);
        metric.ifPresent(m -> out.add(m.id()));
        return out.toArray();
    }

    /** The conditions on ticket outcomes (which have no metric), as {@link #answerSql}. */
    public String outcomeSql(String alias) {
        StringBuilder out = new StringBuilder();
        source.ifPresent(v -> out.append(" AND ").append(alias).append("source = ?"));
        agent.ifPresent(v -> out.append(" AND ").append(SummaryQuery.By.AGENT.key(alias)).append(" = ?"));
        group.ifPresent(v -> out.append(" AND ").append(SummaryQuery.By.GROUP.key(alias)).append(" = ?"));
        channel.ifPresent(v -> out.append(" AND ").append(SummaryQuery.By.CHANNEL.key(alias)).append(" = ?"));
        return out.toString();
    }

    /** The parameters of {@link #outcomeSql}, after the leading ones. */
    public Object[] outcomeParams(Object... leading) {
        return outcomeParamList(leading).toArray();
    }

    private List<Object> outcomeParamList(Object... leading) {
        List<Object> out = new ArrayList<>(Arrays.asList(leading));
        source.ifPresent(out::add);
        agent.ifPresent(out::add);
        group.ifPresent(out::add);
        channel.ifPresent(out::add);
        return out;
    }
}
