package fi.palaute.common.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * What every dashboard page's layout needs: the language, the title, which tab is open, the session (for
 * the sign-out form's CSRF token; null on the sign-in page) and the filter the tabs carry along.
 */
public record PageFrame(Messages text, String title, Tab current, DashboardAuth.Session session, ViewFilter filter) {

    /** The dashboard's pages, in the order of the navigation. */
    public enum Tab {
        OVERVIEW("/dashboard"), COMMENTS("/dashboard/comments"), FOLLOWUPS("/dashboard/followups"),
        EXPERIMENTS("/dashboard/experiments");

        private final String path;

        Tab(String path) {
            this.path = path;
        }

        public String path() { return path; }

        public String key() { return "tab." + name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** One link of the navigation. */
    public record Link(String label, String href, boolean current) {}

    public List<Link> tabs() {
        List<Link> out = new ArrayList<>();
        for (Tab t : Tab.values()) {
            String href = filter == null ? t.path()
                    : t == Tab.COMMENTS ? filter.with(t.path(), "by", null)
                    : t == Tab.OVERVIEW ? filter.overviewHref() : t.path();
            out.add(new Link(text.t(t.key()), href, t == current));
        }
        return out;
    }

    public boolean signedIn() {
        return session != null;
    }
}
