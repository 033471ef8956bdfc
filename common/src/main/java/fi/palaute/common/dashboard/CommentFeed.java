package fi.palaute.common.dashboard;

import fi.palaute.common.score.Metric;
import fi.palaute.common.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The comments feed: current answers, newest first, with the ticket's link, filtered as the page asks.
 * Pages are keyset-paged (older than the last answer shown), so page 1,000 costs what page 1 does.
 * Answers flagged as automated are left out unless asked for, and so are answers without a comment.
 */
public final class CommentFeed {
    public static final int PAGE_SIZE = 25;

    /** One answer as the feed shows it. */
    public record Comment(long id, String source, String ticketId, String ticketUrl, Metric metric, int score,
                          String comment, Instant answeredAt, String agent, String group, String channel, boolean suspectedBot,
                          String botReason) {
        public ViewFilter.Band band() {
            for (ViewFilter.Band b : ViewFilter.Band.values()) if (b.contains(metric, score)) return b;
            throw new IllegalStateException("every score is in a band");
        }
    }

    /** One page of the feed, and where the next (older) page starts when there is one. */
    public record Page(List<Comment> comments, Optional<ViewFilter.Cursor> older) {}

    private static final String COLUMNS = "SELECT a.id, a.source, a.ticket_id, s.ticket_url, a.metric, a.score, a.comment,"
            + " a.answered_at, a.agent, a.agent_group, a.channel, a.suspected_bot, a.bot_reason"
            + " FROM answers a JOIN surveys s ON s.id = a.survey_id";

    private final Database db;

    public CommentFeed(Database db) {
        this.db = db;
    }

    public Page page(ViewFilter f) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append(where(f, params));
        f.before().ifPresent(c -> {
            sql.append(" AND (a.answered_at < ? OR (a.answered_at = ? AND a.id < ?))");
            params.addAll(List.of(c.answeredAt(), c.answeredAt(), c.id()));
        });
        sql.append(" ORDER BY a.answered_at DESC, a.id DESC LIMIT ").append(PAGE_SIZE + 1);
        List<Comment> rows = db.read(tx -> tx.query(sql.toString(), CommentFeed::comment, params.toArray()));
        if (rows.size() <= PAGE_SIZE) return new Page(rows, Optional.empty());
        Comment last = rows.get(PAGE_SIZE - 1);
        return new Page(List.copyOf(rows.subList(0, PAGE_SIZE)),
                Optional.of(new ViewFilter.Cursor(last.answeredAt().toEpochMilli(), last.id())));
    }

    /**
     * Every answer the filter selects (no paging), newest first, handed over as it is read from one
     * read-only snapshot: the CSV download, whose memory does not grow with the number of rows.
     */
    public void each(ViewFilter f, Consumer<Comment> sink) {
        List<Object> params = new ArrayList<>();
        String sql = COLUMNS + where(f, params) + " ORDER BY a.answered_at DESC, a.id DESC";
        db.read(tx -> {
            tx.stream(sql, rs -> {
                sink.accept(comment(rs));
                return null;
            }, params.toArray());
            return null;
        });
    }

    private static String where(ViewFilter f, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE a.answered_at >= ? AND a.answered_at < ? AND a.replaced_at IS NULL");
        params.add(f.from().toEpochMilli());
        params.add(f.to().toEpochMilli());
        w.append(f.summary().answerSql("a."));
        params.addAll(Arrays.asList(f.summary().answerParams()));
        if (!f.withBots()) w.append(" AND a.suspected_bot = 0");
        if (!f.withoutComments()) w.append(" AND a.comment IS NOT NULL AND a.comment <> ''");
        f.band().ifPresent(band -> {
            List<String> alternatives = new ArrayList<>();
            for (Metric m : f.metric().map(List::of).orElse(List.of(Metric.values()))) {
                int low = m.min();
                int high = m.max();
                switch (band) {
                    case LOW -> high = m.alertAtOrBelow();
                    case HIGH -> low = m.goodFrom();
                    case NEUTRAL -> {
                        low = m.alertAtOrBelow() + 1;
                        high = m.goodFrom() - 1;
                    }
                }
                if (low > high) continue;
                alternatives.add("(a.metric = ? AND a.score BETWEEN ? AND ?)");
                params.addAll(List.of(m.id(), low, high));
            }
            w.append(alternatives.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", alternatives) + ")");
        });
        f.text().ifPresent(q -> {
            // LIKE with the wildcards of the search text escaped; lower-cased on both sides, as SQLite's
            // LIKE ignores case (ASCII only) and PostgreSQL's does not.
            String escaped = q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            w.append(" AND LOWER(a.comment) LIKE ? ESCAPE '\\'");
            params.add("%" + escaped + "%");
        });
        return w.toString();
    }

    private static Comment comment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Comment(rs.getLong("id"), rs.getString("source"), rs.getString("ticket_id"), rs.getString("ticket_url"),
                Metric.fromId(rs.getString("metric")), rs.getInt("score"), rs.getString("comment"),
                Instant.ofEpochMilli(rs.getLong("answered_at")), rs.getString("agent"), rs.getString("agent_group"),
                rs.getString("channel"), rs.getInt("suspected_bot") != 0, rs.getString("bot_reason"));
    }

}
