package fi.palaute.slack;

import java.util.Arrays;

/** Where a job's post stands in {@code slack_posts}. */
public enum SlackPostState {
    /** An attempt was started and its outcome is not known: the message may be in the channel. */
    SENDING("sending"),
    /** The last attempt was answered with a refusal (or never reached Slack): nothing was posted. */
    NOT_POSTED("not_posted"),
    /** Slack took it; {@code message_ts} is its id. */
    POSTED("posted");

    private final String id;

    SlackPostState(String id) {
        this.id = id;
    }

    public String id() { return id; }

    public static SlackPostState fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown slack post state " + id));
    }
}
