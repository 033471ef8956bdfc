package fi.palaute.common.dashboard;

import gg.jte.Content;

/** The one parameter of each page template: its frame and what the page shows. */
public final class Views {
    private Views() {}

    public record LoginView(PageFrame page, String next, boolean failed) {}

    public record OverviewView(PageFrame page, Overview overview) {}

    public record CommentsView(PageFrame page, CommentFeed.Page feed) {}

    /** A follow-ups or experiments page: the registered section's content, or null for the empty state. */
    public record SectionView(PageFrame page, Content content, String emptyKey) {}

    public record ErrorView(PageFrame page, String param, String detail) {}
}
