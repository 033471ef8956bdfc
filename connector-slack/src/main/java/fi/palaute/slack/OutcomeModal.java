package fi.palaute.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.palaute.common.followup.FollowUp;
import java.util.Optional;

/**
 * The modal Done opens ({@code callback_id} {@code followup_outcome}): a short outcome, required, and whether
 * the customer was reached. The follow-up id rides in {@code private_metadata}; the submission is read back
 * from {@code view.state.values} by block and action id.
 */
public final class OutcomeModal {
    public static final String CALLBACK_ID = "followup_outcome";
    static final String OUTCOME_BLOCK = "outcome";
    static final String OUTCOME_ACTION = "outcome_text";
    static final String REACHED_BLOCK = "reached";
    static final String REACHED_ACTION = "reached_choice";
    /** Long enough for "called, refunded the fee, she is happy"; a ticket note, not an essay. */
    static final int OUTCOME_MAX = 500;

    private OutcomeModal() {}

    public static ObjectNode view(FollowUp f) {
        JsonNodeFactory j = JsonNodeFactory.instance;
        ObjectNode view = j.objectNode().put("type", "modal").put("callback_id", CALLBACK_ID)
                .put("private_metadata", Long.toString(f.id()));
        view.set("title", plain("Follow-up outcome"));
        view.set("submit", plain("Close follow-up"));
        view.set("close", plain("Cancel"));
        ArrayNode blocks = view.putArray("blocks");
        blocks.addObject().put("type", "section").set("text", j.objectNode().put("type", "mrkdwn")
                .put("text", "Ticket #" + Mrkdwn.escape(f.ticketId()) + " · " + f.metric().name() + " " + f.score() + "/"
                        + f.metric().max() + ". The outcome goes onto the ticket as a private note."));
        ObjectNode outcome = blocks.addObject().put("type", "input").put("block_id", OUTCOME_BLOCK);
        outcome.set("label", plain("What came of it?"));
        outcome.set("element", j.objectNode().put("type", "plain_text_input").put("action_id", OUTCOME_ACTION)
                .put("multiline", true).put("max_length", OUTCOME_MAX));
        ObjectNode reached = blocks.addObject().put("type", "input").put("block_id", REACHED_BLOCK).put("optional", true);
        reached.set("label", plain("Did you reach the customer?"));
        ObjectNode radios = j.objectNode().put("type", "radio_buttons").put("action_id", REACHED_ACTION);
        radios.putArray("options").add(option("Yes", "yes")).add(option("No", "no"));
        reached.set("element", radios);
        return view;
    }

    /** The typed outcome, or empty when it is blank (Slack enforces it too, but the body is not to be trusted). */
    static Optional<String> outcome(JsonNode values) {
        String text = values.path(OUTCOME_BLOCK).path(OUTCOME_ACTION).path("value").asText("").strip();
        if (text.isEmpty()) return Optional.empty();
        return Optional.of(text.length() > OUTCOME_MAX ? text.substring(0, OUTCOME_MAX) : text);
    }

    static Boolean reached(JsonNode values) {
        String v = values.path(REACHED_BLOCK).path(REACHED_ACTION).path("selected_option").path("value").asText("");
        return switch (v) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static ObjectNode plain(String text) {
        return JsonNodeFactory.instance.objectNode().put("type", "plain_text").put("text", text);
    }

    private static ObjectNode option(String text, String value) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("text", plain(text));
        return o.put("value", value);
    }
}
