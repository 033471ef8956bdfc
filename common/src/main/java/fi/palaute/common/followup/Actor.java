package fi.palaute.common.followup;

import java.util.Objects;

/**
 * A person acting on a follow-up, as Slack names them: the user id (for mentions, {@code <@U123>}) and the
 * display name (for the API and the dashboard, which cannot resolve ids).
 */
public record Actor(String id, String name) {
    public Actor {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) name = id;
    }
}
