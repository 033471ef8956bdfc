package fi.palaute.common.client;

/**
 * Why a vendor call is made, the {@code purpose} label of {@code palaute_api_calls_total}. Helpdesk API
 * budgets are per account and shared with every other app the support team runs, so the bill is shown by
 * what it buys: surveys, write-backs, the cached name and agent look-ups, and operator commands.
 */
public enum CallPurpose {
    /** Reading a solved ticket, recording its outcome and posting the survey. */
    SURVEY("survey"),
    /** Writing an answer back onto its ticket. */
    WRITE_BACK("write_back"),
    /** Agent and group names, and the agent directory; cached, so they do not recur per survey. */
    NAME_LOOKUP("name_lookup"),
    /** The {@code check} command. */
    CHECK("check"),
    /** The {@code setup} command (Zendesk webhook and trigger). */
    SETUP("setup"),
    /** A low-score alert posted to Slack. */
    ALERT("alert"),
    /** Closing the loop in Slack: alert updates after a click, modals, ephemeral notes, SLA reminders, App Home. */
    FOLLOW_UP("follow_up"),
    /** A digest posted to Slack. */
    DIGEST("digest"),
    /** A client nobody labelled; the flows' tests assert that none of their calls end up here. */
    UNSPECIFIED("unspecified");

    private final String label;

    CallPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
