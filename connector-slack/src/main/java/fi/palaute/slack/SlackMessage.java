package fi.palaute.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A message: Block Kit blocks plus the plain {@code text} Slack shows in notifications and where blocks
 * cannot be drawn. At most 50 blocks: the 50th says how many were left out.
 */
public record SlackMessage(String text, List<Block> blocks) {
    public static final int MAX_BLOCKS = 50;
    /** Slack truncates text over 40,000 characters; a notification needs far less. */
    public static final int TEXT_MAX = 3000;

    public SlackMessage {
        text = Mrkdwn.cutMarkup(text, TEXT_MAX);
        if (blocks.size() > MAX_BLOCKS) {
            List<Block> kept = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
            kept.add(new Block.Context(List.of("…and " + (blocks.size() - MAX_BLOCKS + 1) + " more blocks left out")));
            blocks = kept;
        }
        blocks = List.copyOf(blocks);
    }

    public ArrayNode blocksJson() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Block b : blocks) a.add(b.toJson());
        return a;
    }

    /** {@code {"text": …, "blocks": […]}}, the part every Slack message body shares. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("text", text);
        n.set("blocks", blocksJson());
        return n;
    }
}
