package fi.palaute.slack;

import java.util.List;
import java.util.Optional;

/** One page of {@code conversations.history} or {@code conversations.replies}, and the cursor to the next. */
public record HistoryPage(List<Message> messages, Optional<String> nextCursor) {
    public HistoryPage {
        messages = List.copyOf(messages);
    }

    /** A message in the page: its timestamp id and, when it carries any, its metadata. */
    public record Message(String ts, Optional<MessageMetadata> metadata) {}
}
