package fi.palaute.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code chat.postMessage} request: a message to one channel, or into a message's thread when
 * {@code threadTs} is set. Link previews are off: ticket links would unfurl into noise.
 */
public record PostMessage(String channel, SlackMessage message, String threadTs) {
    public PostMessage(String channel, SlackMessage message) {
        this(channel, message, null);
    }

    public ObjectNode toJson() {
        ObjectNode n = message.toJson();
        ObjectNode body = n.objectNode().put("channel", channel);
        if (threadTs != null) body.put("thread_ts", threadTs);
        body.setAll(n);
        body.put("unfurl_links", false).put("unfurl_media", false);
        return body;
    }
}
