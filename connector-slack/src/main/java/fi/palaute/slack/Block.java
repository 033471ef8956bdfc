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

    record Divider() implements Block {
        @Override
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("type", "divider");
        }
    }
}
