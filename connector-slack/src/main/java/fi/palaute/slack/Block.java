package fi.palaute.slack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The few Block Kit blocks Palaute posts. Each cuts its text to Slack's limit, because Slack rejects the
 * whole message ({@code invalid_blocks}) rather than trimming an over-long block.
 */
public sealed interface Block {
    int HEADER_MAX = 150;
    int SECTION_MAX = 3000;
    int CONTEXT_ELEMENT_MAX = 2000;

    ObjectNode toJson();

    /** Plain-text title. */
    record Header(String text) implements Block {
        public Header {
            text = Mrkdwn.cut(text, HEADER_MAX);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", "header");
            n.putObject("text").put("type", "plain_text").put("text", text).put("emoji", true);
            return n;
        }
    }

    /** A paragraph of mrkdwn; the caller has escaped any user text in it. */
    record Section(String mrkdwn) implements Block {
        public Section {
            mrkdwn = Mrkdwn.cutMarkup(mrkdwn, SECTION_MAX);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", "section");
            n.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
            return n;
        }
    }

    /** Small grey print under a message. */
    record Context(List<String> mrkdwn) implements Block {
        public Context {
            mrkdwn = mrkdwn.stream().limit(10).map(t -> Mrkdwn.cutMarkup(t, CONTEXT_ELEMENT_MAX)).toList();
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", "context");
            var elements = n.putArray("elements");
            for (String t : mrkdwn) elements.addObject().put("type", "mrkdwn").put("text", t);
            return n;
        }
    }

    /** Buttons in a row. A new block id per state, as Slack asks, so an updated message redraws them. */
    record Actions(String blockId, List<Button> buttons) implements Block {
        public Actions {
            buttons = List.copyOf(buttons);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", "actions").put("block_id", blockId);
            var elements = n.putArray("elements");
            for (Button b : buttons) elements.add(b.toJson());
            return n;
        }
    }

    /** A button; {@code style} is {@code primary}, {@code danger} or null for the default look. */
    record Button(String actionId, String text, String value, String style) {
        public ObjectNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", "button").put("action_id", actionId);
            n.putObject("text").put("type", "plain_text").put("text", text).put("emoji", true);
            n.put("value", value);
            if (style != null) n.put("style", style);
            return n;
        }
    }

    record Divider() implements Block {
        @Override
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("type", "divider");
        }
    }
}
