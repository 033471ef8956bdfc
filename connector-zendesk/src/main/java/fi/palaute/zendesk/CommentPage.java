package fi.palaute.zendesk;

import java.util.List;

/** A page of ticket comments and the URL of the next page, null on the last. */
public record CommentPage(List<TicketComment> comments, String nextPage) {
    public CommentPage {
        comments = List.copyOf(comments);
    }
}
