package fi.palaute.slack;

import fi.palaute.common.store.Database;
import java.util.Locale;
import java.util.Optional;

/**
 * Which helpdesk agent a Slack user is: the agent name recorded with the newest ticket outcome whose
 * assignee e-mail (as Zendesk's sideloaded user or Freshdesk's agent contact gave it) is theirs.
 */
public final class AgentDirectory {
    private final Database db;

    public AgentDirectory(Database db) {
        this.db = db;
    }

    public Optional<String> agentWithEmail(String email) {
        return db.read(tx -> tx.queryOne("""
                SELECT agent FROM ticket_outcomes WHERE agent_email = ? AND agent IS NOT NULL
                ORDER BY solved_at DESC LIMIT 1""", rs -> rs.getString(1), email.trim().toLowerCase(Locale.ROOT)));
    }
}
