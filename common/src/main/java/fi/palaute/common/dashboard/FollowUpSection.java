package fi.palaute.common.dashboard;

import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpState;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.followup.FollowUpSummary;
import fi.palaute.common.score.SummaryFilter;
import gg.jte.Content;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code /dashboard/followups}: the follow-ups of the low scores in the range (and the filter's helpdesk and
 * agent), newest first, optionally in one state ({@code state=open|claimed|closed}), under the same line the
 * digest shows. Read only: people claim and close them from the Slack alert.
 */
public final class FollowUpSection implements DashboardSection {
    /** A page lists at most this many; the API and the CSV-minded have {@code /api/followups}. */
    static final int MAX_ROWS = 500;

    private final FollowUpStore store;
    private final Duration sla;
    private final Clock clock;

    public FollowUpSection(FollowUpStore store, Duration sla, Clock clock) {
        this.store = store;
        this.sla = sla;
        this.clock = clock;
    }

    /** The template's one parameter. */
    public record View(Messages text, ViewFilter filter, Optional<FollowUpState> state, FollowUpSummary summary,
                       List<FollowUp> rows, long slaMinutes) {
        /** This page with the same filter, in one state or (null) all. The state is this page's own parameter. */
        public String stateHref(FollowUpState s) {
            String base = filter.href("/dashboard/followups");
            if (s == null) return base;
            return base + (base.contains("?") ? "&" : "?") + "state=" + s.id();
        }

        public List<FollowUpState> states() {
            return List.of(FollowUpState.values());
        }

        /** Ticket links go out only as http(s), never as another scheme a stored URL might carry. */
        public static boolean linkable(String url) {
            return url != null && (url.startsWith("https://") || url.startsWith("http://"));
        }
    }

    @Override
    public Content render(SectionContext context) {
        Optional<FollowUpState> state;
        try {
            state = context.request().queryParam("state").filter(s -> !s.isBlank()).map(FollowUpState::fromId);
        } catch (IllegalArgumentException e) {
            state = Optional.empty();
        }
        ViewFilter f = context.filter();
        SummaryFilter narrow = f.summary();
        List<FollowUp> inRange = store.created(f.from(), f.to(), narrow.agent()).stream()
                .filter(x -> narrow.source().map(x.source()::equals).orElse(true))
                .filter(x -> narrow.metric().map(m -> m == x.metric()).orElse(true))
                .toList();
        FollowUpSummary summary = FollowUpSummary.of(inRange, sla, clock.instant());
        Optional<FollowUpState> shown = state;
        List<FollowUp> rows = inRange.stream().filter(x -> shown.map(s -> s == x.state()).orElse(true))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).limit(MAX_ROWS).toList();
        return context.template("followups.jte", new View(context.text(), f, state, summary, rows, sla.toMinutes()));
    }
}
