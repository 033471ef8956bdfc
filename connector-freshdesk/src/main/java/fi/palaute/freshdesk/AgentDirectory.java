package fi.palaute.freshdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The account's agents by e-mail address and id, read from {@code GET /api/v2/agents} and kept for
 * {@link #MAX_AGE}. A ticket view cannot say whether its requester is an agent, and asking per address
 * would cost every survey a call; an account has far fewer agents than customers, so one page per 100
 * agents every few minutes answers "is this requester an agent" and "what is this agent called" for
 * every survey in between. An agent added since the last read is known at the next.
 */
final class AgentDirectory {
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final FreshdeskClient lookups;
    private final Clock clock;
    private Snapshot snapshot;

    private record Snapshot(Map<String, Agent> byEmail, Map<Long, Agent> byId, Instant readAt) {}

    AgentDirectory(FreshdeskClient lookups, Clock clock) {
        this.lookups = lookups;
        this.clock = clock;
    }

    boolean isAgent(String email) {
        return email != null && current().byEmail().containsKey(email.strip().toLowerCase(Locale.ROOT));
    }

    /** The agent's name and e-mail, when the directory lists the agent. */
    Optional<Agent.AgentContact> contact(long agentId) {
        Agent agent = current().byId().get(agentId);
        return agent == null ? Optional.empty() : Optional.ofNullable(agent.contact());
    }

    /** Synchronized: workers that find it stale at once wait for one read instead of each making their own. */
    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(snapshot.readAt().plus(MAX_AGE))) {
            List<Agent> agents = lookups.agents();
            Map<String, Agent> byEmail = new HashMap<>();
            Map<Long, Agent> byId = new HashMap<>();
            for (Agent a : agents) {
                byId.put(a.id(), a);
                if (a.contact() != null && a.contact().email() != null) {
                    byEmail.put(a.contact().email().strip().toLowerCase(Locale.ROOT), a);
                }
            }
            snapshot = new Snapshot(Map.copyOf(byEmail), Map.copyOf(byId), now);
        }
        return snapshot;
    }
}
