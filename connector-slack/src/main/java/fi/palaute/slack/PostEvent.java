package fi.palaute.slack;

/** The {@code event_type} of the metadata on each kind of message the service posts. */
public enum PostEvent {
    ALERT("palaute_alert"),
    DIGEST("palaute_digest"),
    REMINDER("palaute_reminder"),
    ALERT_NOTE("palaute_alert_note");

    private final String eventType;

    PostEvent(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() { return eventType; }
}
