package fi.palaute.slack;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code conversations.history} request (or {@code conversations.replies} when {@code threadTs} is set:
 * history lists only a channel's top-level messages, a thread's replies are read from the thread):
 * messages since {@code oldest}, {@code limit} a page, with their metadata ({@code include_all_metadata}).
 * {@code cursor} is the previous page's {@code next_cursor}, or null for the first page.
 */
public record HistoryRequest(String channel, String threadTs, Instant oldest, int limit, String cursor) {
    public HistoryRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(oldest, "oldest");
        if (limit < 1 || limit > 999) throw new IllegalArgumentException("limit " + limit + " is not within 1..999");
    }

    public HistoryRequest nextPage(String nextCursor) {
        return new HistoryRequest(channel, threadTs, oldest, limit, nextCursor);
    }

    /** {@code oldest} as Slack spells a message timestamp: seconds, a dot, microseconds. */
    public String oldestTs() {
        return oldest.getEpochSecond() + "." + String.format("%06d", oldest.getNano() / 1000);
    }
}
